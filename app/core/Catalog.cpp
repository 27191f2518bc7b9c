#include "core/Catalog.h"

#include "core/EnumTable.h"
#include "core/Identifiers.h"

#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <array>

namespace onewindow::core {

namespace {

constexpr std::array<Named<ItemKind>, 5> kKinds{{
    {ItemKind::Licence, u"licence", u"行政许可"},
    {ItemKind::Confirmation, u"confirmation", u"行政确认"},
    {ItemKind::PublicService, u"public_service", u"公共服务"},
    {ItemKind::Disclosure, u"disclosure", u"政府信息公开"},
    {ItemKind::Other, u"other", u"其他"},
}};
constexpr std::array<Named<ProcedureProfile>, 4> kProfiles{{
    {ProcedureProfile::Licence, u"licence", u"行政许可"},
    {ProcedureProfile::Disclosure, u"disclosure", u"政府信息公开"},
    {ProcedureProfile::PublicService, u"public_service", u"公共服务"},
    {ProcedureProfile::SameDay, u"same_day", u"即办件"},
}};
constexpr std::array<Named<MaterialForm>, 3> kForms{{
    {MaterialForm::Original, u"original", u"原件"},
    {MaterialForm::Copy, u"copy", u"复印件"},
    {MaterialForm::OriginalAndCopy, u"original_and_copy", u"原件及复印件"},
}};
constexpr std::array<Named<MaterialMedium>, 3> kMedia{{
    {MaterialMedium::Paper, u"paper", u"纸质"},
    {MaterialMedium::Electronic, u"electronic", u"电子"},
    {MaterialMedium::PaperOrElectronic, u"paper_or_electronic", u"纸质或电子"},
}};
constexpr std::array<Named<Requirement>, 3> kRequirements{{
    {Requirement::Required, u"required", u"必要"},
    {Requirement::Optional, u"optional", u"非必要"},
    {Requirement::Conditional, u"conditional", u"特定情形下必要"},
}};
constexpr std::array<Named<DeliveryOption>, 3> kDelivery{{
    {DeliveryOption::Window, u"window", u"窗口领取"},
    {DeliveryOption::Post, u"post", u"邮寄"},
    {DeliveryOption::Electronic, u"electronic", u"电子送达"},
}};

class ItemErrors
{
public:
    explicit ItemErrors(const QString& code)
        : m_code(code.isEmpty() ? QStringLiteral("（无编码）") : code)
    {}
    void add(const char* code, const QString& field, const QString& problem)
    {
        m_errors.append(Error{QString::fromLatin1(code),
                              QStringLiteral("事项 %1：%2：%3").arg(m_code, field, problem)});
    }
    QList<Error> m_errors;

private:
    QString m_code;
};

// The promise may not run past the statutory limit. In one unit that is a plain comparison; across
// units, N calendar days never outlast N working days, and N working days are taken as at most
// N + 2 × ⌈N / 5⌉ calendar days (each week they touch has its weekend; a holiday can stretch them
// further, and each case's clocks then show the real deadlines).
bool promisedAboveStatutory(const ServiceItem& item)
{
    if (item.promisedUnit == item.statutoryUnit || item.promisedUnit == DayUnit::CalendarDays)
        return item.promisedDays > item.statutoryDays;
    const int n = std::max(item.promisedDays, 0);
    const int promisedCalendarDays = n + 2 * ((n + 4) / 5);
    return promisedCalendarDays > item.statutoryDays;
}

} // namespace

QString itemKindName(ItemKind kind)
{
    return nameOf(kKinds, kind);
}
QString itemKindKey(ItemKind kind)
{
    return keyOf(kKinds, kind);
}
QString profileKey(ProcedureProfile profile)
{
    return keyOf(kProfiles, profile);
}
QString materialFormName(MaterialForm form)
{
    return nameOf(kForms, form);
}
QString materialFormKey(MaterialForm form)
{
    return keyOf(kForms, form);
}
QString mediumName(MaterialMedium medium)
{
    return nameOf(kMedia, medium);
}
QString mediumKey(MaterialMedium medium)
{
    return keyOf(kMedia, medium);
}
QString requirementName(Requirement requirement)
{
    return nameOf(kRequirements, requirement);
}
QString requirementKey(Requirement requirement)
{
    return keyOf(kRequirements, requirement);
}
QString deliveryName(DeliveryOption option)
{
    return nameOf(kDelivery, option);
}
QString deliveryKey(DeliveryOption option)
{
    return keyOf(kDelivery, option);
}
std::optional<ItemKind> itemKindFromKey(const QString& key)
{
    return fromKey(kKinds, key);
}
std::optional<ProcedureProfile> profileFromKey(const QString& key)
{
    return fromKey(kProfiles, key);
}
std::optional<MaterialForm> materialFormFromKey(const QString& key)
{
    return fromKey(kForms, key);
}
std::optional<MaterialMedium> mediumFromKey(const QString& key)
{
    return fromKey(kMedia, key);
}
std::optional<Requirement> requirementFromKey(const QString& key)
{
    return fromKey(kRequirements, key);
}
std::optional<DeliveryOption> deliveryFromKey(const QString& key)
{
    return fromKey(kDelivery, key);
}

Status checkItemCode(const QString& code)
{
    if (code.size() != 31)
        return Error{QStringLiteral("item.code_length"),
                     QStringLiteral("实施编码应为 31 位（统一社会信用代码 18 位 + 行使层级 1 位 + "
                                    "基本编码 12 位），现为 %1 位")
                         .arg(code.size())};
    if (Status s = checkUscc(code.first(18)); !s)
        return Error{QStringLiteral("item.code_uscc"),
                     QStringLiteral("实施编码前 18 位：") + s.error().message};
    const QChar level = code[18];
    if (level < QLatin1Char('1') || level > QLatin1Char('6'))
        return Error{QStringLiteral("item.code_level"),
                     QStringLiteral("实施编码第 19 位（行使层级）应为 1–6，现为“%1”").arg(level)};
    static const QRegularExpression basic(QStringLiteral("^[0-9A-Z]{12}\\z"));
    if (!basic.match(code.mid(19)).hasMatch())
        return Error{QStringLiteral("item.code_basic"),
                     QStringLiteral("实施编码后 12 位（基本编码）只能是数字和大写字母")};
    return {};
}

QList<Error> validateItem(const ServiceItem& item)
{
    ItemErrors e(item.code);
    if (Status s = checkItemCode(item.code); !s)
        e.add(s.error().code.toLatin1().constData(), QStringLiteral("code"), s.error().message);
    const auto requireText = [&](const QString& value, const char* field, const QString& label) {
        if (value.trimmed().isEmpty())
            e.add("item.missing", QString::fromLatin1(field),
                  QStringLiteral("%1不能为空").arg(label));
    };
    requireText(item.name, "name", QStringLiteral("事项名称"));
    requireText(item.office, "office", QStringLiteral("实施主体"));
    requireText(item.department, "department", QStringLiteral("部门"));
    requireText(item.legalBasis, "legalBasis", QStringLiteral("设定依据"));
    requireText(item.whereToApply, "whereToApply", QStringLiteral("办理地点"));
    requireText(item.hours, "hours", QStringLiteral("办理时间"));
    requireText(item.phone, "phone", QStringLiteral("咨询电话"));

    if (item.statutoryDays < 0)
        e.add("item.negative_days", QStringLiteral("statutoryDays"),
              QStringLiteral("法定时限不能为负数"));
    if (item.promisedDays < 0)
        e.add("item.negative_days", QStringLiteral("promisedDays"),
              QStringLiteral("承诺时限不能为负数"));
    // 行政许可法 Art. 42: 20 working days (+10); no window item's limit comes near a year.
    const auto tooLong = [&](int days, const char* field, const QString& label) {
        if (days > ServiceItem::kMaxLimitDays)
            e.add("item.limit_too_long", QString::fromLatin1(field),
                  QStringLiteral("%1 %2 天超过上限 %3 天（法定时限以行政许可法第四十二条的 20 "
                                 "个工作日为准，其他法律规定的期限也都在一年以内）")
                      .arg(label)
                      .arg(days)
                      .arg(ServiceItem::kMaxLimitDays));
    };
    tooLong(item.statutoryDays, "statutoryDays", QStringLiteral("法定时限"));
    tooLong(item.promisedDays, "promisedDays", QStringLiteral("承诺时限"));
    tooLong(item.warningDays.value_or(0), "warningDays", QStringLiteral("预警天数"));
    tooLong(item.correctionDays, "correctionDays", QStringLiteral("补正期限"));
    if (promisedAboveStatutory(item))
        e.add("item.promised_above_statutory", QStringLiteral("promisedDays"),
              QStringLiteral("承诺时限 %1超过法定时限 %2%3")
                  .arg(daysText(item.promisedDays, item.promisedUnit),
                       daysText(item.statutoryDays, item.statutoryUnit),
                       item.promisedUnit == item.statutoryUnit
                           ? QString()
                           : QStringLiteral("（每 5 个工作日另计 2 日休息日比较）")));
    if (item.profile == ProcedureProfile::SameDay && item.promisedDays != 0)
        e.add("item.same_day_promised", QStringLiteral("promisedDays"),
              QStringLiteral("即办件的承诺时限应为 0（当日办结）"));
    if (item.warningDays && *item.warningDays < 0)
        e.add("item.negative_days", QStringLiteral("warningDays"),
              QStringLiteral("预警天数不能为负数"));
    if (item.deferralDays < ServiceItem::kMinDeferralDays ||
        item.deferralDays > ServiceItem::kMaxDeferralDays)
        e.add("item.deferral_days", QStringLiteral("deferralDays"),
              QStringLiteral("容缺材料补交期限应为 %1–%2 个工作日")
                  .arg(ServiceItem::kMinDeferralDays)
                  .arg(ServiceItem::kMaxDeferralDays));
    if (item.correctionDays < 1)
        e.add("item.correction_days", QStringLiteral("correctionDays"),
              QStringLiteral("补正期限至少 %1").arg(daysText(1, item.correctionUnit)));

    static const QRegularExpression money(QStringLiteral("^[0-9]+(\\.[0-9]{1,2})?\\z"));
    for (int i = 0; i < item.fees.size(); ++i) {
        const Fee& fee = item.fees[i];
        const QString field = QStringLiteral("fees[%1]").arg(i);
        if (!money.match(fee.amountYuan).hasMatch())
            e.add("item.fee_amount", field + QStringLiteral(".amountYuan"),
                  QStringLiteral("金额“%1”应为元，最多两位小数，如 80.00").arg(fee.amountYuan));
        if (fee.item.trimmed().isEmpty())
            e.add("item.fee_item", field + QStringLiteral(".item"),
                  QStringLiteral("收费项目不能为空"));
        if (fee.basis.trimmed().isEmpty())
            e.add("item.fee_basis", field + QStringLiteral(".basis"),
                  QStringLiteral("收费依据不能为空"));
    }
    if (item.delivery.isEmpty())
        e.add("item.delivery", QStringLiteral("delivery"),
              QStringLiteral("至少选择一种结果送达方式"));
    if (QSet<DeliveryOption>(item.delivery.begin(), item.delivery.end()).size() !=
        item.delivery.size())
        e.add("item.delivery", QStringLiteral("delivery"), QStringLiteral("送达方式重复"));

    QSet<QString> materialCodes;
    static const QRegularExpression suffix(QStringLiteral("^[0-9]{3}\\z"));
    for (int i = 0; i < item.materials.size(); ++i) {
        const Material& m = item.materials[i];
        const QString field = QStringLiteral("materials[%1]").arg(i);
        if (!m.code.startsWith(item.code) || m.code.size() != item.code.size() + 3 ||
            !suffix.match(m.code.right(3)).hasMatch())
            e.add("material.code", field + QStringLiteral(".code"),
                  QStringLiteral("材料编码“%1”应为事项编码加 3 位数字").arg(m.code));
        else if (materialCodes.contains(m.code))
            e.add("material.duplicate_code", field + QStringLiteral(".code"),
                  QStringLiteral("材料编码 %1 重复").arg(m.code));
        materialCodes.insert(m.code);
        if (m.name.trimmed().isEmpty())
            e.add("material.name", field + QStringLiteral(".name"),
                  QStringLiteral("材料名称不能为空"));
        if (m.copies < 1)
            e.add("material.copies", field + QStringLiteral(".copies"),
                  QStringLiteral("份数至少为 1"));
        if (m.requirement == Requirement::Conditional && m.condition.trimmed().isEmpty())
            e.add("material.condition", field + QStringLiteral(".condition"),
                  QStringLiteral("“特定情形下必要”的材料须写明情形"));
        if (m.commitment && m.commitment->trimmed().isEmpty())
            e.add("material.commitment", field + QStringLiteral(".commitment"),
                  QStringLiteral("允许告知承诺的材料须给出承诺书内容"));
    }
    return e.m_errors;
}

} // namespace onewindow::core
