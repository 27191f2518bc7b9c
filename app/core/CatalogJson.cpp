#include "core/CatalogJson.h"

#include "core/JsonStrict.h"
#include "core/MatterJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <limits>

namespace onewindow::core {

namespace {

const QString kFormat = QStringLiteral("onewindow-catalog");
constexpr int kFormatVersion = 1;

// Reads fields of one JSON object, recording each type problem with the item code and the field.
class Reader
{
public:
    Reader(const QJsonObject& object, QString code, QString prefix, QList<Error>& errors)
        : m_object(object), m_code(std::move(code)), m_prefix(std::move(prefix)), m_errors(errors)
    {}

    void fail(const QString& field, const QString& problem)
    {
        m_errors.append(
            Error{QStringLiteral("catalog.field"),
                  QStringLiteral("事项 %1：%2%3：%4").arg(m_code, m_prefix, field, problem)});
    }

    QString text(const char* field, bool required = true)
    {
        const QString name = QString::fromLatin1(field);
        m_seen.insert(name);
        const QJsonValue v = m_object.value(name);
        if (v.isUndefined()) {
            if (required)
                fail(name, QStringLiteral("缺少此项"));
            return {};
        }
        if (!v.isString()) {
            // null is not a text: a field the schema says is text is given as text or left out.
            fail(name,
                 v.isNull() ? QStringLiteral("应为文字，不能为 null") : QStringLiteral("应为文字"));
            return {};
        }
        return v.toString();
    }

    std::optional<QString> nullableText(const char* field)
    {
        const QString name = QString::fromLatin1(field);
        m_seen.insert(name);
        const QJsonValue v = m_object.value(name);
        if (v.isUndefined() || v.isNull())
            return std::nullopt;
        if (!v.isString()) {
            fail(name, QStringLiteral("应为文字或 null"));
            return std::nullopt;
        }
        return v.toString();
    }

    std::optional<int> integer(const char* field, bool required = true)
    {
        const QString name = QString::fromLatin1(field);
        m_seen.insert(name);
        const QJsonValue v = m_object.value(name);
        if (v.isUndefined() || v.isNull()) {
            if (required)
                fail(name, QStringLiteral("缺少此项"));
            return std::nullopt;
        }
        const double d = v.toDouble();
        // The range first: casting 1e20 to int is undefined behaviour, not a refusal.
        if (v.isDouble() &&
            (d < std::numeric_limits<int>::min() || d > std::numeric_limits<int>::max())) {
            fail(name, QStringLiteral("数值 %1 超出范围").arg(d));
            return std::nullopt;
        }
        if (!v.isDouble() || d != static_cast<double>(static_cast<int>(d))) {
            fail(name, QStringLiteral("应为整数"));
            return std::nullopt;
        }
        return static_cast<int>(d);
    }

    bool boolean(const char* field)
    {
        const QString name = QString::fromLatin1(field);
        m_seen.insert(name);
        const QJsonValue v = m_object.value(name);
        if (!v.isBool()) {
            fail(name, v.isUndefined() ? QStringLiteral("缺少此项")
                                       : QStringLiteral("应为 true 或 false"));
            return false;
        }
        return v.toBool();
    }

    template <typename E>
    E choice(const char* field, std::optional<E> (*parse)(const QString&), E fallback)
    {
        const QString name = QString::fromLatin1(field);
        const bool given = m_object.contains(name);
        const QString key = text(field);
        if (key.isEmpty()) {
            // An empty value never means the default: "" would make a same-day item a licence.
            if (given && m_object.value(name).isString())
                fail(name, QStringLiteral("不能为空"));
            return fallback;
        }
        const std::optional<E> value = parse(key);
        if (!value) {
            fail(QString::fromLatin1(field), QStringLiteral("未知取值“%1”").arg(key));
            return fallback;
        }
        return *value;
    }

    // A limit's unit: absent means working days (catalogs from before units load unchanged); an
    // empty or unknown value is refused rather than guessed.
    DayUnit unit(const char* field)
    {
        const QString name = QString::fromLatin1(field);
        m_seen.insert(name);
        const QJsonValue v = m_object.value(name);
        if (v.isUndefined())
            return DayUnit::WorkingDays;
        const QString choices = QStringLiteral("可用 working_days（工作日）、calendar_days（日）");
        if (!v.isString()) {
            fail(name, QStringLiteral("应为文字（%1）").arg(choices));
            return DayUnit::WorkingDays;
        }
        if (v.toString().trimmed().isEmpty()) {
            fail(name, QStringLiteral("期限单位不能为空（%1）").arg(choices));
            return DayUnit::WorkingDays;
        }
        const std::optional<DayUnit> unit = dayUnitFromKey(v.toString());
        if (!unit) {
            fail(name, QStringLiteral("未知期限单位“%1”（%2）").arg(v.toString(), choices));
            return DayUnit::WorkingDays;
        }
        return *unit;
    }

