#include "support/TestSupport.h"

#include "core/HolidayNotice.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

using namespace onewindow;
using onewindow::test::d;

namespace {

core::NoticeParse parse(const char* json)
{
    return core::parseHolidayNotice(QByteArray(json), QStringLiteral("test.json"));
}

bool hasCode(const QList<core::Error>& list, const char* code)
{
    return std::any_of(list.begin(), list.end(),
                       [&](const core::Error& e) { return e.code == QLatin1String(code); });
}

QString messageOf(const QList<core::Error>& list, const char* code)
{
    for (const core::Error& e : list)
        if (e.code == QLatin1String(code))
            return e.message;
    return QString();
}

} // namespace

TEST_CASE("The shipped 2024-2026 notices parse cleanly and match the State Council's day counts")
{
    struct Expect
    {
        int year;
        int offDays;
        int makeUpDays;
    };
    // Counts of listed entries in the official notices (weekend days off inside a holiday are
    // listed too in the holiday-cn files).
    for (const Expect& e : {Expect{2024, 28, 8}, Expect{2025, 28, 5}, Expect{2026, 33, 6}}) {
        const QString name = QStringLiteral("%1.json").arg(e.year);
        core::NoticeParse p = core::parseHolidayNotice(
            test::readSourceFile(QStringLiteral("resources/calendars/") + name), name);
        INFO(e.year);
        REQUIRE(p.ok());
        CHECK(p.warnings.isEmpty());
        CHECK(p.notice.year == e.year);
        CHECK(p.notice.published());
        CHECK(p.notice.papers.size() == 1);
        const auto off = std::count_if(p.notice.days.begin(), p.notice.days.end(),
                                       [](const core::NoticeDay& x) { return x.isOffDay; });
        CHECK(off == e.offDays);
        CHECK(p.notice.days.size() - off == e.makeUpDays);
    }
}

TEST_CASE("The shipped 2007-2023 notices parse cleanly, each with its papers; 2027 is not shipped")
{
    for (int year = 2007; year <= 2023; ++year) {
        const QString name = QStringLiteral("%1.json").arg(year);
        core::NoticeParse p = core::parseHolidayNotice(
            test::readSourceFile(QStringLiteral("resources/calendars/") + name), name);
        INFO(year);
        REQUIRE(p.ok());
        // 2020.json lists Monday 02-03 as a working day (the extended Spring Festival ended on
        // 02-02): harmless, and the import says so.
        REQUIRE(p.warnings.size() == (year == 2020 ? 1 : 0));
        if (year == 2020)
            CHECK(p.warnings.first().message.contains(QStringLiteral("2020-02-03")));
        CHECK(p.notice.year == year);
        CHECK(p.notice.published());
        // 2015, 2019 and 2020 carry an amendment as a second paper.
        const bool amended = year == 2015 || year == 2019 || year == 2020;
        CHECK(p.notice.papers.size() == (amended ? 2 : 1));
        CHECK(
            std::any_of(p.notice.days.begin(), p.notice.days.end(), [&](const core::NoticeDay& x) {
                return x.name == QStringLiteral("春节");
            }));
    }
    // "Not published" is never shipped: 2027 stays provisional until a notice is imported.
    CHECK_FALSE(QFile::exists(test::sourcePath(QStringLiteral("resources/calendars/2027.json"))));
}

TEST_CASE("Calendar import: unparseable JSON names the file and the line")
{
    core::NoticeParse p = parse("{\n \"year\": 2026,\n \"days\": [ {\"name\": \"x\" ,, ]\n}");
    REQUIRE_FALSE(p.ok());
    const QString m = messageOf(p.errors, "calendar.json_syntax");
    CHECK(m.contains(QStringLiteral("test.json")));
    CHECK(m.contains(QStringLiteral("第 3 行")));
}

TEST_CASE("Calendar import: malformed and impossible dates are named with their entry")
{
    core::NoticeParse p = parse(R"({"year": 2026, "papers": ["u"], "days": [
        {"name": "元旦", "date": "2026-01-01", "isOffDay": true},
        {"name": "春节", "date": "2026-2-15", "isOffDay": true},
        {"name": "春节", "date": "2026-02-30", "isOffDay": true}]})");
    REQUIRE_FALSE(p.ok());
    CHECK(p.errors.size() == 2); // every problem, not just the first
    CHECK(messageOf(p.errors, "calendar.malformed_date").contains(QStringLiteral("days[1]")));
    const QString impossible = messageOf(p.errors, "calendar.impossible_date");
    CHECK(impossible.contains(QStringLiteral("days[2]")));
    CHECK(impossible.contains(QStringLiteral("2026-02-30")));
}

TEST_CASE("Calendar import: the same date twice with different flags is an error")
{
    core::NoticeParse p = parse(R"({"year": 2026, "papers": ["u"], "days": [
        {"name": "国庆节", "date": "2026-10-10", "isOffDay": false},
        {"name": "国庆节", "date": "2026-10-10", "isOffDay": true}]})");
    REQUIRE_FALSE(p.ok());
    const QString m = messageOf(p.errors, "calendar.conflicting_date");
    CHECK(m.contains(QStringLiteral("days[1]")));
    CHECK(m.contains(QStringLiteral("days[0]")));
}

