// The store's life (issue 14): first start all or nothing, no store removed or re-initialised,
// private files, backups that touch nothing else, and failures that reach the caller.
#include "support/CatalogFixtures.h"
#include "support/HallFixture.h"
#include "support/TestSupport.h"

#include "core/Clock.h"
#include "store/CalendarRepository.h"
#include "store/HallSetup.h"
#include "store/Migrations.h"
#include "store/Store.h"
#include "store/StoreMaintenance.h"

#include <QDir>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <sys/stat.h>

using namespace onewindow;

namespace {

core::FakeClock fakeClock()
{
    return core::FakeClock(QDateTime(QDate(2026, 11, 22), QTime(9, 0), QTimeZone::utc()));
}

int modeOf(const QString& path)
{
    struct stat st
    {
    };
    REQUIRE(::stat(QFile::encodeName(path).constData(), &st) == 0);
    return static_cast<int>(st.st_mode & 07777);
}

int statementsOfFirstStart()
{
    int n = 0;
    for (const store::Migration& m : store::shippedMigrations())
        n += static_cast<int>(store::splitSqlStatements(m.sql).size());
    return n + 1; // the shipped calendars, seeded in the same transaction
}

int scalar(store::Store& s, const QString& sql)
{
    QSqlQuery q(s.database());
    REQUIRE(q.exec(sql));
    REQUIRE(q.next());
    return q.value(0).toInt();
}

struct NoFault
{
    ~NoFault() { store::failMigrationStatementForTesting(0); }
};

} // namespace

TEST_CASE("First start is all or nothing: a failure at any step leaves no store behind")
{
    QTemporaryDir dir;
    const core::FakeClock clock = fakeClock();
    const QString path = dir.filePath(QStringLiteral("hall/onewindow.sqlite"));
    const int total = statementsOfFirstStart();
    REQUIRE(total > 50);
    NoFault reset;
    for (int n = 1; n <= total; ++n) {
        INFO("failing statement " << n << " of " << total);
        store::failMigrationStatementForTesting(n);
        auto opened = store::Store::open(path, clock);
        REQUIRE_FALSE(opened.ok());
        CHECK(opened.error().code == QStringLiteral("store.migration_failed"));
        CHECK_FALSE(QFileInfo::exists(path));
        // Nothing half made is left in the folder either.
        CHECK(QDir(dir.filePath(QStringLiteral("hall")))
                  .entryList(QDir::Files | QDir::Hidden | QDir::System)
                  .isEmpty());
    }
    store::failMigrationStatementForTesting(0);
    auto opened = store::Store::open(path, clock);
    REQUIRE(opened.ok());
    CHECK((*opened)->wasCreated());
    CHECK((*opened)->schemaVersion() == store::latestSchemaVersion());
    CHECK(scalar(**opened, QStringLiteral("SELECT count(*) FROM calendar_notices")) == 20);
}

TEST_CASE("An upgrade that fails half way leaves the store at its old version")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("v6.sqlite"));
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v6-life"));
        db.setDatabaseName(path);
        REQUIRE(db.open());
        REQUIRE(store::migrate(db, 6).ok());
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("v6-life"));
    const core::FakeClock clock = fakeClock();
    NoFault reset;
    store::failMigrationStatementForTesting(2); // inside migration 7, after its first statement
    auto failed = store::Store::open(path, clock);
    REQUIRE_FALSE(failed.ok());
    CHECK(failed.error().message.contains(QStringLiteral("升级到第 7 版")));
    CHECK(store::Store::pendingMigrations(path) == store::latestSchemaVersion() - 6);
    store::failMigrationStatementForTesting(0);
    auto opened = store::Store::open(path, clock);
    REQUIRE(opened.ok());
    CHECK((*opened)->schemaVersion() == store::latestSchemaVersion());
}

TEST_CASE("A zero-length store file is refused in Chinese and left untouched")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("empty.sqlite"));
    {
        QFile f(path);
        REQUIRE(f.open(QIODevice::WriteOnly));
    }
    const core::FakeClock clock = fakeClock();
    auto opened = store::Store::open(path, clock);
    REQUIRE_FALSE(opened.ok());
    CHECK(opened.error().code == QStringLiteral("store.empty_file"));
    CHECK(opened.error().message.contains(QStringLiteral("空文件")));
    CHECK(QFileInfo(path).size() == 0);
    CHECK_FALSE(QFileInfo::exists(path + QStringLiteral("-wal")));
    CHECK_FALSE(QFileInfo::exists(path + QStringLiteral("-shm")));
}

TEST_CASE("A new store is readable by its owner only: file 0600, new folders 0700")
{
    QTemporaryDir dir;
    const int parentMode = modeOf(dir.path());
    const QString path = dir.filePath(QStringLiteral("a/b/onewindow.sqlite"));
    const core::FakeClock clock = fakeClock();
    auto opened = store::Store::open(path, clock);
    REQUIRE(opened.ok());
    CHECK(modeOf(path) == 0600);
    CHECK(modeOf(dir.filePath(QStringLiteral("a"))) == 0700);
    CHECK(modeOf(dir.filePath(QStringLiteral("a/b"))) == 0700);
    CHECK(modeOf(dir.path()) == parentMode); // a folder that existed keeps its permissions
    REQUIRE(store::CalendarRepository(**opened).importNotices({test::shippedNotice(2026)}).ok());
    CHECK(modeOf(path + QStringLiteral("-wal")) == 0600);
}

