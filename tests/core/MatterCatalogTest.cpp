// 一件事一次办 in the catalog (issue 20): matters, their validation and the file round trip.
#include "support/CatalogFixtures.h"
#include "support/MatterFixtures.h"
#include "support/TestSupport.h"

#include "core/CatalogJson.h"
#include "core/Matter.h"
#include "core/MatterJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace onewindow;

namespace {

QStringList codes(const QList<core::Error>& errors)
{
    QStringList out;
    for (const core::Error& e : errors)
        out.append(e.code);
    return out;
}

} // namespace

TEST_CASE("一件事: a complete matter validates and its references hold")
{
    const auto items = test::threeItems();
    const core::Matter m = test::openingABusiness(items);
    CHECK(core::validateMatter(m).isEmpty());
    CHECK(core::checkMatterReferences({m}, test::itemsByCode(items)).isEmpty());
}

TEST_CASE("一件事: every item a matter names exists")
{
    const auto items = test::threeItems();
    core::Matter m = test::openingABusiness(items);
    m.parts[2].item = test::sampleItem(9).code;
    const QList<core::Error> errors = core::checkMatterReferences({m}, test::itemsByCode(items));
    REQUIRE(codes(errors).contains(QStringLiteral("matter.unknown_item")));
    CHECK(errors.first().message.contains(test::sampleItem(9).code));
    CHECK(errors.first().message.contains(QStringLiteral("KBQY")));
}

TEST_CASE("一件事: no circular matters")
{
    const auto items = test::threeItems();
    core::Matter a = test::openingABusiness(items);
    core::Matter b;
    b.code = QStringLiteral("YGLY");
    b.name = QStringLiteral("员工录用");
    b.parts = {core::MatterPart{items.at(2).code, {}, {}},
               core::MatterPart{{}, QStringLiteral("KBQY"), {}}};
    CHECK(core::checkMatterReferences({a, b}, test::itemsByCode(items))
              .isEmpty()); // a sub-matter is fine
    a.parts.append(core::MatterPart{{}, QStringLiteral("YGLY"), {}});
    const QList<core::Error> errors = core::checkMatterReferences({a, b}, test::itemsByCode(items));
    REQUIRE(codes(errors).contains(QStringLiteral("matter.cycle")));
    CHECK(errors.first().message.contains(QStringLiteral("KBQY → YGLY → KBQY")));

    core::Matter self = test::openingABusiness(items);
    self.parts.append(core::MatterPart{{}, QStringLiteral("KBQY"), {}});
    CHECK(codes(core::checkMatterReferences({self}, test::itemsByCode(items))) ==
          QStringList{QStringLiteral("matter.cycle")});
}

TEST_CASE("一件事: a shared material exists in each item that shares it")
{
    auto items = test::threeItems();
    const core::Matter m = test::openingABusiness(items);
    items[1].materials.removeLast(); // 印章刻制备案 no longer asks for the ID card
    const QList<core::Error> errors = core::checkMatterReferences({m}, test::itemsByCode(items));
    REQUIRE(codes(errors) == QStringList{QStringLiteral("matter.shared_missing")});
    CHECK(errors.first().message.contains(QStringLiteral("印章刻制备案")));

    // A material of an item outside the matter is not the matter's to share.
    core::Matter other = test::openingABusiness(test::threeItems());
    other.parts.removeLast();
    CHECK(codes(core::checkMatterReferences({other}, test::itemsByCode(test::threeItems()))) ==
          QStringList{QStringLiteral("matter.shared_not_part")});

    // Two materials of one item are not a shared paper.
    core::Matter same = test::openingABusiness(test::threeItems());
    same.shared[0].materials = {items.at(0).code + QStringLiteral("001"),
                                items.at(0).code + QStringLiteral("003")};
    CHECK(codes(core::validateMatter(same)).contains(QStringLiteral("matter.shared_material")));
}

TEST_CASE("一件事: the answers decide which items apply")
{
    const auto items = test::threeItems();
    const core::Matter m = test::openingABusiness(items);
    const QHash<QString, core::Matter> none;
    CHECK(core::applicableItems(m, none, {{QStringLiteral("seal"), true}}) ==
          QStringList{items.at(0).code, items.at(1).code, items.at(2).code});
    CHECK(core::applicableItems(m, none, {{QStringLiteral("seal"), false}}) ==
          QStringList{items.at(0).code, items.at(2).code});
    const core::Status unanswered = core::checkAnswers(m, none, {});
    REQUIRE_FALSE(unanswered.ok());
    CHECK(unanswered.error().code == QStringLiteral("matter.unanswered"));
    CHECK(unanswered.error().message.contains(QStringLiteral("是否刻制公章")));
    CHECK(core::checkAnswers(m, none, {{QStringLiteral("seal"), false}}).ok());
}

TEST_CASE("一件事: a sub-matter's parts and questions join its matter once")
{
    const auto items = test::threeItems();
    const core::Matter inner = test::openingABusiness(items);
    core::Matter outer;
    outer.code = QStringLiteral("YGLY");
    outer.name = QStringLiteral("员工录用");
    outer.questions = {{QStringLiteral("new_firm"), QStringLiteral("是否新开办企业？")}};
    outer.parts = {core::MatterPart{items.at(2).code, {}, {}},
                   core::MatterPart{{}, inner.code, {{QStringLiteral("new_firm"), true}}}};
    const QHash<QString, core::Matter> matters{{inner.code, inner}, {outer.code, outer}};
    CHECK(core::matterQuestions(outer, matters).size() == 2);
    CHECK(core::applicableItems(outer, matters, {{QStringLiteral("new_firm"), false}}) ==
          QStringList{items.at(2).code});
    CHECK(
        core::applicableItems(
            outer, matters, {{QStringLiteral("new_firm"), true}, {QStringLiteral("seal"), true}}) ==
        QStringList{items.at(2).code, items.at(0).code, items.at(1).code});
}

