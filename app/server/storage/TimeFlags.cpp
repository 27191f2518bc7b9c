#include "server/storage/TimeFlags.h"

#include "core/EventChecksum.h"

#include <QSqlQuery>

namespace onewindow::server {

namespace {

core::Error flagError(const QString& why)
{
    return {QStringLiteral("db.time_flags"), QStringLiteral("读写时间标记失败：%1").arg(why)};
}

} // namespace

core::Status TimeFlags::touchContact(const QString& deviceId)
{
    QSqlQuery q = m_db.query();
    if (!m_db.run(q, QStringLiteral("UPDATE devices SET last_contact_at = ? WHERE device_id = ?"),
                  {QString::fromUtf8(core::canonicalTimeText(m_clock.nowUtc())), deviceId}))
        return flagError(m_db.lastError());
    return {};
}

core::Result<QString> TimeFlags::lastContact(const QString& deviceId)
{
    QSqlQuery* q = m_db.runKept(
        QStringLiteral("SELECT last_contact_at FROM devices WHERE device_id = ?"), {deviceId});
    if (!q)
        return flagError(m_db.lastError());
    const QString at = q->next() ? q->value(0).toString() : QString();
    q->finish();
    return at;
}

core::Status TimeFlags::flag(const QString& hallCode, qint64 hallSeq, const QString& eventId,
                             const QString& deviceId, const QString& reasonCode,
                             const QString& occurredAt, const QString& receivedAt,
                             const QString& lastContactAt)
{
    if (!m_db.runKept(QStringLiteral("INSERT INTO time_flags (hall_code, hall_seq, event_id, "
                                     "device_id, reason_code, occurred_at, received_at, "
                                     "last_contact_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
                      {hallCode, hallSeq, eventId, deviceId, reasonCode, occurredAt, receivedAt,
                       lastContactAt}))
        return flagError(m_db.lastError());
    return {};
}

core::Result<QList<TimeFlag>> TimeFlags::list(const QString& hallCode, int limit)
{
    QSqlQuery q = m_db.query();
    if (!m_db.run(q,
                  QStringLiteral(
                      "SELECT f.hall_seq, f.event_id, f.device_id, d.window_code, e.type, "
                      "f.reason_code, f.occurred_at, f.received_at, f.last_contact_at FROM "
                      "time_flags f JOIN events e ON e.hall_code = f.hall_code AND e.hall_seq = "
                      "f.hall_seq LEFT JOIN devices d ON d.device_id = f.device_id WHERE "
                      "f.hall_code = ? ORDER BY f.hall_seq DESC LIMIT ?"),
                  {hallCode, limit}))
        return flagError(m_db.lastError());
    QList<TimeFlag> flags;
    while (q.next())
        flags.prepend(TimeFlag{q.value(0).toLongLong(), q.value(1).toString(),
                               q.value(2).toString(), q.value(3).toString(), q.value(4).toString(),
                               q.value(5).toString(), q.value(6).toString(), q.value(7).toString(),
                               q.value(8).toString()});
    return flags;
}

} // namespace onewindow::server