    QJsonArray array(const char* field)
    {
        const QString name = QString::fromLatin1(field);
        m_seen.insert(name);
        const QJsonValue v = m_object.value(name);
        if (!v.isArray()) {
            fail(name, v.isUndefined() ? QStringLiteral("缺少此项") : QStringLiteral("应为数组"));
            return {};
        }
        return v.toArray();
    }

    // A typo in a field name must not be ignored silently.
    void rejectUnknown()
    {
        for (const QString& key : m_object.keys())
            if (!m_seen.contains(key))
                fail(key, QStringLiteral("未知字段"));
    }

    const QString& code() const { return m_code; }
    const QString& prefix() const { return m_prefix; }

private:
    const QJsonObject& m_object;
    QString m_code;
    QString m_prefix;
    QList<Error>& m_errors;
    QSet<QString> m_seen;
};

Material materialFromJson(const QJsonObject& object, const QString& itemCode, const QString& prefix,
                          QList<Error>& errors)
{
    Reader r(object, itemCode, prefix, errors);
    Material m;
    m.code = r.text("code");
    m.name = r.text("name");
    m.form = r.choice("form", &materialFormFromKey, MaterialForm::Original);
    m.copies = r.integer("copies").value_or(1);
    m.medium = r.choice("medium", &mediumFromKey, MaterialMedium::Paper);
    m.requirement = r.choice("requirement", &requirementFromKey, Requirement::Required);
    m.condition = r.text("condition", false);
    m.deferrable = r.boolean("deferrable");
    m.commitment = r.nullableText("commitment");
    m.sample = r.text("sample", false);
    m.frequentMistakes = r.text("frequentMistakes", false);
    r.rejectUnknown();
    return m;
}

// The optional "matters" array: each matter read and validated, then every reference checked
// against the file's items (a matter names items of the same file).
void parseMatters(const QJsonObject& root, const QString& source, CatalogParse& out)
{
    const QJsonValue value = root.value(QStringLiteral("matters"));
    if (value.isUndefined())
        return;
    if (!value.isArray()) {
        out.errors.append(Error{QStringLiteral("catalog.field"),
                                QStringLiteral("%1：matters 应为数组").arg(source)});
        return;
    }
    const QJsonArray matters = value.toArray();
    bool shapeOk = true;
    for (int i = 0; i < matters.size(); ++i) {
        if (!matters.at(i).isObject()) {
            out.errors.append(Error{QStringLiteral("catalog.field"),
                                    QStringLiteral("%1：matters[%2] 应为对象").arg(source).arg(i)});
            shapeOk = false;
            continue;
        }
        const qsizetype before = out.errors.size();
        Matter matter = matterFromJson(matters.at(i).toObject(), out.errors);
        if (out.errors.size() == before)
            out.errors.append(validateMatter(matter));
        shapeOk = shapeOk && out.errors.size() == before;
        out.matters.append(std::move(matter));
    }
    if (!shapeOk)
        return;
    QHash<QString, ServiceItem> items;
    for (const ServiceItem& item : out.items)
        items.insert(item.code, item);
    out.errors.append(checkMatterReferences(out.matters, items));
}

} // namespace

ServiceItem itemFromJson(const QJsonObject& object, QList<Error>& errors)
{
    const QString code = object.value(QStringLiteral("code")).toString();
    Reader r(object, code, QString(), errors);
    ServiceItem item;
    item.code = r.text("code");
    item.name = r.text("name");
    item.office = r.text("office");
    item.department = r.text("department");
    item.kind = r.choice("kind", &itemKindFromKey, ItemKind::Other);
    item.profile = r.choice("profile", &profileFromKey, ProcedureProfile::Licence);
    item.statutoryDays = r.integer("statutoryDays").value_or(0);
    item.promisedDays = r.integer("promisedDays").value_or(0);
    item.warningDays = r.integer("warningDays", false);
    item.correctionDays = r.integer("correctionDays").value_or(0);
    item.deferralDays =
        r.integer("deferralDays", false).value_or(ServiceItem::kDefaultDeferralDays);
    item.statutoryUnit = r.unit("statutoryUnit");
    item.promisedUnit = r.unit("promisedUnit");
    item.correctionUnit = r.unit("correctionUnit");
    const QJsonArray fees = r.array("fees");
    for (int i = 0; i < fees.size(); ++i) {
        Reader f(fees.at(i).toObject(), code, QStringLiteral("fees[%1].").arg(i), errors);
        if (!fees.at(i).isObject()) {
            f.fail(QString(), QStringLiteral("应为对象"));
            continue;
        }
        item.fees.append(Fee{f.text("item"), f.text("amountYuan"), f.text("basis")});
        f.rejectUnknown();
    }
    const QJsonArray delivery = r.array("delivery");
    item.delivery.clear();
    for (int i = 0; i < delivery.size(); ++i) {
        const std::optional<DeliveryOption> option = deliveryFromKey(delivery.at(i).toString());
        if (option)
            item.delivery.append(*option);
        else
            r.fail(QStringLiteral("delivery[%1]").arg(i),
                   QStringLiteral("未知送达方式“%1”（可用 window、post、electronic）")
                       .arg(delivery.at(i).toString()));
    }
    item.legalBasis = r.text("legalBasis");
    item.whereToApply = r.text("whereToApply");
    item.hours = r.text("hours");
    item.phone = r.text("phone");
    item.frequentMistakes = r.text("frequentMistakes", false);
    const QJsonArray materials = r.array("materials");
    for (int i = 0; i < materials.size(); ++i) {
        const QString prefix = QStringLiteral("materials[%1].").arg(i);
        if (!materials.at(i).isObject()) {
            Reader(QJsonObject(), code, prefix, errors).fail(QString(), QStringLiteral("应为对象"));
            continue;
        }
        item.materials.append(materialFromJson(materials.at(i).toObject(), code, prefix, errors));
    }
    r.rejectUnknown();
    return item;
}

QJsonObject itemToJson(const ServiceItem& item)
{
    QJsonArray fees;
    for (const Fee& f : item.fees)
        fees.append(QJsonObject{{QStringLiteral("item"), f.item},
                                {QStringLiteral("amountYuan"), f.amountYuan},
                                {QStringLiteral("basis"), f.basis}});
    QJsonArray delivery;
    for (DeliveryOption d : item.delivery)
        delivery.append(deliveryKey(d));
    QJsonArray materials;
    for (const Material& m : item.materials) {
        QJsonObject o{{QStringLiteral("code"), m.code},
                      {QStringLiteral("name"), m.name},
                      {QStringLiteral("form"), materialFormKey(m.form)},
                      {QStringLiteral("copies"), m.copies},
                      {QStringLiteral("medium"), mediumKey(m.medium)},
                      {QStringLiteral("requirement"), requirementKey(m.requirement)},
                      {QStringLiteral("deferrable"), m.deferrable},
                      {QStringLiteral("commitment"),
                       m.commitment ? QJsonValue(*m.commitment) : QJsonValue()}};
        if (!m.condition.isEmpty())
            o.insert(QStringLiteral("condition"), m.condition);
        if (!m.sample.isEmpty())
            o.insert(QStringLiteral("sample"), m.sample);
        if (!m.frequentMistakes.isEmpty())
            o.insert(QStringLiteral("frequentMistakes"), m.frequentMistakes);
        materials.append(o);
    }
    QJsonObject o{{QStringLiteral("code"), item.code},
                  {QStringLiteral("name"), item.name},
                  {QStringLiteral("office"), item.office},
                  {QStringLiteral("department"), item.department},
                  {QStringLiteral("kind"), itemKindKey(item.kind)},
                  {QStringLiteral("profile"), profileKey(item.profile)},
                  {QStringLiteral("statutoryDays"), item.statutoryDays},
                  {QStringLiteral("promisedDays"), item.promisedDays},
                  {QStringLiteral("correctionDays"), item.correctionDays},
                  {QStringLiteral("statutoryUnit"), dayUnitKey(item.statutoryUnit)},
                  {QStringLiteral("promisedUnit"), dayUnitKey(item.promisedUnit)},
                  {QStringLiteral("correctionUnit"), dayUnitKey(item.correctionUnit)},
                  {QStringLiteral("fees"), fees},
                  {QStringLiteral("delivery"), delivery},
                  {QStringLiteral("legalBasis"), item.legalBasis},
                  {QStringLiteral("whereToApply"), item.whereToApply},
                  {QStringLiteral("hours"), item.hours},
                  {QStringLiteral("phone"), item.phone},
                  {QStringLiteral("materials"), materials}};
    if (item.warningDays)
        o.insert(QStringLiteral("warningDays"), *item.warningDays);
    if (item.deferralDays != ServiceItem::kDefaultDeferralDays)
        o.insert(QStringLiteral("deferralDays"), item.deferralDays);
    if (!item.frequentMistakes.isEmpty())
        o.insert(QStringLiteral("frequentMistakes"), item.frequentMistakes);
    return o;
}

CatalogParse parseCatalog(const QByteArray& json, const QString& source)
{
    CatalogParse out;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const auto line =
            1 + std::count(json.begin(),
                           json.begin() + std::min<qsizetype>(parseError.offset, json.size()),
                           '\n');
        out.errors.append(Error{QStringLiteral("catalog.json_syntax"),
                                QStringLiteral("%1：不是有效的 JSON（第 %2 行附近：%3）")
                                    .arg(source)
                                    .arg(line)
                                    .arg(parseError.errorString())});
        return out;
    }
    if (auto strict = strictJsonProblem(json, source)) {
        out.errors.append(*strict);
        return out;
    }
    const QJsonObject root = doc.object();
    if (!doc.isObject() || root.value(QStringLiteral("format")).toString() != kFormat) {
        out.errors.append(
            Error{QStringLiteral("catalog.format"),
                  QStringLiteral("%1：不是 OneWindow 事项目录文件（format 应为 \"%2\"）")
                      .arg(source, kFormat)});
        return out;
    }
    if (root.value(QStringLiteral("formatVersion")).toInt(-1) != kFormatVersion) {
        out.errors.append(
            Error{QStringLiteral("catalog.format_version"),
                  QStringLiteral("%1：格式版本 %2 不受支持（本程序支持 %3）")
                      .arg(source)
                      .arg(root.value(QStringLiteral("formatVersion")).toVariant().toString())
                      .arg(kFormatVersion)});
        return out;
    }
    if (!root.value(QStringLiteral("items")).isArray()) {
        out.errors.append(Error{QStringLiteral("catalog.items"),
                                QStringLiteral("%1：缺少 items 数组").arg(source)});
        return out;
    }
    for (const QString& key : root.keys())
        if (key != QStringLiteral("format") && key != QStringLiteral("formatVersion") &&
            key != QStringLiteral("items") && key != QStringLiteral("matters"))
            out.errors.append(Error{QStringLiteral("catalog.field"),
                                    QStringLiteral("%1：未知字段“%2”").arg(source, key)});

