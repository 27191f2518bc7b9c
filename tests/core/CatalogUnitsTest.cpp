#include "support/CatalogFixtures.h"
#include "support/TestSupport.h"

#include "core/Catalog.h"
#include "core/CatalogJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace onewindow;

namespace {

const QString kCode = QStringLiteral("11620102MB1234567B4000105001000");

core::ServiceItem validItem()
{
    core::ServiceItem item = test::sampleItem(1);
    item.code = kCode;
    for (int i = 0; i < item.materials.size(); ++i)
        item.materials[i].code = kCode + QStringLiteral("%1").arg(i + 1, 3, 10, QLatin1Char('0'));
    return item;
}

core::CatalogParse parseWith(const QJsonObject& item)
{
    return core::parseCatalog(
        QJsonDocument(QJsonObject{{QStringLiteral("format"), QStringLiteral("onewindow-catalog")},
                                  {QStringLiteral("formatVersion"), 1},
                                  {QStringLiteral("items"), QJsonArray{item}}})
            .toJson(),
        QStringLiteral("c.json"));
}

QString messages(const core::CatalogParse& p)
{
    QStringList m;
    for (const core::Error& e : p.errors)
        m.append(e.message);
    return m.join(QLatin1Char('\n'));
}

} // namespace

TEST_CASE("Catalog file: each limit carries its unit; an absent unit means working days")
{
    QJsonObject item = core::itemToJson(validItem());
    item.insert(QStringLiteral("statutoryUnit"), QStringLiteral("calendar_days"));
    item.insert(QStringLiteral("statutoryDays"), 60);
    item.insert(QStringLiteral("correctionUnit"), QStringLiteral("calendar_days"));
    item.remove(QStringLiteral("promisedUnit"));
    const core::CatalogParse p = parseWith(item);
    REQUIRE(p.ok());
    CHECK(p.items.first().statutoryUnit == core::DayUnit::CalendarDays);
    CHECK(p.items.first().correctionUnit == core::DayUnit::CalendarDays);
    CHECK(p.items.first().promisedUnit == core::DayUnit::WorkingDays);

    // An older file without any unit loads as working days throughout.
    QJsonObject old = core::itemToJson(validItem());
    for (const char* key : {"statutoryUnit", "promisedUnit", "correctionUnit"})
        old.remove(QString::fromLatin1(key));
    const core::CatalogParse q = parseWith(old);
    REQUIRE(q.ok());
    CHECK(q.items.first().statutoryUnit == core::DayUnit::WorkingDays);
    CHECK(q.items.first().correctionUnit == core::DayUnit::WorkingDays);

    // Export writes the unit and import reads it back.
    core::ServiceItem mixed = validItem();
    mixed.statutoryDays = 60;
    mixed.statutoryUnit = core::DayUnit::CalendarDays;
    const QByteArray exported = core::catalogToJson({mixed});
    CHECK(exported.contains("\"statutoryUnit\": \"calendar_days\""));
    const core::CatalogParse back = core::parseCatalog(exported, QStringLiteral("x.json"));
    REQUIRE(back.ok());
    CHECK(back.items == QList<core::ServiceItem>{mixed});
}

TEST_CASE("Catalog file: an empty or unknown unit is refused with the item code, field and problem")
{
    QJsonObject item = core::itemToJson(validItem());
    item.insert(QStringLiteral("statutoryUnit"), QString());
    item.insert(QStringLiteral("promisedUnit"), QStringLiteral("natural_days"));
    item.insert(QStringLiteral("correctionUnit"), 5);
    const core::CatalogParse p = parseWith(item);
    REQUIRE_FALSE(p.ok());
    const QString all = messages(p);
    CHECK(all.contains(QStringLiteral("事项 %1：statutoryUnit：期限单位不能为空").arg(kCode)));
    CHECK(all.contains(
        QStringLiteral("事项 %1：promisedUnit：未知期限单位“natural_days”").arg(kCode)));
    CHECK(all.contains(QStringLiteral("事项 %1：correctionUnit：应为文字").arg(kCode)));
    CHECK(p.errors.size() == 3);
}

TEST_CASE("Catalog validation: a promise in working days may not outrun a statutory limit in 日")
{
    core::ServiceItem item = validItem();
    item.statutoryDays = 60;
    item.statutoryUnit = core::DayUnit::CalendarDays;
    item.promisedDays = 20; // at most 28 calendar days: within 60 日
    CHECK(core::validateItem(item).isEmpty());
    item.promisedDays = 45; // up to 63 calendar days: past 60 日
    const QList<core::Error> errors = core::validateItem(item);
    REQUIRE(errors.size() == 1);
    CHECK(errors.first().code == QStringLiteral("item.promised_above_statutory"));
    CHECK(errors.first().message.contains(QStringLiteral("45 个工作日")));
    CHECK(errors.first().message.contains(QStringLiteral("60 日")));
    // In one unit the comparison is plain.
    item.promisedUnit = core::DayUnit::CalendarDays;
    CHECK(core::validateItem(item).isEmpty());
    item.promisedDays = 61;
    CHECK(core::validateItem(item).size() == 1);
}

TEST_CASE("The demo catalog counts 日 where its laws do and 工作日 where they say so")
{
    const core::CatalogParse p =
        core::parseCatalog(test::readSourceFile(QStringLiteral("resources/catalog/demo.json")),
                           QStringLiteral("demo"));
    REQUIRE(p.ok());
    const auto unitOf = [&](const QString& name) {
        for (const core::ServiceItem& item : p.items)
            if (item.name == name)
                return item.statutoryUnit;
        FAIL("no item " << name.toStdString());
        return core::DayUnit::WorkingDays;
    };
    // 居民身份证法 Art. 12: 60 日; 住房公积金管理条例 Art. 25: 3 日; 居住证暂行条例 Art. 9: 15 日.
    CHECK(unitOf(QStringLiteral("居民身份证换领、补领")) == core::DayUnit::CalendarDays);
    CHECK(unitOf(QStringLiteral("住房公积金提取")) == core::DayUnit::CalendarDays);
    CHECK(unitOf(QStringLiteral("居住证办理")) == core::DayUnit::CalendarDays);
    // 不动产登记暂行条例 Art. 20: 30 个工作日; 市场主体登记管理条例 Art. 19: 3 个工作日;
    // 政府信息公开条例 Art. 33: 20 个工作日.
    CHECK(unitOf(QStringLiteral("不动产首次登记")) == core::DayUnit::WorkingDays);
    CHECK(unitOf(QStringLiteral("企业设立登记")) == core::DayUnit::WorkingDays);
    CHECK(unitOf(QStringLiteral("政府信息公开申请")) == core::DayUnit::WorkingDays);
}
