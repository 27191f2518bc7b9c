// 领办 (docs/sync-protocol.md, decision 1; core/CaseHold.h): a held case is changed only by the
// window that holds it, in the fold itself, so every workstation and the server agree.
#include "support/CaseBuilder.h"
#include "support/CatalogFixtures.h"
#include "support/TestSupport.h"

#include "core/CaseHold.h"
#include "core/SyncProtocol.h"
#include "core/Users.h"

using namespace onewindow;
using core::EventType;
namespace payload = core::payload;

namespace {

const QJsonObject kW08{{QStringLiteral("window"), QStringLiteral("W08")}};

// Received and accepted at W07 (dev-1) on Friday 2026-09-18.
test::CaseBuilder acceptedAtW07()
{
    test::CaseBuilder c(test::licenceItem());
    REQUIRE(
        c.add(EventType::Received, payload::received(c.receivedInput("2026-09-18")), "2026-09-18")
            .ok());
    REQUIRE(c.add(EventType::Accepted, payload::accepted(), "2026-09-18", "10:05").ok());
    return c;
}

} // namespace

TEST_CASE("Decision 1, 领办: only the holding window changes a held case; a note, a print and a "
          "supervisor's order stay open to every window")
{
    test::CaseBuilder c = acceptedAtW07();
    c.setDevice(QStringLiteral("dev-2"));
    REQUIRE(c.add(EventType::Held, kW08, "2026-09-21").ok());
    CHECK(c.state().holderDevice == QStringLiteral("dev-2"));
    CHECK(c.state().holderWindow == QStringLiteral("W08"));
    CHECK(core::heldBy(c.state(), QStringLiteral("dev-2")));

    // W07 (dev-1) may not decide, suspend or hold it again; the refusal names the holder.
    c.setDevice(QStringLiteral("dev-1"));
    const core::Status decided =
        c.add(EventType::Decided, payload::decided(QStringLiteral("granted")), "2026-09-21");
    REQUIRE_FALSE(decided.ok());
    CHECK(decided.error().code == core::kHeldElsewhere);
    CHECK(decided.error().message.contains(QStringLiteral("W08")));
    CHECK(c.add(EventType::Held, QJsonObject{{QStringLiteral("window"), QStringLiteral("W07")}},
                "2026-09-21")
              .error()
              .code == core::kHeldElsewhere);
    CHECK(c.add(EventType::HoldReleased, {}, "2026-09-21").error().code == core::kHeldElsewhere);
    // What decides nothing is every window's.
    CHECK(c.add(EventType::Note, payload::note(QStringLiteral("申请人来电")), "2026-09-21").ok());
    CHECK(c.add(EventType::Supervised,
                QJsonObject{{QStringLiteral("note"), QStringLiteral("请加快")},
                            {QStringLiteral("toWindow"), QStringLiteral("W08")}},
                "2026-09-21", "10:00", QStringLiteral("supervisor-1"))
              .ok());

    // The holder decides; the decision ends the hold (the hand-out is any window's).
    c.setDevice(QStringLiteral("dev-2"));
    REQUIRE(
        c.add(EventType::Decided, payload::decided(QStringLiteral("granted")), "2026-09-22").ok());
    CHECK(c.state().holderDevice.isEmpty());
    c.setDevice(QStringLiteral("dev-1"));
    CHECK(c.add(EventType::ResultReady, {}, "2026-09-22").ok());
}

TEST_CASE("Decision 1, 领办: replay keeps the holder's decision and lists another window's, logged "
          "after the hold, as not in effect")
{
    test::CaseBuilder c = acceptedAtW07();
    c.setDevice(QStringLiteral("dev-2"));
    REQUIRE(c.add(EventType::Held, kW08, "2026-09-21").ok());
    // W07 decided while apart, logged after the hold: the fold refuses it on every replay.
    c.setDevice(QStringLiteral("dev-1"));
    c.force(EventType::Decided, payload::decided(QStringLiteral("granted")), "2026-09-21", "11:00");
    c.setDevice(QStringLiteral("dev-2"));
    REQUIRE(c.add(EventType::Decided, payload::decided(QStringLiteral("not_granted")), "2026-09-21",
                  "12:00")
                .ok());
    // Folded in the hall's order (the order they were logged in here), as every window does.
    auto folded = core::foldOrdered(c.events(), c.context());
    REQUIRE(folded.ok());
    const core::CaseState& s = *folded;
    CHECK(s.decisionOutcome == QStringLiteral("not_granted"));
    REQUIRE(s.rejected.size() == 1);
    CHECK(s.rejected.first().eventId == c.events()[3].eventId);
}

