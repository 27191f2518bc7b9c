#include "support/TestSupport.h"

#include "core/CaseClocks.h"
#include "core/DeadlineClock.h"

#include <algorithm>

using namespace onewindow;
using onewindow::test::d;

namespace {

core::ClockInput calendarDays(const char* trigger, int limit)
{
    core::ClockInput in;
    in.trigger = d(trigger);
    in.limit = limit;
    in.unit = core::DayUnit::CalendarDays;
    return in;
}

core::ClockResult clock(const core::ClockInput& in, const char* asOf)
{
    auto r = core::computeClock(test::officialCalendar(), in, d(asOf));
    REQUIRE(r.ok());
    return *r;
}

const core::ExplainedDay& dayOf(const QList<core::ExplainedDay>& days, const char* date)
{
    const auto it = std::find_if(days.begin(), days.end(), [&](const core::ExplainedDay& e) {
        return e.day.date == d(date);
    });
    REQUIRE(it != days.end());
    return *it;
}

} // namespace

TEST_CASE("民法典 Art. 203: a calendar-day period ending on a day off ends on the next working day")
{
    SECTION("a Saturday moves to Monday")
    {
        const core::ClockResult r = clock(calendarDays("2026-03-02", 5), "2026-03-02");
        CHECK(r.periodEnd == d("2026-03-07"));
        CHECK(r.deadline == d("2026-03-09"));
    }
    SECTION("a holiday moves past the whole holiday (国庆节 2026-10-01..07)")
    {
        const core::ClockResult r = clock(calendarDays("2026-09-24", 7), "2026-09-24");
        CHECK(r.periodEnd == d("2026-10-01"));
        CHECK(r.deadline == d("2026-10-08"));
        CHECK_FALSE(r.provisional);
        // Every day counts, the Mid-Autumn holiday included; then the added days with their reason.
        auto days = core::explainClock(test::officialCalendar(), r);
        REQUIRE(days.ok());
        REQUIRE(days->size() == 14); // 09-25 .. 10-08
        CHECK(dayOf(*days, "2026-09-25").ordinal == 1);
        CHECK(dayOf(*days, "2026-09-25").day.kind == core::DayKind::Holiday);
        CHECK(dayOf(*days, "2026-10-01").ordinal == 7);
        CHECK_FALSE(dayOf(*days, "2026-10-01").endAdjusted);
        CHECK(dayOf(*days, "2026-10-02").ordinal == 0);
        CHECK(dayOf(*days, "2026-10-02").endAdjusted);
        CHECK(dayOf(*days, "2026-10-08").endAdjusted);
        CHECK(dayOf(*days, "2026-10-08").day.isWorking());
    }
    SECTION("a Saturday that is a make-up working day (调休上班) ends the period itself")
    {
        const core::ClockResult r = clock(calendarDays("2026-10-03", 7), "2026-10-03");
        CHECK(r.deadline == d("2026-10-10"));
    }
    SECTION("a working day is not moved, and the same limit in working days lands elsewhere")
    {
        CHECK(clock(calendarDays("2026-03-02", 3), "2026-03-02").deadline == d("2026-03-05"));
        core::ClockInput working = calendarDays("2026-03-02", 5);
        working.unit = core::DayUnit::WorkingDays;
        CHECK(clock(working, "2026-03-02").deadline == d("2026-03-09"));
        working.limit = 7;
        CHECK(clock(working, "2026-03-02").deadline == d("2026-03-11"));
        CHECK(clock(calendarDays("2026-03-02", 7), "2026-03-02").deadline == d("2026-03-09"));
    }
}

TEST_CASE("居民身份证法 Art. 12: 60 日 from the application")
{
    const core::ClockResult direct = clock(calendarDays("2026-09-04", 60), "2026-09-04");
    CHECK(direct.deadline == d("2026-11-03"));
    CHECK(direct.deadline.dayOfWeek() == 2); // a Tuesday

    // The same through a case's clocks: the unit travels with the timeline.
    core::CaseTimeline t;
    t.profile = core::ProcedureProfile::Licence;
    t.statutoryDays = 60;
    t.statutoryUnit = core::DayUnit::CalendarDays;
    t.promisedDays = 20;
    t.received = d("2026-09-04");
    t.accepted = d("2026-09-04");
    auto clocks = core::caseClocks(test::officialCalendar(), t, d("2026-09-04"));
    REQUIRE(clocks.ok());
    const auto statutory = std::find_if(clocks->begin(), clocks->end(), [](const auto& c) {
        return c.kind == core::ClockKind::Statutory;
    });
    const auto promised = std::find_if(clocks->begin(), clocks->end(), [](const auto& c) {
        return c.kind == core::ClockKind::Promised;
    });
    REQUIRE(statutory != clocks->end());
    REQUIRE(promised != clocks->end());
    CHECK(statutory->clock.unit == core::DayUnit::CalendarDays);
    CHECK(statutory->clock.deadline == d("2026-11-03"));
    // Counted in working days (the old behaviour) it would have been 2026-12-03.
    CHECK(promised->clock.unit == core::DayUnit::WorkingDays);
    t.statutoryUnit = core::DayUnit::WorkingDays;
    auto asWorkingDays = core::caseClocks(test::officialCalendar(), t, d("2026-09-04"));
    REQUIRE(asWorkingDays.ok());
    CHECK(asWorkingDays->at(1).clock.deadline == d("2026-12-03"));
}

