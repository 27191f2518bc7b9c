// onewindowctl sync enrol / now / status and store digest against a real onewindow-server child
// process (issue 18), with the server's `digest HALL` as the reference.
#include "ctl/CtlRunner.h"
#include "server/ChildServer.h"
#include "sync/SyncHall.h"

#include "sync/SyncClient.h"

#include <catch2/catch.hpp>

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

using namespace onewindow;
using test::args;
using test::runCtl;

namespace {

struct Run
{
    int status = -1;
    QString out, err;
};

struct CentralServer
{
    QTemporaryDir dir;
    test::ChildServer child; // stopped when the test ends
    QString base;
    qint64 hallCursor = 0; // the hall's cursor after its master data

    QStringList store() const
    {
        return {QStringLiteral("--store"), dir.filePath(QStringLiteral("central.sqlite"))};
    }
    Run run(const QStringList& words) const
    {
        QProcess p;
        p.start(QStringLiteral(ONEWINDOW_SERVER_PATH), store() + words);
        REQUIRE(p.waitForFinished(60000));
        return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()).trimmed(),
                QString::fromUtf8(p.readAllStandardError())};
    }
    CentralServer()
    {
        {
            // The hall and its master data (tests/server's addTestMasterData) recorded at a fake
            // time before the windows' events: the server judges an event by the users and
            // calendar in force at its time, and its own commands would record at the real one.
            core::FakeClock clock(QDateTime(QDate(2026, 12, 7), QTime(2, 0), Qt::UTC));
            auto db = server::CentralDb::open(
                server::DatabaseSpec::sqlite(dir.filePath(QStringLiteral("central.sqlite"))));
            REQUIRE(db.ok());
            server::Registry registry(**db, clock);
            REQUIRE(registry
                        .createHall(QStringLiteral("620102"), QStringLiteral("测试大厅"),
                                    QStringLiteral("Asia/Shanghai"))
                        .ok());
            test::addTestMasterData(**db, clock, QStringLiteral("620102"));
            hallCursor = registry.hall(QStringLiteral("620102"))->seq;
        }
        child.start(store() + QStringList{QStringLiteral("serve"), QStringLiteral("--listen"),
                                          QStringLiteral("127.0.0.1:0")});
        base = child.base();
    }
    QString code(const char* window) const
    {
        const Run r =
            run({QStringLiteral("enrol"), QStringLiteral("620102"), QString::fromLatin1(window),
                 QStringLiteral("--role"), QStringLiteral("window")});
        REQUIRE(r.status == 0);
        return r.out;
    }
    // The digest line without the calendar and catalog the server does not hold yet.
    QString digest() const
    {
        const Run r = run({QStringLiteral("digest"), QStringLiteral("620102")});
        REQUIRE(r.status == 0);
        return r.out.section(QStringLiteral(" calendar"), 0, 0);
    }
};

QString storeDigest(const QString& store)
{
    const test::CtlRun r = runCtl(store, args({"store", "digest"}));
    REQUIRE(r.exitCode == 0);
    return r.out.trimmed().section(QStringLiteral(" calendar"), 0, 0);
}

} // namespace

