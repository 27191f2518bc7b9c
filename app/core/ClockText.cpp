#include "core/ClockText.h"

#include "core/DateText.h"

#include <algorithm>

namespace onewindow::core {

int overdueDaysOn(const WorkingCalendar& calendar, DayUnit unit, const QDate& deadline,
                  const QDate& asOf)
{
    if (!deadline.isValid() || !asOf.isValid() || asOf <= deadline)
        return 0;
    int days = static_cast<int>(deadline.daysTo(asOf));
    if (unit == DayUnit::WorkingDays)
        if (Result<int> working = calendar.workingDaysBetween(deadline, asOf))
            days = *working;
    return std::max(1, days);
}

QString clockStandingText(WarningLevel level, int daysLeft, int overdueDays, DayUnit unit)
{
    switch (level) {
    case WarningLevel::Red:
        return QStringLiteral("已超期 %1").arg(daysText(std::max(1, overdueDays), unit));
    case WarningLevel::DoneOnTime:
        return QStringLiteral("按期办结");
    case WarningLevel::DoneLate:
        return overdueDays > 0 ? QStringLiteral("超期办结 %1").arg(daysText(overdueDays, unit))
                               : QStringLiteral("超期办结");
    case WarningLevel::Yellow:
    case WarningLevel::Normal:
        break;
    }
    if (daysLeft <= 0)
        return QStringLiteral("今日到期");
    return QStringLiteral("剩余 %1").arg(daysText(daysLeft, unit));
}

QString clockStandingText(const ClockStatus& status, DayUnit unit)
{
    return clockStandingText(status.level, status.workingDaysLeft, status.overdueDays, unit);
}

QString provisionalMark(bool provisional)
{
    return provisional ? QStringLiteral("（临时）") : QString();
}

QString deadlineText(const QDate& deadline, bool provisional)
{
    return deadline.isValid() ? chineseDate(deadline) + provisionalMark(provisional) : QString();
}

} // namespace onewindow::core
