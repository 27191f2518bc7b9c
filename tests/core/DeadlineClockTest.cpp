#include "support/TestSupport.h"

#include "core/DeadlineClock.h"

using namespace onewindow;
using onewindow::test::d;

namespace {

core::ClockResult clock(const core::ClockInput& in, const char* asOf)
{
    auto r = core::computeClock(test::officialCalendar(), in, d(asOf));
    REQUIRE(r.ok());
    return *r;
}

core::ClockInput input(const char* trigger, int limit)
{
    core::ClockInput in;
    in.trigger = d(trigger);
    in.limit = limit;
    return in;
}

} // namespace

TEST_CASE("Suspension: suspending and resuming on the same day excludes nothing")
{
    core::ClockInput in = input("2026-03-02", 10); // deadline 2026-03-16 without suspension
    CHECK(clock(in, "2026-03-02").deadline == d("2026-03-16"));
    in.suspensions = {{d("2026-03-05"), d("2026-03-05")}};
    const core::ClockResult r = clock(in, "2026-03-06");
    CHECK(r.deadline == d("2026-03-16"));
    CHECK(r.excludedDays == 0);
}

TEST_CASE("Suspension: working days d with S < d <= R are excluded; the suspension day counts")
{
    core::ClockInput in = input("2026-03-02", 10);
    in.suspensions = {{d("2026-03-05"), d("2026-03-10")}}; // excludes 03-06, 03-09, 03-10
    const core::ClockResult r = clock(in, "2026-03-11");
    CHECK(r.excludedDays == 3);
    CHECK(r.deadline == d("2026-03-19"));
}

TEST_CASE("Suspension across a holiday excludes only its working days")
{
    core::ClockInput in = input("2026-09-18", 20);         // 2026-10-22
    in.suspensions = {{d("2026-09-30"), d("2026-10-09")}}; // 10-01..07 off: excludes 10-08, 10-09
    const core::ClockResult r = clock(in, "2026-10-12");
    CHECK(r.excludedDays == 2);
    CHECK(r.deadline == d("2026-10-26"));
    CHECK_FALSE(r.provisional);
}

TEST_CASE("Suspension across New Year into a provisional year")
{
    core::ClockInput in = input("2026-12-01", 20);
    CHECK(clock(in, "2026-12-01").deadline == d("2026-12-29"));
    CHECK_FALSE(clock(in, "2026-12-01").provisional);
    // Excludes 12-29, 12-30, 12-31 and, provisionally, 01-04, 01-05: 2027-01-01 (Fri) is 元旦,
    // a predicted day off that is not a working day to exclude.
    in.suspensions = {{d("2026-12-28"), d("2027-01-05")}};
    const core::ClockResult r = clock(in, "2027-01-05");
    CHECK(r.excludedDays == 5);
    CHECK(r.deadline == d("2027-01-06"));
    CHECK(r.provisional);
}

TEST_CASE("Suspension still open: the deadline moves day by day and the days left stay frozen")
{
    core::ClockInput in = input("2026-03-02", 10);
    in.suspensions = {{d("2026-03-05"), std::nullopt}};
    const core::ClockResult onS = clock(in, "2026-03-05");
    const core::ClockResult later = clock(in, "2026-03-12");
    CHECK(onS.status.suspended);
    CHECK(later.status.suspended);
    CHECK(onS.status.workingDaysLeft == 7);
    CHECK(later.status.workingDaysLeft == 7);
    CHECK(later.deadline == d("2026-03-23"));
}

TEST_CASE("Suspension starting after the deadline day changes nothing; on the deadline day it does")
{
    core::ClockInput late = input("2026-03-02", 10);
    late.suspensions = {{d("2026-03-17"), d("2026-03-20")}};
    CHECK(clock(late, "2026-03-20").deadline == d("2026-03-16"));
    core::ClockInput onDeadline = input("2026-03-02", 10);
    onDeadline.suspensions = {{d("2026-03-16"), d("2026-03-18")}};
    CHECK(clock(onDeadline, "2026-03-18").deadline == d("2026-03-18"));
}

TEST_CASE("Overlapping suspensions exclude each working day once")
{
    core::ClockInput in = input("2026-03-02", 10);
    in.suspensions = {{d("2026-03-05"), d("2026-03-10")}, {d("2026-03-09"), d("2026-03-11")}};
    const core::ClockResult r = clock(in, "2026-03-12");
    CHECK(r.excludedDays == 4); // 03-06, 09, 10, 11
    CHECK(r.deadline == d("2026-03-20"));
}

TEST_CASE("Extensions add working days to the clock they extend")
{
    core::ClockInput in = input("2026-09-18", 20);
    in.extension = 10;
    CHECK(clock(in, "2026-09-18").deadline == d("2026-11-05"));
}