TEST_CASE("Calendar import: the same date twice with the same flag is merged with a warning")
{
    core::NoticeParse p = parse(R"({"year": 2026, "papers": ["u"], "days": [
        {"name": "国庆节", "date": "2026-10-01", "isOffDay": true},
        {"name": "国庆节", "date": "2026-10-01", "isOffDay": true}]})");
    REQUIRE(p.ok());
    CHECK(p.notice.days.size() == 1);
    CHECK(hasCode(p.warnings, "calendar.duplicate_date"));
}

TEST_CASE("Calendar import: a weekday marked as a working day is meaningless and warned about")
{
    core::NoticeParse p = parse(R"({"year": 2026, "papers": ["u"], "days": [
        {"name": "国庆节", "date": "2026-10-09", "isOffDay": false}]})");
    REQUIRE(p.ok());
    CHECK(hasCode(p.warnings, "calendar.weekday_workday"));
    CHECK(messageOf(p.warnings, "calendar.weekday_workday").contains(QStringLiteral("2026-10-09")));
}

TEST_CASE("Calendar import: missing fields, a bad year and far-away dates are errors")
{
    core::NoticeParse p = parse(R"({"year": 2026, "papers": ["u"], "days": [
        {"date": "2026-10-01", "isOffDay": true},
        {"name": "国庆节", "date": "2026-10-02"},
        {"name": "国庆节", "date": "2019-10-02", "isOffDay": true},
        "2026-10-03"]})");
    CHECK(hasCode(p.errors, "calendar.bad_name"));
    CHECK(hasCode(p.errors, "calendar.bad_flag"));
    CHECK(hasCode(p.errors, "calendar.date_out_of_year"));
    CHECK(hasCode(p.errors, "calendar.bad_entry"));
    CHECK(hasCode(parse(R"({"year": "2026", "days": []})").errors, "calendar.bad_year"));
    CHECK(hasCode(parse(R"({"year": 1980, "days": []})").errors, "calendar.bad_year"));
    CHECK(hasCode(parse(R"({"year": 2026})").errors, "calendar.bad_days"));
    CHECK(hasCode(parse(R"([1, 2])").errors, "calendar.not_object"));
}

TEST_CASE("Calendar import: a file with no papers and no days means not published")
{
    core::NoticeParse p = core::parseHolidayNotice(R"({"year": 2027, "papers": [], "days": []})",
                                                   QStringLiteral("2027.json"));
    REQUIRE(p.ok());
    CHECK_FALSE(p.notice.published());
    CHECK(p.notice.year == 2027);
}

TEST_CASE("Calendar import: a notice's own JSON round-trips")
{
    const core::HolidayNotice original = test::shippedNotice(2025);
    core::NoticeParse again =
        core::parseHolidayNotice(core::holidayNoticeToJson(original), original.source);
    REQUIRE(again.ok());
    CHECK(again.notice.year == original.year);
    CHECK(again.notice.papers == original.papers);
    CHECK(again.notice.days == original.days);
}

TEST_CASE("Calendar import: a notice lists its own year's days and only the end of December "
          "before it, so a file copied from another year with its year edited is refused")
{
    // 2026's notice with "year" changed to 2027: every day lies in 2026. Taken, it made 2027's
    // official calendar one without a single holiday (春节 and 国庆 counted as working days).
    QJsonObject root = QJsonDocument::fromJson(
                           test::readSourceFile(QStringLiteral("resources/calendars/2026.json")))
                           .object();
    root.insert(QStringLiteral("year"), 2027);
    const core::NoticeParse copied =
        core::parseHolidayNotice(QJsonDocument(root).toJson(), QStringLiteral("2027.json"));
    CHECK_FALSE(copied.ok());
    CHECK(hasCode(copied.errors, "calendar.date_out_of_year"));
    CHECK(messageOf(copied.errors, "calendar.date_out_of_year").contains(QStringLiteral("2027")));

    // The 元旦 holiday of 2019 began on 29 December 2018 (a make-up Saturday) and ran to
    // 1 January: the end of the year before belongs to the notice.
    const core::NoticeParse newYear = parse(R"({"year": 2019, "papers": ["u"], "days": [
        {"name": "元旦", "date": "2018-12-29", "isOffDay": false},
        {"name": "元旦", "date": "2018-12-30", "isOffDay": true},
        {"name": "元旦", "date": "2018-12-31", "isOffDay": true},
        {"name": "元旦", "date": "2019-01-01", "isOffDay": true}]})");
    CHECK(newYear.ok());
    // But not the year after, nor earlier in the year before.
    CHECK(hasCode(parse(R"({"year": 2026, "papers": ["u"], "days": [
        {"name": "元旦", "date": "2027-01-01", "isOffDay": true}]})")
                      .errors,
                  "calendar.date_out_of_year"));
    CHECK(hasCode(parse(R"({"year": 2026, "papers": ["u"], "days": [
        {"name": "国庆节", "date": "2025-10-01", "isOffDay": true}]})")
                      .errors,
                  "calendar.date_out_of_year"));
}
