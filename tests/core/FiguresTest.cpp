#include "core/Figures.h"
#include "support/TestSupport.h"

using namespace onewindow;
using core::Period;
using core::PeriodKind;
using test::d;

TEST_CASE("Periods follow the calendar: weeks Monday to Sunday, quarters, a range cut at its ends")
{
    // 2025-12-31 is a Wednesday: its week runs into the new year.
    CHECK(core::periodContaining(PeriodKind::Week, d("2025-12-31")) ==
          Period{d("2025-12-29"), d("2026-01-04")});
    CHECK(core::periodContaining(PeriodKind::Quarter, d("2026-11-22")) ==
          Period{d("2026-10-01"), d("2026-12-31")});
    CHECK(core::periodContaining(PeriodKind::Month, d("2024-02-10")) ==
          Period{d("2024-02-01"), d("2024-02-29")});
    const QList<Period> months =
        core::periodsBetween(PeriodKind::Month, d("2025-12-15"), d("2026-02-03"));
    REQUIRE(months.size() == 3);
    CHECK(months[0] == Period{d("2025-12-15"), d("2025-12-31")});
    CHECK(months[1] == Period{d("2026-01-01"), d("2026-01-31")});
    CHECK(months[2] == Period{d("2026-02-01"), d("2026-02-03")});
    CHECK(core::periodsBetween(PeriodKind::Day, d("2026-01-02"), d("2026-01-01")).isEmpty());
    CHECK(core::periodsBetween(PeriodKind::Year, d("2020-01-01"), d("2026-12-31")).size() == 7);
    CHECK(core::periodLabel(PeriodKind::Quarter, months[1]) == QStringLiteral("2026年第1季度"));
    CHECK(core::periodLabel(PeriodKind::Week, Period{d("2025-12-29"), d("2026-01-04")}) ==
          QStringLiteral("2025年12月29日至1月4日"));
}

TEST_CASE("行政许可法 Art. 45: working days to decision leave out the suspended days")
{
    const core::WorkingCalendar calendar = test::officialCalendar();
    core::CaseTimeline t;
    t.received = d("2025-12-02");
    t.accepted = d("2025-12-04");
    CHECK_FALSE(core::workingDaysToDecision(calendar, t)); // not decided yet
    t.decided = d("2025-12-22");
    CHECK(core::workingDaysToDecision(calendar, t) == 12);
    // Suspended Friday 12-05, resumed Friday 12-12: Dec 8-12 are not counted.
    t.suspensions.append(core::Suspension{d("2025-12-05"), d("2025-12-12")});
    CHECK(core::workingDaysToDecision(calendar, t) == 7);
    // An overlapping second suspension takes nothing off twice.
    t.suspensions.append(core::Suspension{d("2025-12-10"), d("2025-12-15")});
    CHECK(core::workingDaysToDecision(calendar, t) == 6);
}

TEST_CASE("行政许可法 Art. 82: working days to decision across New Year skip the holiday and count "
          "the make-up day")
{
    const core::WorkingCalendar calendar = test::officialCalendar();
    core::CaseTimeline t;
    t.accepted = d("2025-12-29");
    t.decided = d("2026-01-16");
    // Dec 30, 31; Jan 1-3 off; Sunday Jan 4 worked; Jan 5-9, 12-16.
    CHECK(core::workingDaysToDecision(calendar, t) == 13);
}

TEST_CASE("行政许可法 Art. 42: on time against a limit means on or before its extended deadline")
{
    const core::WorkingCalendar calendar = test::officialCalendar();
    core::CaseTimeline t;
    t.received = d("2025-12-29");
    t.accepted = d("2025-12-29");
    t.statutoryDays = 20;
    t.promisedDays = 10;
    t.decided = d("2026-01-16");
    auto clocks = core::caseClocks(calendar, t, d("2026-01-16"));
    REQUIRE(clocks.ok());
    auto facts = core::decisionFacts(calendar, t, *clocks);
    REQUIRE(facts);
    CHECK_FALSE(facts->onTimePromised); // promised deadline 2026-01-13
    CHECK(facts->onTimeStatutory);
    t.promisedExtensions = {5}; // approved: the promise runs to 2026-01-20
    clocks = core::caseClocks(calendar, t, d("2026-01-16"));
    facts = core::decisionFacts(calendar, t, *clocks);
    CHECK(facts->onTimePromised);
    CHECK(facts->workingDays == 13);
}

TEST_CASE("好差评: the satisfaction rate counts 非常满意, 满意 and 基本满意 among all ratings")
{
    core::FigureSet f;
    CHECK_FALSE(f.satisfactionRate()); // nothing rated: no rate, not 0 %
    f.ratings = {1, 2, 3, 4, 10};      // levels 1..5
    CHECK(f.rated() == 20);
    CHECK(f.satisfied() == 17);
    CHECK(*f.satisfactionRate() == Approx(0.85));
    CHECK(core::figureText(f, QStringLiteral("satisfaction_rate")) == QStringLiteral("85.0%"));
    f.decided = 3;
    f.onTimePromised = 2;
    f.decisionDays = 20;
    CHECK(core::figureText(f, QStringLiteral("on_time_rate")) == QStringLiteral("66.7%"));
    CHECK(core::figureText(f, QStringLiteral("average_days")) == QStringLiteral("6.7"));
    CHECK(core::figureText(f, QStringLiteral("rating_5")) == QStringLiteral("10"));
}

TEST_CASE("The accumulator puts days into periods and sums groups and periods")
{
    core::FigureAccumulator acc(PeriodKind::Month, core::GroupBy::Department, d("2025-12-15"),
                                d("2026-01-31"), d("2026-02-01"));
    core::FigureSet one;
    one.received = 1;
    acc.add(d("2025-12-31"), QStringLiteral("b"), QStringLiteral("乙"), one);
    acc.add(d("2026-01-01"), QStringLiteral("a"), QStringLiteral("甲"), one);
    acc.add(d("2026-01-31"), QStringLiteral("a"), QStringLiteral("甲"), one);
    acc.add(d("2025-12-14"), QStringLiteral("a"), QStringLiteral("甲"), one); // outside
    const core::FigureTable t = acc.finish();
    REQUIRE(t.rows.size() == 2);
    CHECK(t.rows[0].label == QStringLiteral("乙"));
    CHECK(t.rows[1].figures.received == 2);
    REQUIRE(t.periodTotals.size() == 2);
    CHECK(t.periodTotals[0].figures.received == 1);
    CHECK(t.periodTotals[1].figures.received == 2);
    REQUIRE(t.groupTotals.size() == 2);
    CHECK(t.total.received == 3);
}
