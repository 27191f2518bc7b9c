#include "ctl/CtlRunner.h"
#include "support/TestSupport.h"

#include "core/CatalogJson.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

using namespace onewindow;
using test::runCtl;

using test::args;

TEST_CASE("onewindowctl catalog import, list --search, show and export round trip")
{
    QTemporaryDir dir;
    const QString store = dir.filePath(QStringLiteral("s.sqlite"));
    const QString demo = test::sourcePath(QStringLiteral("resources/catalog/demo.json"));

    const test::CtlRun imported =
        runCtl(store, {QStringLiteral("catalog"), QStringLiteral("import"), demo});
    REQUIRE(imported.exitCode == 0);
    CHECK(imported.out.contains(QStringLiteral("已导入事项目录 demo.json：新增")));

    const test::CtlRun listed = runCtl(store, args({"catalog", "list", "--search", "bdc"}));
    CHECK(listed.exitCode == 0);
    const QStringList lines = listed.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    REQUIRE(lines.size() >= 4);
    for (const QString& line : lines)
        CHECK(line.contains(QStringLiteral("不动产")));

    const QString code = lines.first().section(QLatin1Char(' '), 0, 0);
    const test::CtlRun shown =
        runCtl(store, {QStringLiteral("catalog"), QStringLiteral("show"), code});
    CHECK(shown.exitCode == 0);
    CHECK(shown.out.contains(QStringLiteral("实施编码：") + code));
    CHECK(shown.out.contains(QStringLiteral("申请材料")));
    CHECK(shown.out.contains(QStringLiteral("第 1 版")));

    const test::CtlRun json = runCtl(
        store, {QStringLiteral("catalog"), QStringLiteral("show"), code, QStringLiteral("--json")});
    CHECK(json.exitCode == 0);
    CHECK(QJsonDocument::fromJson(json.out.toUtf8())
              .object()
              .value(QStringLiteral("code"))
              .toString() == code);

    const QString exported = dir.filePath(QStringLiteral("export.json"));
    CHECK(runCtl(store, {QStringLiteral("catalog"), QStringLiteral("export"), exported}).exitCode ==
          0);
    QFile a(demo);
    QFile b(exported);
    REQUIRE(a.open(QIODevice::ReadOnly));
    REQUIRE(b.open(QIODevice::ReadOnly));
    const core::CatalogParse original = core::parseCatalog(a.readAll(), QStringLiteral("demo"));
    const core::CatalogParse back = core::parseCatalog(b.readAll(), QStringLiteral("export"));
    REQUIRE(back.ok());
    CHECK(back.items.size() == original.items.size());
    const test::CtlRun again =
        runCtl(store, {QStringLiteral("catalog"), QStringLiteral("import"), exported});
    CHECK(again.out.contains(QStringLiteral("新增 0 项，更新 0 项")));
}

TEST_CASE("onewindowctl catalog import: every error names the item, the field and the problem")
{
    QTemporaryDir dir;
    const QString store = dir.filePath(QStringLiteral("s.sqlite"));
    QFile f(test::sourcePath(QStringLiteral("resources/catalog/example.json")));
    REQUIRE(f.open(QIODevice::ReadOnly));
    QByteArray text = f.readAll();
    const core::CatalogParse example = core::parseCatalog(text, QStringLiteral("example"));
    REQUIRE(example.ok());
    const QString code = example.items.first().code;
    // Make the first item promise more than the statute allows.
    QList<core::ServiceItem> items = example.items;
    items.first().promisedDays = items.first().statutoryDays + 5;
    const QString bad = test::writeTempFile(dir, "bad.json", core::catalogToJson(items));

    const test::CtlRun r =
        runCtl(store, {QStringLiteral("catalog"), QStringLiteral("import"), bad});
    CHECK(r.exitCode == 1);
    CHECK(r.err.contains(QStringLiteral("事项 ") + code));
    CHECK(r.err.contains(QStringLiteral("promisedDays")));
    CHECK(r.err.contains(QStringLiteral("超过法定时限")));
    CHECK(r.err.contains(QStringLiteral("未导入任何事项")));
    const test::CtlRun listed = runCtl(store, args({"catalog", "list"}));
    CHECK(listed.out.isEmpty());
}

TEST_CASE("onewindowctl catalog: bad usage and unknown items")
{
    QTemporaryDir dir;
    const QString store = test::newStore(dir);
    CHECK(runCtl(store, args({"catalog"})).exitCode == 2);
    CHECK(runCtl(store, args({"catalog", "import"})).exitCode == 2);
    CHECK(runCtl(store, args({"catalog", "show"})).exitCode == 2);
    CHECK(runCtl(store, args({"catalog", "show", "X", "--version", "0"})).exitCode == 2);
    const test::CtlRun unknown =
        runCtl(store, args({"catalog", "show", "11620102MB1234567B4000000000001"}));
    CHECK(unknown.exitCode == 1);
    CHECK(unknown.err.contains(QStringLiteral("没有实施编码")));
    const test::CtlRun missing = runCtl(store, args({"catalog", "import", "/nonexistent/c.json"}));
    CHECK(missing.exitCode == 1);
    CHECK(missing.err.contains(QStringLiteral("无法读取")));
}
