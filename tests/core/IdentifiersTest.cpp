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
    // It says the code does not check, never which character "should" be there.
    CHECK(wrong.error().message.contains(QStringLiteral("未通过校验")));
    CHECK_FALSE(wrong.error().message.contains(QStringLiteral("3")));
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

TEST_CASE("Phone numbers are masked like the ID: the first 3 and last 4 digits")
{
    CHECK(core::maskPhone(QStringLiteral("13912345678")) == QStringLiteral("139****5678"));
    CHECK(core::maskPhone(QStringLiteral("0931-8463021")) == QStringLiteral("093*-***3021"));
    CHECK(core::maskPhone(QStringLiteral("8463021")) == QStringLiteral("8463021"));
    CHECK(core::maskPhone(QString()).isEmpty());
}

TEST_CASE("GB 11643-1999: a wrong ID says it does not check, or which part is impossible")
{
    const QDate today(2026, 11, 22);
    // A typo in the birth date's digits (…1231… as …1321…) fails the check; the message must not
    // name a "right" last digit, which would send the clerk to change the wrong one.
    const core::Status typo = core::checkCitizenId(QStringLiteral("11010519491321002X"), today);
    REQUIRE_FALSE(typo.ok());
    CHECK(typo.error().code == QStringLiteral("citizen_id.birth_date"));
    CHECK(typo.error().message.contains(QStringLiteral("19491321")));
    const core::Status swapped = core::checkCitizenId(QStringLiteral("11010519491231020X"), today);
    REQUIRE_FALSE(swapped.ok());
    CHECK(swapped.error().code == QStringLiteral("citizen_id.check"));
    CHECK(swapped.error().message.contains(QStringLiteral("未通过校验")));
    CHECK_FALSE(swapped.error().message.contains(QStringLiteral("应为")));
    // GB/T 2260: no province has the code 99.
    const core::Status region = core::checkCitizenId(QStringLiteral("99010519491231002X"), today);
    REQUIRE_FALSE(region.ok());
    CHECK(region.error().code == QStringLiteral("citizen_id.region"));
    CHECK(region.error().message.contains(QStringLiteral("990105")));
}

TEST_CASE("Pasted codes are normalised: full-width characters, spaces and dashes")
{
    CHECK(core::normalizeCode(QStringLiteral("１１０１０５ １９４９１２３１ ００２ｘ")) ==
          QStringLiteral("11010519491231002X"));
    CHECK(core::normalizeCode(QStringLiteral("139-1234－5678")) == QStringLiteral("13912345678"));
    CHECK(core::normalizeCode(QStringLiteral(" 91350100M000100Y43\t")) ==
          QStringLiteral("91350100M000100Y43"));
    CHECK(core::normalizeName(QStringLiteral("  张三  ")) == QStringLiteral("张三"));
    CHECK(core::normalizeName(QStringLiteral("阿依古丽·买买提")) ==
          QStringLiteral("阿依古丽·买买提"));
}

TEST_CASE("A mobile number of the wrong length is refused with its count, never cut")
{
    const core::Status twelve = core::checkMobile(QStringLiteral("139123456789"));
    REQUIRE_FALSE(twelve.ok());
    CHECK(twelve.error().code == QStringLiteral("mobile.length"));
    CHECK(twelve.error().message.contains(QStringLiteral("12 位")));
}

TEST_CASE("Names fit their printed place: empty and over-long names are refused with the count")
{
    CHECK(core::checkName(QStringLiteral("张三"), core::NameField::Applicant).ok());
    CHECK(core::checkName(QString(30, QChar(0x5F20)), core::NameField::Applicant).ok());
    const core::Status longName =
        core::checkName(QString(298, QChar(0x5F20)), core::NameField::Applicant);
    REQUIRE_FALSE(longName.ok());
    CHECK(longName.error().code == QStringLiteral("name.too_long"));
    CHECK(longName.error().message.contains(QStringLiteral("298")));
    CHECK(core::checkName(QString(60, QChar(0x5F20)), core::NameField::Organisation).ok());
    CHECK(core::checkName(QStringLiteral("  "), core::NameField::Applicant).error().code ==
          QStringLiteral("name.empty"));
}
