#include "server/storage/ServerEvents.h"

#include "core/SyncProtocol.h"
#include "server/storage/FoldVersions.h"

namespace onewindow::server {

core::Result<QString> ServerEvents::lockHall(const QString& hallCode)
{
    QSqlQuery q = m_db.query();
    if (!m_db.run(q,
                  QStringLiteral("SELECT zone FROM halls WHERE hall_code = ?") +
                      m_db.dialect().lockSuffix,
                  {hallCode}))
        return databaseError(m_db.lastError());
    if (!q.next())
        return core::Error{QStringLiteral("hall.unknown"),
                           QStringLiteral("没有大厅 %1").arg(hallCode)};
    return q.value(0).toString();
}

core::Result<QStringList> ServerEvents::casesHeldBy(const QString& hallCode,
                                                    const QString& deviceId)
{
    return textColumn(
        m_db,
        QStringLiteral("SELECT DISTINCT case_id FROM events WHERE device_id = ? AND "
                       "type = 'case.held' AND verdict = 'accepted' AND hall_code = ? "
                       "ORDER BY case_id"),
        {deviceId, hallCode});
}

core::Result<QStringList> ServerEvents::casesAfter(const QString& hallCode, const QString& after,
                                                   int limit)
{
    return textColumn(
        m_db,
        QStringLiteral("SELECT case_id FROM cases WHERE hall_code = ? AND case_id > ? "
                       "ORDER BY case_id LIMIT ?"),
        {hallCode, after, limit});
}

core::Result<QStringList> ServerEvents::casesPlacedBefore(const QString& hallCode,
                                                          const QString& after, qint64 before,
                                                          int limit)
{
    // Each case's first place by events_by_case (case_id, hall_seq): one index probe a case.
    return textColumn(m_db,
                      QStringLiteral("SELECT c.case_id FROM cases c WHERE c.hall_code = ? AND "
                                     "c.case_id > ? AND EXISTS (SELECT 1 FROM events e WHERE "
                                     "e.case_id = c.case_id AND e.hall_seq < ?) ORDER BY c.case_id "
                                     "LIMIT ?"),
                      {hallCode, after, before, limit});
}

core::Result<QString> ServerEvents::lastOwnEventAt(const QString& deviceId)
{
    QSqlQuery q = m_db.query();
    if (!m_db.run(q,
                  QStringLiteral("SELECT occurred_at FROM events WHERE device_id = ? ORDER BY "
                                 "device_seq DESC LIMIT 1"),
                  {deviceId}))
        return databaseError(m_db.lastError());
    return q.next() ? q.value(0).toString() : QString();
}

core::Result<QString> ServerEvents::dueCheckedOn(const QString& deviceId)
{
    QSqlQuery* q = m_db.runKept(
        QStringLiteral("SELECT due_checked_on FROM devices WHERE device_id = ?"), {deviceId});
    if (!q)
        return databaseError(m_db.lastError());
    const QString day = q->next() ? q->value(0).toString() : QString();
    q->finish();
    return day;
}

core::Status ServerEvents::setDueCheckedOn(const QString& deviceId, const QString& day)
{
    QSqlQuery q = m_db.query();
    if (!m_db.run(q, QStringLiteral("UPDATE devices SET due_checked_on = ? WHERE device_id = ?"),
                  {day, deviceId}))
        return databaseError(m_db.lastError());
    return {};
}

core::Result<qint64> ServerEvents::appendAccepted(const QString& hallCode, const core::Event& e,
                                                  const QString& reasonCode, const QString& reason,
                                                  const QString& receivedAt)
{
    QSqlQuery q = m_db.query();
    // Event ids are unique among a hall's accepted events (migration 0010): made twice, once.
    if (!m_db.run(q,
                  QStringLiteral("SELECT 1 FROM events WHERE hall_code = ? AND event_id = ? AND "
                                 "verdict = 'accepted'"),
                  {hallCode, e.eventId}))
        return databaseError(m_db.lastError());
    if (q.next())
        return qint64(0);
    q.finish();
    if (!m_db.run(
            q, QStringLiteral("UPDATE halls SET seq = seq + 1 WHERE hall_code = ? RETURNING seq"),
            {hallCode}) ||
        !q.next())
        return databaseError(m_db.lastError());
    const qint64 hallSeq = q.value(0).toLongLong();
    q.finish(); // SQLite completes an UPDATE ... RETURNING only when its rows are done
    const QJsonObject w = core::sync::eventToWire(e);
    const auto text = [&w](const char* key) { return w.value(QLatin1String(key)).toString(); };
    if (!m_db.run(q,
                  QStringLiteral("INSERT INTO events (hall_code, hall_seq, event_id, case_id, "
                                 "device_id, device_seq, hlc, actor_id, occurred_at, type, "
                                 "type_version, payload, checksum, verdict, reason_code, reason, "
                                 "winner_event_id, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
                                 "?, ?, ?, ?, ?, 'accepted', ?, ?, '', ?)"),
                  {hallCode, hallSeq, e.eventId, e.caseId, e.deviceId, e.deviceSeq, e.hlc,
                   e.actorId, text("occurred_at"), text("type"), e.typeVersion, text("payload"),
                   text("checksum"), reasonCode, reason, receivedAt}))
        return databaseError(m_db.lastError());
    if (core::sync::movesHead(e.type) &&
        !m_db.run(q, QStringLiteral("UPDATE cases SET head_event_id = ? WHERE case_id = ?"),
                  {e.eventId, e.caseId}))
        return databaseError(m_db.lastError());
    if (const int needs = core::sync::foldIntroducing(e.type); needs > 1)
        if (core::Status s = FoldVersions(m_db).raiseFloor(hallCode, needs); !s)
            return s.error();
    m_db.notifyHallMoved(hallCode); // waiting pulls of the hall answer at the commit
    return hallSeq;
}

} // namespace onewindow::server
