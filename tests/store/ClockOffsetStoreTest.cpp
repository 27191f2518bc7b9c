// Decision 7 of the server issue, "Clocks", at the window's store: the offset measured from the
// hall server is kept in sync_state and given to the clock when the store opens; online a gap over
// the hall's maxClockGapSeconds refuses every act and writes nothing, offline it does not apply;
// the HLC does not follow a pulled event's time more than the setting ahead of now.
#include "store/ClockState.h"
#include "store/Ids.h"
#include "store/SyncRepository.h"
#include "support/EnrolledStore.h"
#include "support/HallFixture.h"

#include "core/CasePayloads.h"

#include <catch2/catch.hpp>

#include <QUuid>

using namespace onewindow;
using core::EventType;
namespace payload = core::payload;

namespace {

const QString kClerk = QStringLiteral("clerk-1");

int events(test::HallFixture& h)
{
    return h.count(QStringLiteral("SELECT count(*) FROM events"));
}

} // namespace

TEST_CASE("Decision 7: online, a clock gap over maxClockGapSeconds refuses every act and writes "
          "nothing; offline, or within the gap, the window works")
{
    test::HallFixture h;
    REQUIRE(test::enrolWithoutServer(*h.store).ok());
    // Never measured: nothing to judge by.
    auto first = h.cases->receive(h.intake(), kClerk);
    REQUIRE(first.ok());
    const QString caseId = first->event.caseId;

    // The server answered 6 min 40 s ahead of this machine: online, over the hall's 300 s.
    REQUIRE(store::recordClockOffset(*h.store, 400000, h.clock.nowUtc()).ok());
    auto state = store::loadClockState(*h.store);
    REQUIRE(state.ok());
    REQUIRE(state->has_value());
    CHECK((*state)->offsetMs == 400000);
    CHECK((*state)->online);
    const int before = events(h);
    auto refused = h.cases->append(caseId, EventType::Accepted, payload::accepted(), kClerk);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == QStringLiteral("clock.gap"));
    CHECK(refused.error().message.contains(QStringLiteral("本机时钟比大厅服务器慢 6 分 40 秒")));
    CHECK(refused.error().message.contains(QStringLiteral("300 秒")));
    auto intake = h.cases->receive(h.intake(), kClerk);
    REQUIRE_FALSE(intake.ok());
    CHECK(intake.error().code == QStringLiteral("clock.gap"));
    CHECK(events(h) == before);

    // The last sync reached no server: offline, the rule rests (the offset stays).
    REQUIRE(store::markClockOffline(*h.store).ok());
    CHECK_FALSE((*store::loadClockState(*h.store))->online);
    CHECK((*store::loadClockState(*h.store))->offsetMs == 400000);
    REQUIRE(h.cases->append(caseId, EventType::Accepted, payload::accepted(), kClerk).ok());

    // Online again and within the gap (the clerk fixed the clock): the window works.
    REQUIRE(store::recordClockOffset(*h.store, -300000, h.clock.nowUtc()).ok());
    REQUIRE(h.cases->receive(h.intake(), kClerk).ok());
    CHECK(events(h) == before + 2);
}

TEST_CASE("Decision 7: the offset kept in the store is the machine clock's correction once the "
          "store is opened")
{
    test::HallFixture h;
    REQUIRE(test::enrolWithoutServer(*h.store).ok());
    // Not measured yet: a machine clock opening the store reads as it is.
    {
        const core::SystemClock machine(-600); // ten minutes slow
        auto opened = store::Store::open(h.path(), machine);
        REQUIRE(opened.ok());
        CHECK(machine.serverOffsetMs() == 0);
    }
    REQUIRE(store::recordClockOffset(*h.store, 600000, h.clock.nowUtc()).ok());
    const core::SystemClock machine(-600);
    auto opened = store::Store::open(h.path(), machine);
    REQUIRE(opened.ok());
    CHECK(machine.serverOffsetMs() == 600000);
    CHECK(qAbs((*opened)->clock().nowUtc().msecsTo(QDateTime::currentDateTimeUtc())) < 1000);
}

TEST_CASE("Decision 7: the HLC follows a pulled event's time up to maxClockGapSeconds ahead and "
          "ignores a runaway one")
{
    const auto wallOf = [](const QString& hlc) { return hlc.left(13).toLongLong(); };
    // A case of this window and another window's acceptance of it `ahead` seconds in the
    // future, pulled with their hall order; then this window forwards the case.
    const auto forwardAfter = [&](qint64 ahead) {
        test::HallFixture h;
        REQUIRE(test::enrolWithoutServer(*h.store).ok());
        auto received = h.cases->receive(h.intake(), kClerk);
        REQUIRE(received.ok());
        const qint64 now = h.clock.nowUtc().toMSecsSinceEpoch();
        core::Event remote = received->event;
        remote.eventId = store::newUuidV7(now);
        remote.deviceId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        remote.deviceSeq = 1;
        remote.hlc = store::Hlc{now + ahead * 1000, 0}.text(remote.deviceId);
        remote.occurredAtUtc = h.clock.nowUtc().addSecs(ahead);
        remote.type = EventType::Accepted;
        remote.typeVersion = core::currentTypeVersion(EventType::Accepted);
        remote.payload = payload::accepted();
        remote.payload.insert(QStringLiteral("caseHead"), received->event.eventId);
        store::Placement own;
        own.eventId = received->event.eventId;
        own.caseId = received->event.caseId;
        own.hallSeq = 1;
        store::Placement theirs = own;
        theirs.eventId = remote.eventId;
        theirs.hallSeq = 2;
        store::SyncRepository repo(*h.cases);
        auto pulled = repo.applyPull({{own, received->event, {}}, {theirs, remote, {}}}, 2);
        REQUIRE(pulled.ok());
        auto forwarded = h.cases->append(received->event.caseId, EventType::Forwarded,
                                         payload::forwarded(QStringLiteral("市场监管局")), kClerk);
        REQUIRE(forwarded.ok());
        // In the hall's order the forwarding still follows the acceptance.
        CHECK(forwarded->state.status == core::CaseStatus::InProgress);
        return std::pair{wallOf(forwarded->event.hlc) - now, wallOf(remote.hlc) - now};
    };
    // 60 s ahead, within the hall's 300 s: the HLC moves past it, as an HLC does.
    const auto [nearWall, nearRemote] = forwardAfter(60);
    CHECK(nearWall == nearRemote);
    // An hour ahead, a runaway clock: ignored, this window's HLC stays at its own now.
    const auto [farWall, farRemote] = forwardAfter(3600);
    CHECK(farRemote == 3600000);
    CHECK(farWall == 0);
}
