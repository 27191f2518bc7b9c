#include "support/TestSupport.h"

#include "core/Identifiers.h"

using namespace onewindow;

TEST_CASE("GB 32100-2015: the unified social credit code's check character")
{
    CHECK(core::checkUscc(QStringLiteral("91350100M000100Y43")).ok());
    CHECK(core::checkUscc(QStringLiteral("91110000600037341L")).ok());
    CHECK(core::usccCheckChar(u"11620102MB1234567") == QLatin1Char('B'));
    const core::Status wrong = core::checkUscc(QStringLiteral("91350100M000100Y44"));
    REQUIRE_FALSE(wrong.ok());
    CHECK(wrong.error().code == QStringLiteral("uscc.check"));
    CHECK(wrong.error().message.contains(QStringLiteral("应为“3”")));
    CHECK(core::checkUscc(QStringLiteral("91350100M000100I43")).error().code ==
          QStringLiteral("uscc.bad_char"));
    CHECK(core::checkUscc(QStringLiteral("9135010")).error().code == QStringLiteral("uscc.length"));
    // "31 becomes 0": a code whose weighted sum is a multiple of 31 ends in 0.
    CHECK(core::usccCheckChar(u"00000000000000000") == QLatin1Char('0'));
}

TEST_CASE("GB 11643-1999: the citizen ID's birth date and check character")
{
    const QDate today(2026, 11, 22);
    CHECK(core::checkCitizenId(QStringLiteral("11010519491231002X"), today).ok());
    CHECK(core::checkCitizenId(QStringLiteral("11010519491231002x"), today).ok());
    CHECK(core::checkCitizenId(QStringLiteral("62010219900307123X"), QDate()).ok());
    CHECK(core::checkCitizenId(QStringLiteral("110105194912310021"), today).error().code ==
          QStringLiteral("citizen_id.check"));
    CHECK(core::checkCitizenId(QStringLiteral("110105194902300028"), today).error().code ==
          QStringLiteral("citizen_id.birth_date")); // 1949-02-30
    CHECK(core::checkCitizenId(QStringLiteral("11010520300101002X"), today).error().code ==
          QStringLiteral("citizen_id.birth_date")); // born in 2030
    CHECK(core::checkCitizenId(QStringLiteral("1101051949123100"), today).error().code ==
          QStringLiteral("citizen_id.length"));
    CHECK(core::citizenIdBirthDate(QStringLiteral("11010519491231002X")) == QDate(1949, 12, 31));
}

TEST_CASE("Mobile numbers: 11 digits, 1[3-9] then 9 digits")
{
    CHECK(core::checkMobile(QStringLiteral("13912345678")).ok());
    CHECK(core::checkMobile(QStringLiteral("19912345678")).ok());
    CHECK_FALSE(core::checkMobile(QStringLiteral("12912345678")).ok());
    CHECK_FALSE(core::checkMobile(QStringLiteral("1391234567")).ok());
    CHECK_FALSE(core::checkMobile(QStringLiteral("1391234567a")).ok());
}

TEST_CASE("Hall codes: 6 digits; window codes: a capital letter then 1-5 capitals or digits")
{
    CHECK(core::checkHallCode(QStringLiteral("620102")).ok());
    CHECK_FALSE(core::checkHallCode(QStringLiteral("62010")).ok());
    CHECK_FALSE(core::checkHallCode(QStringLiteral("62010A")).ok());
    CHECK(core::checkWindowCode(QStringLiteral("W07")).ok());
    CHECK(core::checkWindowCode(QStringLiteral("W1")).ok());
    CHECK(core::checkWindowCode(QStringLiteral("AB12CD")).ok());
    CHECK_FALSE(core::checkWindowCode(QStringLiteral("W")).ok());
    CHECK_FALSE(core::checkWindowCode(QStringLiteral("W123456")).ok());
    CHECK_FALSE(core::checkWindowCode(QStringLiteral("w07")).ok());
    CHECK_FALSE(core::checkWindowCode(QStringLiteral("07")).ok());
    CHECK_FALSE(core::checkWindowCode(QStringLiteral("W-7")).ok());
    const core::Status bad = core::checkWindowCode(QStringLiteral("窗口7"));
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().code == QStringLiteral("window_code.invalid"));
    CHECK(bad.error().message.contains(QStringLiteral("窗口号")));
}

TEST_CASE("ID numbers are masked to the first 6 and last 4 characters")
{
    CHECK(core::maskIdNumber(QStringLiteral("11010519491231002X")) ==
          QStringLiteral("110105********002X"));
}
