#include "core/Identifiers.h"

#include <algorithm>

namespace onewindow::core {

namespace {

constexpr int kUsccWeights[17] = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
constexpr int kIdWeights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
constexpr QStringView kIdChecks = u"10X98765432";

} // namespace

QChar usccCheckChar(QStringView first17)
{
    if (first17.size() < 17)
        return QChar();
    int sum = 0;
    for (int i = 0; i < 17; ++i) {
        const qsizetype value = kUsccAlphabet.indexOf(first17[i]);
        if (value < 0)
            return QChar();
        sum += static_cast<int>(value) * kUsccWeights[i];
    }
    const int check = (31 - sum % 31) % 31; // GB 32100-2015: 31 becomes 0
    return kUsccAlphabet[check];
}

Status checkUscc(const QString& code)
{
    if (code.size() != 18)
        return Error{QStringLiteral("uscc.length"),
                     QStringLiteral("统一社会信用代码应为 18 位，现为 %1 位").arg(code.size())};
    for (int i = 0; i < 18; ++i) {
        if (!kUsccAlphabet.contains(code[i]))
            return Error{
                QStringLiteral("uscc.bad_char"),
                QStringLiteral(
                    "统一社会信用代码第 %1 位“%2”不是有效字符（不含 I、O、Z、S、V，字母须大写）")
                    .arg(i + 1)
                    .arg(code[i])};
    }
    const QChar expected = usccCheckChar(QStringView(code).first(17));
    if (code[17] != expected)
        return Error{
            QStringLiteral("uscc.check"),
            QStringLiteral("统一社会信用代码校验位错误：第 18 位应为“%1”，现为“%2”，请核对")
                .arg(expected)
                .arg(code[17])};
    return {};
}

QChar citizenIdCheckChar(QStringView first17)
{
    if (first17.size() < 17)
        return QChar();
    int sum = 0;
    for (int i = 0; i < 17; ++i) {
        if (!first17[i].isDigit() || first17[i].unicode() > '9')
            return QChar();
        sum += (first17[i].unicode() - '0') * kIdWeights[i];
    }
    return kIdChecks[sum % 11];
}

QDate citizenIdBirthDate(const QString& id)
{
    if (id.size() != 18)
        return QDate();
    return QDate(id.mid(6, 4).toInt(), id.mid(10, 2).toInt(), id.mid(12, 2).toInt());
}

Status checkCitizenId(const QString& id, const QDate& today)
{
    if (id.size() != 18)
        return Error{QStringLiteral("citizen_id.length"),
                     QStringLiteral("身份证号码应为 18 位，现为 %1 位").arg(id.size())};
    for (int i = 0; i < 17; ++i) {
        if (id[i] < QLatin1Char('0') || id[i] > QLatin1Char('9'))
            return Error{
                QStringLiteral("citizen_id.bad_char"),
                QStringLiteral("身份证号码前 17 位应为数字，第 %1 位是“%2”").arg(i + 1).arg(id[i])};
    }
    const QDate birth = citizenIdBirthDate(id);
    if (!birth.isValid() || birth.year() < 1900)
        return Error{QStringLiteral("citizen_id.birth_date"),
                     QStringLiteral("身份证号码中的出生日期 %1 不存在").arg(id.mid(6, 8))};
    if (today.isValid() && birth > today)
        return Error{QStringLiteral("citizen_id.birth_date"),
                     QStringLiteral("身份证号码中的出生日期 %1 晚于今天").arg(id.mid(6, 8))};
    const QChar expected = citizenIdCheckChar(QStringView(id).first(17));
    const QChar given = id[17] == QLatin1Char('x') ? QLatin1Char('X') : id[17];
    if (given != expected)
        return Error{QStringLiteral("citizen_id.check"),
                     QStringLiteral("身份证号码校验位错误：第 18 位应为“%1”，现为“%2”，请核对")
                         .arg(expected)
                         .arg(id[17])};
    return {};
}

Status checkMobile(const QString& phone)
{
    const bool ok = phone.size() == 11 && phone[0] == QLatin1Char('1') &&
                    phone[1] >= QLatin1Char('3') && phone[1] <= QLatin1Char('9') &&
                    std::all_of(phone.begin(), phone.end(), [](QChar c) {
                        return c >= QLatin1Char('0') && c <= QLatin1Char('9');
                    });
    if (!ok)
        return Error{QStringLiteral("mobile.invalid"),
                     QStringLiteral("手机号码应为 11 位数字，以 13–19 开头")};
    return {};
}

Status checkHallCode(const QString& code)
{
    const bool ok = code.size() == 6 && std::all_of(code.begin(), code.end(), [](QChar c) {
                        return c >= QLatin1Char('0') && c <= QLatin1Char('9');
                    });
    if (!ok)
        return Error{QStringLiteral("hall.code"),
                     QStringLiteral("大厅编码应为 6 位行政区划代码，如 620102")};
    return {};
}

Status checkWindowCode(const QString& code)
{
    const auto capitalOrDigit = [](QChar c) {
        return (c >= QLatin1Char('A') && c <= QLatin1Char('Z')) ||
               (c >= QLatin1Char('0') && c <= QLatin1Char('9'));
    };
    const bool ok = code.size() >= 2 && code.size() <= 6 && code[0] >= QLatin1Char('A') &&
                    code[0] <= QLatin1Char('Z') &&
                    std::all_of(code.begin(), code.end(), capitalOrDigit);
    if (!ok)
        return Error{QStringLiteral("window_code.invalid"),
                     QStringLiteral("窗口号应为大写字母开头的 2–6 位字母数字，如 W07")};
    return {};
}

QString maskIdNumber(const QString& id)
{
    if (id.size() <= 10)
        return id;
    return id.first(6) + QString(id.size() - 10, QLatin1Char('*')) + id.last(4);
}

} // namespace onewindow::core
