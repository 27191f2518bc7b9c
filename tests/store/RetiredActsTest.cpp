// Decision 9 at the window (docs/sync-protocol.md): a retired device, or one whose sync stopped
// for good, records no new act: it would never take effect at the hall.
#include "support/HallVerdicts.h"

#include "core/CasePayloads.h"

#include <catch2/catch.hpp>

using namespace onewindow;
using core::EventType;

TEST_CASE("Decision 9: a retired window refuses every new act with the reason, and stores nothing")
{
    const bool stopped = GENERATE(false, true);
    CAPTURE(stopped);
    test::HallFixture w07;
    test::enrolWindow(w07, QStringLiteral("W07"));
    auto taken = w07.cases->receive(w07.intake(), QStringLiteral("clerk-1"));
    REQUIRE(taken.ok());
    store::SyncRepository repo(*w07.cases);
    if (stopped)
        REQUIRE(repo.markStopped(QStringLiteral("device_revoked"), QStringLiteral("本设备已被撤销"))
                    .ok());
    else
        REQUIRE(repo.markRetired(QStringLiteral("2026-09-18T02:30:00Z")).ok());
    const int before = w07.count(QStringLiteral("SELECT count(*) FROM events"));

    auto accepted = w07.cases->append(taken->event.caseId, EventType::Accepted,
                                      core::payload::accepted(), QStringLiteral("clerk-1"));
    REQUIRE_FALSE(accepted.ok());
    CHECK(accepted.error().code == (stopped ? QStringLiteral("sync.device_stopped")
                                            : QStringLiteral("sync.device_retired")));
    auto another = w07.cases->receive(w07.intake(), QStringLiteral("clerk-1"));
    REQUIRE_FALSE(another.ok());
    CHECK(another.error().message.contains(stopped ? QStringLiteral("本设备已被撤销")
                                                   : QStringLiteral("窗口已由新设备接替")));
    CHECK(w07.count(QStringLiteral("SELECT count(*) FROM events")) == before);
}
