// A matter's results handed out at the window, and a matter started from a case taken in alone
// (一件事一次办, issue 20).
#include "support/CatalogFixtures.h"
#include "support/HallFixture.h"
#include "support/MatterFixtures.h"
#include "support/TestSupport.h"

#include "core/CasePayloads.h"
#include "core/EventText.h"
#include "core/MatterCase.h"
#include "core/MatterHandOut.h"
#include "store/CatalogRepository.h"
#include "store/MatterCases.h"
#include "store/MatterRepository.h"

using namespace onewindow;
using core::EventType;
namespace payload = core::payload;
using Decision = store::CaseStore::IntakeDecision;

namespace {

const QString kClerk = QStringLiteral("clerk-1");

// 开办企业 with three parts accepted, except `refusedPart` (refused at the intake) if any.
store::CaseStore::MatterIntake takeIn(test::HallFixture& h, int refusedPart = -1)
{
    auto done = h.cases->receiveMatter(
        test::openingABusinessParts(h), QStringLiteral("KBQY"), 1,
        [refusedPart](int part, const store::CaseStore::Appended&) -> core::Result<Decision> {
            if (part == refusedPart)
                return Decision{EventType::Refused,
                                payload::refused(QStringLiteral("other"),
                                                 QStringLiteral("不属于本机关职权范围"))};
            return Decision{EventType::Accepted, payload::accepted()};
        },
        kClerk);
    REQUIRE(done.ok());
    return *done;
}

QList<core::CaseState> statesOf(test::HallFixture& h, const QString& matterNumber)
{
    auto ids = store::MatterRepository(*h.store).partCaseIds(matterNumber);
    REQUIRE(ids.ok());
    QList<core::CaseState> out;
    for (const QString& id : *ids)
        out.append(*h.cases->state(id));
    return out;
}

void decide(test::HallFixture& h, const QString& caseId)
{
    REQUIRE(h.cases
                ->append(caseId, EventType::Decided,
                         payload::decided(QStringLiteral("granted"), QStringLiteral("准字1号")),
                         kClerk)
                .ok());
}

const QJsonObject kPickup = payload::delivered(QStringLiteral("pickup"), QStringLiteral("张三"));

} // namespace

TEST_CASE("一件事: one hand-out when every part is ready")
{
    test::HallFixture h;
    // 印章刻制备案 refused at the intake: it has no result and never holds the matter back.
    const auto intake = takeIn(h, 1);
    decide(h, intake.parts.at(0).received.event.caseId);
    // 社保登记 still being handled: no whole hand-out yet, and the clerk is told which part.
    auto early = core::planHandOut(statesOf(h, intake.matterNumber));
    REQUIRE_FALSE(early.ok());
    CHECK(early.error().code == QStringLiteral("matter.not_ready"));
    CHECK(early.error().message.contains(intake.parts.at(2).received.state.caseNumber));
    CHECK_FALSE(early.error().message.contains(intake.parts.at(1).received.state.caseNumber));

    decide(h, intake.parts.at(2).received.event.caseId);
    auto plan = core::planHandOut(statesOf(h, intake.matterNumber));
    REQUIRE(plan.ok());
    CHECK(plan->parts == QList<int>{0, 2});
    CHECK_FALSE(plan->partial);
    const QStringList ids{intake.parts.at(0).received.event.caseId,
                          intake.parts.at(2).received.event.caseId};
    auto handed = h.cases->handOutMatter(intake.matterNumber, ids, kPickup, false, kClerk);
    REQUIRE(handed.ok());
    REQUIRE(handed->size() == 2);
    for (const auto& part : *handed) {
        CHECK(part.state.status == core::CaseStatus::Delivered);
        CHECK(part.event.type == EventType::Delivered);
        // The case's own hand-out event, naming the matter.
        CHECK(part.event.payload.value(QStringLiteral("matter")).toObject() ==
              QJsonObject{{QStringLiteral("number"), intake.matterNumber},
                          {QStringLiteral("partial"), false}});
        CHECK(core::describeEvent(part.event) ==
              QStringLiteral("送达：窗口领取，签收人 张三（一件事 %1 一次出件）")
                  .arg(intake.matterNumber));
    }
    // Nothing is left to hand out.
    auto again = core::planHandOut(statesOf(h, intake.matterNumber));
    REQUIRE_FALSE(again.ok());
    CHECK(again.error().code == QStringLiteral("matter.nothing_ready"));
}