TEST_CASE("store backup B leaves an unrelated B.part alone")
{
    test::HallFixture h;
    const QString dest = h.dir.filePath(QStringLiteral("backup.sqlite"));
    const QString part = dest + QStringLiteral(".part");
    {
        QFile f(part);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write("someone else's file");
    }
    REQUIRE(store::backupStore(*h.store, dest).ok());
    QFile kept(part);
    REQUIRE(kept.open(QIODevice::ReadOnly));
    CHECK(kept.readAll() == QByteArray("someone else's file"));
    CHECK(modeOf(dest) == 0600);
    auto reopened = store::Store::open(dest, h.clock);
    REQUIRE(reopened.ok());
    CHECK(scalar(**reopened, QStringLiteral("SELECT count(*) FROM catalog_items")) ==
          scalar(*h.store, QStringLiteral("SELECT count(*) FROM catalog_items")));
    CHECK(
        QDir(h.dir.path()).entryList(QDir::Files | QDir::Hidden).filter(QStringLiteral(".part")) ==
        QStringList{QStringLiteral("backup.sqlite.part")});
}

TEST_CASE("store check reports a failed orphan query instead of counting no orphans")
{
    test::HallFixture h;
    QSqlQuery q(h.store->database());
    REQUIRE(q.exec(QStringLiteral("DROP TABLE case_clocks")));
    auto report = store::checkStore(*h.cases);
    REQUIRE_FALSE(report.ok());
    CHECK(report.error().message.contains(QStringLiteral("失败")));
}

TEST_CASE("A calendar that cannot be read stops every fold instead of counting all-provisional")
{
    test::HallFixture h;
    QSqlQuery q(h.store->database());
    REQUIRE(q.exec(QStringLiteral("ALTER TABLE calendar_days RENAME TO calendar_days_gone")));
    store::CaseStore cases(*h.store);
    REQUIRE_FALSE(cases.calendarStatus().ok());
    auto ctx = cases.contextFor(h.item.code, 1);
    REQUIRE_FALSE(ctx.ok());
    CHECK(ctx.error().message.contains(QStringLiteral("无法读取节假日日历")));
    auto received = cases.receive(h.intake(), QStringLiteral("clerk-1"));
    CHECK_FALSE(received.ok());
    REQUIRE(q.exec(QStringLiteral("ALTER TABLE calendar_days_gone RENAME TO calendar_days")));
    REQUIRE(cases.reloadCalendar().ok());
    CHECK(cases.contextFor(h.item.code, 1).ok());
}

TEST_CASE("A failed read of the device row is not reported as a workstation not set up")
{
    test::HallFixture h;
    QSqlQuery q(h.store->database());
    REQUIRE(q.exec(QStringLiteral("ALTER TABLE device RENAME TO device_gone")));
    store::CaseStore cases(*h.store);
    auto received = cases.receive(h.intake(), QStringLiteral("clerk-1"));
    REQUIRE_FALSE(received.ok());
    CHECK(received.error().code == QStringLiteral("store.device"));
}

TEST_CASE("Hall setup writes device, accounts and settings together or not at all")
{
    QTemporaryDir dir;
    const core::FakeClock clock = fakeClock();
    auto opened = store::Store::open(dir.filePath(QStringLiteral("s.sqlite")), clock);
    REQUIRE(opened.ok());
    store::Store& s = **opened;
    store::HallConfig config;
    config.hallName = QStringLiteral("测试大厅");
    config.hallCode = QStringLiteral("620102");
    config.deviceCode = QStringLiteral("W07");
    const store::SetupAccount admin{QStringLiteral("admin"),
                                    QStringLiteral("王管理"),
                                    core::Role::Administrator,
                                    QStringLiteral("good-pass-123"),
                                    {}};
    // The second account fails (its login is taken by the first): nothing of the hall remains.
    auto failed = store::setUpHall(s, config, {admin, admin});
    REQUIRE_FALSE(failed.ok());
    CHECK_FALSE(store::HallConfigRepository(s).configured());
    CHECK(scalar(s, QStringLiteral("SELECT count(*) FROM device")) == 0);
    CHECK(scalar(s, QStringLiteral("SELECT count(*) FROM users")) == 0);
    CHECK(scalar(s, QStringLiteral("SELECT count(*) FROM hall_settings")) == 0);

    auto made = store::setUpHall(s, config, {admin});
    REQUIRE(made.ok());
    CHECK(made->size() == 1);
    CHECK(store::HallConfigRepository(s).configured());
    CHECK(scalar(s, QStringLiteral("SELECT count(*) FROM device")) == 1);
    CHECK(scalar(s, QStringLiteral("SELECT count(*) FROM users")) == 1);
    // A second setup is refused and changes nothing.
    auto again = store::setUpHall(s, config, {admin});
    REQUIRE_FALSE(again.ok());
    CHECK(again.error().code == QStringLiteral("hall.already_configured"));
}
