// Issue 17, "where an issue is silent": onewindow-server's commands refuse clearly and lose
// nothing (the outside tester's F3, F5, F13, F15). On SQLite and, via server_postgresql, on
// PostgreSQL.
#include "ChildServer.h"
#include "ServerCommand.h"
#include "ServerFixture.h"

#include "core/SyncProtocol.h"
#include "server/Commands.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>

#include <sys/stat.h>

using namespace onewindow;
using namespace onewindow::test;
using core::EventType;

namespace {

const QString kHall = QStringLiteral("620102");

// onewindow-server serve as a child process: it must refuse and exit, so a server that starts
// instead is stopped after 10 s and reported as such.
CommandRun serveChild(const QStringList& database)
{
    QProcess p;
    p.start(QStringLiteral(ONEWINDOW_SERVER_PATH),
            database + QStringList{QStringLiteral("serve"), QStringLiteral("--listen"),
                                   QStringLiteral("127.0.0.1:0")});
    REQUIRE(p.waitForStarted());
    CommandRun run;
    if (!p.waitForFinished(10000)) {
        p.kill();
        p.waitForFinished(5000);
        run.err = QStringLiteral("still serving after 10 s");
        return run;
    }
    run.exit = p.exitCode();
    run.out = QString::fromUtf8(p.readAllStandardOutput());
    run.err = QString::fromUtf8(p.readAllStandardError());
    return run;
}

// Every command but `hall create`, each as an operator would type it.
QList<QStringList> everyOtherCommand()
{
    const auto words = [](const char* line) {
        return QString::fromUtf8(line).split(QLatin1Char(' '));
    };
    return {words("enrol 620102 W07 --role window"),
            words("device list"),
            words("device revoke d1"),
            words("digest 620102"),
            words("settings 620102"),
            words("settings 620102 --name 新名称"),
            words("user add 620102 u1 --name 甲 --role clerk --password-file /nonexistent"),
            words("catalog import 620102 /nonexistent"),
            words("calendar import 620102 /nonexistent"),
            words("flagged 620102"),
            words("failover 620102")};
}

} // namespace

TEST_CASE("F3: only hall create makes a central store; every other command refuses a missing, "
          "0-byte or foreign store in Chinese and writes nothing",
          "[server][cli][harden]")
{
    const core::FakeClock clock(QDateTime(QDate(2026, 12, 7), QTime(2, 0), Qt::UTC));
    QTemporaryDir dir;
    if (onPostgres()) {
        // A database without OneWindow's tables (a mistyped dbname that happens to exist).
        const server::DatabaseSpec spec = freshDatabase(dir); // schema dropped: nothing in it
        const QStringList database = databaseArgsOf(spec);
        for (const QStringList& words : everyOtherCommand()) {
            INFO(words.join(QLatin1Char(' ')).toStdString());
            const CommandRun run = runServerCommand(database, words, clock);
            CHECK(run.exit == 1);
            CHECK(run.err.contains(QStringLiteral("db.not_central")));
            CHECK(run.err.contains(QStringLiteral("hall create")));
        }
        const CommandRun served = serveChild(database);
        CHECK(served.exit == 1);
        CHECK(served.err.contains(QStringLiteral("db.not_central")));
        // Nothing was written: the database still holds no store.
        server::DatabaseSpec existing = spec;
        existing.mayCreate = false;
        auto reopened = server::CentralDb::open(existing);
        REQUIRE_FALSE(reopened.ok());
        CHECK(reopened.error().code == QStringLiteral("db.not_central"));
        // hall create makes it.
        CHECK(runServerCommand(database,
                               {QStringLiteral("hall"), QStringLiteral("create"), kHall,
                                QStringLiteral("--name"), QStringLiteral("城关区政务服务中心")},
                               clock)
                  .exit == 0);
        CHECK(runServerCommand(database, {QStringLiteral("device"), QStringLiteral("list")}, clock)
                  .exit == 0);
        return;
    }
    const QString missing = dir.filePath(QStringLiteral("typo-central.sqlite"));
    const QString empty = dir.filePath(QStringLiteral("truncated.sqlite"));
    {
        QFile f(empty);
        REQUIRE(f.open(QIODevice::WriteOnly)); // 0 bytes: a copy cut short, a full disk
    }
    for (const QStringList& words : everyOtherCommand()) {
        INFO(words.join(QLatin1Char(' ')).toStdString());
        const CommandRun gone =
            runServerCommand({QStringLiteral("--store"), missing}, words, clock);
        CHECK(gone.exit == 1);
        CHECK(gone.err.contains(QStringLiteral("db.missing")));
        CHECK(gone.err.contains(missing));
        CHECK(gone.err.contains(QStringLiteral("hall create")));
        CHECK_FALSE(QFileInfo::exists(missing));
        const CommandRun zero = runServerCommand({QStringLiteral("--store"), empty}, words, clock);
        CHECK(zero.exit == 1);
        CHECK(zero.err.contains(QStringLiteral("db.empty_file")));
        CHECK(QFileInfo(empty).size() == 0);
    }
    for (const QString& path : {missing, empty}) {
        const CommandRun served = serveChild({QStringLiteral("--store"), path});
        CHECK(served.exit == 1);
        CHECK(served.err.contains(path));
        CHECK_FALSE(served.out.contains(QStringLiteral("listening")));
    }
    CHECK_FALSE(QFileInfo::exists(missing));
    CHECK(QFileInfo(empty).size() == 0);
    CHECK(QDir(dir.path()).entryList(QDir::Files | QDir::NoDotAndDotDot).size() == 1);

    // A missing folder is never created, not even by hall create.
    const QString inNoFolder = dir.filePath(QStringLiteral("no-such-folder/central.sqlite"));
    const QStringList create{QStringLiteral("hall"), QStringLiteral("create"), kHall,
                             QStringLiteral("--name"), QStringLiteral("城关区政务服务中心")};
    const CommandRun noFolder =
        runServerCommand({QStringLiteral("--store"), inNoFolder}, create, clock);
    CHECK(noFolder.exit == 1);
    CHECK(noFolder.err.contains(QStringLiteral("db.no_folder")));
    CHECK_FALSE(QFileInfo::exists(dir.filePath(QStringLiteral("no-such-folder"))));

    // hall create makes the store; then the other commands take it.
    REQUIRE(runServerCommand({QStringLiteral("--store"), missing}, create, clock).exit == 0);
    const CommandRun listed =
        runServerCommand({QStringLiteral("--store"), missing},
                         {QStringLiteral("device"), QStringLiteral("list")}, clock);
    CHECK(listed.exit == 0);
    CHECK(listed.out.startsWith(QStringLiteral("device\thall")));
}

