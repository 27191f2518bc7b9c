#include "support/CatalogFixtures.h"
#include "support/TempStore.h"
#include "support/TestSupport.h"

#include "core/CatalogJson.h"
#include "demo/DemoCatalog.h"
#include "store/CatalogRepository.h"
#include "store/Store.h"

#include <QSqlQuery>
#include <QTemporaryDir>

using namespace onewindow;

namespace {

struct StoreFixture : test::TempStore
{
    StoreFixture() : test::TempStore(QDateTime(QDate(2026, 11, 22), QTime(9, 0), QTimeZone::utc()))
    {}
};

} // namespace

TEST_CASE("Catalog versions: an edit makes a new version and the old one stays readable, unchanged")
{
    StoreFixture f;
    store::CatalogRepository repo(*f.store);
    const core::ServiceItem original = test::sampleItem(1);
    auto first = repo.importItems({original, test::sampleItem(2, QStringLiteral("住房公积金提取"))},
                                  QStringLiteral("v1"));
    REQUIRE(first.ok());
    CHECK(first->added == 2);

    core::ServiceItem edited = original;
    edited.promisedDays = 3;
    edited.materials.removeLast();
    f.clock.advanceDays(1);
    auto saved = repo.saveItem(edited, QStringLiteral("承诺时限调整"));
    REQUIRE(saved.ok());
    CHECK(*saved == 2);

    auto v1 = repo.itemVersion(original.code, 1);
    REQUIRE(v1.ok());
    CHECK(v1->item == original); // what an old case printed stays exactly as it was
    CHECK(v1->note == QStringLiteral("v1"));
    auto current = repo.currentItem(original.code);
    REQUIRE(current.ok());
    CHECK(current->version == 2);
    CHECK(current->item == edited);
    CHECK(current->note == QStringLiteral("承诺时限调整"));
    CHECK(current->createdAtUtc.startsWith(QStringLiteral("2026-11-23")));
    auto history = repo.history(original.code);
    REQUIRE(history.ok());
    CHECK(history->size() == 2);
}

TEST_CASE("Catalog import: an identical re-import makes no new version")
{
    StoreFixture f;
    store::CatalogRepository repo(*f.store);
    REQUIRE(repo.importItems({test::sampleItem(1)}, QStringLiteral("a")).ok());
    auto again = repo.importItems({test::sampleItem(1)}, QStringLiteral("b"));
    REQUIRE(again.ok());
    CHECK(again->unchanged == 1);
    CHECK(again->added == 0);
    CHECK(repo.history(test::sampleItem(1).code)->size() == 1);
}

TEST_CASE("Catalog versions are immutable: the store refuses UPDATE and DELETE")
{
    StoreFixture f;
    REQUIRE(store::CatalogRepository(*f.store)
                .importItems({test::sampleItem(1)}, QStringLiteral("a"))
                .ok());
    QSqlQuery q(f.store->database());
    CHECK_FALSE(q.exec(QStringLiteral("UPDATE catalog_item_versions SET note = 'x'")));
    CHECK_FALSE(q.exec(QStringLiteral("DELETE FROM catalog_item_versions")));
    REQUIRE(q.exec(QStringLiteral("SELECT count(*) FROM catalog_item_versions")));
    REQUIRE(q.next());
    CHECK(q.value(0).toInt() == 1);
}

TEST_CASE("Catalog import refuses an invalid item and stores nothing")
{
    StoreFixture f;
    store::CatalogRepository repo(*f.store);
    core::ServiceItem bad = test::sampleItem(2);
    bad.promisedDays = 99;
    auto r = repo.importItems({test::sampleItem(1), bad}, QStringLiteral("x"));
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == QStringLiteral("item.promised_above_statutory"));
    CHECK(*repo.itemCount() == 0);
}

TEST_CASE("Catalog export then import through the store gives an identical catalog")
{
    StoreFixture f;
    store::CatalogRepository repo(*f.store);
    REQUIRE(repo.importItems(demo::demoItems(), QStringLiteral("demo")).ok());
    auto versions = repo.currentItems();
    REQUIRE(versions.ok());
    QList<core::ServiceItem> items;
    for (const core::ItemVersion& v : *versions)
        items.append(v.item);
    const QByteArray exported = core::catalogToJson(items);

    StoreFixture other;
    const core::CatalogParse parsed = core::parseCatalog(exported, QStringLiteral("export.json"));
    REQUIRE(parsed.ok());
    store::CatalogRepository otherRepo(*other.store);
    REQUIRE(otherRepo.importItems(parsed.items, QStringLiteral("round trip")).ok());
    auto back = otherRepo.currentItems();
    REQUIRE(back.ok());
    REQUIRE(back->size() == versions->size());
    for (int i = 0; i < back->size(); ++i)
        CHECK(back->at(i).item == versions->at(i).item);
    // And importing the export into the original store changes nothing.
    auto again = repo.importItems(parsed.items, QStringLiteral("again"));
    REQUIRE(again.ok());
    CHECK(again->unchanged == items.size());
}

TEST_CASE("The demo catalog loads: at least 30 items with materials, searchable by initials")
{
    StoreFixture f;
    store::CatalogRepository repo(*f.store);
    const QList<core::ServiceItem> demo = demo::demoItems();
    REQUIRE(demo.size() >= 30);
    REQUIRE(repo.importItems(demo, QStringLiteral("demo")).ok());
    auto entries = repo.entries();
    REQUIRE(entries.ok());
    CHECK(entries->size() == demo.size());
    core::CatalogSearch search;
    search.setEntries(*entries);
    const QList<int> hits = search.search(QStringLiteral("bdc"));
    REQUIRE(hits.size() >= 4);
    for (int i : hits)
        CHECK(search.entries().at(i).name.contains(QStringLiteral("不动产")));
    for (const core::ServiceItem& item : demo)
        CHECK_FALSE(item.materials.isEmpty());
}
