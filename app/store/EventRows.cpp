#include "store/EventRows.h"

#include "core/EventChecksum.h"

#include <QJsonDocument>

namespace onewindow::store {

using core::Error;
using core::Event;
using core::EventType;
using core::Result;

const QString kEventColumns =
    QStringLiteral("event_id, case_id, device_id, device_seq, hlc, actor_id, occurred_at_utc, "
                   "type, type_version, payload");
const QString kEventWriteColumns = kEventColumns + QStringLiteral(", checksum");
QString canonicalEventsQuery(const QString& where, const QString& first)
{
    return QStringLiteral(
               "SELECT e.event_id, e.case_id, e.device_id, e.device_seq, e.hlc, e.actor_id, "
               "e.occurred_at_utc, e.type, e.type_version, e.payload FROM events e "
               "LEFT JOIN placement p ON p.event_id = e.event_id "
               "WHERE (%1) AND (p.verdict IS NULL OR p.verdict = 'accepted') ORDER BY %2"
               "p.hall_seq IS NULL, p.hall_seq, e.hlc, e.device_id, e.device_seq")
        .arg(where, first.isEmpty() ? QString() : first + QStringLiteral(", "));
}

Result<Event> eventFromRow(const QSqlQuery& q)
{
    Event e;
    e.eventId = q.value(0).toString();
    e.caseId = q.value(1).toString();
    e.deviceId = q.value(2).toString();
    e.deviceSeq = q.value(3).toLongLong();
    e.hlc = q.value(4).toString();
    e.actorId = q.value(5).toString();
    e.occurredAtUtc = QDateTime::fromString(q.value(6).toString(), Qt::ISODateWithMs);
    const std::optional<EventType> type = core::eventTypeFromKey(q.value(7).toString());
    e.typeVersion = q.value(8).toInt();
    const QJsonDocument doc = QJsonDocument::fromJson(q.value(9).toString().toUtf8());
    if (!type || !e.occurredAtUtc.isValid() || !doc.isObject())
        return Error{
            QStringLiteral("store.event_damaged"),
            QStringLiteral("办件记录 %1 已损坏或来自更新版本的程序，请从备份恢复或升级程序")
                .arg(e.eventId)};
    e.type = *type;
    e.payload = doc.object();
    return e;
}

QByteArray eventPayloadText(const Event& e)
{
    return core::canonicalPayloadText(e.payload);
}

QByteArray eventTimeText(const QDateTime& t)
{
    return core::canonicalTimeText(t);
}

} // namespace onewindow::store