TEST_CASE("onewindowctl sync: enrol, sync now until drained, status, and store digest equal to "
          "the server's digest")
{
    CentralServer server;
    QTemporaryDir dir;
    const QString storeB = dir.filePath(QStringLiteral("w08.sqlite"));

    // W07 works in this process and pushes a case to the server child.
    test::HallFixture w07(test::syncWindowTime());
    test::useHallCatalog(w07);
    sync::SyncClient client(*w07.cases);
    REQUIRE(client.enrol(server.base, server.code("W07"), QStringLiteral("w07")).ok());
    auto taken = w07.cases->receive(w07.intake(), test::kHallClerk);
    REQUIRE(taken.ok());
    REQUIRE(client.syncNow().ok());

    const test::CtlRun enrolled = runCtl(
        storeB, {QStringLiteral("sync"), QStringLiteral("enrol"), server.base, server.code("W08")});
    INFO(enrolled.err.toStdString());
    REQUIRE(enrolled.exitCode == 0);
    CHECK(enrolled.out.contains(QStringLiteral("620102")));
    CHECK(enrolled.out.contains(QStringLiteral("W08")));

    const test::CtlRun now = runCtl(storeB, args({"sync", "now"}));
    INFO(now.err.toStdString());
    CHECK(now.exitCode == 0);
    CHECK(now.out.contains(QStringLiteral("下载 1 条")));

    const test::CtlRun status = runCtl(storeB, args({"sync", "status", "--json"}));
    REQUIRE(status.exitCode == 0);
    const QJsonObject o = QJsonDocument::fromJson(status.out.toUtf8()).object();
    CHECK(o.value(QStringLiteral("enrolled")).toBool());
    CHECK(o.value(QStringLiteral("hall")).toString() == QStringLiteral("620102"));
    CHECK(o.value(QStringLiteral("window")).toString() == QStringLiteral("W08"));
    CHECK(o.value(QStringLiteral("cursor")).toInteger() == server.hallCursor + 1);
    CHECK(o.value(QStringLiteral("pending")).toInt() == 0);

    const QString digest = server.digest();
    CHECK(digest.startsWith(QStringLiteral("digest ")));
    CHECK(
        digest.contains(QStringLiteral(" cursor %1 events 1 cases 1 ").arg(server.hallCursor + 1)));
    CHECK(storeDigest(storeB) == digest);
    auto own = client.repository().digest();
    REQUIRE(own.ok());
    CHECK(own->text().section(QStringLiteral(" calendar"), 0, 0) == digest);

    // Decision 11: a case searched for at the hall's server; W08 holds it already.
    const test::CtlRun found =
        runCtl(storeB, {QStringLiteral("sync"), QStringLiteral("find"), taken->state.caseNumber});
    INFO(found.err.toStdString());
    CHECK(found.exitCode == 0);
    CHECK(found.out.contains(taken->state.caseNumber));
    CHECK(found.out.contains(QStringLiteral("本机已有")));
    const test::CtlRun none =
        runCtl(storeB, {QStringLiteral("sync"), QStringLiteral("find"), QStringLiteral("无此人")});
    CHECK(none.exitCode == 1);
    CHECK(none.out.contains(QStringLiteral("大厅没有")));
}

TEST_CASE("onewindowctl sync: a code used twice and a revoked device are refused with the reason")
{
    CentralServer server;
    QTemporaryDir dir;
    const QString a = dir.filePath(QStringLiteral("a.sqlite"));
    const QString b = dir.filePath(QStringLiteral("b.sqlite"));
    const QString code = server.code("W07");
    REQUIRE(
        runCtl(a, {QStringLiteral("sync"), QStringLiteral("enrol"), server.base, code}).exitCode ==
        0);
    const test::CtlRun twice =
        runCtl(b, {QStringLiteral("sync"), QStringLiteral("enrol"), server.base, code});
    CHECK(twice.exitCode == 1);
    CHECK(twice.err.contains(QStringLiteral("登记码无效或已使用")));
    CHECK(runCtl(b, args({"sync", "status"})).out.contains(QStringLiteral("尚未登记")));

    const test::CtlRun status = runCtl(a, args({"sync", "status", "--json"}));
    const QString device = QJsonDocument::fromJson(status.out.toUtf8())
                               .object()
                               .value(QStringLiteral("device_id"))
                               .toString();
    REQUIRE(server.run({QStringLiteral("device"), QStringLiteral("revoke"), device}).status == 0);
    const test::CtlRun refused = runCtl(a, args({"sync", "now"}));
    CHECK(refused.exitCode == 1);
    CHECK(refused.err.contains(QStringLiteral("吊销")));
    CHECK(runCtl(a, args({"sync", "status"})).out.contains(QStringLiteral("已停止同步")));
}