    QSet<QString> codes;
    const QJsonArray items = root.value(QStringLiteral("items")).toArray();
    for (int i = 0; i < items.size(); ++i) {
        if (!items.at(i).isObject()) {
            out.errors.append(Error{QStringLiteral("catalog.field"),
                                    QStringLiteral("%1：items[%2] 应为对象").arg(source).arg(i)});
            continue;
        }
        const qsizetype before = out.errors.size();
        ServiceItem item = itemFromJson(items.at(i).toObject(), out.errors);
        if (out.errors.size() == before)
            out.errors.append(validateItem(item));
        if (!item.code.isEmpty() && codes.contains(item.code))
            out.errors.append(
                Error{QStringLiteral("catalog.duplicate_code"),
                      QStringLiteral("事项 %1：code：实施编码在文件中出现了两次").arg(item.code)});
        codes.insert(item.code);
        out.items.append(std::move(item));
    }
    parseMatters(root, source, out);
    return out;
}

QByteArray catalogToJson(const QList<ServiceItem>& items, const QList<Matter>& matters)
{
    QJsonArray array;
    for (const ServiceItem& item : items)
        array.append(itemToJson(item));
    QJsonObject root{{QStringLiteral("format"), kFormat},
                     {QStringLiteral("formatVersion"), kFormatVersion},
                     {QStringLiteral("items"), array}};
    if (!matters.isEmpty()) {
        QJsonArray m;
        for (const Matter& matter : matters)
            m.append(matterToJson(matter));
        root.insert(QStringLiteral("matters"), m);
    }
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

} // namespace onewindow::core
