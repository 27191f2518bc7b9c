#include "core/CalendarImport.h"

#include "core/StatutoryHolidays.h"

#include <QHash>
#include <QSet>

#include <algorithm>

namespace onewindow::core {

namespace {

// 全国年节及纪念日放假办法 Art. 2: every statutory holiday of the year is a day off, whatever the
// notice arranges around it. A notice that leaves one out is most likely a wrong or truncated file:
// importable (the notice is the authority), but a person should look. The shipped notices
// 2007-2026 name every one.
QList<Error> missingStatutoryDays(const HolidayNotice& notice, const QString& file)
{
    QHash<QDate, bool> listed;
    for (const NoticeDay& d : notice.days)
        listed.insert(d.date, d.isOffDay);
    QList<Error> out;
    for (const StatutoryDay& day : StatutoryHolidays::forYear(notice.year)) {
        if (day.makeUp)
            continue; // a prediction, not a rule
        const bool weekend = day.date.dayOfWeek() >= 6;
        const auto it = listed.constFind(day.date);
        const bool off = it != listed.constEnd() ? *it : weekend;
        if (!off)
            out.append(
                {QStringLiteral("calendar.statutory_day_missing"),
                 QStringLiteral("%1：%2（%3）是法定节假日（全国年节及纪念日放假办法第二条），"
                                "通知中却不是放假日，请与国务院办公厅通知核对")
                     .arg(file, day.date.toString(Qt::ISODate), day.name)});
    }
    return out;
}

} // namespace

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
            plan.warnings.append(missingStatutoryDays(parsed.notice, file.name));
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
