// The events the hall's server makes itself (docs/sync-protocol.md, decisions 4 and 9) at the
// windows: a hold the server took back at a retirement and a deemed acceptance the hall's timer
// recorded are pulled and folded like any event, the timeline names 中心服务器, and the window's
// next act after them stands.
#include "ctl/CtlRunner.h"
#include "sync/SyncHall.h"

#include "core/CasePayloads.h"
#include "server/Commands.h"
#include "server/ServerFixture.h"
#include "store/SyncRepository.h"

#include <catch2/catch.hpp>

#include <QTextStream>

using namespace onewindow;
using core::EventType;

namespace {

// `onewindow-server due HALL` on the fixture's database, at the fixture's time.
QString runDue(test::ServerFixture& server)
{
    QStringList args = server.spec().kind == server::DatabaseSpec::Kind::Sqlite
                           ? QStringList{QStringLiteral("--store"), server.spec().sqlitePath}
                           : QStringList{QStringLiteral("--database"),
                                         QString::fromUtf8(qgetenv("ONEWINDOW_TEST_PG"))};
    args << QStringLiteral("due") << QStringLiteral("620102");
    QString out, err;
    QTextStream o(&out), e(&err);
    REQUIRE(server::runCommand(args, o, e, server.clock()) == 0);
    o.flush();
    return out;
}

} // namespace

TEST_CASE("Decisions 4 and 9 end to end: a window folds the hold the server took back and the "
          "deemed acceptance it recorded like any pulled event, names 中心服务器, and acts on")
{
    test::ServerFixture server;
    test::SyncWindow w07, w08;
    test::openTwoWindows(server, w07, w08);

    // W07 takes a case in on Monday 2026-12-07 and holds it; both windows sync.
    const QString caseId = test::takeIn(w07);
    REQUIRE(w07.hall.cases->append(caseId, EventType::Held, {}, test::kHallClerk).ok());
    CHECK(w07.syncNow().rejected == 0);
    w08.syncNow();
    CHECK(w08.state(caseId).holderWindow == QStringLiteral("W07"));

    // W07's PC is retired: the server takes the hold back in the same transaction.
    auto w07State = w07.client->repository().state();
    REQUIRE(w07State.ok());
    REQUIRE(*w07State);
    REQUIRE(server.registry().retire((*w07State)->deviceId).ok());
    w08.syncNow();
    CHECK(w08.state(caseId).holderDevice.isEmpty());
    const QString number = w08.state(caseId).caseNumber;
    const test::CtlRun timeline =
        test::runCtlAt(w08.hall.clock.nowUtc(), w08.hall.path(),
                       {QStringLiteral("case"), QStringLiteral("timeline"), number});
    CHECK(timeline.exitCode == 0);
    CHECK(timeline.out.contains(
        QStringLiteral("中心服务器  收回领办：W07 窗口的设备已停用，中心服务器收回其领办")));

    // After the notice period (its last day Monday 2026-12-14) the hall's timer records the
    // deemed acceptance; W08 folds it and decides the case on the head it counts.
    w08.hall.clock.set(
        QDateTime(QDate(2026, 12, 15), QTime(0, 5), QTimeZone(QByteArrayLiteral("Asia/Shanghai"))));
    server.clock().set(w08.hall.clock.nowUtc());
    CHECK(runDue(server).contains(QStringLiteral("made\tcase.deemed_accepted\t") + number));
    w08.syncNow();
    CHECK(w08.state(caseId).status == core::CaseStatus::InProgress);
    REQUIRE(w08.hall.cases
                ->append(caseId, EventType::Decided,
                         core::payload::decided(QStringLiteral("granted")), test::kHallClerk)
                .ok());
    const auto report = w08.syncNow();
    CHECK(report.rejected == 0);
    CHECK(w08.state(caseId).status == core::CaseStatus::Decided);
}
