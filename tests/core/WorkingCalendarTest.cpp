#include "support/TestSupport.h"

#include "core/WorkingCalendar.h"

#include <QRandomGenerator>

using namespace onewindow;
using onewindow::test::d;

namespace {

QDate nth(const core::WorkingCalendar& cal, const char* from, int n)
{
    auto r = cal.nthWorkingDayAfter(d(from), n);
    REQUIRE(r.ok());
    return r->date;
}

} // namespace

TEST_CASE("Worked example: the 20th working day after Friday 2026-09-18 is Thursday 2026-10-22")
{
    const core::WorkingCalendar cal = test::officialCalendar();
    auto r = cal.nthWorkingDayAfter(d("2026-09-18"), 20);
    REQUIRE(r.ok());
    CHECK(r->date == d("2026-10-22"));
    CHECK_FALSE(r->provisional);
}

TEST_CASE("行政许可法 Art. 82: periods are counted in working days, statutory holidays excluded")
{
    const core::WorkingCalendar cal = test::officialCalendar();
    // National Day 2026: 10-01..10-07 off; the 1st working day after 09-30 is 10-08.
    CHECK(nth(cal, "2026-09-30", 1) == d("2026-10-08"));
    CHECK_FALSE(cal.isWorkingDay(d("2026-10-05"))); // a Monday off
    CHECK(cal.isWorkingDay(d("2026-10-10")));       // a Saturday worked (调休)
    CHECK_FALSE(cal.isWorkingDay(d("2026-10-11"))); // a plain Sunday
}

TEST_CASE("Counting days: the trigger day never counts")
{
    const core::WorkingCalendar cal = test::officialCalendar();
    CHECK(nth(cal, "2026-11-19", 1) == d("2026-11-20")); // Thursday -> Friday
    CHECK(nth(cal, "2026-11-20", 1) == d("2026-11-23")); // Friday -> Monday
    CHECK(nth(cal, "2026-11-21", 1) == d("2026-11-23")); // Saturday -> Monday
    CHECK(nth(cal, "2026-11-20", 0) == d("2026-11-20")); // zero days: the day itself
}

TEST_CASE("Spring Festival 2025: off 01-28..02-04, make-up Sunday 01-26 and Saturday 02-08")
{
    const core::WorkingCalendar cal = test::officialCalendar();
    CHECK(nth(cal, "2025-01-24", 1) == d("2025-01-26")); // Sunday worked
    CHECK(nth(cal, "2025-01-27", 1) == d("2025-02-05")); // the whole holiday skipped
    CHECK(nth(cal, "2025-02-07", 1) == d("2025-02-08")); // Saturday worked
    CHECK(nth(cal, "2025-01-24", 5) == d("2025-02-07"));
    CHECK(cal.dayInfo(d("2025-01-29")).holidayName == QStringLiteral("春节"));
}

TEST_CASE("Spring Festival 2026: off 02-15..02-23, make-up Saturdays 02-14 and 02-28")
{
    const core::WorkingCalendar cal = test::officialCalendar();
    CHECK(nth(cal, "2026-02-13", 1) == d("2026-02-14"));
    CHECK(nth(cal, "2026-02-14", 1) == d("2026-02-24"));
    CHECK(nth(cal, "2026-02-27", 1) == d("2026-02-28"));
    CHECK(nth(cal, "2026-02-28", 1) == d("2026-03-02"));
    // 10 working days from 02-12: 13, 14(Sat), 24, 25, 26, 27, 28(Sat), 03-02, 03, 04.
    CHECK(nth(cal, "2026-02-12", 10) == d("2026-03-04"));
}

TEST_CASE("Make-up working days on Sundays and Saturdays count")
{
    const core::WorkingCalendar cal = test::officialCalendar();
    const core::DayInfo sunday = cal.dayInfo(d("2024-02-04"));
    CHECK(sunday.kind == core::DayKind::MakeUpWorkday);
    CHECK(sunday.isWorking());
    CHECK(nth(cal, "2024-02-02", 1) == d("2024-02-04"));
    CHECK(nth(cal, "2024-09-13", 1) == d("2024-09-14")); // Saturday before Mid-Autumn 2024
    CHECK(cal.dayInfo(d("2024-09-14")).reason() == QStringLiteral("调休上班（中秋节）"));
}

