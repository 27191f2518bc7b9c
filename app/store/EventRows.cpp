#include "store/EventRows.h"

#include <QJsonDocument>

namespace onewindow::store {

using core::Error;
using core::Event;
using core::EventType;
using core::Result;

const QString kEventColumns =
    QStringLiteral("event_id, case_id, device_id, device_seq, hlc, actor_id, occurred_at_utc, "
                   "type, type_version, payload");

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
    return QJsonDocument(e.payload).toJson(QJsonDocument::Compact);
}

QByteArray eventTimeText(const QDateTime& t)
{
    if (t.timeSpec() != Qt::UTC || !t.isValid())
        return t.toString(Qt::ISODateWithMs).toUtf8();
    // By hand (2026-12-04T18:00:00.123Z): QDateTime's formatter is a tenth of an action's cost.
    const QDate d = t.date();
    const QTime h = t.time();
    const int y = d.year();
    if (y < 0 || y > 9999)
        return t.toString(Qt::ISODateWithMs).toUtf8();
    QByteArray text(24, Qt::Uninitialized);
    char* c = text.data();
    const auto two = [&c](int v) {
        *c++ = char('0' + v / 10);
        *c++ = char('0' + v % 10);
    };
    two(y / 100);
    two(y % 100);
    *c++ = '-';
    two(d.month());
    *c++ = '-';
    two(d.day());
    *c++ = 'T';
    two(h.hour());
    *c++ = ':';
    two(h.minute());
    *c++ = ':';
    two(h.second());
    *c++ = '.';
    *c++ = char('0' + h.msec() / 100);
    two(h.msec() % 100);
    *c = 'Z';
    return text;
}

} // namespace onewindow::store
