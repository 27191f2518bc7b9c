#include "support/TestSupport.h"

#include "core/ClockText.h"
#include "core/DeadlineClock.h"

using namespace onewindow;
using onewindow::test::d;

namespace {

// 10 working days from Friday 2026-10-30: due Friday 2026-11-13 (no holiday in between).
core::ClockResult tenDaysFrom1030(const char* asOf)
{
    core::ClockInput in;
    in.trigger = d("2026-10-30");
    in.limit = 10;
    auto r = core::computeClock(test::officialCalendar(), in, d(asOf));
    REQUIRE(r.ok());
    REQUIRE(r->deadline == d("2026-11-13"));
    return *r;
}

QString standing(const char* asOf)
{
    const core::ClockResult r = tenDaysFrom1030(asOf);
    return core::clockStandingText(r.status, r.unit);
}

} // namespace

TEST_CASE("Overdue wording: a red clock counts its overdue days from the day after the deadline")
{
    CHECK(standing("2026-11-12") == QStringLiteral("剩余 1 个工作日"));
    CHECK(standing("2026-11-13") == QStringLiteral("今日到期")); // never "剩余 0" on the last day
    // The first day after the deadline is a Saturday: red, and already one day overdue.
    const core::ClockResult saturday = tenDaysFrom1030("2026-11-14");
    CHECK(saturday.status.level == core::WarningLevel::Red);
    CHECK(saturday.status.overdueDays == 1);
    CHECK(standing("2026-11-14") == QStringLiteral("已超期 1 个工作日"));
    CHECK(standing("2026-11-15") == QStringLiteral("已超期 1 个工作日"));
    CHECK(standing("2026-11-16") == QStringLiteral("已超期 1 个工作日")); // Monday: 1 working day
    CHECK(standing("2026-11-17") == QStringLiteral("已超期 2 个工作日"));
    for (const char* day : {"2026-11-14", "2026-11-16", "2026-11-20"})
        CHECK_FALSE(standing(day).contains(QStringLiteral("剩余")));
}

TEST_CASE("Overdue wording: overdueDaysOn counts the board's stored deadlines the same way")
{
    const core::WorkingCalendar& cal = test::officialCalendar();
    const QDate friday = d("2026-11-13");
    CHECK(core::overdueDaysOn(cal, core::DayUnit::WorkingDays, friday, friday) == 0);
    CHECK(core::overdueDaysOn(cal, core::DayUnit::WorkingDays, friday, d("2026-11-14")) == 1);
    CHECK(core::overdueDaysOn(cal, core::DayUnit::WorkingDays, friday, d("2026-11-17")) == 2);
    CHECK(core::overdueDaysOn(cal, core::DayUnit::CalendarDays, friday, d("2026-11-17")) == 4);
    CHECK(core::clockStandingText(core::WarningLevel::Red, 0, 4, core::DayUnit::CalendarDays) ==
          QStringLiteral("已超期 4 日"));
    // The same text from a stored deadline as from a computed clock.
    const core::ClockResult r = tenDaysFrom1030("2026-11-17");
    CHECK(core::clockStandingText(core::WarningLevel::Red, 0,
                                  core::overdueDaysOn(cal, r.unit, r.deadline, d("2026-11-17")),
                                  r.unit) == core::clockStandingText(r.status, r.unit));
}

TEST_CASE("Overdue wording: the provisional mark belongs to each clock's own date")
{
    core::ClockInput in;
    in.trigger = d("2026-12-01");
    in.limit = 20;
    auto official = core::computeClock(test::officialCalendar(), in, d("2026-12-01"));
    in.limit = 40; // into 2027, which has no imported notice
    auto provisional = core::computeClock(test::officialCalendar(), in, d("2026-12-01"));
    REQUIRE(official.ok());
    REQUIRE(provisional.ok());
    CHECK(core::deadlineText(official->deadline, official->provisional) ==
          QStringLiteral("2026年12月29日"));
    CHECK(core::deadlineText(provisional->deadline, provisional->provisional)
              .endsWith(QStringLiteral("（临时）")));
    CHECK(core::deadlineText(QDate(), true).isEmpty());
}