TEST_CASE("onewindowctl print at a window enrolled in a hall: recorded under the clerk --as "
          "names, so the hall takes the print and its number; without --as it is refused")
{
    CentralServer server;
    test::HallFixture w07(test::syncWindowTime());
    test::useHallCatalog(w07);
    sync::SyncClient client(*w07.cases);
    REQUIRE(client.enrol(server.base, server.code("W07"), QStringLiteral("w07")).ok());
    auto taken = w07.cases->receive(w07.intake(), test::kHallClerk);
    REQUIRE(taken.ok());
    REQUIRE(client.syncNow().ok());
    const QString number = taken->state.caseNumber;
    QTemporaryDir out;

    // Recorded under "onewindowctl", which is no user of the hall, the print was rejected at
    // the server: its document number never counted there, and a reprint took a new one.
    const test::CtlRun nobody =
        runCtl(w07.path(), {QStringLiteral("print"), QStringLiteral("receipt"), number,
                            QStringLiteral("--pdf"), out.filePath(QStringLiteral("a.pdf"))});
    CHECK(nobody.exitCode == 2);
    CHECK(nobody.err.contains(QStringLiteral("--as")));
    CHECK_FALSE(QFile::exists(out.filePath(QStringLiteral("a.pdf"))));

    const test::CtlRun printed = runCtl(
        w07.path(), {QStringLiteral("print"), QStringLiteral("receipt"), number,
                     QStringLiteral("--pdf"), out.filePath(QStringLiteral("b.pdf")),
                     QStringLiteral("--as"), QStringLiteral("CLERK1")}); // a login in any case
    INFO(printed.err.toStdString());
    REQUIRE(printed.exitCode == 0);
    const auto report = client.syncNow();
    REQUIRE(report.ok());
    CHECK(report->pushed == 1);
    CHECK(report->rejected == 0);
    auto events = w07.cases->events(taken->event.caseId);
    REQUIRE(events.ok());
    REQUIRE(events->last().type == core::EventType::DocumentPrinted);
    CHECK(events->last().actorId == test::kHallClerk);
}

TEST_CASE("Decision 9: a window whose device was retired (its window code enrolled on a new PC) "
          "says so in sync status, and still syncs")
{
    CentralServer server;
    QTemporaryDir dir;
    const QString old = dir.filePath(QStringLiteral("old.sqlite"));
    const QString fresh = dir.filePath(QStringLiteral("new.sqlite"));
    REQUIRE(runCtl(old, {QStringLiteral("sync"), QStringLiteral("enrol"), server.base,
                         server.code("W07")})
                .exitCode == 0);
    REQUIRE(runCtl(old, args({"sync", "now"})).exitCode == 0);
    const QString notice =
        QStringLiteral("本设备已停用：窗口已由新设备接替；剩余记录上传后请停止使用");
    CHECK_FALSE(runCtl(old, args({"sync", "status"})).out.contains(notice));

    // W07's new PC: the old device is retired in the same transaction.
    REQUIRE(runCtl(fresh, {QStringLiteral("sync"), QStringLiteral("enrol"), server.base,
                           server.code("W07")})
                .exitCode == 0);
    const test::CtlRun synced = runCtl(old, args({"sync", "now"}));
    CHECK(synced.exitCode == 0); // its pulls keep working
    const test::CtlRun status = runCtl(old, args({"sync", "status"}));
    CHECK(status.out.contains(notice));
    CHECK_FALSE(status.out.contains(QStringLiteral("已停止同步")));
    // No new act at the retired PC: it would never take effect at the hall.
    const test::CtlRun work = runCtl(old, args({"demo", "work", "--actions", "1"}));
    CHECK(work.exitCode == 1);
    CHECK((work.out + work.err).contains(QStringLiteral("本设备已停用")));
    const QJsonObject json =
        QJsonDocument::fromJson(runCtl(old, args({"sync", "status", "--json"})).out.toUtf8())
            .object();
    CHECK(json.value(QStringLiteral("retired_at")).toString().endsWith(QLatin1Char('Z')));
    const QString oldId = json.value(QStringLiteral("device_id")).toString();
    const Run listed = server.run({QStringLiteral("device"), QStringLiteral("list")});
    CHECK(listed.out.contains(oldId + QStringLiteral("\t620102\tW07\t")));
    CHECK(listed.out.contains(QStringLiteral("\tretired %1 by ")
                                  .arg(json.value(QStringLiteral("retired_at")).toString())));
    // The new PC is active and says nothing of the kind.
    REQUIRE(runCtl(fresh, args({"sync", "now"})).exitCode == 0);
    CHECK_FALSE(runCtl(fresh, args({"sync", "status"})).out.contains(notice));
}

