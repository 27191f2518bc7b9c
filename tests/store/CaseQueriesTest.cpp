#include "support/HallFixture.h"
#include "support/TestSupport.h"

#include "store/CaseQueries.h"

using namespace onewindow;
using core::EventType;
using onewindow::test::d;
namespace payload = core::payload;

namespace {

QStringList numbers(const QList<store::CaseRow>& rows)
{
    QStringList out;
    for (const store::CaseRow& r : rows)
        out.append(r.caseNumber);
    return out;
}

} // namespace

TEST_CASE("Open cases by warning level then deadline; a clerk's queue; overdue")
{
    test::HallFixture h;
    // A: accepted 09-18 (promised 10-09); B: accepted 10-12 (promised 10-26); C: decided; D:
    // another clerk.
    auto a = h.cases->receive(h.intake(), QStringLiteral("clerk-1"));
    REQUIRE(h.cases
                ->append(a->event.caseId, EventType::Accepted, payload::accepted(),
                         QStringLiteral("clerk-1"))
                .ok());
    h.setNow("2026-10-12");
    auto b = h.cases->receive(h.intake(), QStringLiteral("clerk-1"));
    REQUIRE(h.cases
                ->append(b->event.caseId, EventType::Accepted, payload::accepted(),
                         QStringLiteral("clerk-1"))
                .ok());
    auto c = h.cases->receive(h.intake(), QStringLiteral("clerk-1"));
    REQUIRE(h.cases
                ->append(c->event.caseId, EventType::Accepted, payload::accepted(),
                         QStringLiteral("clerk-1"))
                .ok());
    REQUIRE(h.cases
                ->append(c->event.caseId, EventType::Decided,
                         payload::decided(QStringLiteral("granted")), QStringLiteral("clerk-1"))
                .ok());
    REQUIRE(h.cases
                ->append(c->event.caseId, EventType::Delivered,
                         payload::delivered(QStringLiteral("pickup"), QStringLiteral("张三")),
                         QStringLiteral("clerk-1"))
                .ok());
    auto e = h.cases->receive(h.intake(), QStringLiteral("clerk-2"));
    REQUIRE(h.cases
                ->append(e->event.caseId, EventType::Accepted, payload::accepted(),
                         QStringLiteral("clerk-2"))
                .ok());

    store::CaseQueries q(*h.store);
    const QDate today = d("2026-10-22");
    auto open = q.openByUrgency(today, 10);
    REQUIRE(open.ok());
    REQUIRE(open->size() == 3);                           // the delivered case is closed
    CHECK(open->at(0).caseNumber == a->state.caseNumber); // red: promised 10-09 passed
    CHECK(open->at(0).levelOn(today) == core::WarningLevel::Red);
    CHECK(open->at(1).levelOn(today) == core::WarningLevel::Yellow); // promised 10-26, 2 days left
    auto mine = q.clerkOpen(QStringLiteral("clerk-2"), today, 10);
    REQUIRE(mine.ok());
    CHECK(numbers(*mine) == QStringList{e->state.caseNumber});
    auto late = q.overdue(today, 10);
    REQUIRE(late.ok());
    CHECK(numbers(*late) == QStringList{a->state.caseNumber});
    auto counts = q.countsByStatus(QStringLiteral("clerk-1"));
    REQUIRE(counts.ok());
    CHECK(counts->value(QStringLiteral("in_progress")) == 2);
}

TEST_CASE(
    "行政许可法 Art. 45: a suspended case is never red on the board while its clock is paused")
{
    test::HallFixture h;
    auto a = h.cases->receive(h.intake(), QStringLiteral("clerk-1"));
    REQUIRE(h.cases
                ->append(a->event.caseId, EventType::Accepted, payload::accepted(),
                         QStringLiteral("clerk-1"))
                .ok());
    h.setNow("2026-10-08");
    REQUIRE(
        h.cases
            ->append(a->event.caseId, EventType::Suspended,
                     payload::suspended(QStringLiteral("inspection"), QStringLiteral("现场核查")),
                     QStringLiteral("clerk-1"))
            .ok());
    store::CaseQueries q(*h.store);
    const QDate later = d("2026-11-30"); // far past the promised 10-09, but the clock is paused
    CHECK(q.overdue(later, 10)->isEmpty());
    auto open = q.openByUrgency(later, 10);
    REQUIRE(open->size() == 1);
    CHECK(open->first().suspended);
    CHECK(open->first().levelOn(later) == core::WarningLevel::Normal);
}