TEST_CASE("F3: serve refuses a store that holds no hall: its windows would get 401 and stop for "
          "good",
          "[server][cli][harden]")
{
    QTemporaryDir dir;
    const server::DatabaseSpec spec = freshDatabase(dir);
    {
        auto db = server::CentralDb::open(spec); // the tables, no hall
        REQUIRE(db.ok());
    }
    const CommandRun served = serveChild(databaseArgsOf(spec));
    CHECK(served.exit == 1);
    CHECK(served.err.contains(QStringLiteral("serve.no_hall")));
    CHECK(served.err.contains(QStringLiteral("hall create")));
    CHECK_FALSE(served.out.contains(QStringLiteral("listening")));
}

TEST_CASE("F5: a hall's zone is an IANA region: UTC+8, GMT+8, +08:00, Etc/GMT-8 and an empty "
          "zone are refused by hall create and settings, and nothing is written",
          "[server][cli][harden]")
{
    ServerFixture f;
    f.createHall(kHall);
    const qint64 before = f.registry().hall(kHall)->seq;
    for (const char* zone : {"UTC+8", "utc+8", "GMT+8", "+08:00", "UTC+08:00", "Etc/GMT-8", "",
                             " Asia/Shanghai", "Mars/Base"}) {
        INFO(zone);
        const QString z = QString::fromUtf8(zone);
        const CommandRun created = command(
            f, {QStringLiteral("hall"), QStringLiteral("create"), QStringLiteral("620103"),
                QStringLiteral("--name"), QStringLiteral("时区测试"), QStringLiteral("--zone"), z});
        CHECK(created.exit == 1);
        CHECK(created.err.contains(QStringLiteral("hall.zone")));
        CHECK(created.err.contains(QStringLiteral("Asia/Shanghai")));
        CHECK_FALSE(f.registry().hall(QStringLiteral("620103")));
        const CommandRun set =
            command(f, {QStringLiteral("settings"), kHall, QStringLiteral("--zone"), z});
        CHECK(set.exit == 1);
        CHECK(set.err.contains(QStringLiteral("hall.zone")));
        CHECK(set.err.contains(QStringLiteral("未作任何改动")));
    }
    CHECK(command(f, {QStringLiteral("settings"), kHall, QStringLiteral("--zone"),
                      QStringLiteral("UTC+8")})
              .err.contains(QStringLiteral("北京时间请用 Asia/Shanghai")));
    CHECK(f.registry().hall(kHall)->seq == before);
    CHECK(f.registry().hall(kHall)->zone == QStringLiteral("Asia/Shanghai"));
    // A real region is taken (Xinjiang's, and one with a hyphen in its name).
    CHECK(command(f, {QStringLiteral("settings"), kHall, QStringLiteral("--zone"),
                      QStringLiteral("Asia/Urumqi")})
              .exit == 0);
    CHECK(command(f, {QStringLiteral("hall"), QStringLiteral("create"), QStringLiteral("620103"),
                      QStringLiteral("--name"), QStringLiteral("时区测试"),
                      QStringLiteral("--zone"), QStringLiteral("America/Port-au-Prince")})
              .exit == 0);
}