TEST_CASE("Decision 2: a PC restored from a backup stops at sequence_reused; its events go to the "
          "administrator in a file (sync export-pending) and in through device import; the hall "
          "and the other windows agree")
{
    CentralServer server;
    QTemporaryDir dir;
    const QString pc = dir.filePath(QStringLiteral("w07.sqlite"));
    const QString backup = dir.filePath(QStringLiteral("w07-backup.sqlite"));
    const QString other = dir.filePath(QStringLiteral("w08.sqlite"));
    REQUIRE(runCtl(pc, {QStringLiteral("sync"), QStringLiteral("enrol"), server.base,
                        server.code("W07")})
                .exitCode == 0);
    REQUIRE(runCtl(other, {QStringLiteral("sync"), QStringLiteral("enrol"), server.base,
                           server.code("W08")})
                .exitCode == 0);
    REQUIRE(runCtl(pc, args({"sync", "now"})).exitCode == 0); // the hall's clerks and catalog
    REQUIRE(runCtl(pc, args({"demo", "work", "--actions", "2"})).exitCode == 0);
    REQUIRE(runCtl(pc, args({"sync", "now"})).exitCode == 0);
    REQUIRE(runCtl(pc, {QStringLiteral("store"), QStringLiteral("backup"), backup}).exitCode == 0);
    // The PC works on and syncs; then its disk dies and yesterday's backup is put back.
    REQUIRE(runCtl(pc, args({"demo", "work", "--actions", "2"})).exitCode == 0);
    REQUIRE(runCtl(pc, args({"sync", "now"})).exitCode == 0);
    REQUIRE(QFile::remove(pc));
    REQUIRE(QFile::copy(backup, pc));
    REQUIRE(runCtl(pc, args({"demo", "work", "--actions", "3"})).exitCode == 0);
    const test::CtlRun reused = runCtl(pc, args({"sync", "now"}));
    CHECK(reused.exitCode == 1);
    CHECK(runCtl(pc, args({"sync", "status"})).out.contains(QStringLiteral("已停止同步")));
    const QJsonObject status =
        QJsonDocument::fromJson(runCtl(pc, args({"sync", "status", "--json"})).out.toUtf8())
            .object();
    const int pending = status.value(QStringLiteral("pending")).toInt();
    REQUIRE(pending > 0);

    const QString file = dir.filePath(QStringLiteral("w07-pending.json"));
    const test::CtlRun exported =
        runCtl(pc, {QStringLiteral("sync"), QStringLiteral("export-pending"),
                    QStringLiteral("--out"), file});
    INFO(exported.err.toStdString());
    REQUIRE(exported.exitCode == 0);
    CHECK(exported.out.contains(QStringLiteral("%1 条").arg(pending)));
    // It never overwrites a file.
    const test::CtlRun twice = runCtl(pc, {QStringLiteral("sync"), QStringLiteral("export-pending"),
                                           QStringLiteral("--out"), file});
    CHECK(twice.exitCode == 1);
    CHECK(twice.err.contains(QStringLiteral("已存在")));

    const Run imported =
        server.run({QStringLiteral("device"), QStringLiteral("import"),
                    status.value(QStringLiteral("device_id")).toString(), QStringLiteral("--file"),
                    file, QStringLiteral("--by"), QStringLiteral("王管理员"),
                    QStringLiteral("--reason"), QStringLiteral("硬盘损坏，从备份恢复")});
    INFO(imported.err.toStdString());
    REQUIRE(imported.status == 0);
    CHECK(imported.out.contains(QStringLiteral("imported %1 events").arg(pending)));
    // The restored PC issued W07's next case number again: that receipt loses to the first.
    CHECK(imported.out.contains(QStringLiteral("case.duplicate_number")));
    CHECK_FALSE(imported.out.contains(QStringLiteral(" 0 rejected")));

    // Every window folds what was imported as the hall judged it: the digests agree.
    REQUIRE(runCtl(other, args({"sync", "now"})).exitCode == 0);
    CHECK(storeDigest(other) == server.digest());
}
