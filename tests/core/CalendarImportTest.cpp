#include "support/TestSupport.h"

#include "core/CalendarImport.h"

using namespace onewindow;
using onewindow::test::d;

namespace {

core::CalendarFile file(const char* name, const char* json)
{
    return {QString::fromLatin1(name), QByteArray(json)};
}

} // namespace

TEST_CASE("Calendar import plan: valid files are stored, each replacing its year")
{
    const core::WorkingCalendar current = test::officialCalendar();
    const core::CalendarImportPlan plan = core::planCalendarImport(
        {file("2027.json", R"({"year": 2027, "papers": ["https://example/2027"], "days": [
            {"name": "元旦", "date": "2027-01-01", "isOffDay": true}]})")},
        current);
    REQUIRE(plan.ok());
    REQUIRE(plan.toStore.size() == 1);
    CHECK(plan.toStore.first().year == 2027);
    CHECK(core::describeImported(plan.toStore.first()).contains(QStringLiteral("放假 1 天")));
}

TEST_CASE("Calendar import plan: one bad file stops the whole import")
{
    const core::CalendarImportPlan plan = core::planCalendarImport(
        {file("2027.json", R"({"year": 2027, "papers": ["u"], "days": []})"),
         file("2028.json", R"({"year": 2028, "papers": ["u"], "days": [{"name": "x"}]})")},
        test::officialCalendar());
    CHECK_FALSE(plan.ok());
    CHECK(plan.errors.first().message.startsWith(QStringLiteral("2028.json")));
}

TEST_CASE("Calendar import plan: the same year twice in one import is an error")
{
    const char* json = R"({"year": 2027, "papers": ["u"], "days": []})";
    const core::CalendarImportPlan plan = core::planCalendarImport(
        {file("a.json", json), file("b.json", json)}, test::officialCalendar());
    REQUIRE_FALSE(plan.ok());
    CHECK(plan.errors.first().code == QStringLiteral("calendar.year_twice"));
}

TEST_CASE("Calendar import plan: an unpublished file never replaces an official notice")
{
    const core::WorkingCalendar current = test::officialCalendar();
    const core::CalendarImportPlan refused = core::planCalendarImport(
        {file("2026.json", R"({"year": 2026, "papers": [], "days": []})")}, current);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.errors.first().code == QStringLiteral("calendar.unpublished_replaces_official"));

    const core::CalendarImportPlan noted = core::planCalendarImport(
        {file("2027.json", R"({"year": 2027, "papers": [], "days": []})")}, current);
    REQUIRE(noted.ok());
    CHECK(noted.toStore.isEmpty());
    REQUIRE(noted.notes.size() == 1);
    CHECK(noted.notes.first().contains(QStringLiteral("2027")));
}

TEST_CASE("A notice may list dates of the neighbouring year; the date's own year wins a clash")
{
    core::HolidayNotice n2027;
    n2027.year = 2027;
    n2027.papers = {QStringLiteral("u")};
    n2027.days = {{d("2026-12-31"), QStringLiteral("元旦"), true},
                  {d("2026-10-10"), QStringLiteral("冲突"), false}};
    const core::WorkingCalendar cal({test::shippedNotice(2026), n2027});
    CHECK_FALSE(cal.isWorkingDay(d("2026-12-31"))); // listed by the 2027 notice only
    CHECK(cal.dayInfo(d("2026-12-31")).holidayName == QStringLiteral("元旦"));
    CHECK(cal.dayInfo(d("2026-10-10")).holidayName == QStringLiteral("国庆节")); // 2026's own entry
}

TEST_CASE(
    "全国年节及纪念日放假办法 Art. 2: a notice that leaves a statutory holiday a working day is "
    "imported with a warning naming the day")
{
    // 2027-02-06 is 春节 (正月初一); this file lists only 元旦.
    const core::CalendarImportPlan plan = core::planCalendarImport(
        {file("2027.json", R"({"year": 2027, "papers": ["https://example/2027"], "days": [
            {"name": "元旦", "date": "2027-01-01", "isOffDay": true}]})")},
        test::officialCalendar());
    REQUIRE(plan.ok());
    QStringList missing;
    for (const core::Error& w : plan.warnings)
        if (w.code == QStringLiteral("calendar.statutory_day_missing"))
            missing.append(w.message);
    const QString all = missing.join(QLatin1Char('\n'));
    CHECK(all.contains(QStringLiteral("2027-02-08")));       // 初三, a Monday
    CHECK(all.contains(QStringLiteral("2027-10-01")));       // 国庆节, a Friday
    CHECK_FALSE(all.contains(QStringLiteral("2027-01-01"))); // listed
    CHECK_FALSE(all.contains(QStringLiteral("2027-02-06"))); // a Saturday, not listed: off anyway
    // Every official notice shipped names every statutory holiday: no warning for any of them.
    for (int year = 2008; year <= 2026; ++year) {
        const core::HolidayNotice n = test::shippedNotice(year);
        const core::CalendarImportPlan official = core::planCalendarImport(
            {{QStringLiteral("%1.json").arg(year), core::holidayNoticeToJson(n)}},
            core::WorkingCalendar());
        INFO(year);
        for (const core::Error& w : official.warnings)
            CHECK(w.code != QStringLiteral("calendar.statutory_day_missing"));
    }
}