TEST_CASE("F13: catalog import, calendar import and --password-file refuse a device, a FIFO, a "
          "folder or an oversized file at once with the workstation's messages, and write nothing",
          "[server][cli][harden]")
{
    ServerFixture f;
    f.createHall(kHall);
    const qint64 before = f.registry().hall(kHall)->seq;
    QTemporaryDir dir;
    const QString fifo = dir.filePath(QStringLiteral("ff"));
    REQUIRE(::mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0); // would block a reader
    const QString bigPassword = dir.filePath(QStringLiteral("pw-big"));
    {
        QFile pw(bigPassword);
        REQUIRE(pw.open(QIODevice::WriteOnly));
        pw.write(QByteArray(4 * 1024 + 1, 'x')); // over the password file's 4 KB
    }
    const auto userAdd = [&](const QString& file) {
        return command(f,
                       {QStringLiteral("user"), QStringLiteral("add"), kHall, QStringLiteral("u1"),
                        QStringLiteral("--name"), QStringLiteral("甲"), QStringLiteral("--role"),
                        QStringLiteral("clerk"), QStringLiteral("--password-file"), file});
    };
    for (const QString& odd : {QStringLiteral("/dev/zero"), fifo, dir.path()}) {
        INFO(odd.toStdString());
        const CommandRun catalog =
            command(f, {QStringLiteral("catalog"), QStringLiteral("import"), kHall, odd});
        CHECK(catalog.exit == 1);
        CHECK(catalog.err.contains(QStringLiteral("事项目录文件 %1 不是普通文件").arg(odd)));
        CHECK(catalog.err.contains(QStringLiteral("input.not_regular")));
        const CommandRun calendar =
            command(f, {QStringLiteral("calendar"), QStringLiteral("import"), kHall, odd});
        CHECK(calendar.exit == 1);
        CHECK(calendar.err.contains(QStringLiteral("日历文件 %1 不是普通文件").arg(odd)));
        const CommandRun user = userAdd(odd);
        CHECK(user.exit == 1);
        CHECK(user.err.contains(QStringLiteral("密码文件 %1 不是普通文件").arg(odd)));
    }
    const CommandRun big = userAdd(bigPassword);
    CHECK(big.exit == 1);
    CHECK(big.err.contains(QStringLiteral("input.too_large")));
    CHECK(big.err.contains(QStringLiteral("4 KB")));
    CHECK(f.registry().hall(kHall)->seq == before);
}

TEST_CASE("F15: settings --name/--zone change the hall's row with its settings record: the status "
          "page shows the new name",
          "[server][cli][harden]")
{
    ServerFixture f;
    f.createHall(kHall);
    const auto dev = f.enrol(kHall, QStringLiteral("W07"));
    EventMaker make(dev.id, f.clock());
    const QString caseId = newId();
    const QString number = QStringLiteral("620102-20261207-W07-0001");
    const core::Event received =
        make.make(EventType::Received, caseId, {}, receivedPayload(number));
    REQUIRE(f.push(dev, {core::sync::eventToWire(received),
                         make.wire(EventType::Accepted, caseId, received.eventId)})
                .status == 200);
    const QString renamed = QStringLiteral("城关区政务服务大厅（新址）");
    REQUIRE(command(f, {QStringLiteral("settings"), kHall, QStringLiteral("--name"), renamed,
                        QStringLiteral("--zone"), QStringLiteral("Asia/Urumqi")})
                .exit == 0);
    CHECK(f.registry().hall(kHall)->name == renamed);
    CHECK(f.registry().hall(kHall)->zone == QStringLiteral("Asia/Urumqi"));
    const HttpReply page = f.get(QStringLiteral("/q/%1?code=123456").arg(number), {});
    REQUIRE(page.status == 200);
    CHECK(QString::fromUtf8(page.body).contains(renamed));
    // A refused change leaves both as they are.
    CHECK(command(f, {QStringLiteral("settings"), kHall, QStringLiteral("--name"), renamed,
                      QStringLiteral("--zone"), QStringLiteral("UTC+8")})
              .exit == 1);
    CHECK(f.registry().hall(kHall)->zone == QStringLiteral("Asia/Urumqi"));
}
