#include "store/CaseQueries.h"

#include "core/CaseNumber.h"
#include "core/CaseState.h"
#include "core/Identifiers.h"

#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

namespace onewindow::store {

namespace {

const QString kRowColumns =
    QStringLiteral("case_id, case_number, query_code, item_code, item_name, department, profile, "
                   "applicant_name, applicant_id, "
                   "applicant_phone, clerk_id, window_code, status, is_open, received_date, "
                   "accepted_date, decided_date, due_date, "
                   "yellow_from, suspended, provisional, deemed_accepted, repeat_notices, "
                   "holder_window");

// Red first, then yellow, then the rest; cases without a running clock last.
const QString kUrgencyOrder = QStringLiteral(
    " ORDER BY CASE WHEN due_date < :today THEN 0 WHEN yellow_from <= :today THEN 1 ELSE 2 END, "
    "due_date IS NULL, due_date, case_number");

} // namespace

QDate storedDate(const QVariant& v)
{
    if (v.isNull())
        return QDate();
    const QString s = v.toString();
    if (s.size() != 10 || s[4] != QLatin1Char('-') || s[7] != QLatin1Char('-'))
        return QDate::fromString(s, Qt::ISODate);
    auto digits = [&s](int from, int n) {
        int value = 0;
        for (int i = from; i < from + n; ++i)
            value = value * 10 + (s[i].unicode() - u'0');
        return value;
    };
    return QDate(digits(0, 4), digits(5, 2), digits(8, 2));
}

QString prefixedColumns(const QString& columns, const QString& alias)
{
    QStringList out;
    for (const QString& c : columns.split(QLatin1Char(',')))
        out.append(alias + QLatin1Char('.') + c.trimmed());
    return out.join(QStringLiteral(", "));
}

QString caseRowColumns(const QString& alias)
{
    // `provisional` of a row is that of its due date: the case's flag says some running clock
    // touched a provisional year, but the due date is one clock's, and another clock's year must
    // not mark it (issue 16). Only provisional cases look at their clocks; no comma, so the list
    // still counts its columns by commas.
    const QString t = alias.isEmpty() ? QStringLiteral("cases") : alias;
    const QString own =
        QStringLiteral("CASE WHEN %1.provisional = 0 THEN 0 WHEN %1.due_date IS NULL THEN 1 "
                       "WHEN EXISTS (SELECT 1 FROM case_clocks k WHERE k.case_id = %1.case_id AND "
                       "k.deadline = %1.due_date AND k.stopped_date IS NULL AND k.provisional = 1) "
                       "THEN 1 ELSE 0 END")
            .arg(t);
    QString columns = alias.isEmpty() ? kRowColumns : prefixedColumns(kRowColumns, alias);
    const QString plain = alias.isEmpty() ? QStringLiteral(" provisional,")
                                          : QStringLiteral(" %1.provisional,").arg(t);
    return columns.replace(plain, QLatin1Char(' ') + own + QLatin1Char(','));
}

CaseRow caseRowFrom(const QSqlQuery& q, int first)
{
    CaseRow r;
    r.caseId = q.value(first + 0).toString();
    r.caseNumber = q.value(first + 1).toString();
    r.queryCode = q.value(first + 2).toString();
    r.itemCode = q.value(first + 3).toString();
    r.itemName = q.value(first + 4).toString();
    r.department = q.value(first + 5).toString();
    r.profile = q.value(first + 6).toString();
    r.applicantName = q.value(first + 7).toString();
    r.applicantId = q.value(first + 8).toString();
    r.applicantPhone = q.value(first + 9).toString();
    r.clerkId = q.value(first + 10).toString();
    r.windowCode = q.value(first + 11).toString();
    r.status = q.value(first + 12).toString();
    r.open = q.value(first + 13).toInt() != 0;
    r.receivedDate = storedDate(q.value(first + 14));
    r.acceptedDate = storedDate(q.value(first + 15));
    r.decidedDate = storedDate(q.value(first + 16));
    r.dueDate = storedDate(q.value(first + 17));
    r.yellowFrom = storedDate(q.value(first + 18));
    r.suspended = q.value(first + 19).toInt() != 0;
    r.provisional = q.value(first + 20).toInt() != 0;
    r.deemedAccepted = q.value(first + 21).toInt() != 0;
    r.repeatNotices = q.value(first + 22).toInt();
    r.holderWindow = q.value(first + 23).toString();
    return r;
}

core::WarningLevel CaseRow::levelOn(const QDate& today) const
{
    // A closed case keeps no running clock, so it reads as done on time.
    return core::warningLevelOn(dueDate, yellowFrom, open, open ? today : QDate());
}

Result<QList<CaseRow>> CaseQueries::select(const QString& whereAndOrder,
                                           const QVariantList& binds) const
{
    QSqlQuery q(m_store.database());
    q.setForwardOnly(true);
    q.prepare(
        QStringLiteral("SELECT %1 FROM cases %2").arg(caseRowColumns(QString()), whereAndOrder));
    for (int i = 0; i < binds.size(); ++i)
        q.addBindValue(binds[i]);
    if (!q.exec())
        return sqlError("store.cases_read", QStringLiteral("查询办件"), q.lastError().text());
    QList<CaseRow> out;
    while (q.next())
        out.append(caseRowFrom(q));
    return out;
}

Result<QList<CaseRow>> CaseQueries::openByUrgency(const QDate& today, int limit, int offset) const
{
    QSqlQuery q(m_store.database());
    q.setForwardOnly(true);
    q.prepare(
        QStringLiteral("SELECT %1 FROM cases WHERE is_open = 1 %2 LIMIT :limit OFFSET :offset")
            .arg(caseRowColumns(QString()), kUrgencyOrder));
    q.bindValue(QStringLiteral(":today"), today.toString(Qt::ISODate));
    q.bindValue(QStringLiteral(":limit"), limit);
    q.bindValue(QStringLiteral(":offset"), offset);
    if (!q.exec())
        return sqlError("store.cases_read", QStringLiteral("查询在办件"), q.lastError().text());
    QList<CaseRow> out;
    while (q.next())
        out.append(caseRowFrom(q));
    return out;
}

Result<QList<CaseRow>> CaseQueries::clerkOpen(const QString& clerkId, const QDate& today,
                                              int limit) const
{
    QSqlQuery q(m_store.database());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral(
                  "SELECT %1 FROM cases WHERE is_open = 1 AND clerk_id = :clerk %2 LIMIT :limit")
                  .arg(caseRowColumns(QString()), kUrgencyOrder));
    q.bindValue(QStringLiteral(":clerk"), clerkId);
    q.bindValue(QStringLiteral(":today"), today.toString(Qt::ISODate));
    q.bindValue(QStringLiteral(":limit"), limit);
    if (!q.exec())
        return sqlError("store.cases_read", QStringLiteral("查询我的在办件"), q.lastError().text());
    QList<CaseRow> out;
    while (q.next())
        out.append(caseRowFrom(q));
    return out;
}

