// Decision 8 when a store that was used on its own joins a hall: the catalog it imported itself
// and the accounts of its first-start setup give way to the hall's, so its syncs do not fail
// from then on (they used to stop at every pull with sync.catalog_conflict / sync.user_conflict).
#include "sync/SyncHall.h"

#include "core/CatalogJson.h"
#include "store/CatalogRepository.h"
#include "store/UserRepository.h"
#include "sync/SyncClient.h"

#include <catch2/catch.hpp>

#include <QFile>

using namespace onewindow;

namespace {

const QString kHall = QStringLiteral("620102");
const QString kOtherItem = QStringLiteral("11620102438501272G4070115002000");

QList<core::ServiceItem> hallCatalog()
{
    QFile file(QStringLiteral(ONEWINDOW_SOURCE_DIR "/resources/catalog/example.json"));
    REQUIRE(file.open(QIODevice::ReadOnly));
    const core::CatalogParse parsed =
        core::parseCatalog(file.readAll(), QStringLiteral("example.json"));
    REQUIRE(parsed.ok());
    return parsed.items;
}

core::ServiceItem itemOf(const QList<core::ServiceItem>& items, const QString& code)
{
    for (const core::ServiceItem& item : items)
        if (item.code == code)
            return item;
    FAIL("no item " << code.toStdString());
    return {};
}

// A standalone store's own catalog: the hall's second item as the hall has it, and the test item
// in a wording of its own, edited once more (local versions 1 and 2).
void importOwnCatalog(store::Store& store)
{
    QList<core::ServiceItem> own = hallCatalog();
    for (core::ServiceItem& item : own)
        if (item.code == test::kTestItem)
            item.name += QStringLiteral("（本机版）");
    store::CatalogRepository catalog(store);
    REQUIRE(catalog.importItems(own, QStringLiteral("本机目录.json")).ok());
    core::ServiceItem edited = itemOf(own, test::kTestItem);
    edited.name += QStringLiteral("（再改）");
    REQUIRE(catalog.saveItem(edited, QStringLiteral("本机修改")).ok());
}

sync::SyncClient::Report enrolAndSync(test::HallFixture& window, test::ServerFixture& server)
{
    sync::SyncClient client(*window.cases);
    auto code = server.registry().createEnrolCode(
        {kHall, QStringLiteral("W07"), QStringLiteral("window"), {}, 3600});
    REQUIRE(code.ok());
    const core::Status enrolled =
        client.enrol(server.url(QString()), code->first, QStringLiteral("W07-pc"));
    if (!enrolled)
        FAIL(enrolled.error().message.toStdString());
    server.clock().set(window.clock.nowUtc());
    auto first = client.syncNow();
    if (!first)
        FAIL(first.error().code.toStdString() + " " + first.error().message.toStdString());
    // And the next sync too: nothing is left to conflict.
    auto second = client.syncNow();
    if (!second)
        FAIL(second.error().code.toStdString() + " " + second.error().message.toStdString());
    return *first;
}

} // namespace

TEST_CASE("Decision 8: a store with a catalog imported locally joins a hall, the hall's catalog "
          "replaces its own and every sync goes on")
{
    test::ServerFixture server;
    server.createHall(kHall);
    test::HallFixture window(test::syncWindowTime());
    importOwnCatalog(*window.store);
    store::CatalogRepository catalog(*window.store);
    REQUIRE(catalog.currentItem(test::kTestItem)->version == 2);

    const auto report = enrolAndSync(window, server);
    CHECK(report.catalogChanged);

    // The test item is the hall's version 1 and nothing else: the local versions are gone.
    const core::ServiceItem hallItem = itemOf(hallCatalog(), test::kTestItem);
    auto current = catalog.currentItem(test::kTestItem);
    REQUIRE(current.ok());
    CHECK(current->version == 1);
    CHECK(current->item.name == hallItem.name);
    CHECK(core::itemToJson(current->item) == core::itemToJson(hallItem));
    auto history = catalog.history(test::kTestItem);
    REQUIRE(history.ok());
    REQUIRE(history->size() == 1);
    CHECK(history->first().note == QStringLiteral("大厅服务器下发"));
    // The item imported as the hall has it is recognised and kept as it was imported.
    auto kept = catalog.history(kOtherItem);
    REQUIRE(kept.ok());
    REQUIRE(kept->size() == 1);
    CHECK(kept->first().note == QStringLiteral("本机目录.json"));

    // The window takes a case under the hall's item and the hall accepts it.
    window.item = hallItem;
    auto taken = window.cases->receive(window.intake(), test::kHallClerk);
    REQUIRE(taken.ok());
    sync::SyncClient client(*window.cases);
    auto pushed = client.syncNow();
    REQUIRE(pushed.ok());
    CHECK(pushed->pushed == 1);
    CHECK(pushed->rejected == 0);
    CHECK(pushed->pending == 0);
}

TEST_CASE("Decision 8: the first-start setup's account gives way to the hall's user of its login")
{
    test::ServerFixture server;
    server.createHall(kHall);
    test::HallFixture window(test::syncWindowTime());
    test::useHallCatalog(window);
    // The hall's clerk is clerk-1 with the login clerk1 (ServerFixture's master data).
    auto local = store::UserRepository(*window.store)
                     .create(QStringLiteral("clerk1"), QStringLiteral("本机管理员"),
                             core::Role::Administrator, QString(), QStringLiteral("local-pass-1"));
    REQUIRE(local.ok());

    enrolAndSync(window, server);

    store::UserRepository users(*window.store);
    auto mine = users.byId(local->userId);
    REQUIRE(mine.ok());
    CHECK_FALSE(mine->active);
    CHECK(mine->login != QStringLiteral("clerk1"));
    auto hallClerk = users.byId(test::kHallClerk);
    REQUIRE(hallClerk.ok());
    CHECK(hallClerk->login == QStringLiteral("clerk1"));
    CHECK(hallClerk->active);
}
