// A matter (一件事, issue 20) taken in at the window as one act.
#include "support/CatalogFixtures.h"
#include "support/HallFixture.h"
#include "support/MatterFixtures.h"
#include "support/TestSupport.h"

#include "core/CasePayloads.h"
#include "core/MatterCase.h"
#include "store/CatalogRepository.h"
#include "store/MatterRepository.h"

using namespace onewindow;
using core::EventType;
namespace payload = core::payload;
using Decision = store::CaseStore::IntakeDecision;

namespace {

const QString kClerk = QStringLiteral("clerk-1");

} // namespace

TEST_CASE("一件事: one intake records every part with the matter's number beside its own")
{
    test::HallFixture h;
    auto done = h.cases->receiveMatter(
        test::openingABusinessParts(h), QStringLiteral("KBQY"), 1,
        [](int part, const store::CaseStore::Appended& received) -> core::Result<Decision> {
            if (part == 1) // 印章刻制备案 waits for a paper
                return Decision{
                    EventType::NoticeIssued,
                    payload::notice(
                        {core::Correction{received.state.materials.first().code,
                                          received.state.materials.first().name,
                                          QStringLiteral("未签字"), QStringLiteral("签字")}},
                        5)};
            return Decision{EventType::Accepted, payload::accepted()};
        },
        kClerk);
    REQUIRE(done.ok());
    CHECK(done->matterNumber == QStringLiteral("620102-20260918-W07-0001-J"));
    REQUIRE(done->parts.size() == 3);
    QStringList numbers;
    for (const auto& part : done->parts) {
        numbers.append(part.received.state.caseNumber);
        REQUIRE(part.decided.state.matter.has_value());
        CHECK(part.decided.state.matter->number == done->matterNumber);
        CHECK(part.decided.state.matter->code == QStringLiteral("KBQY"));
    }
    CHECK(numbers == QStringList{QStringLiteral("620102-20260918-W07-0001"),
                                 QStringLiteral("620102-20260918-W07-0002"),
                                 QStringLiteral("620102-20260918-W07-0003")});
    CHECK(done->parts.at(1).decided.state.status == core::CaseStatus::AwaitingCorrection);
    // The matter's parts are found again from the log, in the order they were received.
    auto ids = store::MatterRepository(*h.store).partCaseIds(done->matterNumber);
    REQUIRE(ids.ok());
    REQUIRE(ids->size() == 3);
    CHECK(ids->at(0) == done->parts.at(0).received.event.caseId);
    CHECK(ids->at(2) == done->parts.at(2).received.event.caseId);
    // The next intake of the window goes on after the parts.
    auto next = h.cases->receive(h.intake(), kClerk);
    REQUIRE(next.ok());
    CHECK(next->state.caseNumber == QStringLiteral("620102-20260918-W07-0004"));
}

TEST_CASE("一件事: a part that fails stores none of the matter")
{
    test::HallFixture h;
    const QList<core::ReceivedInput> parts = test::openingABusinessParts(h);
    const int events = h.count(QStringLiteral("SELECT count(*) FROM events"));
    auto failed = h.cases->receiveMatter(
        parts, QStringLiteral("KBQY"), 1,
        [](int part, const store::CaseStore::Appended&) -> core::Result<Decision> {
            if (part == 2) // a refusal without its reason
                return Decision{EventType::Refused,
                                payload::refused(QStringLiteral("other"), QString(), {})};
            return Decision{EventType::Accepted, payload::accepted()};
        },
        kClerk);
    REQUIRE_FALSE(failed.ok());
    CHECK(h.count(QStringLiteral("SELECT count(*) FROM events")) == events);
    CHECK(store::MatterRepository(*h.store)
              .partCaseIds(QStringLiteral("620102-20260918-W07-0001-J"))
              ->isEmpty());
    auto none = h.cases->receiveMatter({}, QStringLiteral("KBQY"), 1, {}, kClerk);
    REQUIRE_FALSE(none.ok());
    CHECK(none.error().code == QStringLiteral("matter.no_parts"));
}
