#pragma once

#include "core/Error.h"

#include <QDateTime>
#include <QJsonObject>
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
// Decision 8: beside them, in the same place (one flag an event), an event that records a
// calendar version the hall never had; it is judged on the hall's calendar of its time.
inline constexpr char kUnknownCalendar[] = "calendar.unknown_version";
std::optional<QString> eventTimeFlag(const QDateTime& occurredAt, const QDateTime& lastContact,
                                     const QDateTime& receivedAt, int toleranceSeconds);
// The flag's reason in Chinese, for the server's listing and the windows.
QString eventTimeFlagText(const QString& code);

// A flag as it travels with its event (a pull's, a working set's or a case's entry carries it
// as `time_flag`; an entry without one has no flag, so protocol 1 clients read the pages as
// before): the code, its reason, the window code of the device that pushed the event, when the
// server received it and the device's last contact then (canonical UTC text, '' when none).
inline constexpr char kTimeFlagKey[] = "time_flag";
struct EventTimeFlag
{
    QString code;
    QString reason;
    QString window;
    QString receivedAt;
    QString lastContactAt;
};
QJsonObject timeFlagToJson(const EventTimeFlag& flag);
// Nothing when the entry carries no flag; a flag without a code is no flag either. A reason left
// empty is core's own text for the code.
std::optional<EventTimeFlag> timeFlagFromJson(const QJsonObject& entry);

// Decision 7 at the window, before an act: how the last measured gap stands against the hall's
// maxClockGapSeconds. Over: every act is refused (clockGapExceeded, online); near: over half the
// allowance, still taken; a PC's clock that has drifted this far is to be set before it stops the
// window.
enum class ClockGapStanding
{
    Within,
    Near,
    Over,
};
ClockGapStanding clockGapStanding(qint64 offsetMs, int maxGapSeconds);
// Offline the gap rule rests and the window counts on its last measured offset. That is worth
// telling the clerk when the offset last measured was near or over the allowance (this PC's clock
// is known to be badly set), or the measurement is older than kUncheckedClockHours (a day of a
// PC clock's drift, or a hand that moved it, unseen).
inline constexpr int kUncheckedClockHours = 24;
bool uncheckedClockMatters(qint64 offsetMs, const QDateTime& measuredAtUtc, const QDateTime& nowUtc,
                           int maxGapSeconds);

} // namespace onewindow::core::sync
