#pragma once

#include "core/CaseState.h"
#include "core/Catalog.h"
#include "core/Error.h"
#include "core/Event.h"
#include "core/HallSettings.h"
#include "core/WorkingCalendar.h"

#include <QList>
#include <QTime>
#include <QTimeZone>

namespace onewindow::core {

// What a fold needs besides the events: the item version the case was received under, the
// calendar, and the hall's settings. The fold is pure: no I/O, no system clock, no randomness, so
// every workstation and (later) the server get the same state from the same events.
struct FoldContext
{
    const ServiceItem* item = nullptr;
    const WorkingCalendar* calendar = nullptr;
    QTimeZone zone;
    QTime officeClose = HallSettings::defaultOfficeClose();
    int followUpDays = HallSettings::kDefaultFollowUpDays; // bad-rating follow-up, working days
};

// The civil date and time of an event in the hall's zone: periods are counted in these.
QDate civilDate(const Event& event, const QTimeZone& zone);

// Two kinds of checks (architecture.md, "Cases are events").
//
// Append time: is `event` legal next for `state`, now? The lifecycle, the payload, and whatever
// depends on the calendar or the event's own day (a notice too late, a deemed acceptance too
// early, an extension past its deadline). Run once, when an event is offered to a log. A message
// a clerk can act on when it is not. An event that repeats a system fact already recorded (a
// second deemed acceptance produced by another window) is legal and changes nothing.
Status checkEvent(const CaseState& state, const Event& event, const FoldContext& context);
// Part of checkEvent: every text of a payload at most kMaxPayloadTextChars characters with no
// control character but line breaks and tabs, and the payload at most kMaxPayloadBytes as
// compact JSON. So no stored event can outgrow what one push carries (1 MiB, kMaxBatchBytes:
// with every character escaped twice on the wire, 128 KiB stays far below it); before, one
// pasted text of control characters made an event the server refused (413) at every push, and
// every later event of that window queued behind it for good. event.text_too_long,
// event.text_control, event.payload_too_large.
inline constexpr int kMaxPayloadTextChars = 10000;
inline constexpr qsizetype kMaxPayloadBytes = 128 * 1024;
Status checkPayloadText(const QJsonObject& payload);
// checkEvent, then records into the event's payload what it was judged on: the deadline in force
// of every clock it stops ("deadlinesInForce"). What a log appends.
Status admitEvent(const CaseState& state, Event& event, const FoldContext& context);
// Replay: the lifecycle alone (which action may follow which state). A recorded fact is never
// judged again against today's calendar.
Status replayCheck(const CaseState& state, const Event& event);

// Folds a case's events, in the canonical order (core/Event.h; sorted here when they are not),
// into its state, checking only the lifecycle. An event that is not legal where the order puts it
// (two windows deciding one case offline) changes nothing and is listed in CaseState::rejected,
// never dropped silently.
Result<CaseState> foldCase(const QList<Event>& events, const FoldContext& context);
// The same fold over events already in the case's canonical order as a synced store knows it
// (the hall's order, then this device's pending events; architecture.md): never re-sorted.
Result<CaseState> foldOrdered(const QList<Event>& ordered, const FoldContext& context);
// Applies one legal event (used by foldCase and by the store to extend a state by one action).
void applyEvent(CaseState& state, const Event& event, const FoldContext& context);

// The actions a person may take next, by the state alone (payloads are checked on submission).
QList<EventType> legalActions(const CaseState& state, const FoldContext& context,
                              const QDate& today);

// Clocks of the case as of `asOf`.
Result<QList<CaseClock>> clocksOf(const CaseState& state, const FoldContext& context,
                                  const QDate& asOf);

} // namespace onewindow::core
