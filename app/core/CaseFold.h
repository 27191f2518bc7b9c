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

// Is `event` legal next for `state`? A message a clerk can act on when it is not.
// An event that repeats a system fact already recorded (a second deemed acceptance produced by
// another window) is legal and changes nothing.
Status checkEvent(const CaseState& state, const Event& event, const FoldContext& context);

// Folds a case's events, in log order, into its state. An event that is not legal where the log
// puts it (two windows deciding one case offline) changes nothing and is listed in
// CaseState::rejected, never dropped silently.
Result<CaseState> foldCase(const QList<Event>& events, const FoldContext& context);
// Applies one legal event (used by foldCase and by the store to extend a state by one action).
void applyEvent(CaseState& state, const Event& event, const FoldContext& context);

// The actions a person may take next, by the state alone (payloads are checked on submission).
QList<EventType> legalActions(const CaseState& state, const FoldContext& context,
                              const QDate& today);

// Clocks of the case as of `asOf`.
Result<QList<CaseClock>> clocksOf(const CaseState& state, const FoldContext& context,
                                  const QDate& asOf);

} // namespace onewindow::core
