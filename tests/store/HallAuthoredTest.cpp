// Decision 8 of the server issue, "master data has one author", at an enrolled window: local edits
// of the catalog, calendar, users and hall settings refused (naming the server), while a pulled
// page still writes them; offline sign-in only for the hall's hours after the last sync.
#include "store/CalendarRepository.h"
#include "store/CaseStore.h"
#include "store/CatalogRepository.h"
#include "store/HallConfig.h"
#include "store/MasterDataGuard.h"
#include "store/SyncRepository.h"
#include "store/UserRepository.h"
#include "support/CatalogFixtures.h"
#include "support/EnrolledStore.h"
#include "support/TempStore.h"
#include "support/TestSupport.h"

#include <catch2/catch.hpp>

#include <QSqlQuery>

using namespace onewindow;

namespace {

const QDateTime kNow(QDate(2026, 12, 7), QTime(2, 0), Qt::UTC); // 10:00 in Beijing

int count(store::Store& s, const char* sql)
{
    QSqlQuery q(s.database());
    REQUIRE(q.exec(QString::fromLatin1(sql)));
    REQUIRE(q.next());
    return q.value(0).toInt();
}

void requireRefusal(const core::Error& e)
{
    CHECK(e.code == QStringLiteral("sync.master_on_server"));
    CHECK(e.message.contains(QStringLiteral("http://hall.example:8440")));
    CHECK(e.message.contains(QStringLiteral("只能在大厅服务器上修改")));
    CHECK(e.message.contains(QStringLiteral("未作任何改动")));
}

store::PulledUser pulledClerk(const QString& password)
{
    store::PulledUser u;
    u.userId = QStringLiteral("0193a000-0000-7000-8000-000000000001");
    u.login = QStringLiteral("zhangsan");
    u.displayName = QStringLiteral("张三");
    u.role = QStringLiteral("clerk");
    u.windowCode = QStringLiteral("W07");
    u.verifier = *store::hashPassword(password);
    u.recordedAtUtc = kNow.toString(Qt::ISODateWithMs);
    return u;
}

} // namespace

TEST_CASE("Decision 8: an enrolled window refuses local edits of the catalog, calendar, users and "
          "hall settings, naming the server, and changes nothing")
{
    test::TempStore s(kNow);
    // Before enrolment the store is a hall of its own: its administrator may change all of it.
    auto admin = store::UserRepository(*s.store).create(
        QStringLiteral("admin"), QStringLiteral("王管理"), core::Role::Administrator, QString(),
        QStringLiteral("admin-password-7"));
    REQUIRE(admin.ok());
    REQUIRE(store::CatalogRepository(*s.store)
                .importItems({test::sampleItem(1)}, QStringLiteral("own"))
                .ok());
    REQUIRE(test::enrolWithoutServer(*s.store, QStringLiteral("http://hall.example:8440")).ok());
    const int versions = count(*s.store, "SELECT count(*) FROM catalog_item_versions");
    const int notices = count(*s.store, "SELECT count(*) FROM calendar_notices");
    const int users = count(*s.store, "SELECT count(*) FROM users");

    store::CatalogRepository catalog(*s.store);
    auto imported = catalog.importItems({test::sampleItem(2)}, QStringLiteral("local"));
    REQUIRE_FALSE(imported.ok());
    requireRefusal(imported.error());
    CHECK(imported.error().message.contains(QStringLiteral("事项目录")));
    auto whole = catalog.importCatalog({test::sampleItem(3)}, {}, QStringLiteral("local"));
    REQUIRE_FALSE(whole.ok());
    requireRefusal(whole.error());
    core::ServiceItem edited = test::sampleItem(1);
    edited.promisedDays += 1;
    auto saved = catalog.saveItem(edited, QStringLiteral("edit"));
    REQUIRE_FALSE(saved.ok());
    requireRefusal(saved.error());

    const core::HolidayNotice n2026 = test::shippedNotice(2026);
    const core::Status calendar = store::CalendarRepository(*s.store).importNotices({n2026});
    REQUIRE_FALSE(calendar.ok());
    requireRefusal(calendar.error());
    CHECK(calendar.error().message.contains(QStringLiteral("节假日日历")));
    store::CaseStore cases(*s.store);
    auto recomputed = cases.importCalendar({n2026});
    REQUIRE_FALSE(recomputed.ok());
    requireRefusal(recomputed.error());

    store::UserRepository repo(*s.store);
    auto made = repo.create(QStringLiteral("lisi"), QStringLiteral("李四"), core::Role::Clerk,
                            QStringLiteral("W07"), QStringLiteral("clerk-password-9"));
    REQUIRE_FALSE(made.ok());
    requireRefusal(made.error());
    CHECK(made.error().message.contains(QStringLiteral("用户、角色和密码")));
    auto changed =
        repo.update(admin->userId, QStringLiteral("王五"), core::Role::Administrator, QString());
    REQUIRE_FALSE(changed.ok());
    requireRefusal(changed.error());
    const core::Status password = repo.setPassword(admin->userId, QStringLiteral("new-password-8"));
    REQUIRE_FALSE(password.ok());
    requireRefusal(password.error());
    const core::Status off = repo.setActive(admin->userId, admin->userId, false);
    REQUIRE_FALSE(off.ok());
    requireRefusal(off.error());

    store::HallConfigRepository halls(*s.store);
    store::HallConfig config = *halls.load();
    config.idleLockMinutes = 30;
    const core::Status settings = halls.save(config);
    REQUIRE_FALSE(settings.ok());
    requireRefusal(settings.error());
    CHECK(settings.error().message.contains(QStringLiteral("大厅设置")));

    CHECK(count(*s.store, "SELECT count(*) FROM catalog_item_versions") == versions);
    CHECK(count(*s.store, "SELECT count(*) FROM calendar_notices") == notices);
    CHECK(count(*s.store, "SELECT count(*) FROM users") == users);
    CHECK(repo.byId(admin->userId)->displayName == QStringLiteral("王管理"));
    CHECK(halls.load()->idleLockMinutes == core::HallSettings::kDefaultIdleLockMinutes);
    // The old password still works: nothing was written.
    CHECK(repo.verify(admin->userId, QStringLiteral("admin-password-7")).ok());
}