TEST_CASE("Search by case number, query code, name prefix, ID number and phone")
{
    test::HallFixture h;
    auto li = h.cases->receive(h.intake(false, QStringLiteral("李四")), QStringLiteral("clerk-1"));
    auto wang =
        h.cases->receive(h.intake(false, QStringLiteral("王五")), QStringLiteral("clerk-1"));
    REQUIRE(li.ok());
    REQUIRE(wang.ok());
    store::CaseQueries q(*h.store);
    CHECK(numbers(*q.search(li->state.caseNumber, 10)) == QStringList{li->state.caseNumber});
    CHECK(numbers(*q.search(wang->state.queryCode, 10)).contains(wang->state.caseNumber));
    CHECK(numbers(*q.search(QStringLiteral("王"), 10)) == QStringList{wang->state.caseNumber});
    CHECK(q.search(QStringLiteral("11010519491231002x"), 10)->size() == 2);
    CHECK(q.search(QStringLiteral("13912345678"), 10)->size() == 2);
    CHECK(q.search(QStringLiteral("赵"), 10)->isEmpty());
    CHECK(q.search(QString(), 10)->isEmpty());
}

TEST_CASE("A name-prefix search finds names going on beyond the BMP (CJK Extension B)")
{
    test::HallFixture h;
    // 王𠀀 (U+20000, the first of Extension B) and 王五: both start with 王.
    const QString extB = QStringLiteral("王") + QString::fromUcs4(U"\U00020000", 1);
    auto rare = h.cases->receive(h.intake(false, extB), QStringLiteral("clerk-1"));
    auto wang =
        h.cases->receive(h.intake(false, QStringLiteral("王五")), QStringLiteral("clerk-1"));
    REQUIRE(rare.ok());
    REQUIRE(wang.ok());
    store::CaseQueries q(*h.store);
    QStringList found = numbers(*q.byApplicantNamePrefix(QStringLiteral("王"), 10));
    found.sort();
    QStringList expected{rare->state.caseNumber, wang->state.caseNumber};
    expected.sort();
    CHECK(found == expected);
    CHECK(numbers(*q.byApplicantNamePrefix(extB, 10)) == QStringList{rare->state.caseNumber});
    CHECK(q.byApplicantNamePrefix(QStringLiteral("赵"), 10)->isEmpty());
}

TEST_CASE(
    "Cases received, accepted and decided in a date range; waiting for correction; deemed accepted")
{
    test::HallFixture h;
    auto a = h.cases->receive(h.intake(true), QStringLiteral("clerk-1"));
    auto b = h.cases->receive(h.intake(true), QStringLiteral("clerk-1"));
    REQUIRE(h.cases
                ->append(a->event.caseId, EventType::NoticeIssued,
                         payload::notice(core::correctionsFor(a->state, h.item), 10),
                         QStringLiteral("clerk-1"))
                .ok());
    h.setNow("2026-09-25", "08:00");
    REQUIRE(*h.cases->produceDueSystemEvents(d("2026-09-25")) == 1); // b: deemed accepted
    store::CaseQueries q(*h.store);
    CHECK(numbers(*q.awaitingCorrection(10)) == QStringList{a->state.caseNumber});
    CHECK(numbers(*q.deemedAccepted(10)) == QStringList{b->state.caseNumber});
    CHECK(q.between(store::CaseQueries::DateField::Received, d("2026-09-01"), d("2026-09-30"), 10)
              ->size() == 2);
    CHECK(numbers(*q.between(store::CaseQueries::DateField::Accepted, d("2026-09-18"),
                             d("2026-09-18"), 10)) ==
          QStringList{b->state.caseNumber}); // deemed accepted as of the receipt day
    CHECK(q.between(store::CaseQueries::DateField::Decided, d("2026-09-01"), d("2026-09-30"), 10)
              ->isEmpty());
}
