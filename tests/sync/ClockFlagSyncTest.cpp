// Decision 7 at the windows (docs/sync-protocol.md "Clocks"): an event the hall's server flagged
// for its time comes down with its flag to every window, is kept beside its placement, and is
// what the supervisor's 时间存疑的记录 lists; the background sync tells the status bar the gap it
// measured after each sync. Two windows against a real server in this process.
#include "ctl/CtlRunner.h"
#include "sync/SyncHall.h"
#include "sync/WaitStatus.h"

#include "core/ClockOffset.h"
#include "core/SyncProtocol.h"
#include "store/SyncRepository.h"
#include "store/TimeFlagRecords.h"
#include "sync/SyncService.h"

#include <catch2/catch.hpp>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace onewindow;
using core::EventType;

using onewindow::test::waitForStatus;

TEST_CASE("Decision 7: a window whose clock runs ten minutes ahead takes a case; the server flags "
          "it, and the other window's store and supervisor list hold the flag, with the window, "
          "the case number and both times",
          "[clock]")
{
    test::ServerFixture server;
    test::SyncWindow w07, w08;
    test::openTwoWindows(server, w07, w08);
    w07.syncNow();
    w08.syncNow(); // the server's clock is the windows' time T

    // On time: no flag anywhere.
    auto onTime = w07.hall.cases->receive(w07.hall.intake(), test::kHallClerk);
    REQUIRE(onTime.ok());
    w07.syncNow();
    w08.syncNow();
    CHECK(store::TimeFlagRecords(*w08.hall.store).all(100)->isEmpty());

    // W07's clock jumps ten minutes ahead (its last measurement said 0: the act is taken); the
    // server receives at T.
    const QDateTime serverTime = server.clock().nowUtc();
    w07.hall.clock.advanceSeconds(10 * 60);
    auto ahead = w07.hall.cases->receive(w07.hall.intake(), test::kHallClerk);
    REQUIRE(ahead.ok());
    REQUIRE(w07.client->syncNow().ok()); // without setting the server's clock to W07's
    w08.syncNow();

    for (test::SyncWindow* w : {&w08, &w07}) { // the other window, and the one that pushed it
        auto flagged = store::TimeFlagRecords(*w->hall.store).all(100);
        REQUIRE(flagged.ok());
        REQUIRE(flagged->size() == 1);
        const store::FlaggedRecord& r = flagged->first();
        CHECK(r.event.eventId == ahead->event.eventId);
        CHECK(r.event.type == EventType::Received);
        CHECK(r.caseNumber == ahead->state.caseNumber);
        CHECK(r.flag.code == QString::fromLatin1(core::sync::kTimeAfterReceipt));
        CHECK(r.flag.reason == core::sync::eventTimeFlagText(r.flag.code));
        CHECK(r.flag.window == QStringLiteral("W07"));
        CHECK(r.event.occurredAtUtc == serverTime.addSecs(10 * 60));
        CHECK(r.receivedAtUtc == serverTime);
        CHECK(r.hallSeq > 0);
        auto ofCase = store::TimeFlagRecords(*w->hall.store).ofCase(ahead->event.caseId);
        REQUIRE(ofCase.ok());
        CHECK(ofCase->contains(ahead->event.eventId));
        CHECK(store::TimeFlagRecords(*w->hall.store).ofCase(onTime->event.caseId)->isEmpty());
    }

    // The same from the command line at the other window: `sync flags` lists it as the
    // supervisor's tab does, and `case timeline` marks it as the window's timeline does.
    const qint64 hallSeq = store::TimeFlagRecords(*w08.hall.store).all(100)->first().hallSeq;
    const QTimeZone zone = w08.hall.cases->settings().zone;
    const auto at = [&zone](const QDateTime& utc) {
        return utc.toTimeZone(zone).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    };
    const QString reason =
        core::sync::eventTimeFlagText(QString::fromLatin1(core::sync::kTimeAfterReceipt));
    const test::CtlRun listed = test::runCtl(w08.hall.path(), test::args({"sync", "flags"}));
    INFO(listed.err.toStdString());
    REQUIRE(listed.exitCode == 0);
    CHECK(listed.out ==
          QStringLiteral("%1  办件 %2  收件  窗口 W07  记录时间 %3  服务器收到 %4  %5\n")
              .arg(QString::number(hallSeq), ahead->state.caseNumber,
                   at(serverTime.addSecs(10 * 60)), at(serverTime), reason));
    const test::CtlRun json =
        test::runCtl(w08.hall.path(), test::args({"sync", "flags", "--json"}));
    REQUIRE(json.exitCode == 0);
    const QJsonArray flags = QJsonDocument::fromJson(json.out.toUtf8()).array();
    REQUIRE(flags.size() == 1);
    const QJsonObject f = flags.first().toObject();
    CHECK(f.value(QStringLiteral("hall_seq")).toInteger() == hallSeq);
    CHECK(f.value(QStringLiteral("case_number")).toString() == ahead->state.caseNumber);
    CHECK(f.value(QStringLiteral("event_id")).toString() == ahead->event.eventId);
    CHECK(f.value(QStringLiteral("event_type")).toString() == QStringLiteral("case.received"));
    CHECK(f.value(QStringLiteral("window")).toString() == QStringLiteral("W07"));
    CHECK(QDateTime::fromString(f.value(QStringLiteral("occurred_at")).toString(),
                                Qt::ISODateWithMs) == serverTime.addSecs(10 * 60));
    CHECK(QDateTime::fromString(f.value(QStringLiteral("received_at")).toString(),
                                Qt::ISODateWithMs) == serverTime);
    CHECK(f.value(QStringLiteral("reason_code")).toString() ==
          QString::fromLatin1(core::sync::kTimeAfterReceipt));
    CHECK(f.value(QStringLiteral("reason")).toString() == reason);
    const test::CtlRun flagged =
        test::runCtl(w08.hall.path(),
                     {QStringLiteral("case"), QStringLiteral("timeline"), ahead->state.caseNumber});
    REQUIRE(flagged.exitCode == 0);
    CHECK(flagged.out.startsWith(
        QStringLiteral("⚠ %1").arg(at(serverTime.addSecs(10 * 60)).left(16))));
    CHECK(flagged.out.contains(
        QStringLiteral("  时间存疑：%1（记录时间 %2，大厅服务器收到时间 %3）\n")
            .arg(reason, at(serverTime.addSecs(10 * 60)), at(serverTime))));
    const test::CtlRun plain =
        test::runCtl(w08.hall.path(), {QStringLiteral("case"), QStringLiteral("timeline"),
                                       onTime->state.caseNumber});
    REQUIRE(plain.exitCode == 0);
    CHECK_FALSE(plain.out.isEmpty());
    CHECK_FALSE(plain.out.contains(QStringLiteral("⚠")));
    CHECK_FALSE(plain.out.contains(QStringLiteral("时间存疑")));
    // A word the command does not take: exit 2, with its usage, nothing printed.
    const test::CtlRun bad = test::runCtl(w08.hall.path(), test::args({"sync", "flags", "--all"}));
    CHECK(bad.exitCode == 2);
    CHECK(bad.err.contains(QStringLiteral("用法：sync flags [--json]")));
    CHECK(bad.out.isEmpty());
}