TEST_CASE("Decision 8: the pull still writes the hall's users and settings at an enrolled window")
{
    test::TempStore s(kNow);
    REQUIRE(test::enrolWithoutServer(*s.store).ok());
    store::CaseStore cases(*s.store);
    store::SyncRepository repo(cases);
    store::PulledMaster master;
    master.users = {pulledClerk(QStringLiteral("clerk-password-7"))};
    store::HallConfig hall = *store::HallConfigRepository(*s.store).load();
    hall.idleLockMinutes = 30;
    hall.offlineSignInHours = 8;
    master.settings = hall;
    REQUIRE(repo.applyPull({}, 5, master).ok());
    CHECK(repo.lastMasterApplied().settingsChanged);
    const store::HallConfig held = *store::HallConfigRepository(*s.store).load();
    CHECK(held.idleLockMinutes == 30);
    CHECK(held.offlineSignInHours == 8);
    CHECK(store::UserRepository(*s.store).byId(master.users.first().userId).ok());
}

TEST_CASE("Decision 8: offline sign-in at an enrolled window holds for the hall's hours after the "
          "last sync and says so when they have passed")
{
    test::TempStore s(kNow);
    REQUIRE(test::enrolWithoutServer(*s.store).ok());
    store::CaseStore cases(*s.store);
    store::SyncRepository repo(cases);
    store::PulledMaster master;
    master.users = {pulledClerk(QStringLiteral("clerk-password-7"))};
    store::HallConfig hall = *store::HallConfigRepository(*s.store).load();
    hall.offlineSignInHours = 8;
    master.settings = hall;
    REQUIRE(repo.applyPull({}, 3, master).ok());
    store::UserRepository users(*s.store);

    // Enrolled and pulled, but no sync has completed yet: no time to count from.
    auto never = users.signIn(QStringLiteral("zhangsan"), QStringLiteral("clerk-password-7"));
    REQUIRE_FALSE(never.ok());
    CHECK(never.error().code == QStringLiteral("sync.sign_in_stale"));
    CHECK(never.error().message.contains(QStringLiteral("从未同步")));

    REQUIRE(repo.markSynced(kNow).ok());
    s.clock.set(kNow.addSecs(8 * 3600 - 60)); // 17:59 in Beijing: a minute left
    CHECK(users.signIn(QStringLiteral("zhangsan"), QStringLiteral("clerk-password-7")).ok());

    s.clock.set(kNow.addSecs(8 * 3600)); // 18:00: the eight hours are over
    auto stale = users.signIn(QStringLiteral("zhangsan"), QStringLiteral("clerk-password-7"));
    REQUIRE_FALSE(stale.ok());
    CHECK(stale.error().code == QStringLiteral("sync.sign_in_stale"));
    CHECK(stale.error().message.contains(QStringLiteral("8 小时")));
    CHECK(stale.error().message.contains(QStringLiteral("2026-12-07 10:00"))); // the hall's time
    CHECK(stale.error().message.contains(QStringLiteral("sync now")));
    // A wrong password is still just a wrong password (no hint that the login exists).
    auto wrong = users.signIn(QStringLiteral("zhangsan"), QStringLiteral("not-the-password"));
    REQUIRE_FALSE(wrong.ok());
    CHECK(wrong.error().code != QStringLiteral("sync.sign_in_stale"));

    // A sync later the clerk signs in again; the same hours, counted from then.
    REQUIRE(repo.markSynced(kNow.addSecs(9 * 3600)).ok());
    CHECK(users.signIn(QStringLiteral("zhangsan"), QStringLiteral("clerk-password-7")).ok());

    // A standalone hall (never enrolled) signs its users in whenever.
    test::TempStore own(kNow);
    REQUIRE(store::UserRepository(*own.store)
                .create(QStringLiteral("admin"), QStringLiteral("王管理"),
                        core::Role::Administrator, QString(), QStringLiteral("admin-password-7"))
                .ok());
    own.clock.set(kNow.addSecs(400 * 24 * 3600));
    CHECK(store::UserRepository(*own.store)
              .signIn(QStringLiteral("admin"), QStringLiteral("admin-password-7"))
              .ok());
}
