#include "core/CalendarImport.h"

#include <QSet>

#include <algorithm>

namespace onewindow::core {

CalendarImportPlan planCalendarImport(const QList<CalendarFile>& files,
                                      const WorkingCalendar& current)
{
    CalendarImportPlan plan;
    QSet<int> years;
    for (const CalendarFile& file : files) {
        NoticeParse parsed = parseHolidayNotice(file.bytes, file.name);
        plan.warnings.append(parsed.warnings);
        if (!parsed.ok()) {
            plan.errors.append(parsed.errors);
            continue;
        }
        const int year = parsed.notice.year;
        if (years.contains(year)) {
            plan.errors.append(
                {QStringLiteral("calendar.year_twice"),
                 QStringLiteral("%1：%2 年的通知在本次导入中出现了两次").arg(file.name).arg(year)});
            continue;
        }
        years.insert(year);
        if (parsed.notice.published()) {
            plan.toStore.append(parsed.notice);
        } else if (const HolidayNotice* official = current.notice(year)) {
            plan.errors.append(
                {QStringLiteral("calendar.unpublished_replaces_official"),
                 QStringLiteral("%1：%2 年已有正式日历（%3），不能用未发布的空通知替换")
                     .arg(file.name)
                     .arg(year)
                     .arg(official->source)});
        } else {
            plan.notes.append(
                QStringLiteral("%1 年的通知尚未发布（%2 没有通知和日期），该年仍按临时日历计算")
                    .arg(year)
                    .arg(file.name));
        }
    }
    return plan;
}

QString describeImported(const HolidayNotice& notice)
{
    const auto off = std::count_if(notice.days.begin(), notice.days.end(),
                                   [](const NoticeDay& d) { return d.isOffDay; });
    return QStringLiteral("已导入 %1 年日历（%2）：放假 %3 天，调休上班 %4 天")
        .arg(notice.year)
        .arg(notice.source)
        .arg(off)
        .arg(notice.days.size() - off);
}

} // namespace onewindow::core
