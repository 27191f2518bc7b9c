#include "store/TimeFlagRecords.h"

#include "store/CaseQueries.h"
#include "store/EventRows.h"
#include "store/SyncRepository.h"

#include <QSqlError>
#include <QSqlQuery>

namespace onewindow::store {

namespace {

Error readError(const QSqlQuery& q)
{
    return sqlError("store.time_flags_read", QStringLiteral("读取时间存疑的记录"),
                    q.lastError().text());
}

// A null QString binds as NULL: the columns hold '' for "none".
QString text(const QString& s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

} // namespace

const QString kInsertTimeFlag = QStringLiteral(
    "INSERT INTO placement_time_flags (event_id, case_id, hall_seq, code, reason, window_code, "
    "received_at_utc, last_contact_at_utc) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
    "ON CONFLICT (event_id) DO NOTHING");

Status writeTimeFlag(QSqlQuery& prepared, const Placement& placement,
                     const core::sync::EventTimeFlag& flag)
{
    const QVariant values[] = {
        placement.eventId, placement.caseId,  placement.hallSeq,     flag.code,
        text(flag.reason), text(flag.window), text(flag.receivedAt), text(flag.lastContactAt)};
    for (int i = 0; i < 8; ++i)
        prepared.bindValue(i, values[i]);
    if (!prepared.exec())
        return sqlError("store.sync_write", QStringLiteral("保存时间标记"),
                        prepared.lastError().text());
    return {};
}

Result<QList<FlaggedRecord>> TimeFlagRecords::select(const QString& tail,
                                                     const QVariantList& binds) const
{
    QSqlQuery q(m_store.database());
    q.setForwardOnly(true);
    // From the few flags to the log by case (events_case): the log has no index by event id.
    const QString sql =
        QStringLiteral("SELECT %1, f.hall_seq, f.code, f.reason, f.window_code, f.received_at_utc, "
                       "f.last_contact_at_utc, COALESCE(c.case_number, '') "
                       "FROM placement_time_flags f CROSS JOIN events e ON e.case_id = f.case_id "
                       "AND e.event_id = f.event_id LEFT JOIN cases c ON c.case_id = f.case_id %2")
            .arg(prefixedColumns(kEventColumns, QStringLiteral("e")), tail);
    if (!q.prepare(sql))
        return readError(q);
    for (const QVariant& b : binds)
        q.addBindValue(b);
    if (!q.exec())
        return readError(q);
    QList<FlaggedRecord> out;
    while (q.next()) {
        auto e = eventFromRow(q);
        if (!e)
            return e.error();
        FlaggedRecord r;
        r.event = *e;
        r.hallSeq = q.value(10).toLongLong();
        r.flag = core::sync::EventTimeFlag{q.value(11).toString(), q.value(12).toString(),
                                           q.value(13).toString(), q.value(14).toString(),
                                           q.value(15).toString()};
        if (r.flag.reason.isEmpty())
            r.flag.reason = core::sync::eventTimeFlagText(r.flag.code);
        r.receivedAtUtc = QDateTime::fromString(r.flag.receivedAt, Qt::ISODateWithMs);
        r.caseNumber = q.value(16).toString();
        out.append(r);
    }
    return out;
}

Result<QList<FlaggedRecord>> TimeFlagRecords::all(int limit) const
{
    return select(QStringLiteral("ORDER BY f.hall_seq DESC LIMIT ?"), {limit});
}

Result<QHash<QString, FlaggedRecord>> TimeFlagRecords::ofCase(const QString& caseId) const
{
    auto flagged = select(QStringLiteral("WHERE f.case_id = ?"), {caseId});
    if (!flagged)
        return flagged.error();
    QHash<QString, FlaggedRecord> byEvent;
    for (const FlaggedRecord& r : *flagged)
        byEvent.insert(r.event.eventId, r);
    return byEvent;
}

} // namespace onewindow::store