TEST_CASE("Year boundaries: New Year's Day and make-up Sunday 2026-01-04")
{
    const core::WorkingCalendar cal = test::officialCalendar();
    CHECK(nth(cal, "2024-12-31", 1) == d("2025-01-02"));
    CHECK(nth(cal, "2025-12-31", 1) == d("2026-01-04"));
    CHECK(nth(cal, "2025-12-30", 3) == d("2026-01-05"));
}

TEST_CASE("Provisional years: 2027 has no notice, its statutory holidays are predicted days off, "
          "and answers reaching it say so")
{
    const core::WorkingCalendar cal = test::officialCalendar();
    CHECK(cal.isProvisionalYear(2027));
    CHECK_FALSE(cal.isProvisionalYear(2026));
    auto inside = cal.nthWorkingDayAfter(d("2026-12-30"), 1);
    REQUIRE(inside.ok());
    CHECK(inside->date == d("2026-12-31"));
    CHECK_FALSE(inside->provisional);
    // 2027-01-01 is a Friday and 元旦: a day off although no notice says so yet.
    CHECK_FALSE(cal.isWorkingDay(d("2027-01-01")));
    auto across = cal.nthWorkingDayAfter(d("2026-12-31"), 1);
    REQUIRE(across.ok());
    CHECK(across->date == d("2027-01-04"));
    CHECK(across->provisional);
    const core::DayInfo newYear = cal.dayInfo(d("2027-01-01"));
    CHECK(newYear.provisional);
    CHECK(newYear.predicted);
    CHECK(newYear.kind == core::DayKind::Holiday);
    CHECK(newYear.reason() == QStringLiteral("元旦（法定节假日，预测）"));
    // 春节 2027: 除夕 Friday 02-05 .. 初三 Monday 02-08, Saturday and Sunday made up on 02-09,
    // 02-10.
    const core::DayInfo makeUp = cal.dayInfo(d("2027-02-10"));
    CHECK(makeUp.makeUp);
    CHECK(makeUp.reason() == QStringLiteral("春节补假（预测）"));
    CHECK(makeUp.offDayName() == QStringLiteral("春节补假"));
    CHECK(nth(cal, "2027-02-04", 1) == d("2027-02-11"));
    // Make-up working days are unknown until the notice: a weekend stays a weekend.
    CHECK(cal.dayInfo(d("2027-02-20")).kind == core::DayKind::Weekend);
    // An unpublished notice file keeps the year provisional, with its prediction.
    core::HolidayNotice empty;
    empty.year = 2027;
    const core::WorkingCalendar withEmpty({test::shippedNotice(2026), empty});
    CHECK(withEmpty.isProvisionalYear(2027));
    CHECK_FALSE(withEmpty.isWorkingDay(d("2027-01-01")));
}

TEST_CASE("An imported official notice replaces the prediction for its year")
{
    const QString name = QStringLiteral("2027-fixture.json");
    const core::NoticeParse fixture = core::parseHolidayNotice(
        test::readSourceFile(QStringLiteral("tests/fixtures/") + name), name);
    REQUIRE(fixture.ok());
    const core::WorkingCalendar cal(
        {test::shippedNotice(2026), test::shippedNotice(2025), fixture.notice});
    CHECK_FALSE(cal.isProvisionalYear(2027));
    // The fixture leaves 除夕 (02-05) a working day, gives 02-11..14 off and works Saturday 02-20.
    CHECK(cal.isWorkingDay(d("2027-02-05")));
    CHECK_FALSE(cal.isWorkingDay(d("2027-02-11")));
    CHECK(cal.isWorkingDay(d("2027-02-20")));
    // Nothing predicted survives: the notice's days say 放假, the rest are plain weekdays.
    CHECK(cal.dayInfo(d("2027-01-01")).reason() == QStringLiteral("元旦（放假）"));
    CHECK_FALSE(cal.dayInfo(d("2027-01-01")).predicted);
    CHECK(cal.isWorkingDay(d("2027-05-03"))); // a predicted 补假, not in this notice
    CHECK(cal.dayInfo(d("2027-05-03")).reason() == QStringLiteral("工作日"));
    auto answer = cal.nthWorkingDayAfter(d("2026-12-31"), 1);
    REQUIRE(answer.ok());
    CHECK(answer->date == d("2027-01-04"));
    CHECK_FALSE(answer->provisional);
    CHECK(nth(cal, "2027-02-04", 1) == d("2027-02-05"));
}

