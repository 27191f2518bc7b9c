// The catalog's matters in the store (issue 20): versions, one transaction with the items, and
// nothing stored when a matter is wrong.
#include "support/MatterFixtures.h"
#include "support/TempStore.h"
#include "support/TestSupport.h"

#include "core/CatalogJson.h"
#include "demo/DemoCatalog.h"
#include "store/CatalogRepository.h"
#include "store/MatterRepository.h"

using namespace onewindow;

namespace {

struct StoreFixture : test::TempStore
{
    StoreFixture() : test::TempStore(QDateTime(QDate(2026, 12, 4), QTime(9, 0), QTimeZone::utc()))
    {}
};

} // namespace

TEST_CASE("一件事: a matter is versioned like an item and an old version stays readable")
{
    StoreFixture f;
    store::CatalogRepository catalog(*f.store);
    store::MatterRepository matters(*f.store);
    const auto items = test::threeItems();
    const core::Matter original = test::openingABusiness(items);
    auto first = catalog.importCatalog(items, {original}, QStringLiteral("v1"));
    REQUIRE(first.ok());
    CHECK(first->added == 3);
    CHECK(first->mattersAdded == 1);

    auto again = catalog.importCatalog(items, {original}, QStringLiteral("again"));
    REQUIRE(again.ok());
    CHECK(again->mattersUnchanged == 1);
    CHECK(again->mattersAdded + again->mattersChanged == 0);

    core::Matter faster = original;
    faster.promisedDays = 0;
    f.clock.advanceDays(1);
    auto second = catalog.importCatalog({}, {faster}, QStringLiteral("当日办结"));
    REQUIRE(second.ok());
    CHECK(second->mattersChanged == 1);

    auto v1 = matters.matterVersion(original.code, 1);
    REQUIRE(v1.ok());
    CHECK(v1->matter == original);
    auto current = matters.currentMatter(original.code);
    REQUIRE(current.ok());
    CHECK(current->version == 2);
    CHECK(current->matter == faster);
    CHECK(current->createdAtUtc.startsWith(QStringLiteral("2026-12-05")));
    auto history = matters.history(original.code);
    REQUIRE(history.ok());
    CHECK(history->size() == 2);
    auto entries = matters.entries();
    REQUIRE(entries.ok());
    REQUIRE(entries->size() == 1);
    CHECK(entries->first().name == QStringLiteral("开办企业"));
    CHECK(entries->first().initials == QStringLiteral("kbqy"));
    CHECK(entries->first().promisedDays == 0);
}

TEST_CASE("一件事: a wrong matter leaves the stored catalog untouched, items of its file too")
{
    StoreFixture f;
    store::CatalogRepository catalog(*f.store);
    auto items = test::threeItems();
    core::Matter m = test::openingABusiness(items);
    // 印章刻制备案 without the ID card the matter shares: the file is refused whole.
    items[1].materials.removeLast();
    auto refused = catalog.importCatalog(items, {m}, QStringLiteral("bad"));
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == QStringLiteral("matter.shared_missing"));
    CHECK(*catalog.itemCount() == 0);
    CHECK(store::MatterRepository(*f.store).entries()->isEmpty());

    // A matter naming an item only the store holds is checked against the store.
    REQUIRE(catalog.importCatalog(test::threeItems(), {}, QStringLiteral("items")).ok());
    auto later = catalog.importCatalog({}, {test::openingABusiness(test::threeItems())},
                                       QStringLiteral("matter"));
    REQUIRE(later.ok());
    CHECK(later->mattersAdded == 1);
    core::Matter unknown = test::openingABusiness(test::threeItems());
    unknown.code = QStringLiteral("QT");
    unknown.parts[0].item.chop(1);
    unknown.parts[0].item.append(QLatin1Char('9'));
    auto rejected = catalog.importCatalog({}, {unknown}, QStringLiteral("x"));
    REQUIRE_FALSE(rejected.ok());
    CHECK(rejected.error().code == QStringLiteral("matter.unknown_item"));
    CHECK(store::MatterRepository(*f.store).entries()->size() == 1);
}

TEST_CASE("一件事: the demo catalog's matters import, export and import again unchanged")
{
    StoreFixture f;
    store::CatalogRepository catalog(*f.store);
    const QList<core::Matter> demo = demo::demoMatters();
    REQUIRE(demo.size() >= 6);
    REQUIRE(catalog.importCatalog(demo::demoItems(), demo, QStringLiteral("demo")).ok());
    auto stored = store::MatterRepository(*f.store).currentMatters();
    REQUIRE(stored.ok());
    QList<core::Matter> matters;
    for (const core::MatterVersion& v : *stored)
        matters.append(v.matter);
    auto versions = catalog.currentItems();
    REQUIRE(versions.ok());
    QList<core::ServiceItem> items;
    for (const core::ItemVersion& v : *versions)
        items.append(v.item);
    const core::CatalogParse back =
        core::parseCatalog(core::catalogToJson(items, matters), QStringLiteral("export.json"));
    REQUIRE(back.ok());
    CHECK(back.matters.size() == demo.size());
    auto again = catalog.importCatalog(back.items, back.matters, QStringLiteral("again"));
    REQUIRE(again.ok());
    CHECK(again->mattersUnchanged == demo.size());
    CHECK(again->unchanged == items.size());
}
