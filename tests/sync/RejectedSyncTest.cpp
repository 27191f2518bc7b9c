// Issue 18: an own event the hall rejected shows with the event that won, at the loser and at
// every other workstation; a document printed under it is void and the supervisor recalls it
// (decision 3). Two windows against a real server in this process (tests/server's fixture).
#include "sync/SyncHall.h"

#include "ctl/CtlRunner.h"

#include "core/CasePayloads.h"
#include "core/DocumentKind.h"
#include "core/SyncProtocol.h"
#include "store/RejectedRecords.h"
#include "store/SyncRepository.h"

#include <catch2/catch.hpp>

using namespace onewindow;
using core::EventType;
namespace payload = core::payload;

TEST_CASE("Decision 3: two windows act on one case apart; the loser's store after the pull shows "
          "its rejected refusal beside the winning acceptance and who made each, and the refusal "
          "letter it printed is void with a recall for the supervisor")
{
    test::ServerFixture server;
    test::SyncWindow w07, w08;
    test::openTwoWindows(server, w07, w08);
    auto taken = w07.hall.cases->receive(w07.hall.intake(), test::kHallClerk);
    REQUIRE(taken.ok());
    const QString caseId = taken->event.caseId;
    w07.syncNow();
    w08.syncNow(); // both hold the receipt, and the hall's users

    // Apart: W07 accepts; W08 refuses (行政许可法 Art. 32) and prints the refusal decision.
    auto accepted =
        w07.hall.cases->append(caseId, EventType::Accepted, payload::accepted(), test::kHallClerk);
    REQUIRE(accepted.ok());
    auto refused = w08.hall.cases->append(caseId, EventType::Refused,
                                          payload::refused(QStringLiteral("not_competent"),
                                                           QStringLiteral("不属于本机关职权范围"),
                                                           QStringLiteral("兰州市市场监督管理局")),
                                          test::kHallSupervisor);
    REQUIRE(refused.ok());
    auto letter = w08.hall.cases->recordPrint(caseId, core::DocumentKind::Refusal, 1,
                                              test::kHallSupervisor, {});
    REQUIRE(letter.ok());
    // Before the hall answers, nothing is void and nothing rejected.
    store::RejectedRecords before(*w08.hall.store);
    CHECK(before.ofCase(caseId)->isEmpty());
    CHECK(before.voidedDocuments(caseId)->isEmpty());

    w07.syncNow();
    CHECK(w08.syncNow().rejected >= 1);

    store::RejectedRecords loser(*w08.hall.store);
    auto records = loser.ofCase(caseId);
    REQUIRE(records.ok());
    REQUIRE(records->size() == 1);
    const store::RejectedRecord& r = records->first();
    CHECK(r.event.eventId == refused->event.eventId);
    CHECK(r.own);
    CHECK(r.reasonCode == core::sync::code::kStaleHead);
    CHECK(r.caseNumber == taken->state.caseNumber);
    REQUIRE(r.winner);
    CHECK(r.winner->eventId == accepted->event.eventId);
    // Who made each, by the hall's users that came down with the pull.
    CHECK(r.by.name != test::kHallSupervisor);
    CHECK_FALSE(r.by.name.isEmpty());
    CHECK(r.winnerBy.name != test::kHallClerk);
    const QString text = r.text(QTimeZone(QByteArrayLiteral("Asia/Shanghai")));
    CHECK(text.startsWith(QStringLiteral("未生效：2026-12-07 11:00")));
    CHECK(text.contains(QStringLiteral("不予受理")));
    CHECK(text.contains(QStringLiteral("生效的是 2026-12-07 11:00")));
    CHECK(text.contains(core::eventTypeName(EventType::Accepted)));
    CHECK(text.contains(r.winnerBy.name));
    // The case stands accepted at the loser too.
    CHECK(w08.state(caseId).status == core::CaseStatus::InProgress);

    // The letter: void, with the reason, and the supervisor's recall.
    auto voided = loser.voidedDocuments();
    REQUIRE(voided.ok());
    REQUIRE(voided->size() == 1);
    CHECK(voided->first().number == letter->number);
    CHECK(voided->first().kind == QStringLiteral("refusal"));
    CHECK(voided->first().caseNumber == taken->state.caseNumber);
    CHECK(voided->first().sourceEventId == refused->event.eventId);
    CHECK(voided->first().reason.contains(QStringLiteral("未生效")));
    CHECK(voided->first().reason.contains(QStringLiteral("作废")));
    CHECK(voided->first().recallTask() ==
          QStringLiteral("追回已发文书：不予受理决定书 %1").arg(letter->number));

    // The winner's workstation knows the same after its pull: not its own, the same winner, the
    // same void letter for its supervisor.
    w07.syncNow();
    store::RejectedRecords other(*w07.hall.store);
    auto there = other.all(100);
    REQUIRE(there.ok());
    REQUIRE(there->size() == 1);
    CHECK_FALSE(there->first().own);
    CHECK(there->first().event.eventId == refused->event.eventId);
    REQUIRE(there->first().winner);
    CHECK(there->first().winner->eventId == accepted->event.eventId);
    CHECK(other.untoldOwn()->isEmpty());
    auto voidedThere = other.voidedDocuments();
    REQUIRE(voidedThere.ok());
    REQUIRE(voidedThere->size() == 1);
    CHECK(voidedThere->first().number == letter->number);

    // The ctl says the same: sync status lists the loser's own record, case show the void letter.
    const test::CtlRun status =
        test::runCtl(w08.hall.path(), {QStringLiteral("sync"), QStringLiteral("status")});
    INFO(status.err.toStdString());
    CHECK(status.exitCode == 0);
    CHECK(status.out.contains(QStringLiteral("未生效 1 条")));
    CHECK(status.out.contains(QStringLiteral("办件 %1：未生效：").arg(taken->state.caseNumber)));
    CHECK(status.out.contains(QStringLiteral("生效的是")));
    const test::CtlRun shown = test::runCtl(
        w07.hall.path(), {QStringLiteral("case"), QStringLiteral("show"), taken->state.caseNumber});
    CHECK(shown.exitCode == 0);
    CHECK(shown.out.contains(QStringLiteral("未生效：")));
    CHECK(shown.out.contains(
        QStringLiteral("作废：追回已发文书：不予受理决定书 %1").arg(letter->number)));
}

