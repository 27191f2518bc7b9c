#include "support/TestSupport.h"

#include "core/Clock.h"
#include "store/Migrations.h"
#include "store/Store.h"

#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>

using namespace onewindow;

namespace {

core::FakeClock readingClock()
{
    return core::FakeClock(QDateTime(QDate(2026, 11, 22), QTime(9, 0), QTimeZone::utc()));
}

QByteArray bytesOf(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

TEST_CASE("A worker's read-only connection reads the store and cannot write to it")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("s.sqlite"));
    auto clock = readingClock();
    auto opened = store::Store::open(path, clock);
    REQUIRE(opened.ok());

    auto reading = store::Store::openForReading(path, clock);
    REQUIRE(reading.ok());
    CHECK((*reading)->schemaVersion() == store::latestSchemaVersion());
    QSqlQuery q((*reading)->database());
    REQUIRE(q.exec(QStringLiteral("SELECT count(*) FROM calendar_notices")));
    REQUIRE(q.next());
    CHECK(q.value(0).toInt() > 0); // the shipped calendars the window's connection loaded
    q.finish();
    CHECK_FALSE(q.exec(QStringLiteral("DELETE FROM calendar_notices")));
    QSqlQuery check((*opened)->database());
    REQUIRE(check.exec(QStringLiteral("SELECT count(*) FROM calendar_notices")));
    REQUIRE(check.next());
    CHECK(check.value(0).toInt() > 0);
}

TEST_CASE("A read-only connection creates no missing store and leaves an older one un-upgraded")
{
    QTemporaryDir dir;
    auto clock = readingClock();
    const QString missing = dir.filePath(QStringLiteral("sub/missing.sqlite"));
    auto refused = store::Store::openForReading(missing, clock);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == QStringLiteral("store.not_found"));
    CHECK_FALSE(QFileInfo::exists(missing));
    CHECK_FALSE(QFileInfo::exists(dir.filePath(QStringLiteral("sub"))));

    const QString old = dir.filePath(QStringLiteral("v6.sqlite"));
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("reading-v6"));
        db.setDatabaseName(old);
        REQUIRE(db.open());
        REQUIRE(store::migrate(db, 6).ok());
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("reading-v6"));
    const QByteArray before = bytesOf(old);
    const int pending = store::Store::pendingMigrations(old);
    REQUIRE(pending > 0);
    auto older = store::Store::openForReading(old, clock);
    REQUIRE_FALSE(older.ok());
    CHECK(older.error().code == QStringLiteral("store.version_mismatch"));
    CHECK(older.error().message.contains(QStringLiteral("数据未被改动")));
    CHECK(store::Store::pendingMigrations(old) == pending);
    CHECK(bytesOf(old) == before);
}
