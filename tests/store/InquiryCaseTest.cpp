// An inquiry about a case (decision 1, 咨询): the first-inquiry log's entry and the case's event
// case.inquired are written in one transaction, both or neither; an unknown case stores nothing.
#include "support/HallFixture.h"
#include "support/HallVerdicts.h"
#include "support/TestSupport.h"

#include "core/CasePayloads.h"
#include "core/EventText.h"
#include "store/InquiryRepository.h"
#include "store/SyncRepository.h"

#include <QSqlQuery>

using namespace onewindow;
using core::EventType;

namespace {

core::Inquiry asked()
{
    core::Inquiry in;
    in.clerkId = QStringLiteral("clerk-1");
    in.windowCode = QStringLiteral("W07");
    in.person = QStringLiteral("王女士");
    in.phone = QStringLiteral("13912345678");
    in.question = QStringLiteral("我的件办到哪了？");
    in.answer = QStringLiteral("已受理，正在审查");
    return in;
}

struct Counts
{
    int inquiries = 0;
    int events = 0;
    bool operator==(const Counts&) const = default;
};

Counts counts(const test::HallFixture& h)
{
    return {h.count(QStringLiteral("SELECT count(*) FROM inquiries")),
            h.count(QStringLiteral("SELECT count(*) FROM events"))};
}

} // namespace

TEST_CASE("An inquiry about a case: the log's entry and the case's 咨询 are written together, by "
          "case number or query code, and the log still counts it once",
          "[inquiry]")
{
    test::HallFixture h;
    auto taken = h.cases->receive(h.intake(), QStringLiteral("clerk-1"));
    REQUIRE(taken.ok());
    const core::CaseState& c = taken->state;
    store::InquiryRepository log(*h.store);

    auto byNumber = log.recordAbout(asked(), QStringLiteral(" %1 ").arg(c.caseNumber), *h.cases);
    REQUIRE(byNumber.ok());
    CHECK(byNumber->caseId == c.caseId);
    CHECK(byNumber->caseNumber == c.caseNumber);
    h.setNow("2026-09-18", "10:05"); // the log lists in the order asked
    auto byCode = log.recordAbout(asked(), c.queryCode, *h.cases);
    REQUIRE(byCode.ok());
    CHECK(byCode->caseId == c.caseId);
    h.setNow("2026-09-18", "10:10");
    REQUIRE(log.record(asked()).ok()); // and one about no case

    // The case's record holds both, each naming its entry in the log.
    auto events = h.cases->events(c.caseId);
    REQUIRE(events.ok());
    REQUIRE(events->size() == 3);
    CHECK(events->at(1).type == EventType::Inquired);
    CHECK(events->at(1).payload.value(QStringLiteral("inquiryId")).toString() ==
          byNumber->inquiryId);
    CHECK(events->at(2).payload.value(QStringLiteral("inquiryId")).toString() == byCode->inquiryId);
    CHECK(events->at(1).actorId == QStringLiteral("clerk-1"));
    CHECK(core::describeEvent(events->at(1)).contains(QStringLiteral("我的件办到哪了")));
    auto state = h.cases->state(c.caseId);
    REQUIRE(state.ok());
    CHECK(state->status == c.status);

    // The window's log: three inquiries, not five; two of them name the case.
    auto today = log.onDay(QDate(2026, 9, 18), QStringLiteral("W07"));
    REQUIRE(today.ok());
    REQUIRE(today->size() == 3);
    CHECK(today->at(0).caseNumber == c.caseNumber);
    CHECK(today->at(1).caseId == c.caseId);
    CHECK(today->at(2).caseId.isEmpty());

    // Its words are in the case's record as they were recorded: the log does not correct them.
    core::Inquiry changed = today->at(0);
    changed.person = QStringLiteral("王女士（代办人）");
    auto amended = log.amend(changed, QStringLiteral("clerk-1"), QStringLiteral("W07"));
    REQUIRE_FALSE(amended.ok());
    CHECK(amended.error().code == QStringLiteral("inquiry.in_case_record"));
    CHECK(amended.error().message.contains(c.caseNumber));
    CHECK(log.onDay(QDate(2026, 9, 18), QStringLiteral("W07"))->at(0).person ==
          QStringLiteral("王女士"));
}

TEST_CASE("An inquiry about a case is both or neither: an unknown case, a refused act or a failed "
          "log entry stores nothing",
          "[inquiry]")
{
    test::HallFixture h;
    test::enrolWindow(h, QStringLiteral("W07")); // a window of a hall: it may be retired
    auto taken = h.cases->receive(h.intake(), QStringLiteral("clerk-1"));
    REQUIRE(taken.ok());
    const QString number = taken->state.caseNumber;
    store::InquiryRepository log(*h.store);
    const Counts before = counts(h);

    SECTION("a case number or query code that names no case here")
    {
        for (const QString& reference :
             {QStringLiteral("620102-20260918-W07-9999"), QStringLiteral("000000")}) {
            auto refused = log.recordAbout(asked(), reference, *h.cases);
            REQUIRE_FALSE(refused.ok());
            CHECK(refused.error().code == QStringLiteral("inquiry.case_unknown"));
            CHECK(refused.error().message.contains(reference));
        }
    }
    SECTION("the inquiry itself is incomplete (首问负责: no answer, no referral)")
    {
        core::Inquiry in = asked();
        in.answer.clear();
        auto refused = log.recordAbout(in, number, *h.cases);
        REQUIRE_FALSE(refused.ok());
        CHECK(refused.error().code == QStringLiteral("inquiry.answer"));
    }
    SECTION("the log's entry fails after the case's event was appended")
    {
        QSqlQuery q(h.store->database());
        REQUIRE(q.exec(QStringLiteral("CREATE TEMP TRIGGER refuse_inquiry BEFORE INSERT ON "
                                      "inquiries BEGIN SELECT RAISE(ABORT, 'injected'); END")));
        auto refused = log.recordAbout(asked(), number, *h.cases);
        REQUIRE_FALSE(refused.ok());
        CHECK(refused.error().code == QStringLiteral("store.inquiries"));
    }
    SECTION("the case's event is refused (a retired window records no act)")
    {
        REQUIRE(store::SyncRepository(*h.cases)
                    .markRetired(QStringLiteral("2026-09-18T02:30:00Z"))
                    .ok());
        auto refused = log.recordAbout(asked(), number, *h.cases);
        REQUIRE_FALSE(refused.ok());
        CHECK(refused.error().code == QStringLiteral("sync.device_retired"));
    }
    CHECK(counts(h) == before);
    auto events = h.cases->events(taken->event.caseId);
    REQUIRE(events.ok());
    CHECK(events->size() == 1);
}

TEST_CASE("A query code several cases share names none: the clerk is asked for the case number",
          "[inquiry]")
{
    test::HallFixture h;
    auto first = h.cases->receive(h.intake(), QStringLiteral("clerk-1"));
    auto second = h.cases->receive(h.intake(), QStringLiteral("clerk-1"));
    REQUIRE(first.ok());
    REQUIRE(second.ok());
    // Query codes are six digits: two cases may draw the same one.
    QSqlQuery q(h.store->database());
    q.prepare(QStringLiteral("UPDATE cases SET query_code = ?"));
    q.addBindValue(first->state.queryCode);
    REQUIRE(q.exec());
    const Counts before = counts(h);
    auto refused =
        store::InquiryRepository(*h.store).recordAbout(asked(), first->state.queryCode, *h.cases);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == QStringLiteral("inquiry.case_ambiguous"));
    CHECK(counts(h) == before);
}
