// Issue 14, "every bad input refused", as far as core decides it: strict JSON, dates without a
// trailing line feed, limits bounded and arithmetic that cannot overflow, the input size limits.
#include "support/CatalogFixtures.h"
#include "support/TestSupport.h"

#include "core/Catalog.h"
#include "core/CatalogJson.h"
#include "core/DateText.h"
#include "core/DeadlineClock.h"
#include "core/HolidayNotice.h"
#include "core/InputFiles.h"
#include "core/JsonStrict.h"

#include <climits>

using namespace onewindow;

namespace {

QStringList codes(const QList<core::Error>& errors)
{
    QStringList out;
    for (const core::Error& e : errors)
        out.append(e.code);
    return out;
}

} // namespace

TEST_CASE("Strict JSON refuses duplicate keys and control characters, naming the line")
{
    CHECK_FALSE(core::strictJsonProblem(R"({"a": 1, "b": {"a": 2}, "c": [{"a": 3}, {"a": 4}]})",
                                        QStringLiteral("x.json")));
    CHECK_FALSE(core::strictJsonProblem("{\"t\": \"line\\nnext\\ttab \\\"q\\\" \\\\\"}",
                                        QStringLiteral("x.json")));
    auto dup = core::strictJsonProblem("{\n\"a\": 1,\n\"a\": 2}", QStringLiteral("x.json"));
    REQUIRE(dup);
    CHECK(dup->code == QStringLiteral("json.duplicate_key"));
    CHECK(dup->message == QStringLiteral("x.json：第 3 行：键“a”在同一对象中出现了两次"));
    auto nested = core::strictJsonProblem(R"({"o": {"k": 1, "k": 1}})", QStringLiteral("x.json"));
    REQUIRE(nested);
    CHECK(nested->code == QStringLiteral("json.duplicate_key"));
    auto escaped = core::strictJsonProblem(R"({"a": "x\u0000y"})", QStringLiteral("x.json"));
    REQUIRE(escaped);
    CHECK(escaped->code == QStringLiteral("json.control_character"));
    auto raw = core::strictJsonProblem(QByteArray("{\"a\": \"x\x01y\"}"), QStringLiteral("x.json"));
    REQUIRE(raw);
    CHECK(raw->code == QStringLiteral("json.control_character"));
    auto bell = core::strictJsonProblem(R"({"a": "\u0007"})", QStringLiteral("x.json"));
    CHECK(bell);
}

TEST_CASE("Strict JSON refuses an escape JSON does not have, a backslash before a NUL above all")
{
    // fuzz_hall_profile: "now\<NUL>n" passed this scanner (it skipped the escaped byte unchecked)
    // and Qt's parser read it as a NUL inside a template's file name.
    const QByteArray nul("{\"t\": \"now\\\0n\"}", 15);
    REQUIRE(nul.contains('\0'));
    auto escapedNul = core::strictJsonProblem(nul, QStringLiteral("hall.json"));
    REQUIRE(escapedNul);
    CHECK(escapedNul->code == QStringLiteral("json.bad_escape"));
    CHECK(escapedNul->message.contains(QStringLiteral("U+0000")));
    auto letter = core::strictJsonProblem(R"({"t": "a\qb"})", QStringLiteral("x.json"));
    REQUIRE(letter);
    CHECK(letter->code == QStringLiteral("json.bad_escape"));
    CHECK(letter->message.contains(QStringLiteral("\\q")));
    CHECK_FALSE(
        core::strictJsonProblem(R"({"t": "\"\\\/\b\f\n\r\t\u4e2d"})", QStringLiteral("x.json")));
}

TEST_CASE("A date is YYYY-MM-DD and nothing after it, not even a line feed")
{
    CHECK(core::parseIsoDate(QStringLiteral("2030-01-01")) == QDate(2030, 1, 1));
    CHECK_FALSE(core::parseIsoDate(QStringLiteral("2030-01-01\n")).isValid());
    CHECK_FALSE(core::parseIsoDate(QStringLiteral("2030-01-01 ")).isValid());
    QByteArray notice = test::readSourceFile(QStringLiteral("resources/calendars/2026.json"));
    REQUIRE(core::parseHolidayNotice(notice, QStringLiteral("2026.json")).errors.isEmpty());
    notice.replace("\"2026-01-01\"", "\"2026-01-01\\n\"");
    const core::NoticeParse parsed = core::parseHolidayNotice(notice, QStringLiteral("2026.json"));
    CHECK(codes(parsed.errors).contains(QStringLiteral("calendar.malformed_date")));
}

TEST_CASE("行政许可法 Art. 42: every limit of an item is at most a year")
{
    core::ServiceItem item = test::sampleItem();
    REQUIRE(core::validateItem(item).isEmpty());
    item.statutoryDays = core::ServiceItem::kMaxLimitDays;
    CHECK_FALSE(codes(core::validateItem(item)).contains(QStringLiteral("item.limit_too_long")));
    for (int days : {core::ServiceItem::kMaxLimitDays + 1, 100000, INT_MAX}) {
        core::ServiceItem statutory = test::sampleItem();
        statutory.statutoryDays = days;
        CHECK(codes(core::validateItem(statutory)).contains(QStringLiteral("item.limit_too_long")));
        core::ServiceItem correction = test::sampleItem();
        correction.correctionDays = days;
        CHECK(
            codes(core::validateItem(correction)).contains(QStringLiteral("item.limit_too_long")));
        core::ServiceItem warning = test::sampleItem();
        warning.warningDays = days;
        CHECK(codes(core::validateItem(warning)).contains(QStringLiteral("item.limit_too_long")));
    }
}

TEST_CASE("The default warning threshold does not overflow for any int limit")
{
    CHECK(core::defaultWarningThreshold(INT_MAX) == 429496730); // ceil(20 % of 2^31-1)
    CHECK(core::defaultWarningThreshold(100000) == 20000);
    CHECK(core::defaultWarningThreshold(-5) == 1);
}

TEST_CASE("A catalog number too large for an int is refused, not cast")
{
    QByteArray json = core::catalogToJson({test::sampleItem()});
    json.replace("\"statutoryDays\": 30", "\"statutoryDays\": 1e20");
    const core::CatalogParse parsed = core::parseCatalog(json, QStringLiteral("c.json"));
    REQUIRE_FALSE(parsed.ok());
    CHECK(parsed.errors.first().message.contains(QStringLiteral("statutoryDays：数值")));
}

TEST_CASE("Each input kind states its limit in the message")
{
    const core::Error e = core::inputTooLarge(core::InputKind::Catalog, QStringLiteral("/x.json"));
    CHECK(e.code == QStringLiteral("input.too_large"));
    CHECK(e.message == QStringLiteral("事项目录文件 /x.json 超过 64 MB 的上限，未读取"));
    CHECK(core::byteSizeText(1024) == QStringLiteral("1 KB"));
    CHECK(core::byteSizeText(1000) == QStringLiteral("1000 字节"));
}