TEST_CASE("Decision 3: the loser's clerk is told of a rejected event once; the store remembers "
          "it across a reopen")
{
    test::ServerFixture server;
    test::SyncWindow w07, w08;
    test::openTwoWindows(server, w07, w08);
    const QString caseId = test::takeAndAccept(w07);
    w07.syncNow();
    w08.syncNow();
    REQUIRE(w07.hall.cases
                ->append(caseId, EventType::Decided, payload::decided(QStringLiteral("granted")),
                         test::kHallClerk)
                .ok());
    auto lost = w08.hall.cases->append(caseId, EventType::Decided,
                                       payload::decided(QStringLiteral("not_granted")),
                                       test::kHallSupervisor);
    REQUIRE(lost.ok());
    w07.syncNow();
    w08.syncNow();

    {
        store::RejectedRecords records(*w08.hall.store);
        auto untold = records.untoldOwn();
        REQUIRE(untold.ok());
        REQUIRE(untold->size() == 1);
        CHECK(untold->first().event.eventId == lost->event.eventId);
        REQUIRE(records.markTold({lost->event.eventId}, w08.hall.clock.nowUtc()).ok());
        CHECK(records.untoldOwn()->isEmpty());
        // Told twice is still told once.
        REQUIRE(records.markTold({lost->event.eventId}, w08.hall.clock.nowUtc()).ok());
    }
    // Reopened (a restart): still told, still listed.
    auto reopened = store::Store::open(w08.hall.path(), w08.hall.clock);
    REQUIRE(reopened.ok());
    store::RejectedRecords again(**reopened);
    CHECK(again.untoldOwn()->isEmpty());
    CHECK(again.all(10)->size() == 1);
    CHECK(w08.hall.count(QStringLiteral("SELECT count(*) FROM rejection_notices")) == 1);
}
