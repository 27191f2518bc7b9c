#include "core/Clock.h"

namespace onewindow::core {

std::optional<qint64> parseClockSkew(const QString& text)
{
    bool ok = false;
    const qint64 seconds = text.trimmed().toLongLong(&ok);
    if (!ok || seconds < -kMaxClockSkewSeconds || seconds > kMaxClockSkewSeconds)
        return std::nullopt;
    return seconds;
}

qint64 SystemClock::skewFromEnvironment()
{
    const QString text = qEnvironmentVariable("ONEWINDOW_CLOCK_SKEW_SECONDS");
    if (text.isEmpty())
        return 0;
    return parseClockSkew(text).value_or(0);
}

QDateTime SystemClock::machineNowUtc() const
{
    return QDateTime::currentDateTimeUtc().addSecs(m_skewSeconds);
}

QDateTime SystemClock::nowUtc() const
{
    return machineNowUtc().addMSecs(m_offsetMs.load());
}

} // namespace onewindow::core