TEST_CASE("Calendar days: suspended days S < d <= R are excluded one for one, weekends included")
{
    core::ClockInput in = calendarDays("2026-03-02", 10); // 2026-03-12 (Thu)
    CHECK(clock(in, "2026-03-02").deadline == d("2026-03-12"));
    in.suspensions = {{d("2026-03-05"), d("2026-03-10")}}; // excludes 03-06 .. 03-10: 5 days
    const core::ClockResult r = clock(in, "2026-03-11");
    CHECK(r.excludedDays == 5);
    CHECK(r.deadline == d("2026-03-17"));
    auto days = core::explainClock(test::officialCalendar(), r);
    REQUIRE(days.ok());
    CHECK(dayOf(*days, "2026-03-05").ordinal == 3); // the suspension day itself counts
    CHECK(dayOf(*days, "2026-03-07").suspended);    // a Saturday, suspended: not counted
    CHECK(dayOf(*days, "2026-03-11").ordinal == 4);
    CHECK(dayOf(*days, "2026-03-17").ordinal == 10);

    SECTION("an open suspension moves the deadline day by day and freezes the days left")
    {
        core::ClockInput open = calendarDays("2026-03-02", 10);
        open.suspensions = {{d("2026-03-05"), std::nullopt}};
        const core::ClockResult a = clock(open, "2026-03-06");
        const core::ClockResult b = clock(open, "2026-03-07");
        CHECK(a.deadline == d("2026-03-13"));
        CHECK(b.deadline == d("2026-03-16")); // 03-14 is a Saturday: on to Monday
        CHECK(b.periodEnd == d("2026-03-14"));
        CHECK(a.status.suspended);
    }
}

TEST_CASE("Calendar days: an extension adds days in the clock's unit")
{
    core::ClockInput in = calendarDays("2026-03-02", 10);
    in.extension = 5; // 2026-03-17 (Tue); five working days would give 2026-03-23
    const core::ClockResult r = clock(in, "2026-03-02");
    CHECK(r.deadline == d("2026-03-17"));
    auto days = core::explainClock(test::officialCalendar(), r);
    REQUIRE(days.ok());
    CHECK_FALSE(dayOf(*days, "2026-03-12").extension);
    CHECK(dayOf(*days, "2026-03-13").extension);
    CHECK(dayOf(*days, "2026-03-13").ordinal == 11);
}

TEST_CASE("Calendar days: the warning level counts calendar days left against ceil(20 %) of them")
{
    const core::ClockInput in = calendarDays("2026-09-04", 60); // deadline 2026-11-03
    const core::ClockResult r = clock(in, "2026-09-04");
    CHECK(r.threshold == 12);
    CHECK(r.yellowFrom == d("2026-10-22"));
    CHECK(clock(in, "2026-10-21").status.level == core::WarningLevel::Normal);
    CHECK(clock(in, "2026-10-21").status.workingDaysLeft == 13);
    // 12 calendar days left (only 8 of them working days): yellow.
    CHECK(clock(in, "2026-10-22").status.level == core::WarningLevel::Yellow);
    CHECK(clock(in, "2026-10-22").status.workingDaysLeft == 12);
    CHECK(clock(in, "2026-11-03").status.level == core::WarningLevel::Yellow);
    const core::ClockResult late = clock(in, "2026-11-08");
    CHECK(late.status.level == core::WarningLevel::Red);
    CHECK(late.status.overdueDays == 5);
}

TEST_CASE("Calendar days: a deadline is provisional only when its last-day check touches a "
          "provisional year")
{
    // Counted into 2027 (no notice shipped): the last day's kind is a guess. 2027-01-01 is New
    // Year's Day as the provisional year predicts it (民法典 Art. 203: the next working day).
    const core::ClockResult into2027 = clock(calendarDays("2026-12-02", 30), "2026-12-02");
    CHECK(into2027.deadline == d("2027-01-04"));
    CHECK(into2027.provisional);
    // Ending in 2026 on a working day: official, however long.
    CHECK_FALSE(clock(calendarDays("2026-11-01", 30), "2026-11-01").provisional);
}
