#include "support/TestSupport.h"

#include "core/CaseNumber.h"

using namespace onewindow;
using onewindow::test::d;

TEST_CASE("Case numbers: hall code, date, window code and a four-digit sequence, and back")
{
    auto made = core::CaseNumber::make(QStringLiteral("620102"), d("2026-11-22"),
                                       QStringLiteral("W07"), 42);
    REQUIRE(made.ok());
    CHECK(made->text() == QStringLiteral("620102-20261122-W07-0042"));
    auto parsed = core::CaseNumber::parse(made->text());
    REQUIRE(parsed.ok());
    CHECK(*parsed == *made);
    CHECK(parsed->hallCode == QStringLiteral("620102"));
    CHECK(parsed->date == d("2026-11-22"));
    CHECK(parsed->windowCode == QStringLiteral("W07"));
    CHECK(parsed->sequence == 42);
    for (int sequence : {1, 9999}) {
        auto edge = core::CaseNumber::make(QStringLiteral("110105"), d("2027-02-28"),
                                           QStringLiteral("AB12CD"), sequence);
        REQUIRE(edge.ok());
        auto back = core::CaseNumber::parse(edge->text());
        REQUIRE(back.ok());
        CHECK(back->sequence == sequence);
        CHECK(back->text() == edge->text());
    }
    CHECK(core::caseNumberPrefix(QStringLiteral("620102"), d("2026-11-22"),
                                 QStringLiteral("W07")) == QStringLiteral("620102-20261122-W07-"));
}

TEST_CASE("Case numbers: sequence 0 and 10000, a bad date or a bad window are refused in Chinese")
{
    const auto make = [](const char* hall, const QDate& date, const char* window, int sequence) {
        return core::CaseNumber::make(QString::fromUtf8(hall), date, QString::fromUtf8(window),
                                      sequence);
    };
    for (int sequence : {0, 10000, -1}) {
        auto r = make("620102", d("2026-11-22"), "W07", sequence);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == QStringLiteral("case_number.sequence"));
        CHECK(r.error().message.contains(QStringLiteral("1–9999")));
    }
    CHECK(make("620102", QDate(), "W07", 1).error().code == QStringLiteral("case_number.date"));
    CHECK(make("620102", d("2026-11-22"), "w07", 1).error().code ==
          QStringLiteral("window_code.invalid"));
    CHECK(make("62010", d("2026-11-22"), "W07", 1).error().code == QStringLiteral("hall.code"));

    const auto refused = [](const char* text) {
        auto r = core::CaseNumber::parse(QString::fromUtf8(text));
        REQUIRE_FALSE(r.ok());
        INFO(text);
        CHECK_FALSE(r.error().message.isEmpty());
        CHECK(r.error().message.contains(QStringLiteral("办件编号")));
        return r.error().code;
    };
    CHECK(refused("620102-20261122-W07-0000") == QStringLiteral("case_number.sequence"));
    CHECK(refused("620102-20261122-W07-10000") == QStringLiteral("case_number.invalid"));
    CHECK(refused("620102-20261340-W07-0042") == QStringLiteral("case_number.date"));
    CHECK(refused("620102-20260229-W07-0042") == QStringLiteral("case_number.date"));
    CHECK(refused("620102-20261122-7W-0042") == QStringLiteral("window_code.invalid"));
    CHECK(refused("620102-20261122-W-0042") == QStringLiteral("window_code.invalid"));
    CHECK(refused("620102-20261122-W07-42") == QStringLiteral("case_number.invalid"));
    CHECK(refused("620102-20261122-W07") == QStringLiteral("case_number.invalid"));
    CHECK(refused("") == QStringLiteral("case_number.invalid"));
}

TEST_CASE("A case number is found inside scanned text in any letter case")
{
    auto found = core::findCaseNumber(
        QStringLiteral("https://zwfw.example/q?no=620102-20261122-w07-0042&code=123456"));
    REQUIRE(found.has_value());
    CHECK(found->text() == QStringLiteral("620102-20261122-W07-0042"));
    CHECK_FALSE(core::findCaseNumber(QStringLiteral("620102-20261340-W07-0042")).has_value());
    CHECK_FALSE(core::findCaseNumber(QStringLiteral("张三 13912345678")).has_value());
}
