#pragma once

#include "core/CaseState.h"
#include "core/Error.h"
#include "core/Event.h"
#include "store/Store.h"

namespace onewindow::store {

// 领办 at a window of a hall (issue 18; docs/sync-protocol.md, decision 1). The hall's server
// grants a hold, so a window takes a hold only while online, and offline a window decides (the
// irreversible acts: refusal, withdrawal, decision, disclosure reply) only
// - a case it holds, its hold accepted by the server (a placement, not a pending hold), or
// - a case the hall does not know yet (none of its events is placed: taken in here since the
//   last sync), which no other window can act on.
// "Offline" is what the latest sync attempt found (sync_clock.online, store/ClockState.h). A
// store that is no window of a hall has no server and no holds to ask: every act is its own.
// `caseKnownToHall`: some event of the case has the hall's placement.
core::Status checkOfflineRule(Store& store, const core::CaseState& state, core::EventType type,
                              const QString& deviceId, bool caseKnownToHall);

// Decision 9 at the window: once the hall has retired this device (its window code enrolled on a
// new PC, or `device retire`), or sync has stopped for good (revoked, stopped, a reused sequence),
// a new act would never take effect at the hall: it is refused here with the reason
// (sync.device_retired, sync.device_stopped). What was recorded before still goes up.
core::Status refuseIfRetired(Store& store);

} // namespace onewindow::store
