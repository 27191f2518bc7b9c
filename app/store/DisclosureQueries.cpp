#include "store/DisclosureQueries.h"

#include "core/DisclosureApplicant.h"

#include <QSqlError>
#include <QSqlQuery>

namespace onewindow::store {

namespace {

Error readError(const QSqlQuery& q)
{
    return sqlError("store.disclosure_read", QStringLiteral("读取政府信息公开申请"),
                    q.lastError().text());
}

const QString kDisclosure = core::profileKey(core::ProcedureProfile::Disclosure);

} // namespace

Result<core::AnnualTable> DisclosureQueries::annualTable(int year) const
{
    const QString first = QDate(year, 1, 1).toString(Qt::ISODate);
    const QString last = QDate(year, 12, 31).toString(Qt::ISODate);
    QSqlQuery q(m_cases.store().database());
    q.setForwardOnly(true);
    // Finished before the year (answered, or closed without an answer): none of its business.
    q.prepare(
        QStringLiteral("SELECT case_id FROM cases WHERE profile = ? AND received_date <= ? "
                       "AND (decided_date IS NULL OR decided_date >= ?) "
                       "AND (decided_date IS NOT NULL OR closed_date IS NULL OR closed_date >= ?) "
                       "ORDER BY received_date, case_number"));
    q.addBindValue(kDisclosure);
    q.addBindValue(last);
    q.addBindValue(first);
    q.addBindValue(first);
    if (!q.exec())
        return readError(q);
    QStringList ids;
    while (q.next())
        ids.append(q.value(0).toString());
    QList<core::AnnualCase> cases;
    for (const QString& id : ids) {
        auto loaded = m_cases.load(id);
        if (!loaded)
            return loaded.error();
        cases.append(core::annualCaseOf(loaded->state));
    }
    return core::annualTable(cases, year);
}

Result<int> DisclosureQueries::earlierApplicationsInMonth(const QString& caseId) const
{
    auto loaded = m_cases.load(caseId);
    if (!loaded)
        return loaded.error();
    const core::CaseState& s = loaded->state;
    const QString key = core::applicantFeeKey(s.applicant);
    if (key.isEmpty())
        return 0; // nobody to match: the application counts on its own
    const QDate received = s.timeline.received;
    const QDate monthStart(received.year(), received.month(), 1);
    QSqlQuery q(m_cases.store().database());
    q.setForwardOnly(true);
    // The index on applicant_id finds the applicant's cases; the same key (ID or USCC) is
    // compared as core normalises it.
    q.prepare(QStringLiteral(
        "SELECT case_id, applicant_id FROM cases WHERE profile = ? AND received_date >= ? "
        "AND (received_date < ? OR (received_date = ? AND case_number < ?)) "
        "AND upper(trim(applicant_id)) = ?"));
    q.addBindValue(kDisclosure);
    q.addBindValue(monthStart.toString(Qt::ISODate));
    q.addBindValue(received.toString(Qt::ISODate));
    q.addBindValue(received.toString(Qt::ISODate));
    q.addBindValue(s.caseNumber);
    q.addBindValue(key.mid(key.indexOf(QLatin1Char(':')) + 1));
    if (!q.exec())
        return readError(q);
    int n = 0;
    while (q.next())
        ++n;
    return n;
}

} // namespace onewindow::store
