// A State Council notice in holiday-cn JSON, as `calendar import` and Ctrl+I read it: parsed,
// validated against the calendar in force, and, when accepted, counted with.
#include "FuzzSupport.h"

#include "core/CalendarImport.h"
#include "core/HolidayNotice.h"

using namespace onewindow;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArray bytes = fuzz::bytesOf(data, size);
    const core::NoticeParse parsed = core::parseHolidayNotice(bytes, QStringLiteral("fuzz.json"));
    for (const core::Error& e : parsed.errors)
        FUZZ_CHECK(!e.code.isEmpty() && !e.message.isEmpty(), e.code);

    const core::CalendarImportPlan plan = core::planCalendarImport(
        {core::CalendarFile{QStringLiteral("fuzz.json"), bytes}}, fuzz::shippedCalendar());
    FUZZ_CHECK(plan.ok() || !plan.errors.isEmpty(), QStringLiteral("a refusal names a reason"));
    if (!parsed.ok()) {
        FUZZ_CHECK(!plan.ok(), QStringLiteral("a notice refused alone is refused in an import"));
        return 0;
    }

    // An accepted notice says the same once written back out, and a calendar counts with it.
    const core::HolidayNotice& notice = parsed.notice;
    const core::NoticeParse again =
        core::parseHolidayNotice(core::holidayNoticeToJson(notice), QStringLiteral("again.json"));
    FUZZ_CHECK(again.ok(), again.errors.isEmpty() ? QString() : again.errors.first().message);
    FUZZ_CHECK(again.notice.year == notice.year && again.notice.days == notice.days &&
                   again.notice.papers == notice.papers,
               QStringLiteral("round trip of %1").arg(notice.year));
    for (const core::HolidayNotice& n : plan.toStore)
        core::describeImported(n);

    const core::WorkingCalendar calendar({notice});
    const QDate from(notice.year, 1, 1);
    if (!core::WorkingCalendar::supports(from))
        return 0;
    for (const core::NoticeDay& day : notice.days) {
        const core::DayInfo info = calendar.dayInfo(day.date);
        if (day.date.year() == notice.year) // its neighbours' days belong to their own notices
            FUZZ_CHECK(info.isWorking() != day.isOffDay, day.date.toString(Qt::ISODate));
        info.reason();
    }
    const auto answer = calendar.nthWorkingDayAfter(from.addDays(-1), 30);
    const auto explained = calendar.explain(from.addDays(-1), 30);
    FUZZ_CHECK(answer.ok() == explained.ok(), QStringLiteral("explain agrees with the count"));
    if (answer && explained)
        FUZZ_CHECK(!explained->isEmpty() && explained->last().day.date == answer->date,
                   answer->date.toString(Qt::ISODate));
    return 0;
}