TEST_CASE("一件事: a partial hand-out only when the applicant asks, of parts that are ready")
{
    test::HallFixture h;
    const auto intake = takeIn(h);
    decide(h, intake.parts.at(1).received.event.caseId);
    const QList<core::CaseState> states = statesOf(h, intake.matterNumber);
    // A part still being handled cannot be asked for.
    auto notReady = core::planHandOut(states, {0, 1});
    REQUIRE_FALSE(notReady.ok());
    CHECK(notReady.error().code == QStringLiteral("matter.part_not_ready"));
    CHECK(notReady.error().message.contains(intake.parts.at(0).received.state.caseNumber));
    auto plan = core::planHandOut(states, {1});
    REQUIRE(plan.ok());
    CHECK(plan->parts == QList<int>{1});
    CHECK(plan->partial);
    auto handed = h.cases->handOutMatter(
        intake.matterNumber, {intake.parts.at(1).received.event.caseId}, kPickup, true, kClerk);
    REQUIRE(handed.ok());
    CHECK(core::describeEvent(handed->first().event).endsWith(QStringLiteral("部分出件）")));
    CHECK(h.cases->state(intake.parts.at(0).received.event.caseId)->status ==
          core::CaseStatus::InProgress);
    // The last two asked for together, when nothing else is left, are the whole hand-out.
    decide(h, intake.parts.at(0).received.event.caseId);
    decide(h, intake.parts.at(2).received.event.caseId);
    auto rest = core::planHandOut(statesOf(h, intake.matterNumber), {2, 0});
    REQUIRE(rest.ok());
    CHECK(rest->parts == QList<int>{0, 2});
    CHECK_FALSE(rest->partial);
}

TEST_CASE("一件事: a hand-out naming a matter the case is not part of stores nothing")
{
    test::HallFixture h;
    const auto intake = takeIn(h);
    for (const auto& part : intake.parts)
        decide(h, part.received.event.caseId);
    auto alone = h.cases->receive(h.intake(), kClerk);
    REQUIRE(alone.ok());
    REQUIRE(h.cases->append(alone->event.caseId, EventType::Accepted, payload::accepted(), kClerk)
                .ok());
    decide(h, alone->event.caseId);
    const int events = h.count(QStringLiteral("SELECT count(*) FROM events"));
    auto wrong = h.cases->handOutMatter(
        intake.matterNumber, {intake.parts.at(0).received.event.caseId, alone->event.caseId},
        kPickup, false, kClerk);
    REQUIRE_FALSE(wrong.ok());
    CHECK(wrong.error().code == QStringLiteral("delivered.matter"));
    CHECK(wrong.error().message.contains(alone->state.caseNumber));
    CHECK(h.count(QStringLiteral("SELECT count(*) FROM events")) == events);
    CHECK(h.cases->state(intake.parts.at(0).received.event.caseId)->status ==
          core::CaseStatus::Decided);
}

TEST_CASE("一件事: a matter started from a case taken in alone counts that case as its part, "
          "and the matter's clock runs from that day")
{
    test::HallFixture h;
    QList<core::ReceivedInput> parts = test::openingABusinessParts(h);
    // 设立登记 taken in alone on Friday 2026-09-18.
    auto alone = h.cases->receive(parts.first(), kClerk);
    REQUIRE(alone.ok());
    const QString aloneId = alone->event.caseId;
    REQUIRE(h.cases->append(aloneId, EventType::Accepted, payload::accepted(), kClerk).ok());
    // The applicant comes back on Tuesday: the same business also needs its seal and social
    // insurance.
    h.setNow("2026-09-22");
    parts.removeFirst();
    auto done = h.cases->receiveMatter(
        parts, QStringLiteral("KBQY"), 1,
        [](int, const store::CaseStore::Appended&) -> core::Result<Decision> {
            return Decision{EventType::Accepted, payload::accepted()};
        },
        kClerk, aloneId);
    REQUIRE(done.ok());
    CHECK(done->matterNumber == alone->state.caseNumber + QStringLiteral("-J"));
    REQUIRE(done->joined.has_value());
    CHECK(done->joined->event.type == EventType::MatterJoined);
    CHECK(core::describeEvent(done->joined->event) ==
          QStringLiteral("并入一件事：%1").arg(done->matterNumber));
    auto joined = h.cases->state(aloneId);
    REQUIRE(joined.ok());
    REQUIRE(joined->matter.has_value());
    CHECK(joined->matter->number == done->matterNumber);
    CHECK(joined->matterJoinedOn == QDate(2026, 9, 22));
    CHECK(joined->status == core::CaseStatus::InProgress); // joining changes nothing else

    auto matter = store::loadMatter(*h.cases, done->matterNumber, QDate(2026, 9, 22));
    REQUIRE(matter.ok());
    REQUIRE(matter->parts.size() == 3);
    CHECK(matter->parts.first().state.caseId == aloneId);
    // Promised within 1 working day from the matter's intake (Tuesday), not from Friday.
    CHECK(matter->progress.received == QDate(2026, 9, 22));
    CHECK(matter->progress.clock.deadline == QDate(2026, 9, 23));

    // A case already in a matter joins no other; the store is left as it was.
    const int events = h.count(QStringLiteral("SELECT count(*) FROM events"));
    auto twice = h.cases->receiveMatter(
        {parts.first()}, QStringLiteral("KBQY"), 1,
        [](int, const store::CaseStore::Appended&) -> core::Result<Decision> {
            return Decision{EventType::Accepted, payload::accepted()};
        },
        kClerk, aloneId);
    REQUIRE_FALSE(twice.ok());
    CHECK(twice.error().message.contains(QStringLiteral("不能再并入")));
    CHECK(h.count(QStringLiteral("SELECT count(*) FROM events")) == events);
}
