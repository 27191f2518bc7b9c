#pragma once

#include <QString>

#include <optional>

namespace onewindow::core {

// The unit a limit is counted in, as the law that sets it words it. 行政许可法 Art. 82 and
// 政府信息公开条例 count 工作日; others (居民身份证法 Art. 12: 60 日) count calendar days, whose
// last day moves to the next working day when it is a day off (民法典 Art. 203).
enum class DayUnit
{
    WorkingDays,  // 工作日
    CalendarDays, // 日
};

QString dayUnitKey(DayUnit unit);  // stable key: working_days, calendar_days
QString dayUnitName(DayUnit unit); // 工作日, 日
std::optional<DayUnit> dayUnitFromKey(const QString& key);
// A limit as people read it: "20 个工作日", "60 日".
QString daysText(int days, DayUnit unit);

} // namespace onewindow::core
