#include "core/DayUnit.h"

#include "core/EnumTable.h"

namespace onewindow::core {

namespace {

constexpr std::array<Named<DayUnit>, 2> kUnits{{
    {DayUnit::WorkingDays, u"working_days", u"工作日"},
    {DayUnit::CalendarDays, u"calendar_days", u"日"},
}};

} // namespace

QString dayUnitKey(DayUnit unit)
{
    return keyOf(kUnits, unit);
}

QString dayUnitName(DayUnit unit)
{
    return nameOf(kUnits, unit);
}

std::optional<DayUnit> dayUnitFromKey(const QString& key)
{
    return fromKey(kUnits, key);
}

QString daysText(int days, DayUnit unit)
{
    return unit == DayUnit::CalendarDays ? QStringLiteral("%1 日").arg(days)
                                         : QStringLiteral("%1 个工作日").arg(days);
}

} // namespace onewindow::core
