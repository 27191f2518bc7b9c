#include "core/Clock.h"

namespace onewindow::core {

QDateTime SystemClock::nowUtc() const
{
    return QDateTime::currentDateTimeUtc();
}

} // namespace onewindow::core
