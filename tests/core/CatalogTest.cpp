#include "support/CatalogFixtures.h"
#include "support/TestSupport.h"

#include "core/Catalog.h"
#include "core/CatalogJson.h"
#include "core/CatalogSearch.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace onewindow;

namespace {

// 11620102MB1234567B is a government office's USCC with a valid check character.
const QString kCode = QStringLiteral("11620102MB1234567B4000105001000");

core::ServiceItem validItem()
{
    core::ServiceItem item = test::sampleItem(1);
    item.code = kCode;
    for (int i = 0; i < item.materials.size(); ++i)
        item.materials[i].code = kCode + QStringLiteral("%1").arg(i + 1, 3, 10, QLatin1Char('0'));
    return item;
}

QStringList codes(const QList<core::Error>& errors)
{
    QStringList out;
    for (const core::Error& e : errors)
        out.append(e.code);
    return out;
}

QByteArray fileWith(const QJsonObject& item)
{
    return QJsonDocument(
               QJsonObject{{QStringLiteral("format"), QStringLiteral("onewindow-catalog")},
                           {QStringLiteral("formatVersion"), 1},
                           {QStringLiteral("items"), QJsonArray{item}}})
        .toJson();
}

} // namespace

TEST_CASE("A complete item validates")
{
    CHECK(core::validateItem(validItem()).isEmpty());
}

TEST_CASE("Catalog validation: the implementation code's USCC check character")
{
    core::ServiceItem item = validItem();
    item.code[17] = QLatin1Char('C');
    for (core::Material& m : item.materials)
        m.code[17] = QLatin1Char('C');
    const QList<core::Error> errors = core::validateItem(item);
    REQUIRE(codes(errors).contains(QStringLiteral("item.code_uscc")));
    CHECK(errors.first().message.contains(item.code));
    CHECK(errors.first().message.contains(QStringLiteral("code")));
    CHECK(errors.first().message.contains(QStringLiteral("校验位")));
}

TEST_CASE("Catalog validation: code length, exercise level and basic code")
{
    core::ServiceItem item = validItem();
    item.code = kCode.left(30);
    CHECK(codes(core::validateItem(item)).contains(QStringLiteral("item.code_length")));
    CHECK(core::checkItemCode(kCode.left(18) + QStringLiteral("9") + kCode.mid(19)).error().code ==
          QStringLiteral("item.code_level"));
    CHECK(core::checkItemCode(kCode.left(19) + QStringLiteral("00010500100a")).error().code ==
          QStringLiteral("item.code_basic"));
}

TEST_CASE("Catalog validation: the promised limit may not exceed the statutory one")
{
    core::ServiceItem item = validItem();
    item.promisedDays = 31;
    const QList<core::Error> errors = core::validateItem(item);
    REQUIRE(codes(errors) == QStringList{QStringLiteral("item.promised_above_statutory")});
    CHECK(errors.first().message.contains(QStringLiteral("promisedDays")));
}

TEST_CASE("Catalog validation: same-day items promise 0 days")
{
    core::ServiceItem item = validItem();
    item.profile = core::ProcedureProfile::SameDay;
    CHECK(codes(core::validateItem(item)).contains(QStringLiteral("item.same_day_promised")));
    item.promisedDays = 0;
    CHECK(core::validateItem(item).isEmpty());
}

TEST_CASE("Catalog validation: materials, fees and delivery")
{
    core::ServiceItem item = validItem();
    item.materials[1].code = item.materials[0].code;
    item.materials[0].copies = 0;
    item.materials[1].condition.clear();
    item.fees[0].amountYuan = QStringLiteral("80.005");
    item.delivery = {core::DeliveryOption::Post, core::DeliveryOption::Post};
    const QStringList c = codes(core::validateItem(item));
    CHECK(c.contains(QStringLiteral("material.duplicate_code")));
    CHECK(c.contains(QStringLiteral("material.copies")));
    CHECK(c.contains(QStringLiteral("material.condition")));
    CHECK(c.contains(QStringLiteral("item.fee_amount")));
    CHECK(c.contains(QStringLiteral("item.delivery")));
    item = validItem();
    item.materials[0].code = QStringLiteral("11620102MB1234567B4000105001999001");
    CHECK(codes(core::validateItem(item)).contains(QStringLiteral("material.code")));
}

TEST_CASE("Catalog file: unknown profile, unknown field and wrong types are named")
{
    QJsonObject item = core::itemToJson(validItem());
    item.insert(QStringLiteral("profile"), QStringLiteral("express"));
    item.insert(QStringLiteral("promisedDay"), 3);
    item.insert(QStringLiteral("statutoryDays"), QStringLiteral("30"));
    const core::CatalogParse p = core::parseCatalog(fileWith(item), QStringLiteral("c.json"));
    REQUIRE_FALSE(p.ok());
    const QString all = [&] {
        QStringList m;
        for (const core::Error& e : p.errors)
            m.append(e.message);
        return m.join(QLatin1Char('\n'));
    }();
    CHECK(all.contains(QStringLiteral("profile：未知取值“express”")));
    CHECK(all.contains(QStringLiteral("promisedDay：未知字段")));
    CHECK(all.contains(QStringLiteral("statutoryDays：应为整数")));
    CHECK(all.contains(kCode));
}