TEST_CASE("一件事: a condition names a question of its matter, keys and codes in their form")
{
    core::Matter m = test::openingABusiness(test::threeItems());
    m.parts[1].when = {{QStringLiteral("stamp"), true}};
    m.code = QStringLiteral("kbqy");
    m.promisedDays = -1;
    m.questions.append(m.questions.first());
    const QStringList found = codes(core::validateMatter(m));
    CHECK(found.contains(QStringLiteral("matter.condition")));
    CHECK(found.contains(QStringLiteral("matter.code")));
    CHECK(found.contains(QStringLiteral("matter.promised_days")));
    CHECK(found.contains(QStringLiteral("matter.question_key")));
}

TEST_CASE("一件事: the catalog file round trip keeps every matter")
{
    const auto items = test::threeItems();
    core::Matter m = test::openingABusiness(items);
    m.description = QStringLiteral("设立登记、公章刻制、社保登记一次办");
    const QByteArray file = core::catalogToJson(items, {m});
    const core::CatalogParse back = core::parseCatalog(file, QStringLiteral("c.json"));
    REQUIRE(back.ok());
    REQUIRE(back.matters.size() == 1);
    CHECK(back.matters.first() == m);
    CHECK(back.items == items);
    CHECK(core::catalogToJson(back.items, back.matters) == file);
    // Without matters the file is as it always was.
    CHECK_FALSE(core::catalogToJson(items).contains("matters"));
}

TEST_CASE("一件事: a file whose matter is wrong imports nothing")
{
    const auto items = test::threeItems();
    QJsonObject root =
        QJsonDocument::fromJson(core::catalogToJson(items, {test::openingABusiness(items)}))
            .object();
    QJsonArray matters = root.value(QStringLiteral("matters")).toArray();
    QJsonObject m = matters.first().toObject();
    m.insert(QStringLiteral("promisedDay"), 1); // a typo
    matters[0] = m;
    root.insert(QStringLiteral("matters"), matters);
    const core::CatalogParse typo =
        core::parseCatalog(QJsonDocument(root).toJson(), QStringLiteral("c.json"));
    REQUIRE_FALSE(typo.ok());
    CHECK(typo.errors.first().message.contains(QStringLiteral("promisedDay")));
    CHECK(typo.errors.first().message.contains(QStringLiteral("未知字段")));

    // A matter naming an item the file does not hold.
    const core::CatalogParse missing =
        core::parseCatalog(core::catalogToJson(items.mid(0, 2), {test::openingABusiness(items)}),
                           QStringLiteral("c.json"));
    REQUIRE_FALSE(missing.ok());
    CHECK(codes(missing.errors).contains(QStringLiteral("matter.unknown_item")));

    QJsonObject notArray = QJsonDocument::fromJson(core::catalogToJson(items)).object();
    notArray.insert(QStringLiteral("matters"), QStringLiteral("KBQY"));
    CHECK_FALSE(
        core::parseCatalog(QJsonDocument(notArray).toJson(), QStringLiteral("c.json")).ok());
}

TEST_CASE("一件事: the demo catalog offers the six matters halls really offer")
{
    const core::CatalogParse demo =
        core::parseCatalog(test::readSourceFile(QStringLiteral("resources/catalog/demo.json")),
                           QStringLiteral("demo"));
    REQUIRE(demo.ok());
    QHash<QString, core::Matter> matters;
    QStringList names;
    for (const core::Matter& m : demo.matters) {
        matters.insert(m.code, m);
        names.append(m.name);
    }
    CHECK(names == QStringList{QStringLiteral("开办企业"), QStringLiteral("新生儿出生"),
                               QStringLiteral("二手房转移登记及水电气联动过户"),
                               QStringLiteral("员工录用"), QStringLiteral("退休"),
                               QStringLiteral("身后事")});
    QHash<QString, QString> itemNames;
    for (const core::ServiceItem& i : demo.items)
        itemNames.insert(i.code, i.name);
    const auto partNames = [&](const QString& code, const core::MatterAnswers& answers) {
        QStringList out;
        for (const QString& c : core::applicableItems(matters.value(code), matters, answers))
            out.append(itemNames.value(c));
        return out;
    };
    // A newborn's health insurance and social security card only when the parents choose them.
    CHECK(partNames(QStringLiteral("XSECS"), {{QStringLiteral("insurance"), false},
                                              {QStringLiteral("birth_registered"), false}}) ==
          QStringList{QStringLiteral("出生登记（新生儿落户）")});
    CHECK(partNames(QStringLiteral("XSECS"), {{QStringLiteral("insurance"), true},
                                              {QStringLiteral("birth_registered"), false}})
              .contains(QStringLiteral("社会保障卡申领")));
    // A company seal only when ordered.
    const QStringList minimal =
        partNames(QStringLiteral("KBQY"), {{QStringLiteral("seal"), false},
                                           {QStringLiteral("invoice"), false},
                                           {QStringLiteral("staff"), false}});
    CHECK(minimal == QStringList{QStringLiteral("企业设立登记")});
    CHECK(matters.value(QStringLiteral("KBQY")).promisedDays == 1);
    // Every demo matter's shared papers are shared by at least two of its items.
    for (const core::Matter& m : demo.matters)
        for (const core::SharedMaterial& s : m.shared)
            CHECK(s.materials.size() >= 2);
}
