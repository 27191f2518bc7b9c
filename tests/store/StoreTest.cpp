#include "support/TestSupport.h"

#include "core/Clock.h"
#include "store/CalendarRepository.h"
#include "store/Migrations.h"
#include "store/Store.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>

using namespace onewindow;

namespace {

core::FakeClock fakeClock()
{
    return core::FakeClock(QDateTime(QDate(2026, 11, 22), QTime(9, 0), QTimeZone::utc()));
}

QByteArray fileBytes(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

TEST_CASE("A missing store is created with the schema and the shipped calendars")
{
    QTemporaryDir dir;
    const core::FakeClock clock = fakeClock();
    const QString path = dir.filePath(QStringLiteral("sub/folder/onewindow.sqlite"));
    auto opened = store::Store::open(path, clock);
    REQUIRE(opened.ok());
    store::Store& s = **opened;
    CHECK(s.wasCreated());
    CHECK(s.schemaVersion() == store::latestSchemaVersion());
    auto notices = store::CalendarRepository(s).loadNotices();
    REQUIRE(notices.ok());
    // The official notices 2007-2026, one a year.
    REQUIRE(notices->size() == 20);
    for (int i = 0; i < notices->size(); ++i)
        CHECK(notices->at(i).year == 2007 + i);
    CHECK(notices->at(0).days == test::shippedNotice(2007).days);
    CHECK(notices->last().days == test::shippedNotice(2026).days);
    CHECK(notices->last().papers == test::shippedNotice(2026).papers);
}

TEST_CASE("Every connection runs with WAL, synchronous=FULL and foreign keys")
{
    QTemporaryDir dir;
    const core::FakeClock clock = fakeClock();
    auto opened = store::Store::open(dir.filePath(QStringLiteral("s.sqlite")), clock);
    REQUIRE(opened.ok());
    QSqlQuery q((*opened)->database());
    REQUIRE(q.exec(QStringLiteral("PRAGMA journal_mode")));
    REQUIRE(q.next());
    CHECK(q.value(0).toString() == QStringLiteral("wal"));
    REQUIRE(q.exec(QStringLiteral("PRAGMA synchronous")));
    REQUIRE(q.next());
    CHECK(q.value(0).toInt() == 2);
    REQUIRE(q.exec(QStringLiteral("PRAGMA foreign_keys")));
    REQUIRE(q.next());
    CHECK(q.value(0).toInt() == 1);
}

TEST_CASE("Reopening a store keeps its data and does not seed again")
{
    QTemporaryDir dir;
    const core::FakeClock clock = fakeClock();
    const QString path = dir.filePath(QStringLiteral("s.sqlite"));
    {
        auto first = store::Store::open(path, clock);
        REQUIRE(first.ok());
    }
    auto again = store::Store::open(path, clock);
    REQUIRE(again.ok());
    CHECK_FALSE((*again)->wasCreated());
    QSqlQuery q((*again)->database());
    REQUIRE(q.exec(QStringLiteral("SELECT count(*) FROM calendar_imports")));
    REQUIRE(q.next());
    CHECK(q.value(0).toInt() == 20); // the shipped notices 2007-2026, imported once
}

TEST_CASE("A store written by a newer program is refused and left untouched")
{
    QTemporaryDir dir;
    const core::FakeClock clock = fakeClock();
    const QString path = dir.filePath(QStringLiteral("s.sqlite"));
    {
        auto s = store::Store::open(path, clock);
        REQUIRE(s.ok());
        QSqlQuery q((*s)->database());
        REQUIRE(q.exec(QStringLiteral("PRAGMA user_version = 999")));
        REQUIRE(q.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
    }
    const QByteArray before = fileBytes(path);
    auto refused = store::Store::open(path, clock);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == QStringLiteral("store.too_new"));
    CHECK(refused.error().message.contains(QStringLiteral("999")));
    CHECK(fileBytes(path) == before);
}

TEST_CASE("A damaged file is refused with a message and left untouched")
{
    QTemporaryDir dir;
    const core::FakeClock clock = fakeClock();
    const QString path = dir.filePath(QStringLiteral("damaged.sqlite"));
    QByteArray garbage(8192, 'x');
    garbage.replace(0, 15, "not sqlite data");
    {
        QFile f(path);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write(garbage);
    }
    auto refused = store::Store::open(path, clock);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == QStringLiteral("store.damaged"));
    CHECK(refused.error().message.contains(QStringLiteral("损坏")));
    CHECK(fileBytes(path) == garbage);
}

TEST_CASE("Another program's SQLite file is refused, not taken over")
{
    QTemporaryDir dir;
    const core::FakeClock clock = fakeClock();
    const QString path = dir.filePath(QStringLiteral("other.sqlite"));
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("other"));
        db.setDatabaseName(path);
        REQUIRE(db.open());
        QSqlQuery q(db);
        REQUIRE(q.exec(QStringLiteral("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("other"));
    auto refused = store::Store::open(path, clock);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == QStringLiteral("store.foreign_file"));
}

TEST_CASE("A folder given as the store path is refused")
{
    QTemporaryDir dir;
    const core::FakeClock clock = fakeClock();
    auto refused = store::Store::open(dir.path(), clock);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == QStringLiteral("store.is_directory"));
}

TEST_CASE("SQL scripts split into whole statements, triggers included")
{
    const QStringList parts = store::splitSqlStatements(QStringLiteral(
        "-- a comment\nCREATE TABLE a (x INTEGER);\nCREATE TRIGGER t BEFORE UPDATE ON a BEGIN\n"
        "  SELECT RAISE(ABORT, 'no; never');\nEND;\nINSERT INTO a VALUES (1);\n"));
    REQUIRE(parts.size() == 3);
    CHECK(parts[1].startsWith(QStringLiteral("CREATE TRIGGER")));
    CHECK(parts[1].endsWith(QStringLiteral("END;")));
    // A comment after the semicolon belongs to no statement; a comment-only tail is dropped.
    const QStringList commented = store::splitSqlStatements(QStringLiteral(
        "CREATE TABLE a (x INTEGER); -- why\nCREATE TABLE b (y TEXT); -- the end\n"));
    REQUIRE(commented.size() == 2);
    CHECK(commented[0] == QStringLiteral("CREATE TABLE a (x INTEGER);"));
    CHECK(commented[1].endsWith(QStringLiteral("CREATE TABLE b (y TEXT);")));
}

TEST_CASE("A store of the previous version is upgraded in place and keeps its log")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("v6.sqlite"));
    {
        // A version-6 store as the previous program left it: two events of a case, in log order.
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v6"));
        db.setDatabaseName(path);
        REQUIRE(db.open());
        REQUIRE(store::migrate(db, 6).ok());
        QSqlQuery q(db);
        for (const char* row :
             {"('e-2', 'case-1', 'dev-1', 1, '0000000000001-00000-dev-1', 'clerk-1', "
              "'2026-11-20T01:00:00.000Z', 'case.received', 1, '{}', 'pending')",
              "('e-1', 'case-1', 'dev-1', 2, '0000000000002-00000-dev-1', 'clerk-1', "
              "'2026-11-20T01:01:00.000Z', 'case.note', 1, '{}', 'synced')"})
            REQUIRE(q.exec(QStringLiteral("INSERT INTO events VALUES %1").arg(QLatin1String(row))));
        REQUIRE(q.exec(QStringLiteral("INSERT INTO case_number_counters VALUES ('20261120', 7)")));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("v6"));
    CHECK(store::Store::pendingMigrations(path) == store::latestSchemaVersion() - 6);

    auto clock = fakeClock();
    auto opened = store::Store::open(path, clock);
    REQUIRE(opened.ok());
    CHECK((*opened)->schemaVersion() == store::latestSchemaVersion());
    CHECK(store::Store::pendingMigrations(path) == 0);
    QSqlQuery q((*opened)->database());
    // The log keeps every row, its order (rowid) and its sync state.
    REQUIRE(q.exec(
        QStringLiteral("SELECT event_id, device_seq, sync_state FROM events ORDER BY rowid")));
    QStringList rows;
    while (q.next())
        rows.append(QStringLiteral("%1/%2/%3")
                        .arg(q.value(0).toString(), q.value(1).toString(), q.value(2).toString()));
    CHECK(rows == QStringList{QStringLiteral("e-2/1/pending"), QStringLiteral("e-1/2/synced")});
    // Still append-only, still one event per device sequence.
    CHECK_FALSE(q.exec(QStringLiteral("DELETE FROM events")));
    CHECK_FALSE(q.exec(QStringLiteral("UPDATE events SET payload = '{\"x\":1}'")));
    CHECK_FALSE(q.exec(QStringLiteral(
        "INSERT INTO events VALUES ('e-3', 'case-1', 'dev-1', 2, 'h', 'a', 't', 'case.note', 1, "
        "'{}', 'pending')")));
    CHECK(q.exec(QStringLiteral("UPDATE events SET sync_state = 'synced'")));
}