TEST_CASE("Decision 7: the background sync tells the status bar the gap it measured after each "
          "sync: over the hall's allowance, then back within it once the clock is set",
          "[clock]")
{
    test::ServerFixture server;
    server.createHall(QStringLiteral("620102"));
    test::SyncWindow w07;
    w07.enrol(server, QStringLiteral("W07"));
    w07.syncNow();
    // The server is 12 minutes ahead of this PC.
    server.clock().set(w07.hall.clock.nowUtc().addSecs(12 * 60));

    sync::SyncService service(w07.hall.path(), w07.hall.clock, w07.hall.cases->settings(),
                              sync::SyncOptions{60000, {5000, 5000}, 0, 0});
    service.start();
    const auto skewed = waitForStatus(service, [](const sync::SyncStatus& s) { return s.online; });
    REQUIRE(skewed);
    CHECK(skewed->clockMeasured);
    CHECK(skewed->clockOnline);
    CHECK(skewed->clockOffsetMs == 12 * 60 * 1000); // the fake clocks stand still meanwhile
    CHECK(skewed->maxClockGapSeconds == 300);
    CHECK(core::sync::clockGapStanding(skewed->clockOffsetMs, skewed->maxClockGapSeconds) ==
          core::sync::ClockGapStanding::Over);

    // The clock set right, the next sync says so.
    server.clock().set(w07.hall.clock.nowUtc());
    service.syncNow();
    const auto set = waitForStatus(
        service, [](const sync::SyncStatus& s) { return s.online && s.clockOffsetMs == 0; });
    REQUIRE(set);
    CHECK(core::sync::clockGapStanding(set->clockOffsetMs, set->maxClockGapSeconds) ==
          core::sync::ClockGapStanding::Within);
    service.stop();
}