Result<QList<CaseRow>> CaseQueries::overdue(const QDate& today, int limit) const
{
    return select(QStringLiteral("WHERE is_open = 1 AND due_date < ? ORDER BY due_date LIMIT ?"),
                  {today.toString(Qt::ISODate), limit});
}

Result<QList<CaseRow>> CaseQueries::awaitingCorrection(int limit) const
{
    return byStatus(QStringLiteral("awaiting_correction"), limit);
}

Result<QList<CaseRow>> CaseQueries::deemedAccepted(int limit) const
{
    return select(QStringLiteral("WHERE deemed_accepted = 1 ORDER BY received_date DESC LIMIT ?"),
                  {limit});
}

Result<QList<CaseRow>> CaseQueries::forwardedTo(const QString& department, int limit) const
{
    // Among the few open cases (cases_open_status), each one's forwardings along events_case; a
    // forwarding the hall rejected (placement) does not count.
    return select(
        QStringLiteral("WHERE is_open = 1 AND status IN ('in_progress', 'suspended') AND ("
                       "SELECT json_extract(e.payload, '$.to') FROM events e "
                       "LEFT JOIN placement p ON p.event_id = e.event_id "
                       "WHERE e.case_id = cases.case_id AND e.type = 'case.forwarded' "
                       "AND (p.verdict IS NULL OR p.verdict = 'accepted') "
                       "ORDER BY p.hall_seq IS NULL DESC, p.hall_seq DESC, e.hlc DESC LIMIT 1) = ? "
                       "ORDER BY due_date IS NULL, due_date, case_number LIMIT ?"),
        {department, limit});
}

