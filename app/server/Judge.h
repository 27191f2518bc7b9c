#pragma once

#include "core/CaseFold.h"
#include "core/SyncProtocol.h"

#include <QJsonObject>
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

// The hall's user record of an event's actor as it stood at the event's time (decision 8: a role
// is judged at the event's time); nullopt when the actor was no user of the hall then.
using ActorRecord = std::optional<QJsonObject>;

// Judges one pushed event of `deviceHall` with core's own rules (nothing of them is written
// again here): a technical fault, a case of another hall, the actor (a user of the hall, active,
// holding the role the action needs at the event's time: core::roleMayRecord), a stale case head
// (decision 1), then core's append-time checks (core::checkEvent: lifecycle, payload, calendar,
// the event's own day) against `context`: the item version the case was received under and the
// hall's calendar as it stood at the event's time (decision 7: as of its recorded time). A
// context without an item: the hall's catalog has no such item version, and the event is refused.
// A system event (decision 4) must be exactly the one core::dueSystemEvents makes for the case
// on its day: its id and every field derive from what it is; a held case's is its holder's to
// make, so one pushed by another device (`pushedBy`; empty when the server makes it) is refused.
Verdict judge(const std::optional<CaseRecord>& record, const QString& deviceHall,
              const core::sync::WireEvent& pushed, const ActorRecord& actor,
              const core::FoldContext& context, const QString& pushedBy = {});

} // namespace onewindow::server
