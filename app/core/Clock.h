#pragma once

#include <QDate>
#include <QDateTime>
#include <QTimeZone>

#include <atomic>
#include <optional>

namespace onewindow::core {

// The one place "now" comes from. Everything that needs the time takes a Clock; tests use
// FakeClock and move it by hand, so every time-dependent rule is tested exactly.
class Clock
{
public:
    virtual ~Clock() = default;
    virtual QDateTime nowUtc() const = 0;
    // The machine's own reading, before the hall server's offset (decision 7): what a request's
    // times are measured on. A clock without an offset reads the same either way.
    virtual QDateTime machineNowUtc() const { return nowUtc(); }
    // Decision 7: the offset (the hall server's time minus this machine's, in ms) measured from
    // the server's answers; a clock that reads the machine adds it from now on. Any thread may
    // set it (the window's sync thread measures, the window reads). A fake clock keeps its time.
    virtual void setServerOffsetMs(qint64 offsetMs) const { Q_UNUSED(offsetMs); }

    // The civil date and time in the hall's time zone: periods are counted in civil dates there.
    QDateTime nowIn(const QTimeZone& zone) const { return nowUtc().toTimeZone(zone); }
    QDate todayIn(const QTimeZone& zone) const { return nowIn(zone).date(); }
};

// A clock skew in seconds (signed, at most a day either way) from its text, as in
// ONEWINDOW_CLOCK_SKEW_SECONDS; nothing when the text is not such a number.
inline constexpr qint64 kMaxClockSkewSeconds = 86400;
std::optional<qint64> parseClockSkew(const QString& text);

// The machine's clock plus the hall server's offset once measured (decision 7), the machine's
// clock offset by a skew: by default ONEWINDOW_CLOCK_SKEW_SECONDS (signed seconds;
// unset or not a number within a day: none), so a test or a rehearsal can run a program as on a
// machine whose clock is wrong (the fault test skews its workstations by up to ten minutes).
class SystemClock final : public Clock
{
public:
    SystemClock() : m_skewSeconds(skewFromEnvironment()) {}
    explicit SystemClock(qint64 skewSeconds) : m_skewSeconds(skewSeconds) {}
    QDateTime nowUtc() const override;
    QDateTime machineNowUtc() const override;
    void setServerOffsetMs(qint64 offsetMs) const override { m_offsetMs.store(offsetMs); }
    qint64 serverOffsetMs() const { return m_offsetMs.load(); }
    qint64 skewSeconds() const { return m_skewSeconds; }
    static qint64 skewFromEnvironment();

private:
    qint64 m_skewSeconds = 0;
    mutable std::atomic<qint64> m_offsetMs{0};
};

class FakeClock final : public Clock
{
public:
    explicit FakeClock(QDateTime nowUtc) : m_now(nowUtc.toUTC()) {}
    QDateTime nowUtc() const override { return m_now; }
    void set(const QDateTime& nowUtc) { m_now = nowUtc.toUTC(); }
    void advanceSeconds(qint64 seconds) { m_now = m_now.addSecs(seconds); }
    void advanceDays(int days) { m_now = m_now.addDays(days); }

private:
    QDateTime m_now;
};

} // namespace onewindow::core