Result<QList<CaseQueries::Ready>> CaseQueries::readyForPickup(int limit) const
{
    // Among the few open cases (cases_open_status), each one's decision along events_case; a
    // decision the hall rejected (placement) did not bring the result back.
    QSqlQuery q(m_store.database());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral(
                  "SELECT %1, (SELECT min(e.occurred_at_utc) FROM events e "
                  "LEFT JOIN placement p ON p.event_id = e.event_id WHERE e.case_id = "
                  "cases.case_id AND e.type = 'case.decided' AND (p.verdict IS NULL OR "
                  "p.verdict = 'accepted')) AS ready_at FROM cases WHERE is_open = 1 AND status "
                  "IN ('decided', 'result_ready') ORDER BY ready_at IS NULL, ready_at, "
                  "case_number LIMIT ?")
                  .arg(caseRowColumns(QString())));
    q.addBindValue(limit);
    if (!q.exec())
        return sqlError("store.cases_read", QStringLiteral("查询待出件办件"), q.lastError().text());
    QList<Ready> out;
    // ready_at follows the row's columns.
    const int kReadyAt = static_cast<int>(caseRowColumns().count(QLatin1Char(','))) + 1;
    while (q.next())
        out.append(Ready{caseRowFrom(q),
                         QDateTime::fromString(q.value(kReadyAt).toString(), Qt::ISODateWithMs)});
    return out;
}

Result<QList<CaseRow>> CaseQueries::byStatus(const QString& status, int limit) const
{
    // Open states are found among the few open cases (cases_open) and ordered by their deadline;
    // closed ones (hundreds of thousands) newest first along cases_received.
    const auto known = core::caseStatusFromKey(status);
    const bool closed =
        known && (*known == core::CaseStatus::Delivered || *known == core::CaseStatus::Refused ||
                  *known == core::CaseStatus::Withdrawn || *known == core::CaseStatus::Abandoned);
    if (closed)
        return select(QStringLiteral("WHERE status = ? ORDER BY received_date DESC LIMIT ?"),
                      {status, limit});
    return select(
        QStringLiteral(
            "WHERE is_open = 1 AND status = ? ORDER BY due_date IS NULL, due_date LIMIT ?"),
        {status, limit});
}

Result<QList<CaseRow>> CaseQueries::byCaseNumber(const QString& caseNumber) const
{
    return select(QStringLiteral("WHERE case_number = ?"), {caseNumber.trimmed()});
}

Result<QList<CaseRow>> CaseQueries::byQueryCode(const QString& queryCode) const
{
    return select(QStringLiteral("WHERE query_code = ? ORDER BY received_date DESC LIMIT 50"),
                  {queryCode.trimmed()});
}

Result<QList<CaseRow>> CaseQueries::byApplicantNamePrefix(const QString& prefix, int limit) const
{
    // A range on the index instead of LIKE, which SQLite cannot serve from an index here. Text
    // compares as UTF-8 bytes, so the bound is the last code point, U+10FFFF (a noncharacter,
    // never in a name): U+FFFF would cut off names going on beyond the BMP (CJK Extension B).
    const QString p = prefix.trimmed();
    static const QString last = QString::fromUcs4(U"\U0010FFFF", 1);
    return select(
        QStringLiteral("WHERE applicant_name >= ? AND applicant_name < ? ORDER BY applicant_name, "
                       "received_date DESC LIMIT ?"),
        {p, p + last, limit});
}

