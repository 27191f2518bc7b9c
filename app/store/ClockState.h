#pragma once

#include "core/Error.h"
#include "store/Store.h"

#include <QDateTime>

#include <optional>

namespace onewindow::store {

// Decision 7, clocks (docs/sync-protocol.md "Clocks"): the offset this window measured from the
// hall server's answers, kept in sync_clock beside sync_state (db/local/0018_clock_offset.sql).
struct ClockState
{
    qint64 offsetMs = 0;     // server minus this machine
    QDateTime measuredAtUtc; // invalid: never measured (no offset applies)
    bool online = false;     // the latest sync attempt measured it
};

// Nothing for a store not enrolled.
core::Result<std::optional<ClockState>> loadClockState(Store& store);
// A measurement: the offset, when, and online. The store's clock takes it at once.
core::Status recordClockOffset(Store& store, qint64 offsetMs, const QDateTime& measuredAtUtc);
// A sync attempt that reached no server: offline, the gap rule rests; the offset stays.
core::Status markClockOffline(Store& store);
// The stored offset given to the store's clock (Store::open does it): "now" is the machine's
// clock plus the offset once measured.
void applyStoredClockOffset(Store& store);

// Online (the latest sync measured the offset), a state-changing action is refused while the
// gap exceeds the hall's maxClockGapSeconds (core::sync::clockGap). A store not enrolled, or
// offline, answers ok.
core::Status refuseIfClockGap(Store& store, int maxGapSeconds);

} // namespace onewindow::store
