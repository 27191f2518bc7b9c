#include "ctl/CtlRunner.h"
#include "support/TestSupport.h"

#include <QTemporaryDir>

using namespace onewindow;
using test::runCtl;

using test::args;

TEST_CASE("onewindowctl demo seed makes a demo hall in a new store, once")
{
    QTemporaryDir dir;
    const QString store = dir.filePath(QStringLiteral("demo.sqlite"));
    const test::CtlRun seeded =
        runCtl(store, args({"demo", "seed", "--cases", "300", "--seed", "5"}));
    INFO(seeded.err.toStdString());
    REQUIRE(seeded.exitCode == 0);
    CHECK(seeded.out.startsWith(QStringLiteral("已生成演示办件 300 件（记录 ")));
    CHECK(seeded.out.contains(QStringLiteral("每分钟")));
    CHECK(seeded.out.contains(QStringLiteral("办件状态：")));
    // One progress line on stderr, rewritten in place.
    CHECK(seeded.err.contains(QStringLiteral("\r已生成 300 / 300 件（100%），每分钟 ")));
    CHECK(seeded.err.count(QLatin1Char('\n')) == 1);

    // The seeded store passes the store's own check and lists its cases.
    const test::CtlRun checked = runCtl(store, args({"store", "check"}));
    CHECK(checked.exitCode == 0);
    const test::CtlRun listed = runCtl(store, args({"case", "list", "--limit", "5"}));
    CHECK(listed.exitCode == 0);
    CHECK(listed.out.contains(QStringLiteral("620102-")));

    // A store with cases is never seeded again.
    const test::CtlRun again = runCtl(store, args({"demo", "seed", "--cases", "10"}));
    CHECK(again.exitCode == 1);
    CHECK(again.err.contains(QStringLiteral("已有办件")));
    CHECK(again.out.isEmpty());
}

TEST_CASE("onewindowctl demo seed: bad usage is one line on stderr and exit status 2")
{
    QTemporaryDir dir;
    const QString store = dir.filePath(QStringLiteral("demo.sqlite"));
    for (const QStringList& bad :
         {args({"demo"}), args({"demo", "grow"}), args({"demo", "seed"}),
          args({"demo", "seed", "--cases"}), args({"demo", "seed", "--cases", "0"}),
          args({"demo", "seed", "--cases", "-5"}), args({"demo", "seed", "--cases", "many"}),
          args({"demo", "seed", "--cases=12x"}),
          args({"demo", "seed", "--cases", "10", "--seed", "x"}),
          args({"demo", "seed", "--cases", "10", "--what"})}) {
        const test::CtlRun run = runCtl(store, bad);
        INFO(bad.join(QLatin1Char(' ')).toStdString());
        CHECK(run.exitCode == 2);
        CHECK(run.out.isEmpty());
        CHECK(run.err.count(QLatin1Char('\n')) == 1);
        CHECK(run.err.startsWith(QStringLiteral("onewindowctl: ")));
    }
}
