#pragma once

#include <QDate>
#include <QDateTime>
#include <QTimeZone>

namespace onewindow::core {

// The one place "now" comes from. Everything that needs the time takes a Clock; tests use
// FakeClock and move it by hand, so every time-dependent rule is tested exactly.
class Clock
{
public:
    virtual ~Clock() = default;
    virtual QDateTime nowUtc() const = 0;

    // The civil date and time in the hall's time zone: periods are counted in civil dates there.
    QDateTime nowIn(const QTimeZone& zone) const { return nowUtc().toTimeZone(zone); }
    QDate todayIn(const QTimeZone& zone) const { return nowIn(zone).date(); }
};

class SystemClock final : public Clock
{
public:
    QDateTime nowUtc() const override;
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
