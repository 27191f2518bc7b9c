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

TEST_CASE("一件事 started from a case: the shared papers its acceptance holds are recorded as held "
          "by it; a paper it does not hold is refused and nothing is stored")
{
    test::HallFixture h;
    QList<core::ReceivedInput> parts = test::openingABusinessParts(h);
    auto alone = h.cases->receive(parts.first(), kClerk); // 设立登记 alone, every paper
    REQUIRE(alone.ok());
    const QString aloneId = alone->event.caseId;
    const QString aloneNumber = alone->state.caseNumber;
    REQUIRE(h.cases->append(aloneId, EventType::Accepted, payload::accepted(), kClerk).ok());
    parts.removeFirst();
    const auto acceptAll = [](int, const store::CaseStore::Appended&) -> core::Result<Decision> {
        return Decision{EventType::Accepted, payload::accepted()};
    };
    const int events = h.count(QStringLiteral("SELECT count(*) FROM events"));

    // The application form is each item's own (not a shared material of 开办企业): the case
    // does not hold 社保登记's, whatever it is called.
    QList<core::ReceivedInput> form = parts;
    form[1].materials[0].heldBy = aloneNumber;
    auto refused =
        h.cases->receiveMatter(form, QStringLiteral("KBQY"), 1, acceptAll, kClerk, aloneId);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == QStringLiteral("matter.held_by"));
    CHECK(refused.error().message.contains(form[1].materials[0].name));
    CHECK(refused.error().message.contains(QStringLiteral("未保存")));
    // Nor does a paper held by a case the matter does not start from count.
    QList<core::ReceivedInput> other = parts;
    other[0].materials[2].heldBy = QStringLiteral("620102-20260918-W07-0099");
    REQUIRE_FALSE(
        h.cases->receiveMatter(other, QStringLiteral("KBQY"), 1, acceptAll, kClerk, aloneId).ok());
    CHECK(h.count(QStringLiteral("SELECT count(*) FROM events")) == events);
    CHECK_FALSE(h.cases->state(aloneId)->matter.has_value());

    // The ID card, shared by every part, is held by the case: recorded so in each part.
    for (core::ReceivedInput& in : parts)
        in.materials[2].heldBy = aloneNumber;
    auto done =
        h.cases->receiveMatter(parts, QStringLiteral("KBQY"), 1, acceptAll, kClerk, aloneId);
    REQUIRE(done.ok());
    for (const auto& part : done->parts) {
        auto state = h.cases->state(part.received.event.caseId);
        REQUIRE(state.ok());
        CHECK(state->materials.at(2).state == core::MaterialState::Provided);
        CHECK(state->materials.at(2).heldBy == aloneNumber);
        CHECK(state->materials.at(0).heldBy.isEmpty());
    }
}

TEST_CASE("一件事 started from a case: a held paper taken again is checked like any other, with "
          "its reason; without one, or for a paper the case does not hold, nothing is stored")
{
    test::HallFixture h;
    QList<core::ReceivedInput> parts = test::openingABusinessParts(h);
    auto alone = h.cases->receive(parts.first(), kClerk);
    REQUIRE(alone.ok());
    const QString aloneId = alone->event.caseId;
    const QString aloneNumber = alone->state.caseNumber;
    REQUIRE(h.cases->append(aloneId, EventType::Accepted, payload::accepted(), kClerk).ok());
    parts.removeFirst();
    const int events = h.count(QStringLiteral("SELECT count(*) FROM events"));
    // The ID card (shared, held by the case) expired since: taken again, and now it is missing.
    for (core::ReceivedInput& in : parts) {
        in.materials[2].retakenFrom = aloneNumber;
        in.materials[2].state = core::MaterialState::Missing;
    }
    const auto decide = [](int, const store::CaseStore::Appended& r) -> core::Result<Decision> {
        const bool missing =
            std::any_of(r.state.materials.cbegin(), r.state.materials.cend(),
                        [](const auto& m) { return m.state == core::MaterialState::Missing; });
        if (missing)
            return Decision{
                EventType::NoticeIssued,
                payload::notice(
                    {core::Correction{r.state.materials.at(2).code, r.state.materials.at(2).name,
                                      QStringLiteral("已过期"), QStringLiteral("有效期内")}},
                    5)};
        return Decision{EventType::Accepted, payload::accepted()};
    };

    // No reason: refused, with what to do, and nothing stored.
    auto noReason =
        h.cases->receiveMatter(parts, QStringLiteral("KBQY"), 1, decide, kClerk, aloneId);
    REQUIRE_FALSE(noReason.ok());
    CHECK(noReason.error().code == QStringLiteral("matter.retaken_reason"));
    CHECK(noReason.error().message.contains(QStringLiteral("须写明原因")));
    CHECK(noReason.error().message.contains(QStringLiteral("未保存")));
    // A paper the case does not hold (the item's own form) cannot be "taken again".
    QList<core::ReceivedInput> form = parts;
    for (core::ReceivedInput& in : form)
        in.materials[2].retakenReason = QStringLiteral("身份证已过期");
    form[1].materials[0].retakenFrom = aloneNumber;
    form[1].materials[0].retakenReason = QStringLiteral("重新填写");
    auto notHeld = h.cases->receiveMatter(form, QStringLiteral("KBQY"), 1, decide, kClerk, aloneId);
    REQUIRE_FALSE(notHeld.ok());
    CHECK(notHeld.error().code == QStringLiteral("matter.retaken"));
    CHECK(h.count(QStringLiteral("SELECT count(*) FROM events")) == events);
    CHECK_FALSE(h.cases->state(aloneId)->matter.has_value());

    for (core::ReceivedInput& in : parts)
        in.materials[2].retakenReason = QStringLiteral("身份证已过期");
    auto done = h.cases->receiveMatter(parts, QStringLiteral("KBQY"), 1, decide, kClerk, aloneId);
    REQUIRE(done.ok());
    for (const auto& part : done->parts) {
        auto state = h.cases->state(part.received.event.caseId);
        REQUIRE(state.ok());
        const core::MaterialCheck& card = state->materials.at(2);
        // Not held: checked like any other paper, so its absence is noticed (行政许可法 Art. 32).
        CHECK(card.heldBy.isEmpty());
        CHECK(card.retakenFrom == aloneNumber);
        CHECK(card.retakenReason == QStringLiteral("身份证已过期"));
        CHECK(card.state == core::MaterialState::Missing);
        CHECK(state->status == core::CaseStatus::AwaitingCorrection);
    }
}
