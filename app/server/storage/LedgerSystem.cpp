// Decision 4: system events in a push (docs/sync-protocol.md, "POST /v1/push"). A deemed
// acceptance, abandonment or fee lapse stands outside every device's sequence, as the only event
// of its pseudo-device `system/<event id>` at sequence 1, so the hall holds it once: accepted, from
// whichever device (or the server itself) made it first. A refused copy takes no place in the
// hall's order (db/central/0025_system_refusals.sql): stored in `events` it would hold that place
// for good, and the hall could never accept the same event from the case's holder, or make it.
#include "server/storage/Ledger.h"

namespace onewindow::server {

core::Result<std::optional<EventAnswer>> Ledger::systemAnswer(const Device& device,
                                                              const QString& eventId)
{
    QSqlQuery* q = m_db.runKept(
        QStringLiteral("SELECT hall_seq, device_seq FROM events WHERE hall_code = ? AND "
                       "event_id = ? AND verdict = 'accepted'"),
        {device.hallCode, eventId});
    if (!q)
        return databaseError(m_db.lastError());
    if (q->next()) {
        EventAnswer a{eventId, q->value(1).toLongLong(), true, q->value(0).toLongLong(), {}, {},
                      {}};
        q->finish();
        return std::optional<EventAnswer>(std::move(a));
    }
    if (auto failed = stepError(*q))
        return *failed;
    q->finish();
    q = m_db.runKept(QStringLiteral("SELECT reason_code, reason, winner_event_id FROM "
                                    "system_refusals WHERE device_id = ? AND event_id = ?"),
                     {device.deviceId, eventId});
    if (!q)
        return databaseError(m_db.lastError());
    if (q->next()) {
        EventAnswer a{eventId,
                      1,
                      false,
                      0,
                      q->value(0).toString(),
                      q->value(1).toString(),
                      q->value(2).toString()};
        q->finish();
        return std::optional<EventAnswer>(std::move(a));
    }
    if (auto failed = stepError(*q))
        return *failed;
    q->finish();
    return std::optional<EventAnswer>();
}

core::Result<EventAnswer> Ledger::refuseSystemCopy(const Device& device,
                                                   const core::sync::WireEvent& w, const Verdict& v,
                                                   const QString& receivedAt)
{
    if (!m_db.runKept(QStringLiteral("INSERT INTO system_refusals (device_id, event_id, hall_code, "
                                     "case_id, hlc, actor_id, occurred_at, type, type_version, "
                                     "payload, checksum, reason_code, reason, winner_event_id, "
                                     "received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                                     "?, ?) ON CONFLICT (device_id, event_id) DO NOTHING"),
                      {device.deviceId, w.eventId, device.hallCode, w.caseId, w.hlc, w.actorId,
                       w.occurredAt, w.type, w.typeVersion, QString::fromUtf8(w.payloadText),
                       w.checksum, v.reasonCode, v.reason, v.winner, receivedAt}))
        return databaseError(m_db.lastError());
    // The same event twice in one batch: the first refusal is the answer.
    auto stored = systemAnswer(device, w.eventId);
    if (!stored)
        return stored.error();
    if (*stored)
        return **stored;
    return EventAnswer{w.eventId, w.deviceSeq, false, 0, v.reasonCode, v.reason, v.winner};
}

} // namespace onewindow::server
