#include "ctl/CtlRunner.h"
#include "support/HallFixture.h"
#include "support/TestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>

using namespace onewindow;
using core::EventType;
using test::runCtl;
namespace payload = core::payload;

namespace {

QStringList args(std::initializer_list<QString> list)
{
    return QStringList(list);
}

} // namespace

TEST_CASE("onewindowctl case list, show and timeline")
{
    test::HallFixture h;
    auto a = h.cases->receive(h.intake(), QStringLiteral("clerk-1"));
    REQUIRE(a.ok());
    REQUIRE(h.cases
                ->append(a->event.caseId, EventType::Accepted, payload::accepted(),
                         QStringLiteral("clerk-1"))
                .ok());
    auto b = h.cases->receive(h.intake(true), QStringLiteral("clerk-1"));
    REQUIRE(b.ok());
    const QString number = a->state.caseNumber;

    const test::CtlRun list =
        runCtl(h.path(), args({QStringLiteral("case"), QStringLiteral("list")}));
    CHECK(list.exitCode == 0);
    CHECK(list.out.contains(number));
    CHECK(list.out.contains(b->state.caseNumber));

    const test::CtlRun json = runCtl(
        h.path(), args({QStringLiteral("case"), QStringLiteral("list"), QStringLiteral("--json"),
                        QStringLiteral("--state"), QStringLiteral("in_progress")}));
    CHECK(json.exitCode == 0);
    const QJsonArray rows = QJsonDocument::fromJson(json.out.toUtf8()).array();
    REQUIRE(rows.size() == 1);
    CHECK(rows.first().toObject().value(QStringLiteral("caseNumber")).toString() == number);
    CHECK(rows.first().toObject().value(QStringLiteral("applicantId")).toString() ==
          QStringLiteral("110105********002X"));

    const test::CtlRun show =
        runCtl(h.path(), args({QStringLiteral("case"), QStringLiteral("show"), number}));
    CHECK(show.exitCode == 0);
    CHECK(show.out.contains(QStringLiteral("状态：办理中")));
    CHECK(show.out.contains(QStringLiteral("法定时限：2026-10-22 届满")));
    CHECK(show.out.contains(QStringLiteral("承诺时限：2026-10-09 届满")));

    const test::CtlRun showJson = runCtl(
        h.path(),
        args({QStringLiteral("case"), QStringLiteral("show"), number, QStringLiteral("--json")}));
    const QJsonObject o = QJsonDocument::fromJson(showJson.out.toUtf8()).object();
    CHECK(o.value(QStringLiteral("status")).toString() == QStringLiteral("in_progress"));
    CHECK(o.value(QStringLiteral("clocks")).toArray().size() == 3);

    const test::CtlRun timeline =
        runCtl(h.path(), args({QStringLiteral("case"), QStringLiteral("timeline"), number}));
    CHECK(timeline.exitCode == 0);
    const QStringList lines = timeline.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].contains(QStringLiteral("收件")));
    CHECK(lines[0].contains(QStringLiteral("clerk-1")));
    CHECK(lines[1].contains(QStringLiteral("受理")));

    const test::CtlRun unknown =
        runCtl(h.path(), args({QStringLiteral("case"), QStringLiteral("show"),
                               QStringLiteral("620102-20260101-W01-9999")}));
    CHECK(unknown.exitCode == 1);
    CHECK(runCtl(h.path(), args({QStringLiteral("case"), QStringLiteral("list"),
                                 QStringLiteral("--state"), QStringLiteral("bogus")}))
              .exitCode == 2);
}

TEST_CASE("onewindowctl store check, rebuild and backup")
{
    test::HallFixture h;
    for (int i = 0; i < 3; ++i)
        REQUIRE(h.cases->receive(h.intake(), QStringLiteral("clerk-1")).ok());
    const test::CtlRun clean =
        runCtl(h.path(), args({QStringLiteral("store"), QStringLiteral("check")}));
    CHECK(clean.exitCode == 0);
    CHECK(clean.out.contains(QStringLiteral("检查通过")));
    CHECK(clean.out.contains(QStringLiteral("核对办件：3 件")));

    QSqlQuery q(h.store->database());
    REQUIRE(q.exec(QStringLiteral("UPDATE cases SET status = 'delivered'")));
    const test::CtlRun dirty =
        runCtl(h.path(), args({QStringLiteral("store"), QStringLiteral("check")}));
    CHECK(dirty.exitCode == 1);
    CHECK(dirty.out.contains(QStringLiteral("索引不一致：3 件")));
    CHECK(runCtl(h.path(), args({QStringLiteral("store"), QStringLiteral("rebuild")})).exitCode ==
          0);
    CHECK(runCtl(h.path(), args({QStringLiteral("store"), QStringLiteral("check")})).exitCode == 0);

    const QString dest = h.dir.filePath(QStringLiteral("b.sqlite"));
    CHECK(runCtl(h.path(), args({QStringLiteral("store"), QStringLiteral("backup"), dest}))
              .exitCode == 0);
    const test::CtlRun again =
        runCtl(h.path(), args({QStringLiteral("store"), QStringLiteral("backup"), dest}));
    CHECK(again.exitCode == 1);
    CHECK(again.err.contains(QStringLiteral("已存在")));
    CHECK(runCtl(h.path(), args({QStringLiteral("store")})).exitCode == 2);
}
