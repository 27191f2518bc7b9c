// A missing store is told, not papered over: a command that reads (or acts on a store that must be
// there) refuses it naming the path and creates nothing; the commands that start a store still do.
#include "ctl/CtlRunner.h"
#include "support/CatalogFixtures.h"
#include "support/TestSupport.h"

#include "core/CatalogJson.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>

using namespace onewindow;
using test::args;
using test::runCtl;

namespace {

// Everything under `dir`, hidden files included: what a command left behind.
QStringList leftIn(const QString& dir)
{
    return QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
}

} // namespace

TEST_CASE("A command that reads or acts on a store refuses a missing --store and creates nothing")
{
    QTemporaryDir dir;
    // In a folder that does not exist either: a new store would have made it.
    const QString store = dir.filePath(QStringLiteral("typo/s.sqlite"));
    const QString out = dir.filePath(QStringLiteral("out"));
    const QList<QStringList> commands{
        args({"case", "list"}),
        args({"case", "show", "620102-20261207-W07-0001"}),
        args({"case", "timeline", "620102-20261207-W07-0001"}),
        args({"case", "act", "620102-20261207-W07-0001", "accepted", "--as", "zhangsan"}),
        args({"store", "check"}),
        args({"store", "digest"}),
        args({"store", "tick"}),
        args({"store", "rebuild"}),
        {QStringLiteral("store"), QStringLiteral("backup"), out + QStringLiteral(".sqlite")},
        args({"sync", "status"}),
        args({"sync", "now"}),
        args({"stats", "--from", "2026-12-01", "--to", "2026-12-07"}),
        args({"calendar", "show", "2026"}),
        args({"catalog", "list"}),
        args({"catalog", "show", "11620102013029136Y4000113004000"}),
        {QStringLiteral("catalog"), QStringLiteral("export"), out + QStringLiteral(".json")},
        args({"matter", "show", "620102-20261207-W07-0001-J"}),
        {QStringLiteral("print"), QStringLiteral("acceptance"),
         QStringLiteral("620102-20261207-W07-0001"), QStringLiteral("--pdf"),
         out + QStringLiteral(".pdf")},
        args({"deadline", "2026-09-18", "20"}),
        args({"demo", "work", "--actions", "1"}),
    };
    for (const QStringList& command : commands) {
        INFO(command.join(QLatin1Char(' ')).toStdString());
        const test::CtlRun run = runCtl(store, command);
        INFO(run.err.toStdString());
        CHECK(run.exitCode == 1);
        CHECK(run.err.contains(store));
        CHECK(run.err.contains(QStringLiteral("不存在")));
        CHECK(run.err.contains(QStringLiteral("未新建任何文件")));
        CHECK(run.err.contains(QStringLiteral("[store.missing]")));
        CHECK(run.out.isEmpty()); // no "共 0 件" from an empty store
        CHECK(leftIn(dir.path()).isEmpty());
    }
}

TEST_CASE("Without --store, a first command on a new machine says there is no store yet and how to "
          "start one")
{
    QTemporaryDir home;
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), home.path());
    env.remove(QStringLiteral("XDG_DATA_HOME"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(ONEWINDOWCTL_PATH), args({"case", "list"}));
    REQUIRE(p.waitForFinished(120000));
    const QString err = QString::fromUtf8(p.readAllStandardError());
    INFO(err.toStdString());
    CHECK(p.exitCode() == 1);
    CHECK(err.contains(QStringLiteral("本机还没有数据文件")));
    CHECK(err.contains(home.filePath(QStringLiteral(".local/share/onewindow/onewindow.sqlite"))));
    // How to start one: the window's first-start setup, or enrolment in a hall.
    CHECK(err.contains(QStringLiteral("onewindow 首次启动时的设置")));
    CHECK(err.contains(QStringLiteral("sync enrol")));
    CHECK(p.readAllStandardOutput().isEmpty());
    CHECK(leftIn(home.path()).isEmpty());
}

TEST_CASE("The commands that start a store create a missing one and say so")
{
    QTemporaryDir dir;
    const QString catalog = test::writeTempFile(
        dir, "catalog.json", core::catalogToJson({test::sampleItem(1, QStringLiteral("甲事项"))}));
    const QString calendar = QStringLiteral(ONEWINDOW_SOURCE_DIR "/resources/calendars/2026.json");

    const QString byCatalog = dir.filePath(QStringLiteral("a/s.sqlite"));
    const test::CtlRun imported = runCtl(byCatalog, args({"catalog", "import"}) << catalog);
    INFO(imported.err.toStdString());
    CHECK(imported.exitCode == 0);
    CHECK(imported.err.contains(QStringLiteral("已新建数据文件 ") + byCatalog));
    CHECK(runCtl(byCatalog, args({"catalog", "list"})).out.contains(QStringLiteral("甲事项")));

    const QString byCalendar = dir.filePath(QStringLiteral("b/s.sqlite"));
    const test::CtlRun notices = runCtl(byCalendar, args({"calendar", "import"}) << calendar);
    INFO(notices.err.toStdString());
    CHECK(notices.exitCode == 0);
    CHECK(notices.err.contains(QStringLiteral("已新建数据文件 ") + byCalendar));
    // The store it made answers the reading commands from then on.
    const test::CtlRun due = runCtl(byCalendar, args({"deadline", "2026-09-18", "20"}));
    CHECK(due.exitCode == 0);
    CHECK(due.out.trimmed() == QStringLiteral("2026-10-22"));
    CHECK_FALSE(due.err.contains(QStringLiteral("已新建")));

    // Enrolment starts a store too: refused here only because no server answers, not for the
    // missing file (the enrolment itself: tests/sync/CtlSyncTest.cpp).
    const QString byEnrol = dir.filePath(QStringLiteral("c/s.sqlite"));
    const test::CtlRun enrol =
        runCtl(byEnrol, args({"sync", "enrol", "http://127.0.0.1:1", "ANY-CODE"}));
    INFO(enrol.err.toStdString());
    CHECK(enrol.exitCode == 1);
    CHECK_FALSE(enrol.err.contains(QStringLiteral("store.missing")));
    CHECK(QFileInfo::exists(byEnrol));
}
