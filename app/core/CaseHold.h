#pragma once

#include "core/CaseState.h"
#include "core/Error.h"
#include "core/Event.h"

namespace onewindow::core {

// 领办 (holding a case; docs/sync-protocol.md, decision 1; issue 18). A window that holds a case
// is the only one that changes it: the hall's server grants a hold online only (a hold is an
// event like any other, judged on the case's head), and the holder wins whatever the order in
// which the windows' work reaches the server. Offline, a window decides only cases it holds
// (store/OfflineRule.h). A hold ends when its holder releases it (释放领办), when a supervisor
// takes it back (收回领办: the holder's PC lost, retired or revoked, decision 9), when the case is
// handed on to a back office (移交后台), and when the case is decided, refused, withdrawn or
// closed: the hand-out that follows is any window's.

// The stable code of the refusal, at the workstation and as the server's verdict reason.
inline const QString kHeldElsewhere = QStringLiteral("case.held_elsewhere");

// Whether `event` may change `state` as held: nobody holds the case, the event comes from the
// holding device, or it decides nothing the holder decides (a note, a print or its failure, a
// rating, a supervisor's order, its answer and the rating's follow-up, the supervisor taking the
// hold back, a system event). Part of the lifecycle, so checked on every replay too.
Status holdAllows(const CaseState& state, const Event& event);

// The hold as the fold leaves it after `event` was applied: ended by a hand-on or by a state in
// which nobody decides any more.
void settleHold(CaseState& state, const Event& event);

// Nobody holds the case any more.
void clearHold(CaseState& state);

// Whether `deviceId` holds the case.
inline bool heldBy(const CaseState& state, const QString& deviceId)
{
    return !state.holderDevice.isEmpty() && state.holderDevice == deviceId;
}

} // namespace onewindow::core
