#include "core/Identifiers.h"

#include <algorithm>

namespace onewindow::core {

namespace {

constexpr int kUsccWeights[17] = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
constexpr int kIdWeights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
constexpr QStringView kIdChecks = u"10X98765432";

// GB/T 2260: the province-level codes (11 Beijing ... 82 Macao).
bool isProvinceCode(int code)
{
    static constexpr int kProvinces[] = {11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34,
                                         35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52,
                                         53, 54, 61, 62, 63, 64, 65, 71, 81, 82};
    return std::find(std::begin(kProvinces), std::end(kProvinces), code) != std::end(kProvinces);
}

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
    // The check character tells that some character is wrong, not which: naming the "right" 18th
    // character would lead the clerk to change it when the typo is elsewhere.
    if (code[17] != usccCheckChar(QStringView(code).first(17)))
        return Error{QStringLiteral("uscc.check"),
                     QStringLiteral("统一社会信用代码未通过校验位核对：至少有一位输错或两位颠倒，"
                                    "请对照证照逐位核对")};
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
    if (!isProvinceCode(id.first(2).toInt()))
        return Error{
            QStringLiteral("citizen_id.region"),
            QStringLiteral("身份证号码第 1–6 位的地区码 %1 不存在（前两位 %2 不是省级代码）")
                .arg(id.first(6), id.first(2))};
    const QDate birth = citizenIdBirthDate(id);
    if (!birth.isValid() || birth.year() < 1900)
        return Error{QStringLiteral("citizen_id.birth_date"),
                     QStringLiteral("身份证号码第 7–14 位的出生日期 %1 不存在").arg(id.mid(6, 8))};
    if (today.isValid() && birth > today)
        return Error{
            QStringLiteral("citizen_id.birth_date"),
            QStringLiteral("身份证号码第 7–14 位的出生日期 %1 晚于今天").arg(id.mid(6, 8))};
    const QChar given = id[17] == QLatin1Char('x') ? QLatin1Char('X') : id[17];
    // As for the credit code: the check character says the number does not check, not where.
    if (given != citizenIdCheckChar(QStringView(id).first(17)))
        return Error{QStringLiteral("citizen_id.check"),
                     QStringLiteral("身份证号码未通过校验位核对：至少有一位输错或两位颠倒，"
                                    "请对照证件逐位核对")};
    return {};
}

Status checkMobile(const QString& phone)
{
    const bool digits = std::all_of(phone.begin(), phone.end(), [](QChar c) {
        return c >= QLatin1Char('0') && c <= QLatin1Char('9');
    });
    if (!digits)
        return Error{QStringLiteral("mobile.invalid"),
                     QStringLiteral("手机号码只能由数字组成，应为 11 位数字，以 13–19 开头")};
    if (phone.size() != 11)
        return Error{QStringLiteral("mobile.length"),
                     QStringLiteral("手机号码应为 11 位数字，现为 %1 位").arg(phone.size())};
    if (phone[0] != QLatin1Char('1') || phone[1] < QLatin1Char('3'))
        return Error{QStringLiteral("mobile.invalid"),
                     QStringLiteral("手机号码应以 13–19 开头，现为“%1”").arg(phone.first(2))};
    return {};
}

QString normalizeCode(const QString& text)
{
    // NFKC folds full-width digits and letters (１２Ｘ) to ASCII.
    const QString folded = text.normalized(QString::NormalizationForm_KC);
    QString out;
    out.reserve(folded.size());
    for (const QChar c : folded) {
        if (c.isSpace() || c.category() == QChar::Punctuation_Dash || c == QLatin1Char('_') ||
            c == QChar(0x2212)) // minus sign
            continue;
        out.append(c.toUpper());
    }
    return out;
}

QString normalizeName(const QString& text)
{
    // Full-width letters and digits to ASCII, runs of white space to one space, none at the ends;
    // the middle dot of minority names (·) stays as it is.
    return text.normalized(QString::NormalizationForm_KC).simplified();
}

Status checkName(const QString& name, NameField field)
{
    static const char16_t* const labels[] = {u"申请人姓名", u"单位名称", u"法定代表人姓名",
                                             u"代理人姓名"};
    const QString label = QString::fromUtf16(labels[static_cast<int>(field)]);
    const qsizetype limit = nameLimit(field);
    if (name.trimmed().isEmpty())
        return Error{QStringLiteral("name.empty"), QStringLiteral("请填写%1").arg(label)};
    if (name.size() > limit)
        return Error{QStringLiteral("name.too_long"),
                     QStringLiteral("%1最多 %2 个字（受理通知书等文书上的位置只容得下这么多），"
                                    "现为 %3 个字")
                         .arg(label)
                         .arg(limit)
                         .arg(name.size())};
    if (std::any_of(name.begin(), name.end(),
                    [](QChar c) { return c.category() == QChar::Other_Control; }))
        return Error{QStringLiteral("name.control"),
                     QStringLiteral("%1中含有不可见的控制字符，请重新输入").arg(label)};
    return {};
}

qsizetype nameLimit(NameField field)
{
    return field == NameField::Organisation ? kOrganisationNameMax : kPersonNameMax;
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

QString maskPhone(const QString& phone)
{
    int digits = 0;
    for (const QChar c : phone)
        digits += c.isDigit() ? 1 : 0;
    if (digits <= 7)
        return phone;
    QString out = phone;
    int seen = 0;
    for (QChar& c : out) {
        if (!c.isDigit())
            continue;
        ++seen;
        if (seen > 3 && seen <= digits - 4)
            c = QLatin1Char('*');
    }
    return out;
}

} // namespace onewindow::core
