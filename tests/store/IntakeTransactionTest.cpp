#include "support/HallFixture.h"
#include "support/TestSupport.h"

#include "core/CasePayloads.h"
#include "core/IntakeDraft.h"
#include "store/CaseStore.h"
#include "store/DraftRepository.h"

using namespace onewindow;
using core::EventType;
namespace payload = core::payload;

using Hall = test::HallFixture;

namespace {

const QString kClerk = QStringLiteral("clerk-1");

// The draft the clerk's intake kept until the case is recorded.
void keepDraft(Hall& h)
{
    core::IntakeDraft draft;
    draft.step = 4;
    draft.itemCode = h.item.code;
    draft.itemName = h.item.name;
    draft.applicant.name = QStringLiteral("张三");
    REQUIRE(store::DraftRepository(*h.store).save(kClerk, draft).ok());
}

} // namespace

TEST_CASE("Intake as one act: received, decided and the draft removed in one transaction")
{
    Hall h;
    keepDraft(h);
    auto done = h.cases->receiveAndDecide(
        h.intake(),
        [](const store::CaseStore::Appended&) -> core::Result<store::CaseStore::IntakeDecision> {
            return store::CaseStore::IntakeDecision{EventType::Accepted, payload::accepted()};
        },
        kClerk);
    REQUIRE(done.ok());
    CHECK(done->decided.state.status == core::CaseStatus::InProgress);
    CHECK(done->received.event.caseId == done->decided.event.caseId);
    CHECK(h.count(QStringLiteral("SELECT count(*) FROM events")) == 2);
    CHECK_FALSE(store::DraftRepository(*h.store).exists(kClerk));
    auto stored = h.cases->state(done->received.event.caseId);
    REQUIRE(stored.ok());
    CHECK(stored->status == core::CaseStatus::InProgress);
}

TEST_CASE("Intake as one act: a failure at the decision stores nothing and keeps the draft")
{
    Hall h;
    keepDraft(h);
    const int events = h.count(QStringLiteral("SELECT count(*) FROM events"));
    const int cases = h.count(QStringLiteral("SELECT count(*) FROM cases"));

    SECTION("the decision cannot be made (failure injected after the receipt is written)")
    {
        bool receivedFirst = false;
        auto failed = h.cases->receiveAndDecide(
            h.intake(),
            [&](const store::CaseStore::Appended& received)
                -> core::Result<store::CaseStore::IntakeDecision> {
                // The receipt is in the open transaction when the decision is asked for.
                receivedFirst =
                    h.count(QStringLiteral("SELECT count(*) FROM events")) == events + 1 &&
                    !received.event.caseId.isEmpty();
                return core::Error{QStringLiteral("test.injected"), QStringLiteral("注入的故障")};
            },
            kClerk);
        REQUIRE_FALSE(failed.ok());
        CHECK(failed.error().code == QStringLiteral("test.injected"));
        CHECK(receivedFirst);
    }
    SECTION("the store refuses the decision (a refusal without its reason)")
    {
        auto failed = h.cases->receiveAndDecide(
            h.intake(),
            [](const store::CaseStore::Appended&)
                -> core::Result<store::CaseStore::IntakeDecision> {
                return store::CaseStore::IntakeDecision{
                    EventType::Refused, payload::refused(QStringLiteral("other"), QString(), {})};
            },
            kClerk);
        REQUIRE_FALSE(failed.ok());
    }
    CHECK(h.count(QStringLiteral("SELECT count(*) FROM events")) == events);
    CHECK(h.count(QStringLiteral("SELECT count(*) FROM cases")) == cases);
    CHECK(store::DraftRepository(*h.store).exists(kClerk));
    // The number the failed intake would have had is still the next one.
    auto next = h.cases->receive(h.intake(), kClerk);
    REQUIRE(next.ok());
    CHECK(next->state.caseNumber == QStringLiteral("620102-20260918-W07-0001"));
    CHECK(next->event.deviceSeq == 1);
}