TEST_CASE("A clock explained: suspended working days are skipped, the count ends on the deadline")
{
    core::ClockInput in = input("2026-09-18", 20);
    in.suspensions = {{d("2026-09-30"), d("2026-10-09")}}; // excludes 10-08, 10-09
    in.extension = 3;
    const core::ClockResult r = clock(in, "2026-10-12");
    auto days = core::explainClock(test::officialCalendar(), r);
    REQUIRE(days.ok());
    REQUIRE_FALSE(days->isEmpty());
    CHECK(days->first().day.date == d("2026-09-19")); // the trigger day never counts
    CHECK(days->last().day.date == r.deadline);
    const auto count = [&](auto pred) { return std::count_if(days->begin(), days->end(), pred); };
    CHECK(count([](const core::ExplainedDay& e) { return e.ordinal > 0; }) == 23);
    CHECK(days->last().ordinal == 23);
    CHECK(count([](const core::ExplainedDay& e) { return e.suspended; }) == 2);
    CHECK(count([](const core::ExplainedDay& e) { return e.extension; }) == 3);
    for (const core::ExplainedDay& e : *days) {
        if (e.day.date == d("2026-10-08") || e.day.date == d("2026-10-09")) {
            CHECK(e.suspended);
            CHECK(e.ordinal == 0);
        }
        if (e.day.date == d("2026-09-30"))
            CHECK(e.ordinal > 0); // the suspension day itself counts
        if (e.day.date == d("2026-10-01"))
            CHECK((e.ordinal == 0 && !e.suspended)); // a holiday, skipped as such
    }
}

TEST_CASE("A clock explained: a suspension from the deadline day on extends the list past it")
{
    core::ClockInput in = input("2026-03-02", 10);
    in.suspensions = {{d("2026-03-16"), d("2026-03-18")}};
    const core::ClockResult r = clock(in, "2026-03-18");
    auto days = core::explainClock(test::officialCalendar(), r);
    REQUIRE(days.ok());
    CHECK(days->last().day.date == d("2026-03-18"));
    CHECK(days->last().suspended);
    CHECK(std::count_if(days->begin(), days->end(),
                        [](const core::ExplainedDay& e) { return e.ordinal > 0; }) == 10);
}

TEST_CASE("Warning threshold default: the larger of 1 and 20 % of the limit, rounded up")
{
    CHECK(core::defaultWarningThreshold(20) == 4);
    CHECK(core::defaultWarningThreshold(21) == 5);
    CHECK(core::defaultWarningThreshold(3) == 1);
    CHECK(core::defaultWarningThreshold(1) == 1);
    CHECK(core::defaultWarningThreshold(0) == 1);
}

TEST_CASE(
    "Warning levels: normal, yellow at the threshold, still on time on the deadline day, red after")
{
    const core::ClockInput in = input("2026-09-18", 20); // deadline 2026-10-22, threshold 4
    CHECK(clock(in, "2026-10-15").status.level == core::WarningLevel::Normal);
    CHECK(clock(in, "2026-10-15").status.workingDaysLeft == 5);
    CHECK(clock(in, "2026-10-16").status.level == core::WarningLevel::Yellow);
    CHECK(clock(in, "2026-10-16").status.workingDaysLeft == 4);
    const core::ClockResult dueToday = clock(in, "2026-10-22");
    CHECK(dueToday.status.level == core::WarningLevel::Yellow);
    CHECK(dueToday.status.workingDaysLeft == 0); // 今日到期
    const core::ClockResult overdue = clock(in, "2026-10-26");
    CHECK(overdue.status.level == core::WarningLevel::Red);
    CHECK(overdue.status.overdueDays == 2); // 10-23, 10-26
}

TEST_CASE("Working days left on day T count d with T < d <= deadline, also on a day off")
{
    const core::ClockInput in = input("2026-09-18", 20);
    // 10-08, 09, 10 (Saturday worked), 12-16, 19-22: twelve working days.
    CHECK(clock(in, "2026-10-03").status.workingDaysLeft == 12);
}

TEST_CASE("Done on time and done late")
{
    core::ClockInput in = input("2026-09-18", 20);
    in.stopped = d("2026-10-22");
    CHECK(clock(in, "2026-11-30").status.level == core::WarningLevel::DoneOnTime);
    in.stopped = d("2026-10-23");
    const core::ClockResult late = clock(in, "2026-11-30");
    CHECK(late.status.level == core::WarningLevel::DoneLate);
    CHECK(late.status.overdueDays == 1);
}