TEST_CASE("Catalog file: the same code twice, and a bad format header")
{
    const QJsonObject item = core::itemToJson(validItem());
    const QByteArray twice =
        QJsonDocument(QJsonObject{{QStringLiteral("format"), QStringLiteral("onewindow-catalog")},
                                  {QStringLiteral("formatVersion"), 1},
                                  {QStringLiteral("items"), QJsonArray{item, item}}})
            .toJson();
    CHECK(codes(core::parseCatalog(twice, QStringLiteral("c.json")).errors) ==
          QStringList{QStringLiteral("catalog.duplicate_code")});
    CHECK(codes(core::parseCatalog("{\"format\": \"other\"}", QStringLiteral("c.json")).errors) ==
          QStringList{QStringLiteral("catalog.format")});
    CHECK(codes(core::parseCatalog(
                    "{\"format\": \"onewindow-catalog\", \"formatVersion\": 2, \"items\": []}",
                    QStringLiteral("c.json"))
                    .errors) == QStringList{QStringLiteral("catalog.format_version")});
    CHECK(codes(core::parseCatalog("{,", QStringLiteral("c.json")).errors) ==
          QStringList{QStringLiteral("catalog.json_syntax")});
}

TEST_CASE("Catalog file: export then import gives an identical catalog")
{
    core::ServiceItem second = validItem();
    second.code = QStringLiteral("11620102MB1234567B4000105002000");
    second.name = QStringLiteral("公章刻制备案");
    second.profile = core::ProcedureProfile::SameDay;
    second.promisedDays = 0;
    second.warningDays = 0;
    second.fees.clear();
    second.materials.clear();
    const QList<core::ServiceItem> items{validItem(), second};
    const core::CatalogParse back =
        core::parseCatalog(core::catalogToJson(items), QStringLiteral("x.json"));
    REQUIRE(back.ok());
    CHECK(back.items == items);
}

TEST_CASE("The shipped example and demo catalogs are valid")
{
    for (const char* file : {"resources/catalog/example.json", "resources/catalog/demo.json"}) {
        INFO(file);
        const core::CatalogParse p = core::parseCatalog(
            test::readSourceFile(QString::fromLatin1(file)), QString::fromLatin1(file));
        for (const core::Error& e : p.errors)
            UNSCOPED_INFO(e.message.toStdString());
        CHECK(p.ok());
    }
    const core::CatalogParse demo =
        core::parseCatalog(test::readSourceFile(QStringLiteral("resources/catalog/demo.json")),
                           QStringLiteral("demo"));
    CHECK(demo.items.size() >= 30);
}

TEST_CASE("Catalog search: name fragment, code, and pinyin initials, best first")
{
    core::ServiceItem transfer = validItem();
    core::ServiceItem mortgage = validItem();
    mortgage.code = QStringLiteral("11620102MB1234567B4000105003000");
    mortgage.name = QStringLiteral("不动产抵押权首次登记");
    core::ServiceItem fund = validItem();
    fund.code = QStringLiteral("11620102MB1234567B4000105004000");
    fund.name = QStringLiteral("住房公积金提取");
    fund.department = QStringLiteral("住房公积金");
    core::CatalogSearch search;
    search.setEntries({core::catalogEntry(fund, 1), core::catalogEntry(transfer, 1),
                       core::catalogEntry(mortgage, 1)});
    const auto names = [&](const QString& q) {
        QStringList out;
        for (int i : search.search(q))
            out.append(search.entries().at(i).name);
        return out;
    };
    CHECK(names(QStringLiteral("bdc")).size() == 2);
    CHECK(names(QStringLiteral("bdcdy")) == QStringList{QStringLiteral("不动产抵押权首次登记")});
    CHECK(names(QStringLiteral("公积金")) == QStringList{QStringLiteral("住房公积金提取")});
    CHECK(names(QStringLiteral("gjj")) == QStringList{QStringLiteral("住房公积金提取")});
    CHECK(names(QStringLiteral("dj")).size() == 2); // 登记 inside both names
    CHECK(names(mortgage.code.toLower()).first() == QStringLiteral("不动产抵押权首次登记"));
    CHECK(names(QStringLiteral("bdc 抵押")) == QStringList{QStringLiteral("不动产抵押权首次登记")});
    CHECK(names(QStringLiteral("xyz")).isEmpty());
    CHECK(names(QString()).size() == 3);
    // Prefix matches rank before matches inside the name.
    CHECK(names(QStringLiteral("zf")).first() == QStringLiteral("住房公积金提取"));
}