TEST_CASE("Decision 1, 领办: a hold ends on its release, on a supervisor's recall (with a reason) "
          "and on the hand-on to a back office")
{
    test::CaseBuilder c = acceptedAtW07();
    c.setDevice(QStringLiteral("dev-2"));
    REQUIRE(c.add(EventType::Held, kW08, "2026-09-21").ok());
    REQUIRE(c.add(EventType::HoldReleased, {}, "2026-09-21", "10:10").ok());
    CHECK(c.state().holderDevice.isEmpty());
    REQUIRE(c.add(EventType::Held, kW08, "2026-09-21", "10:20").ok());

    // A supervisor at another PC takes the hold back (W08's PC is gone): a reason is required,
    // and only a supervisor or an administrator may record it.
    c.setDevice(QStringLiteral("dev-9"));
    CHECK_FALSE(core::roleMayRecord(core::Role::Clerk, EventType::HoldRecalled));
    CHECK(core::roleMayRecord(core::Role::Supervisor, EventType::HoldRecalled));
    CHECK(c.add(EventType::HoldRecalled, {}, "2026-09-21", "11:00", QStringLiteral("supervisor-1"))
              .error()
              .code == QStringLiteral("hold_recalled.reason"));
    REQUIRE(c.add(EventType::HoldRecalled,
                  QJsonObject{{QStringLiteral("reason"), QStringLiteral("W08 电脑故障停用")}},
                  "2026-09-21", "11:00", QStringLiteral("supervisor-1"))
                .ok());
    CHECK(c.state().holderDevice.isEmpty());

    // W07 holds and hands it on to the back office, which then decides it at its own PC.
    c.setDevice(QStringLiteral("dev-1"));
    REQUIRE(c.add(EventType::Held, QJsonObject{{QStringLiteral("window"), QStringLiteral("W07")}},
                  "2026-09-21", "14:00")
                .ok());
    REQUIRE(c.add(EventType::Forwarded, payload::forwarded(QStringLiteral("人社后台"), {}),
                  "2026-09-21", "14:10")
                .ok());
    CHECK(c.state().holderDevice.isEmpty());
    // Handed on, the case is the back office's to hold: a front window's hold would block it.
    const core::Status front = c.add(EventType::Held, kW08, "2026-09-21", "14:20");
    REQUIRE_FALSE(front.ok());
    CHECK(front.error().code == QStringLiteral("held.forwarded"));
    c.setDevice(QStringLiteral("dev-back"));
    REQUIRE(c.add(EventType::Held,
                  QJsonObject{{QStringLiteral("window"), QStringLiteral("BACK")},
                              {QStringLiteral("department"), QStringLiteral("人社后台")}},
                  "2026-09-21", "14:30")
                .ok());
    CHECK(
        c.add(EventType::Decided, payload::decided(QStringLiteral("granted")), "2026-09-22").ok());
}

TEST_CASE("Decision 1, 领办: a hold names its window, is taken only on a case still to be "
          "decided, and is a fold 3 type")
{
    test::CaseBuilder c = acceptedAtW07();
    CHECK(c.add(EventType::Held, {}, "2026-09-21").error().code == QStringLiteral("held.window"));
    CHECK(c.add(EventType::HoldReleased, {}, "2026-09-21").error().code ==
          QStringLiteral("case.illegal_action"));
    REQUIRE(
        c.add(EventType::Decided, payload::decided(QStringLiteral("granted")), "2026-09-21").ok());
    CHECK(c.add(EventType::Held, kW08, "2026-09-22").error().code ==
          QStringLiteral("case.illegal_action"));
    for (EventType t : {EventType::Held, EventType::HoldReleased, EventType::HoldRecalled})
        CHECK(core::sync::foldIntroducing(t) == 3);
}
