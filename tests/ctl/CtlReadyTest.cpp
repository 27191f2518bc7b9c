// Issue 18, 综合窗口出件: onewindowctl case list --ready prints the hand-out windows' queue.
#include "ctl/CtlRunner.h"
#include "support/ReadyHall.h"

#include <catch2/catch.hpp>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace onewindow;

TEST_CASE("Ready for pick-up: onewindowctl case list --ready prints the results ready, the "
          "longest waiting first, with when each came back")
{
    test::ReadyHall hall;
    const QString path = hall.path();
    const QDateTime now = hall.clock.nowUtc();
    hall.cases.reset();
    hall.store.reset(); // the ctl opens the store itself
    const test::CtlRun listed = test::runCtlAt(
        now, path, {QStringLiteral("case"), QStringLiteral("list"), QStringLiteral("--ready")});
    INFO(listed.err.toStdString());
    REQUIRE(listed.exitCode == 0);
    const QStringList lines = listed.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    REQUIRE(lines.size() == hall.expected.size());
    for (int i = 0; i < lines.size(); ++i)
        CHECK(lines.at(i).startsWith(hall.expected.at(i)));
    CHECK(lines.at(0).contains(QStringLiteral("待领取")));
    CHECK(lines.at(0).endsWith(QStringLiteral("结果 2026-09-21 09:30")));
    CHECK(lines.at(2).endsWith(QStringLiteral("结果 2026-09-22 10:00")));
    for (const QString& n : hall.notListed)
        CHECK_FALSE(listed.out.contains(n));
    CHECK(listed.err.contains(QStringLiteral("待出件 3 件")));

    const test::CtlRun json =
        test::runCtlAt(now, path,
                       {QStringLiteral("case"), QStringLiteral("list"), QStringLiteral("--ready"),
                        QStringLiteral("--json"), QStringLiteral("--limit"), QStringLiteral("2")});
    REQUIRE(json.exitCode == 0);
    const QJsonArray rows = QJsonDocument::fromJson(json.out.toUtf8()).array();
    REQUIRE(rows.size() == 2);
    CHECK(rows.at(0).toObject().value(QStringLiteral("caseNumber")).toString() ==
          hall.expected.at(0));
    CHECK(QDateTime::fromString(rows.at(1).toObject().value(QStringLiteral("ready_at")).toString(),
                                Qt::ISODateWithMs) == hall.readyAt.at(1));
}
