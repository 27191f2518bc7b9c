// Decision 1 between windows: an inquiry about a case (咨询) is mergeable, so a window logs it on a
// case another window holds, the hall takes it, and the holder pulls it into the case's record.
#include "sync/SyncHall.h"

#include "core/CasePayloads.h"
#include "core/EventText.h"
#include "store/InquiryRepository.h"

#include <catch2/catch.hpp>

using namespace onewindow;
using core::EventType;
namespace payload = core::payload;

namespace {

using Window = test::SyncWindow;

} // namespace

TEST_CASE("Decision 1: window W07 logs an inquiry about a case W08 holds; the hall takes it, W08 "
          "pulls it into the case's record and both digests equal the server's",
          "[inquiry]")
{
    test::ServerFixture server;
    Window w07, w08;
    test::openTwoWindows(server, w07, w08);
    auto taken = w07.hall.cases->receive(w07.hall.intake(), test::kHallClerk);
    REQUIRE(taken.ok());
    const QString caseId = taken->event.caseId;
    const QString number = taken->state.caseNumber;
    REQUIRE(
        w07.hall.cases->append(caseId, EventType::Accepted, payload::accepted(), test::kHallClerk)
            .ok());
    w07.syncNow();
    w08.syncNow();

    // W08 holds the case online; W07 has not pulled the hold when the applicant asks at W07.
    REQUIRE(w08.hall.cases->append(caseId, EventType::Held, {}, test::kHallClerk).ok());
    CHECK(w08.syncNow().rejected == 0);
    core::Inquiry in;
    in.clerkId = test::kHallClerk;
    in.windowCode = QStringLiteral("W07");
    in.person = QStringLiteral("张三");
    in.question = QStringLiteral("我的件办到哪了");
    in.answer = QStringLiteral("已受理，由 W08 窗口办理");
    auto logged =
        store::InquiryRepository(*w07.hall.store).recordAbout(in, number, *w07.hall.cases);
    REQUIRE(logged.ok());
    CHECK(w07.syncNow().rejected == 0);

    // W08 pulls it: the case's record shows it, and W08 still holds and decides the case.
    w08.syncNow();
    auto events = w08.hall.cases->events(caseId);
    REQUIRE(events.ok());
    const auto inquired = std::find_if(events->cbegin(), events->cend(), [](const core::Event& e) {
        return e.type == EventType::Inquired;
    });
    REQUIRE(inquired != events->cend());
    CHECK(inquired->payload.value(QStringLiteral("inquiryId")).toString() == logged->inquiryId);
    CHECK(core::describeEvent(*inquired).contains(QStringLiteral("我的件办到哪了")));
    CHECK(w08.state(caseId).holderWindow == QStringLiteral("W08"));
    REQUIRE(w08.hall.cases
                ->append(caseId, EventType::Decided, payload::decided(QStringLiteral("granted")),
                         test::kHallClerk)
                .ok());
    CHECK(w08.syncNow().rejected == 0);
    w07.syncNow();

    CHECK(w07.state(caseId).status == core::CaseStatus::Decided);
    CHECK(w07.digest() == test::serverDigest(server));
    CHECK(w08.digest() == test::serverDigest(server));
}
