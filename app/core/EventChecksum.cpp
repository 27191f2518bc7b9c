#include "core/EventChecksum.h"

#include <QCryptographicHash>
#include <QJsonDocument>

namespace onewindow::core {

EventEnvelopeText envelopeText(const Event& e)
{
    return EventEnvelopeText{e.eventId.toUtf8(),
                             e.caseId.toUtf8(),
                             e.deviceId.toUtf8(),
                             QByteArray::number(e.deviceSeq),
                             e.hlc.toUtf8(),
                             e.actorId.toUtf8(),
                             canonicalTimeText(e.occurredAtUtc),
                             eventTypeKey(e.type).toUtf8(),
                             QByteArray::number(e.typeVersion),
                             canonicalPayloadText(e.payload)};
}

QByteArray canonicalPayloadText(const QJsonObject& payload)
{
    return QJsonDocument(payload).toJson(QJsonDocument::Compact);
}

QByteArray canonicalTimeText(const QDateTime& time)
{
    if (!time.isValid())
        return {};
    // One text per instant: whatever zone the time was made in, it is written in UTC with Z.
    const QDateTime t = time.timeSpec() == Qt::UTC ? time : time.toUTC();
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

QByteArray canonicalEventBytes(const EventEnvelopeText& t)
{
    // Length-prefixed, so no field's bytes (a payload may hold any character) can pass for a
    // boundary, and an edit that moves bytes from one field to the next changes the text.
    QByteArray out("onewindow-event-v1\n");
    out.reserve(out.size() + t.payload.size() + 256);
    for (const QByteArray* field :
         {&t.eventId, &t.caseId, &t.deviceId, &t.deviceSeq, &t.hlc, &t.actorId, &t.occurredAtUtc,
          &t.type, &t.typeVersion, &t.payload}) {
        out += QByteArray::number(field->size());
        out += ':';
        out += *field;
        out += '\n';
    }
    return out;
}

QString eventChecksum(const EventEnvelopeText& text)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(canonicalEventBytes(text), QCryptographicHash::Sha256).toHex());
}

QString eventChecksum(const Event& event)
{
    return eventChecksum(envelopeText(event));
}

} // namespace onewindow::core
