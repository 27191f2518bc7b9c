#pragma once

#include "core/Event.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace onewindow::core {

// An event's checksum (docs/event-log.md, "Event checksums"): SHA-256 over its canonical bytes,
// which every envelope field and the payload make up. Stores write it beside the event, `store
// check` verifies it, and later the server computes the same bytes from a pushed event: the
// serialisation is defined here and nowhere else.

// The canonical text of each envelope field, in the order the bytes take them. The store keeps
// exactly these texts in its columns (device_seq and type_version as integers whose decimal text
// this is).
struct EventEnvelopeText
{
    QByteArray eventId;
    QByteArray caseId;
    QByteArray deviceId;
    QByteArray deviceSeq; // decimal
    QByteArray hlc;
    QByteArray actorId;
    QByteArray occurredAtUtc; // 2026-12-04T18:00:00.123Z
    QByteArray type;          // the stored key, case.received ...
    QByteArray typeVersion;   // decimal
    QByteArray payload;       // canonicalPayloadText
};

EventEnvelopeText envelopeText(const Event& event);
// The payload as compact JSON, object keys in ascending order, no white space (QJsonDocument's
// Compact form, which sorts keys), UTF-8.
QByteArray canonicalPayloadText(const QJsonObject& payload);
// The instant in UTC with milliseconds and Z, whatever zone `time` is in:
// 2026-12-04T18:00:00.123Z (QDateTime's ISODateWithMs for years outside 0-9999, which a valid
// event never has; empty for an invalid time).
QByteArray canonicalTimeText(const QDateTime& time);

// "onewindow-event-v1\n" then each field as its length in bytes (decimal), ':', its bytes, '\n'.
QByteArray canonicalEventBytes(const EventEnvelopeText& text);
// Lower-case hex SHA-256 of canonicalEventBytes: 64 characters.
QString eventChecksum(const EventEnvelopeText& text);
QString eventChecksum(const Event& event);

} // namespace onewindow::core
