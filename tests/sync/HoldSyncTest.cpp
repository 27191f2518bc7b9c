// 领办 between windows of a hall (issue 18; docs/sync-protocol.md, decision 1): the server grants
// a hold online, the holder wins whatever the push order, and offline a window decides only the
// cases it holds.
#include "sync/SyncHall.h"

#include "core/CaseHold.h"
#include "core/CasePayloads.h"
#include "core/SyncProtocol.h"
#include "store/ClockState.h"
#include "store/SyncRepository.h"

#include <catch2/catch.hpp>

using namespace onewindow;
using core::EventType;
namespace payload = core::payload;

namespace {

using Window = test::SyncWindow;

core::Result<store::CaseStore::Appended> act(Window& w, const QString& caseId, EventType type,
                                             const QJsonObject& p = {})
{
    return w.hall.cases->append(caseId, type, p, test::kHallClerk);
}

// W07 and W08 of one hall, a case taken in and accepted at W07, both synced.
struct TwoWindows
{
    test::ServerFixture server;
    Window w07, w08;
    QString caseId;
    TwoWindows()
    {
        test::openTwoWindows(server, w07, w08);
        caseId = test::takeAndAccept(w07);
        w07.syncNow();
        w08.syncNow();
    }
};

} // namespace

TEST_CASE("Decision 1, 领办: the holder wins whatever the push order; the other window's change is "
          "set aside with the hold as winner, and its note still counts")
{
    const bool holderFirst = GENERATE(true, false);
    CAPTURE(holderFirst);
    TwoWindows hall;
    Window& w07 = hall.w07;
    Window& w08 = hall.w08;
    const QString& caseId = hall.caseId;

    // W08 holds the case online: the server grants it.
    auto hold = act(w08, caseId, EventType::Held);
    REQUIRE(hold.ok());
    CHECK(hold->event.payload.value(QStringLiteral("window")).toString() == QStringLiteral("W08"));
    CHECK(w08.syncNow().rejected == 0);

    // W07 has not pulled yet: it decides, and notes; W08 decides the other way.
    auto w07Decision =
        act(w07, caseId, EventType::Decided, payload::decided(QStringLiteral("granted")));
    REQUIRE(w07Decision.ok());
    REQUIRE(act(w07, caseId, EventType::Note, payload::note(QStringLiteral("申请人来电"))).ok());
    REQUIRE(
        act(w08, caseId, EventType::Decided, payload::decided(QStringLiteral("not_granted"))).ok());
    if (holderFirst)
        w08.syncNow();
    CHECK(w07.syncNow().rejected == 1);
    w08.syncNow();
    w07.syncNow();

    for (Window* w : {&w07, &w08}) {
        const core::CaseState s = w->state(caseId);
        CHECK(s.status == core::CaseStatus::Decided);
        CHECK(s.decisionOutcome == QStringLiteral("not_granted"));
    }
    CHECK(w07.digest() == w08.digest());
    auto lost = w07.client->repository().rejectedOwn();
    REQUIRE(lost.ok());
    REQUIRE(lost->size() == 1);
    CHECK(lost->first().eventId == w07Decision->event.eventId);
    // Before the holder's decision arrives the reason is the hold itself; after it, the head.
    CHECK(lost->first().reasonCode ==
          (holderFirst ? core::sync::code::kStaleHead : core::kHeldElsewhere));
    if (!holderFirst)
        CHECK(lost->first().winner == hold->event.eventId);
}

TEST_CASE("Decision 1, 领办 at the window: a hold pulled from the hall keeps the window's own "
          "changes back at once; a second hold is refused by the server")
{
    TwoWindows hall;
    Window& w07 = hall.w07;
    Window& w08 = hall.w08;
    const QString& caseId = hall.caseId;
    REQUIRE(act(w08, caseId, EventType::Held).ok());
    // W07 holds too before it has heard of W08's hold: the server sets the later one aside.
    auto second = act(w07, caseId, EventType::Held);
    REQUIRE(second.ok());
    w08.syncNow();
    CHECK(w07.syncNow().rejected == 1);
    const core::CaseState s = w07.state(caseId);
    CHECK(s.holderWindow == QStringLiteral("W08"));
    // Now W07 knows: it is told at once, and its note still goes.
    auto refused =
        act(w07, caseId, EventType::Suspended, payload::suspended(QStringLiteral("补充检验"), {}));
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == core::kHeldElsewhere);
    CHECK(act(w07, caseId, EventType::Note, payload::note(QStringLiteral("已告知申请人"))).ok());
    // W08 releases it; W07 may hold it then.
    REQUIRE(act(w08, caseId, EventType::HoldReleased).ok());
    w08.syncNow();
    w07.syncNow();
    REQUIRE(act(w07, caseId, EventType::Held).ok());
    CHECK(w07.syncNow().rejected == 0);
    CHECK(w07.state(caseId).holderWindow == QStringLiteral("W07"));
}

TEST_CASE("Issue 18, offline: a window decides only the cases it holds, the hold accepted by the "
          "server, and cases the hall does not know yet; it holds only online")
{
    test::ServerFixture server;
    server.createHall(QStringLiteral("620102"));
    Window w07;
    w07.enrol(server, QStringLiteral("W07"));
    const QString known = test::takeAndAccept(w07);
    const QString held = test::takeAndAccept(w07);
    const QString pendingHold = test::takeAndAccept(w07);
    w07.syncNow();
    REQUIRE(act(w07, held, EventType::Held).ok());
    w07.syncNow();
    REQUIRE(act(w07, pendingHold, EventType::Held).ok()); // not pushed yet

    // The next sync reaches no server: offline.
    REQUIRE(store::markClockOffline(*w07.hall.store).ok());
    const QJsonObject granted = payload::decided(QStringLiteral("granted"));
    auto unheld = act(w07, known, EventType::Decided, granted);
    REQUIRE_FALSE(unheld.ok());
    CHECK(unheld.error().code == QStringLiteral("case.not_held_offline"));
    auto notYet = act(w07, pendingHold, EventType::Decided, granted);
    REQUIRE_FALSE(notYet.ok());
    CHECK(notYet.error().code == QStringLiteral("case.not_held_offline"));
    auto holdOffline = act(w07, known, EventType::Held);
    REQUIRE_FALSE(holdOffline.ok());
    CHECK(holdOffline.error().code == QStringLiteral("case.hold_offline"));
    // What decides nothing goes on offline; so does the held case and a case taken in offline.
    CHECK(act(w07, known, EventType::Note, payload::note(QStringLiteral("x"))).ok());
    CHECK(act(w07, held, EventType::Decided, granted).ok());
    const QString fresh = test::takeAndAccept(w07);
    CHECK(act(w07, fresh, EventType::Decided, granted).ok());
    // Nothing refused was stored.
    CHECK(w07.state(known).status == core::CaseStatus::InProgress);

    // Online again, the known case is decided as before.
    w07.syncNow();
    CHECK(act(w07, known, EventType::Decided, granted).ok());
    CHECK(w07.syncNow().rejected == 0);
}

TEST_CASE("领办 belongs to a window of a hall: a store with no server refuses it")
{
    test::HallFixture hall;
    auto taken = hall.cases->receive(hall.intake(), QStringLiteral("clerk-1"));
    REQUIRE(taken.ok());
    auto held =
        hall.cases->append(taken->event.caseId, EventType::Held, {}, QStringLiteral("clerk-1"));
    REQUIRE_FALSE(held.ok());
    CHECK(held.error().code == QStringLiteral("case.hold_no_hall"));
}