TEST_CASE("A clock whose counting touches a provisional year is provisional")
{
    CHECK(clock(input("2026-12-10", 20), "2026-12-10").provisional);
    CHECK_FALSE(clock(input("2026-11-10", 20), "2026-11-10").provisional);
}

TEST_CASE("A custom warning threshold replaces the default")
{
    core::ClockInput in = input("2026-09-18", 20);
    in.warningThreshold = 2;
    CHECK(clock(in, "2026-10-16").status.level == core::WarningLevel::Normal);
    CHECK(clock(in, "2026-10-20").status.level == core::WarningLevel::Yellow);
}

TEST_CASE("Bad clock input is refused")
{
    core::ClockInput in = input("2026-09-18", 20);
    in.suspensions = {{d("2026-10-05"), d("2026-10-01")}};
    auto r = core::computeClock(test::officialCalendar(), in, d("2026-10-05"));
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == QStringLiteral("clock.bad_suspension"));
    CHECK_FALSE(
        core::computeClock(test::officialCalendar(), input("2026-09-18", -1), d("2026-10-05"))
            .ok());
}

TEST_CASE("The day a clock turns yellow is the working day with `threshold` working days left")
{
    const core::ClockResult r =
        clock(input("2026-09-18", 20), "2026-09-18"); // deadline 10-22, threshold 4
    CHECK(r.yellowFrom == d("2026-10-16"));
    CHECK(clock(input("2026-09-18", 20), "2026-10-15").status.level == core::WarningLevel::Normal);
    CHECK(clock(input("2026-09-18", 20), "2026-10-16").status.level == core::WarningLevel::Yellow);
    // Across the National Day holiday: 3 working days before 10-09 are 09-29, 09-30, 10-08 -> from
    // 09-29.
    core::ClockInput across = input("2026-09-18", 10); // deadline 10-09
    across.warningThreshold = 3;
    CHECK(clock(across, "2026-09-18").deadline == d("2026-10-09"));
    CHECK(clock(across, "2026-09-18").yellowFrom == d("2026-09-29"));
    CHECK(clock(across, "2026-09-28").status.level == core::WarningLevel::Normal);
    CHECK(clock(across, "2026-09-29").status.level == core::WarningLevel::Yellow);
}

TEST_CASE("Warning level from stored dates: yellow from yellowFrom, red the day after the due day")
{
    const QDate due = d("2026-10-22");
    const QDate yellow = d("2026-10-16");
    CHECK(core::warningLevelOn(due, yellow, true, d("2026-10-15")) == core::WarningLevel::Normal);
    CHECK(core::warningLevelOn(due, yellow, true, d("2026-10-16")) == core::WarningLevel::Yellow);
    CHECK(core::warningLevelOn(due, yellow, true, d("2026-10-22")) == core::WarningLevel::Yellow);
    CHECK(core::warningLevelOn(due, yellow, true, d("2026-10-23")) == core::WarningLevel::Red);
    // No yellow day known: normal up to the due day, red after it.
    CHECK(core::warningLevelOn(due, QDate(), true, d("2026-10-22")) == core::WarningLevel::Normal);
    CHECK(core::warningLevelOn(due, QDate(), true, d("2026-10-23")) == core::WarningLevel::Red);
    // No clock running (suspended, or waiting for the applicant): never coloured.
    CHECK(core::warningLevelOn(QDate(), yellow, true, d("2026-12-01")) ==
          core::WarningLevel::Normal);
}

TEST_CASE("Warning level from stored dates: done on or before the due day is on time, after late")
{
    const QDate due = d("2026-10-22");
    const QDate yellow = d("2026-10-16");
    CHECK(core::warningLevelOn(due, yellow, false, d("2026-10-22")) ==
          core::WarningLevel::DoneOnTime);
    CHECK(core::warningLevelOn(due, yellow, false, d("2026-10-23")) ==
          core::WarningLevel::DoneLate);
    CHECK(core::warningLevelOn(QDate(), QDate(), false, d("2026-10-23")) ==
          core::WarningLevel::DoneOnTime);
}

TEST_CASE("Warning level from a clock's stored dates agrees with the clock's own status every day")
{
    core::ClockInput across = input("2026-09-18", 10); // deadline 10-09 across National Day
    across.warningThreshold = 3;
    const core::ClockResult c = clock(across, "2026-09-18");
    for (QDate day = d("2026-09-20"); day <= d("2026-10-14"); day = day.addDays(1)) {
        INFO(day.toString(Qt::ISODate).toStdString());
        CHECK(core::warningLevelOn(c.deadline, c.yellowFrom, true, day) ==
              core::clockStatus(test::officialCalendar(), c, day).level);
    }
}
