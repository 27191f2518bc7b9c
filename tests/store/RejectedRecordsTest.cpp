// Decision 3 in the store: two stores decide one case apart; after the hall's answers and a pull
// the loser's store lists its rejected decision with the winning one and who made each, counts
// the result as back when the winner decided, and tells the tray of it once.
#include "store/RejectedRecords.h"
#include "store/CaseQueries.h"
#include "store/UserRepository.h"
#include "support/HallVerdicts.h"

#include <catch2/catch.hpp>

using namespace onewindow;
using core::EventType;
namespace payload = core::payload;

TEST_CASE("Decision 3: the loser's store after the pull shows its rejected decision with the "
          "winning one; the result counts as back when the winner decided")
{
    test::HallFixture w07, w08;
    auto zhang = store::UserRepository(*w08.store)
                     .create(QStringLiteral("zhangsan"), QStringLiteral("张三"), core::Role::Clerk,
                             QStringLiteral("W07"), QStringLiteral("clerk-password-7"));
    REQUIRE(zhang.ok());
    test::enrolWindow(w07, QStringLiteral("W07"));
    test::enrolWindow(w08, QStringLiteral("W08"));
    test::HallVerdicts hall;
    auto taken = w07.cases->receive(w07.intake(), zhang->userId);
    REQUIRE(taken.ok());
    const QString caseId = taken->event.caseId;
    REQUIRE(
        w07.cases->append(caseId, EventType::Accepted, payload::accepted(), zhang->userId).ok());
    hall.push(w07);
    hall.pull(w08);

    // W08 decides first (10:10) but pushes last: W07's decision (10:20) stands.
    w08.setNow("2026-09-18", "10:10");
    auto lost = w08.cases->append(caseId, EventType::Decided,
                                  payload::decided(QStringLiteral("not_granted")),
                                  QStringLiteral("clerk-w08"));
    REQUIRE(lost.ok());
    w07.setNow("2026-09-18", "10:20");
    auto won = w07.cases->append(caseId, EventType::Decided,
                                 payload::decided(QStringLiteral("granted")), zhang->userId);
    REQUIRE(won.ok());
    // Before the hall answers, the loser's own decision is the result it shows.
    auto before = store::CaseQueries(*w08.store).readyForPickup(10);
    REQUIRE(before.ok());
    REQUIRE(before->size() == 1);
    CHECK(before->first().readyAtUtc == lost->event.occurredAtUtc);

    hall.push(w07);
    hall.push(w08, {{lost->event.eventId, won->event.eventId}});
    hall.pull(w08);

    store::RejectedRecords records(*w08.store);
    auto ofCase = records.ofCase(caseId);
    REQUIRE(ofCase.ok());
    REQUIRE(ofCase->size() == 1);
    const store::RejectedRecord& r = ofCase->first();
    CHECK(r.own);
    CHECK(r.event.eventId == lost->event.eventId);
    CHECK(r.caseNumber == taken->state.caseNumber);
    CHECK(r.reasonCode == core::sync::code::kStaleHead);
    REQUIRE(r.winner);
    CHECK(r.winner->eventId == won->event.eventId);
    // An actor this store does not know is shown by its id; a known one by name and window.
    CHECK(r.by.name == QStringLiteral("clerk-w08"));
    CHECK(r.winnerBy.name == QStringLiteral("张三"));
    CHECK(r.winnerBy.window == QStringLiteral("W07"));
    CHECK(r.text(w08.cases->settings().zone) ==
          QStringLiteral("未生效：2026-09-18 10:10 clerk-w08：办结：不予。原因：本件已被其他窗口"
                         "先行办理，此操作基于过时的办件状态，未生效。生效的是 2026-09-18 10:20 "
                         "张三（W07 窗口）：办结：准予"));
    CHECK(w08.cases->state(caseId)->decisionOutcome == QStringLiteral("granted"));
    // Nothing was printed under it: nothing is void.
    CHECK(records.voidedDocuments()->isEmpty());
    // The result is back when the winner decided, not when the loser did.
    auto after = store::CaseQueries(*w08.store).readyForPickup(10);
    REQUIRE(after.ok());
    REQUIRE(after->size() == 1);
    CHECK(after->first().readyAtUtc == won->event.occurredAtUtc);

    // The winner's store has no own rejection to tell after its pull; the loser's has one.
    hall.pull(w07);
    CHECK(store::RejectedRecords(*w07.store).untoldOwn()->isEmpty());
    CHECK(store::RejectedRecords(*w07.store).all(10)->size() == 1);
    CHECK(records.untoldOwn()->size() == 1);
}
