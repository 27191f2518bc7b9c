#pragma once

#include "core/DayUnit.h"
#include "core/DeadlineClock.h"
#include "core/WorkingCalendar.h"

#include <QDate>
#include <QString>

namespace onewindow::core {

// How a clock stands, in the one wording every screen and document uses (the board, the case
// page, the queue, the 督办单), so that a red clock never reads "剩余 0 个工作日".

// Days past `deadline` on `asOf` in the clock's unit, counted from the day after the deadline:
// 0 while asOf <= deadline, at least 1 from the first day after it (a day off included: the duty
// is late from that day on, 行政许可法 Art. 82 counts the limit, not the lateness, in 工作日).
int overdueDaysOn(const WorkingCalendar& calendar, DayUnit unit, const QDate& deadline,
                  const QDate& asOf);

// A running clock: "剩余 3 个工作日", "今日到期" on the deadline day, "已超期 2 个工作日" once red
// (`overdueDays` >= 1, as overdueDaysOn counts them); done clocks: "按期办结", "超期办结 N
// 个工作日".
QString clockStandingText(WarningLevel level, int daysLeft, int overdueDays, DayUnit unit);
QString clockStandingText(const ClockStatus& status, DayUnit unit);

// The provisional-calendar mark of one clock's or one date's own counting: "（临时）" or nothing.
QString provisionalMark(bool provisional);
// "2026年10月22日" with that clock's own mark: "2027年1月6日（临时）".
QString deadlineText(const QDate& deadline, bool provisional);

} // namespace onewindow::core
