// Two processes and one new store (issue 14): no data lost, one consistent store.
#include "ctl/CtlRunner.h"
#include "support/CatalogFixtures.h"
#include "support/TestSupport.h"

#include "core/CatalogJson.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

using namespace onewindow;
using test::args;
using test::runCtl;

TEST_CASE("Two processes creating one new store both keep their data")
{
    QTemporaryDir dir;
    const QString first = test::writeTempFile(
        dir, "first.json", core::catalogToJson({test::sampleItem(1, QStringLiteral("甲事项"))}));
    const QString second = test::writeTempFile(
        dir, "second.json", core::catalogToJson({test::sampleItem(2, QStringLiteral("乙事项"))}));
    for (int trial = 0; trial < 20; ++trial) {
        INFO("trial " << trial);
        const QString store = dir.filePath(QStringLiteral("race-%1/s.sqlite").arg(trial));
        QProcess a, b;
        a.start(QStringLiteral(ONEWINDOWCTL_PATH),
                {QStringLiteral("--store"), store, QStringLiteral("catalog"),
                 QStringLiteral("import"), first});
        b.start(QStringLiteral(ONEWINDOWCTL_PATH),
                {QStringLiteral("--store"), store, QStringLiteral("catalog"),
                 QStringLiteral("import"), second});
        REQUIRE(a.waitForFinished(120000));
        REQUIRE(b.waitForFinished(120000));
        INFO(QString::fromUtf8(a.readAllStandardError()).toStdString());
        INFO(QString::fromUtf8(b.readAllStandardError()).toStdString());
        CHECK(a.exitCode() == 0);
        CHECK(b.exitCode() == 0);
        const test::CtlRun listed = runCtl(store, args({"catalog", "list"}));
        REQUIRE(listed.exitCode == 0);
        CHECK(listed.out.contains(QStringLiteral("甲事项")));
        CHECK(listed.out.contains(QStringLiteral("乙事项")));
        const test::CtlRun checked = runCtl(store, args({"store", "check"}));
        CHECK(checked.exitCode == 0);
    }
}

TEST_CASE("case list on a zero-length store file is refused in Chinese, the file untouched")
{
    QTemporaryDir dir;
    const QString store = test::writeTempFile(dir, "empty.sqlite", QByteArray());
    const test::CtlRun listed = runCtl(store, args({"case", "list"}));
    CHECK(listed.exitCode != 0);
    CHECK(listed.err.contains(QStringLiteral("空文件")));
    CHECK(QFileInfo(store).size() == 0);
}
