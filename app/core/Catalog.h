#pragma once

#include "core/CaseClocks.h"
#include "core/Error.h"

#include <QList>
#include <QString>

#include <optional>

namespace onewindow::core {

enum class ItemKind
{
    Licence,       // 行政许可
    Confirmation,  // 行政确认
    PublicService, // 公共服务
    Disclosure,    // 政府信息公开
    Other,         // 其他
};

enum class MaterialForm
{
    Original,        // 原件
    Copy,            // 复印件
    OriginalAndCopy, // 原件及复印件
};

enum class MaterialMedium
{
    Paper,
    Electronic,
    PaperOrElectronic,
};

enum class Requirement
{
    Required,    // 必要
    Optional,    // 非必要
    Conditional, // 特定情形下必要, with the condition in words
};

enum class DeliveryOption
{
    Window,     // 窗口领取
    Post,       // 邮寄
    Electronic, // 电子送达
};

struct Fee
{
    QString item;
    QString amountYuan; // decimal string, at most two places: money is never a double
    QString basis;
    friend bool operator==(const Fee&, const Fee&) = default;
};

// One material of an item's office guide (申请材料).
struct Material
{
    QString code; // the item's code + 3 digits
    QString name;
    MaterialForm form = MaterialForm::Original;
    int copies = 1;
    MaterialMedium medium = MaterialMedium::Paper;
    Requirement requirement = Requirement::Required;
    QString condition;                 // when Conditional
    bool deferrable = false;           // 容缺受理
    std::optional<QString> commitment; // 告知承诺: the commitment text, when allowed
    QString sample;
    QString frequentMistakes;
    friend bool operator==(const Material&, const Material&) = default;
};

// A service item (事项) with its office guide (办事指南). Every rule of a case comes from the
// version of the item it was received under.
struct ServiceItem
{
    QString code; // implementation code (实施编码), 31 characters
    QString name;
    QString office;
    QString department;
    ItemKind kind = ItemKind::Licence;
    ProcedureProfile profile = ProcedureProfile::Licence;
    // Every limit (statutory, promised, warning, correction) is at most a year. 行政许可法 Art. 42
    // gives 20 working days (+10 by extension), the longest window periods in other laws are
    // counted in weeks or months (居民身份证法 Art. 12: 60 日); a year is far above any of them and
    // keeps every date a limit reaches inside the calendar's range and every sum in an int.
    static constexpr int kMaxLimitDays = 366;
    int statutoryDays = 20;
    int promisedDays = 20;
    std::optional<int>
        warningDays; // in each clock's unit; default: max(1, ceil(20 % of the limit))
    int correctionDays = 5;
    // 容缺受理: the working days after acceptance by which a deferred material is due.
    static constexpr int kDefaultDeferralDays = 5;
    static constexpr int kMinDeferralDays = 1;
    static constexpr int kMaxDeferralDays = 60;
    int deferralDays = kDefaultDeferralDays;
    // The unit of each limit in the law's own words: 工作日 or 日 (calendar days).
    DayUnit statutoryUnit = DayUnit::WorkingDays;
    DayUnit promisedUnit = DayUnit::WorkingDays;
    DayUnit correctionUnit = DayUnit::WorkingDays;
    QList<Fee> fees; // empty: free
    QList<DeliveryOption> delivery{DeliveryOption::Window};
    QString legalBasis;
    QString whereToApply;
    QString hours;
    QString phone;
    QString frequentMistakes;
    QList<Material> materials;

    friend bool operator==(const ServiceItem&, const ServiceItem&) = default;
};

// A stored version of an item: editing makes a new one; cases keep theirs.
struct ItemVersion
{
    ServiceItem item;
    int version = 0;
    QString createdAtUtc; // ISO 8601
    QString note;         // why it changed (import file, editor's note)
};

// Every problem of an item, each naming the item code, the field and the problem.
QList<Error> validateItem(const ServiceItem& item);
// Checks a 31-character implementation code: USCC (with its check character), level, basic code.
Status checkItemCode(const QString& code);

// Names as clerks read them, and the stable keys of the JSON format.
QString itemKindName(ItemKind kind);
QString itemKindKey(ItemKind kind);
QString profileKey(ProcedureProfile profile);
QString materialFormName(MaterialForm form);
QString materialFormKey(MaterialForm form);
QString mediumName(MaterialMedium medium);
QString mediumKey(MaterialMedium medium);
QString requirementName(Requirement requirement);
QString requirementKey(Requirement requirement);
QString deliveryName(DeliveryOption option);
QString deliveryKey(DeliveryOption option);

std::optional<ItemKind> itemKindFromKey(const QString& key);
std::optional<ProcedureProfile> profileFromKey(const QString& key);
std::optional<MaterialForm> materialFormFromKey(const QString& key);
std::optional<MaterialMedium> mediumFromKey(const QString& key);
std::optional<Requirement> requirementFromKey(const QString& key);
std::optional<DeliveryOption> deliveryFromKey(const QString& key);

} // namespace onewindow::core
