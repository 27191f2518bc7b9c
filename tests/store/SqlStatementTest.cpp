#include "support/TempStore.h"
#include "support/TestSupport.h"

#include "store/EventRows.h"
#include "store/SqlStatement.h"
#include "store/Store.h"

#include <QDate>

#include <QSqlQuery>
#include <limits>

using namespace onewindow;

TEST_CASE("A value bound through SqlStatement is stored exactly as QSqlQuery stores it")
{
    test::TempStore s(QDateTime(QDate(2026, 11, 20), QTime(1, 30), QTimeZone::utc()));
    QSqlDatabase db = s.store->database();
    QSqlQuery q(db);
    REQUIRE(q.exec(QStringLiteral("CREATE TEMP TABLE t (via TEXT, n INTEGER, v)")));
    const QList<QVariant> values{
        QVariant(),
        QVariant(QString()),
        QVariant(QStringLiteral("")),
        QVariant(QStringLiteral("张三 620102")),
        QVariant(QStringLiteral("𠀋 emoji 😀 and a supplementary-plane name")),
        QVariant(QString(QChar(0xd800))), // an unpaired surrogate
        QVariant(42),
        QVariant(true),
        QVariant(qint64{1} << 40),
        QVariant(2.5),
        QVariant(QDate(2026, 1, 1)),
        QVariant(QDate()),
        QVariant(QDateTime(QDate(2026, 1, 1), QTime(8, 0), QTimeZone::utc()))};
    QSqlQuery viaQt(db);
    REQUIRE(viaQt.prepare(QStringLiteral("INSERT INTO t VALUES ('qt', ?, ?)")));
    store::SqlStatement viaSqlite(db, QStringLiteral("INSERT INTO t VALUES ('sqlite', ?, ?)"));
    REQUIRE(viaSqlite.error().isEmpty());
    for (int i = 0; i < values.size(); ++i) {
        viaQt.bindValue(0, i);
        viaQt.bindValue(1, values[i]);
        REQUIRE(viaQt.exec());
        viaSqlite.bind(0, qint64{i});
        viaSqlite.bind(1, values[i]);
        REQUIRE(viaSqlite.exec());
    }
    QSqlQuery read(db);
    REQUIRE(read.exec(QStringLiteral(
        "SELECT a.n, typeof(a.v), quote(a.v), typeof(b.v), quote(b.v) FROM t a "
        "JOIN t b ON a.n = b.n AND a.via = 'qt' AND b.via = 'sqlite' ORDER BY a.n")));
    int rows = 0;
    while (read.next()) {
        INFO("value " << read.value(0).toInt() << ": " << read.value(2).toString().toStdString());
        CHECK(read.value(1).toString() == read.value(3).toString());
        CHECK(read.value(2).toString() == read.value(4).toString());
        ++rows;
    }
    CHECK(rows == values.size());
}

TEST_CASE("A statement SQLite refuses says why, and a failed run can be told from no rows")
{
    test::TempStore s(QDateTime(QDate(2026, 11, 20), QTime(1, 30), QTimeZone::utc()));
    store::SqlStatement bad(s.store->database(), QStringLiteral("SELECT * FROM no_such_table"));
    CHECK(bad.error().contains(QStringLiteral("no_such_table")));
    CHECK_FALSE(bad.next());
    CHECK_FALSE(bad.exec());

    store::SqlStatement none(s.store->database(),
                             QStringLiteral("SELECT 1 FROM device WHERE device_id = ?"));
    none.bind(0, QStringLiteral("nobody"));
    CHECK_FALSE(none.next());
    CHECK(none.error().isEmpty());

    // A run that fails leaves no error behind for the next run that returns a row.
    store::SqlStatement absolute(s.store->database(), QStringLiteral("SELECT abs(?)"));
    absolute.bind(0, std::numeric_limits<qint64>::min());
    CHECK_FALSE(absolute.next());
    CHECK(absolute.error().contains(QStringLiteral("overflow")));
    absolute.bind(0, qint64{-5});
    REQUIRE(absolute.next());
    CHECK(absolute.int64(0) == 5);
    CHECK(absolute.error().isEmpty());
}

TEST_CASE("An event's time is stored as Qt writes the instant in UTC, with milliseconds and Z")
{
    QList<QDateTime> times{
        QDateTime(QDate(2026, 12, 4), QTime(18, 0, 0, 123), QTimeZone::utc()),
        QDateTime(QDate(2026, 1, 1), QTime(0, 0), QTimeZone::utc()),
        QDateTime(QDate(1999, 12, 31), QTime(23, 59, 59, 999), QTimeZone::utc()),
        QDateTime(QDate(9, 3, 7), QTime(7, 5, 4, 5), QTimeZone::utc()),
        QDateTime(QDate(2026, 9, 18), QTime(10, 0), QTimeZone(QByteArrayLiteral("Asia/Shanghai"))),
        QDateTime()};
    for (qint64 ms = 1'700'000'000'000; ms < 1'800'000'000'000; ms += 7'777'777'777)
        times.append(QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc()));
    for (const QDateTime& t : times) {
        INFO(t.toString(Qt::ISODateWithMs).toStdString());
        // One text per instant (the event checksum covers it): a time made in another zone, or
        // in QTimeZone::utc() (which Qt writes +00:00), is written as the same instant with Z.
        const QString text = QString::fromUtf8(store::eventTimeText(t));
        CHECK(text == t.toUTC().toString(Qt::ISODateWithMs));
        if (t.isValid()) {
            CHECK(text.endsWith(QLatin1Char('Z')));
            CHECK(QDateTime::fromString(text, Qt::ISODateWithMs) == t);
        }
    }
}