TEST_CASE("Working days between two dates: d with from < d <= to")
{
    const core::WorkingCalendar cal = test::officialCalendar();
    auto r = cal.workingDaysBetween(d("2026-09-18"), d("2026-10-22"));
    REQUIRE(r.ok());
    CHECK(*r == 20);
    CHECK(*cal.workingDaysBetween(d("2026-10-22"), d("2026-09-18")) == -20);
    CHECK(*cal.workingDaysBetween(d("2026-10-01"), d("2026-10-07")) == 0);
}

TEST_CASE("Bad queries are refused with a message")
{
    const core::WorkingCalendar cal = test::officialCalendar();
    auto negative = cal.nthWorkingDayAfter(d("2026-01-05"), -1);
    REQUIRE_FALSE(negative.ok());
    CHECK(negative.error().code == QStringLiteral("calendar.negative_days"));
    auto early = cal.nthWorkingDayAfter(d("1999-12-31"), 1);
    REQUIRE_FALSE(early.ok());
    CHECK(early.error().code == QStringLiteral("calendar.out_of_range"));
    auto tooFar = cal.nthWorkingDayAfter(d("2099-12-01"), 100);
    REQUIRE_FALSE(tooFar.ok());
    CHECK(tooFar.error().code == QStringLiteral("calendar.out_of_range"));
    CHECK_FALSE(cal.nthWorkingDayAfter(QDate(), 1).ok());
}

TEST_CASE("Explanation lists every counted and skipped day with its reason")
{
    const core::WorkingCalendar cal = test::officialCalendar();
    auto days = cal.explain(d("2026-09-18"), 20);
    REQUIRE(days.ok());
    REQUIRE(days->first().day.date == d("2026-09-19"));
    REQUIRE(days->last().day.date == d("2026-10-22"));
    CHECK(days->last().ordinal == 20);
    CHECK(days->size() == 34); // every calendar day from 09-19 to 10-22
    const auto at = [&](const char* iso) {
        for (const core::ExplainedDay& e : *days)
            if (e.day.date == d(iso))
                return e;
        FAIL("missing " << iso);
        return core::ExplainedDay{};
    };
    CHECK(at("2026-09-19").ordinal == 0);
    CHECK(at("2026-09-19").day.reason() == QStringLiteral("星期六"));
    CHECK(at("2026-09-20").ordinal == 1);
    CHECK(at("2026-09-20").day.reason() == QStringLiteral("调休上班（国庆节）"));
    CHECK(at("2026-09-25").ordinal == 0);
    CHECK(at("2026-09-25").day.reason() == QStringLiteral("中秋节（放假）"));
    CHECK(at("2026-10-10").ordinal > 0);
    const auto skipped = std::count_if(days->begin(), days->end(),
                                       [](const core::ExplainedDay& e) { return e.ordinal == 0; });
    CHECK(skipped == 14);
}

TEST_CASE("Property: results are working days, and counting back gives N (2024-2027)")
{
    const QList<core::HolidayNotice> notices{test::shippedNotice(2024), test::shippedNotice(2025),
                                             test::shippedNotice(2026)};
    const core::WorkingCalendar cal(notices);
    QRandomGenerator rng(20261122);
    const qint64 first = d("2024-01-01").toJulianDay();
    const qint64 span = d("2027-12-31").toJulianDay() - first;
    for (int i = 0; i < 3000; ++i) {
        const QDate from = QDate::fromJulianDay(first + rng.bounded(span));
        const int n = static_cast<int>(rng.bounded(1, 260));
        auto r = cal.nthWorkingDayAfter(from, n);
        REQUIRE(r.ok());
        INFO(from << " + " << n << " -> " << r->date);
        CHECK(cal.isWorkingDay(r->date));
        CHECK(*cal.workingDaysBetween(from, r->date) == n);
        CHECK(*cal.workingDaysBetween(from, r->date.addDays(-1)) == n - 1);
        if (i % 10 == 0) // the day-by-day walk over the raw notices agrees
            CHECK(r->date == test::naiveNthWorkingDay(notices, from, n));
    }
}
