#include "store/Projection.h"

#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

namespace onewindow::store {

const QStringList kCaseColumns{
    QStringLiteral("case_id"),         QStringLiteral("case_number"),
    QStringLiteral("query_code"),      QStringLiteral("item_code"),
    QStringLiteral("item_version"),    QStringLiteral("item_name"),
    QStringLiteral("department"),      QStringLiteral("profile"),
    QStringLiteral("applicant_name"),  QStringLiteral("applicant_id"),
    QStringLiteral("applicant_phone"), QStringLiteral("clerk_id"),
    QStringLiteral("window_code"),     QStringLiteral("status"),
    QStringLiteral("is_open"),         QStringLiteral("received_date"),
    QStringLiteral("accepted_date"),   QStringLiteral("decided_date"),
    QStringLiteral("closed_date"),     QStringLiteral("deemed_accepted"),
    QStringLiteral("repeat_notices"),  QStringLiteral("due_date"),
    QStringLiteral("yellow_from"),     QStringLiteral("suspended"),
    QStringLiteral("provisional"),     QStringLiteral("event_count"),
    QStringLiteral("rejected_count"),
};

const QStringList kClockColumns{
    QStringLiteral("case_id"),        QStringLiteral("kind"),
    QStringLiteral("trigger_date"),   QStringLiteral("limit_days"),
    QStringLiteral("extension_days"), QStringLiteral("deadline"),
    QStringLiteral("yellow_from"),    QStringLiteral("stopped_date"),
    QStringLiteral("excluded_days"),  QStringLiteral("provisional"),
};

namespace {

QVariant date(const std::optional<QDate>& d)
{
    return d && d->isValid() ? QVariant(d->toString(Qt::ISODate))
                             : QVariant(QMetaType(QMetaType::QString));
}

QVariant date(const QDate& d)
{
    return date(std::optional<QDate>(d));
}

QString placeholders(qsizetype n)
{
    QStringList marks;
    for (qsizetype i = 0; i < n; ++i)
        marks.append(QStringLiteral("?"));
    return marks.join(QStringLiteral(", "));
}

// Values read back from SQLite come as the types they were stored with; normalise them so a
// stored row compares equal to a computed one.
QVariant normalise(const QVariant& v)
{
    if (v.isNull())
        return QVariant(QMetaType(QMetaType::QString));
    if (v.typeId() == QMetaType::LongLong || v.typeId() == QMetaType::Int)
        return QVariant(v.toLongLong());
    return QVariant(v.toString());
}

QVariantList normalised(QVariantList row)
{
    for (QVariant& v : row)
        v = normalise(v);
    return row;
}

} // namespace

CaseProjection projectCase(const core::CaseState& s, const core::ServiceItem& item,
                           const QList<core::CaseClock>& clocks)
{
    std::optional<QDate> due;
    std::optional<QDate> yellow;
    bool provisional = false;
    CaseProjection p;
    for (const core::CaseClock& c : clocks) {
        const core::ClockResult& r = c.clock;
        const bool running = !r.stopped && s.isOpen();
        if (running) {
            if (!due || r.deadline < *due)
                due = r.deadline;
            if (!yellow || r.yellowFrom < *yellow)
                yellow = r.yellowFrom;
            provisional = provisional || r.provisional;
        }
        p.clockRows.append(normalised({s.caseId, core::clockKindKey(c.kind), date(r.trigger),
                                       r.limit, r.extension, date(r.deadline), date(r.yellowFrom),
                                       date(r.stopped), r.excludedDays, r.provisional ? 1 : 0}));
    }
    std::sort(p.clockRows.begin(), p.clockRows.end(),
              [](const QVariantList& a, const QVariantList& b) {
                  return a[1].toString() < b[1].toString();
              });
    const core::CaseTimeline& t = s.timeline;
    const std::optional<QDate> closed =
        t.delivered ? t.delivered : (t.refused ? t.refused : t.closedWithoutDecision);
    const QString applicantId = s.applicant.organisation ? s.applicant.uscc : s.applicant.idNumber;
    p.caseRow = normalised({s.caseId,
                            s.caseNumber,
                            s.queryCode,
                            s.itemCode,
                            s.itemVersion,
                            item.name,
                            item.department,
                            core::profileKey(item.profile),
                            s.applicant.name,
                            applicantId,
                            s.applicant.phone,
                            s.receivedBy,
                            s.windowCode,
                            core::caseStatusKey(s.status),
                            s.isOpen() ? 1 : 0,
                            date(t.received),
                            date(t.accepted),
                            date(t.decided),
                            s.isOpen() ? date(std::nullopt) : date(closed),
                            t.deemedAccepted ? 1 : 0,
                            s.repeatNotices,
                            date(due),
                            date(yellow),
                            s.status == core::CaseStatus::Suspended ? 1 : 0,
                            provisional ? 1 : 0,
                            s.eventCount,
                            static_cast<int>(s.rejected.size())});
    return p;
}

ProjectionWriter::ProjectionWriter(const QSqlDatabase& db)
    : m_case(db), m_deleteClocks(db), m_insertClock(db)
{
    m_case.prepare(
        QStringLiteral("INSERT OR REPLACE INTO cases (%1) VALUES (%2)")
            .arg(kCaseColumns.join(QStringLiteral(", ")), placeholders(kCaseColumns.size())));
    m_deleteClocks.prepare(QStringLiteral("DELETE FROM case_clocks WHERE case_id = ?"));
    m_insertClock.prepare(
        QStringLiteral("INSERT INTO case_clocks (%1) VALUES (%2)")
            .arg(kClockColumns.join(QStringLiteral(", ")), placeholders(kClockColumns.size())));
}

Status ProjectionWriter::write(const CaseProjection& p)
{
    const QString what = QStringLiteral("更新办件索引");
    for (int i = 0; i < p.caseRow.size(); ++i)
        m_case.bindValue(i, p.caseRow[i]);
    if (!m_case.exec())
        return sqlError("store.projection", what, m_case.lastError().text());
    m_deleteClocks.bindValue(0, p.caseRow.value(0));
    if (!m_deleteClocks.exec())
        return sqlError("store.projection", what, m_deleteClocks.lastError().text());
    for (const QVariantList& row : p.clockRows) {
        for (int i = 0; i < row.size(); ++i)
            m_insertClock.bindValue(i, row[i]);
        if (!m_insertClock.exec())
            return sqlError("store.projection", what, m_insertClock.lastError().text());
    }
    return {};
}

Status writeProjection(QSqlDatabase& db, const CaseProjection& p)
{
    return ProjectionWriter(db).write(p);
}

Result<CaseProjection> readProjection(const QSqlDatabase& db, const QString& caseId)
{
    CaseProjection p;
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT %1 FROM cases WHERE case_id = ?")
                  .arg(kCaseColumns.join(QStringLiteral(", "))));
    q.addBindValue(caseId);
    if (!q.exec())
        return sqlError("store.projection", QStringLiteral("读取办件索引"), q.lastError().text());
    if (q.next())
        for (int i = 0; i < kCaseColumns.size(); ++i)
            p.caseRow.append(normalise(q.value(i)));
    QSqlQuery c(db);
    c.prepare(QStringLiteral("SELECT %1 FROM case_clocks WHERE case_id = ? ORDER BY kind")
                  .arg(kClockColumns.join(QStringLiteral(", "))));
    c.addBindValue(caseId);
    if (!c.exec())
        return sqlError("store.projection", QStringLiteral("读取办件时限"), c.lastError().text());
    while (c.next()) {
        QVariantList row;
        for (int i = 0; i < kClockColumns.size(); ++i)
            row.append(normalise(c.value(i)));
        p.clockRows.append(row);
    }
    return p;
}

} // namespace onewindow::store
