#pragma once

#include "core/SyncProtocol.h"

#include <QList>
#include <QString>
#include <QTimeZone>

#include <optional>

namespace onewindow::server {

// What the server knows of a case when an event of it arrives: its hall, its head and its
// accepted events in the hall's order.
struct CaseRecord
{
    QString hallCode;
    QString head;
    QList<core::Event> accepted;
};

struct Verdict
{
    bool accepted = false;
    QString reasonCode;
    QString reason;
    QString winner;         // the event that stands where this one would have
    bool movesHead = false; // accepted and not mergeable: the case's head becomes this event
};

// Judges one pushed event of `deviceHall` with core's own rules (nothing of them is written
// again here): a technical fault, a case of another hall, a stale case head (decision 1) and the
// fold's lifecycle (replayCheck over the case's accepted events, as every replay does). The
// append-time checks (payload, calendar, the day) were made by the device that recorded it.
Verdict judge(const std::optional<CaseRecord>& record, const QString& deviceHall,
              const QTimeZone& zone, const core::sync::WireEvent& pushed);

} // namespace onewindow::server
