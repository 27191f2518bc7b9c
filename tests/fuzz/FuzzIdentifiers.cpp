// The validators of what a clerk types at intake and setup: citizen ID (GB 11643-1999), unified
// social credit code (GB 32100-2015), mobile number, hall and window codes. Whatever they accept
// has the shape the standard gives, and its check character is right.
#include "FuzzSupport.h"

#include "core/Identifiers.h"

using namespace onewindow;

namespace {

bool allDigits(QStringView text)
{
    for (const QChar c : text)
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return false;
    return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QString text = QString::fromUtf8(fuzz::bytesOf(data, size));
    const QDate today(2026, 9, 18);

    if (const core::Status id = core::checkCitizenId(text, today); id) {
        FUZZ_CHECK(text.size() == 18 && allDigits(QStringView(text).first(17)), text);
        const QDate birth = core::citizenIdBirthDate(text);
        FUZZ_CHECK(birth.isValid() && birth <= today, text);
        FUZZ_CHECK(core::citizenIdCheckChar(QStringView(text).first(17)) == text[17].toUpper(),
                   text);
        FUZZ_CHECK(core::maskIdNumber(text).size() == 18, text);
    } else {
        FUZZ_CHECK(!id.error().message.isEmpty(), id.error().code);
    }
    core::checkCitizenId(text); // without a day to compare the birth date with
    core::citizenIdBirthDate(text);
    core::citizenIdCheckChar(text);
    core::maskIdNumber(text);

    if (const core::Status uscc = core::checkUscc(text); uscc) {
        FUZZ_CHECK(text.size() == 18, text);
        for (const QChar c : text)
            FUZZ_CHECK(core::kUsccAlphabet.contains(c), text);
        FUZZ_CHECK(core::usccCheckChar(QStringView(text).first(17)) == text[17], text);
    } else {
        FUZZ_CHECK(!uscc.error().message.isEmpty(), uscc.error().code);
    }
    core::usccCheckChar(text);

    if (core::checkMobile(text))
        FUZZ_CHECK(text.size() == 11 && allDigits(text) && text[0] == QLatin1Char('1') &&
                       text[1] >= QLatin1Char('3'),
                   text);
    if (core::checkHallCode(text))
        FUZZ_CHECK(text.size() == 6 && allDigits(text), text);
    if (core::checkWindowCode(text))
        FUZZ_CHECK(text.size() >= 2 && text.size() <= 6 && text[0].isUpper(), text);
    return 0;
}