Result<QList<CaseRow>> CaseQueries::byIdNumber(const QString& idNumber, int limit) const
{
    return select(QStringLiteral("WHERE applicant_id = ? ORDER BY received_date DESC LIMIT ?"),
                  {idNumber.trimmed().toUpper(), limit});
}

Result<QList<CaseRow>> CaseQueries::byPhone(const QString& phone, int limit) const
{
    return select(QStringLiteral("WHERE applicant_phone = ? ORDER BY received_date DESC LIMIT ?"),
                  {phone.trimmed(), limit});
}

Result<QList<CaseRow>> CaseQueries::search(const QString& text, int limit) const
{
    const QString t = text.trimmed();
    static const QRegularExpression queryCode(QStringLiteral("^\\d{6}$"));
    static const QRegularExpression idNumber(QStringLiteral("^[0-9A-Za-z]{18}$"));
    if (t.isEmpty())
        return QList<CaseRow>();
    if (Result<core::CaseNumber> number = core::CaseNumber::parse(t.toUpper()))
        return byCaseNumber(number->text());
    if (queryCode.match(t).hasMatch())
        return byQueryCode(t);
    if (core::checkMobile(t))
        return byPhone(t, limit);
    if (idNumber.match(t).hasMatch())
        return byIdNumber(t, limit);
    return byApplicantNamePrefix(t, limit);
}

Result<QList<CaseRow>> CaseQueries::between(DateField field, const QDate& from, const QDate& to,
                                            int limit) const
{
    const QString column = field == DateField::Received   ? QStringLiteral("received_date")
                           : field == DateField::Accepted ? QStringLiteral("accepted_date")
                                                          : QStringLiteral("decided_date");
    return select(QStringLiteral("WHERE %1 BETWEEN ? AND ? ORDER BY %1 LIMIT ?").arg(column),
                  {from.toString(Qt::ISODate), to.toString(Qt::ISODate), limit});
}

Result<int> CaseQueries::countBetween(DateField field, const QDate& from, const QDate& to) const
{
    const QString column = field == DateField::Received   ? QStringLiteral("received_date")
                           : field == DateField::Accepted ? QStringLiteral("accepted_date")
                                                          : QStringLiteral("decided_date");
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral("SELECT count(*) FROM cases WHERE %1 BETWEEN ? AND ?").arg(column));
    q.addBindValue(from.toString(Qt::ISODate));
    q.addBindValue(to.toString(Qt::ISODate));
    if (!q.exec() || !q.next())
        return sqlError("store.cases_read", QStringLiteral("统计办件"), q.lastError().text());
    return q.value(0).toInt();
}

Result<QHash<QString, int>> CaseQueries::countsByStatus(const QString& clerkId) const
{
    QSqlQuery q(m_store.database());
    if (clerkId.isEmpty()) {
        q.prepare(
            QStringLiteral("SELECT status, count(*) FROM cases WHERE is_open = 1 GROUP BY status"));
    } else {
        q.prepare(QStringLiteral("SELECT status, count(*) FROM cases WHERE is_open = 1 AND "
                                 "clerk_id = ? GROUP BY status"));
        q.addBindValue(clerkId);
    }
    if (!q.exec())
        return sqlError("store.cases_read", QStringLiteral("统计办件"), q.lastError().text());
    QHash<QString, int> out;
    while (q.next())
        out.insert(q.value(0).toString(), q.value(1).toInt());
    return out;
}

Result<int> CaseQueries::caseCount() const
{
    QSqlQuery q(m_store.database());
    if (!q.exec(QStringLiteral("SELECT count(*) FROM cases")) || !q.next())
        return sqlError("store.cases_read", QStringLiteral("统计办件"), q.lastError().text());
    return q.value(0).toInt();
}

} // namespace onewindow::store
