#include "core/Clock.h"

namespace onewindow::core {

QDateTime SystemClock::nowUtc() const
{
    return QDateTime::currentDateTimeUtc();
}

QTimeZone defaultHallTimeZone()
{
    return QTimeZone(QByteArrayLiteral("Asia/Shanghai"));
}

} // namespace onewindow::core
