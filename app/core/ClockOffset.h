#pragma once

#include "core/Error.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace onewindow::core::sync {

// Decision 7, clocks (docs/sync-protocol.md). Every answer of the hall server carries its time in
// this header, in Unix milliseconds (the Date header has whole seconds only: too coarse for a
// gap counted in seconds and a midpoint measured in milliseconds).
inline constexpr char kTimeHeader[] = "OneWindow-Time";

// A request whose answer took longer than this is not measured: its midpoint says too little of
// when the server read its clock (a long-poll pull waits up to 25 s).
inline constexpr qint64 kMaxMeasuredRoundTripMs = 2000;

// The offset of this machine's clock (server time minus the request's midpoint, both in Unix ms,
// the midpoint on the machine's own clock); nothing when the round trip is too long to tell, or
// the times make no sense.
std::optional<qint64> measureOffsetMs(qint64 sentMs, qint64 receivedMs, qint64 serverMs);
// The server's time from the header's text; nothing when it is not a time in Unix ms.
std::optional<qint64> parseServerTime(const QByteArray& header);

// Online, an enrolled window refuses a state-changing action while the measured gap exceeds the
// hall's maxClockGapSeconds.
bool clockGapExceeded(qint64 offsetMs, int maxGapSeconds);
// clock.gap: the refusal, naming the gap, which way the machine's clock is off, the hall's
// setting and what to do. Nothing was written.
Error clockGap(qint64 offsetMs, int maxGapSeconds);
// "7 分 12 秒": a gap as a clerk reads it.
QString gapText(qint64 milliseconds);

// Decision 7, the HLC: a remote time more than the hall's maxClockGapSeconds ahead of now is
// ignored, so a runaway clock elsewhere does not drag this window's HLC into the future.
bool remoteTimeUsable(qint64 remoteWallMs, qint64 nowMs, int maxGapSeconds);

// Decision 7, at the server: a pushed event's own time outside [the device's last contact - ε,
// its receipt + ε] is flagged (never rejected). The flag's reason code, or nothing.
inline constexpr char kTimeBeforeContact[] = "time.before_contact";
inline constexpr char kTimeAfterReceipt[] = "time.after_receipt";
std::optional<QString> eventTimeFlag(const QDateTime& occurredAt, const QDateTime& lastContact,
                                     const QDateTime& receivedAt, int toleranceSeconds);
// The flag's reason in Chinese, for the server's listing.
QString eventTimeFlagText(const QString& code);

} // namespace onewindow::core::sync
