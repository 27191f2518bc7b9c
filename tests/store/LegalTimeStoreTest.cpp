// Legal time in the store: one canonical order whatever order events arrived in, time-driven
// events that two stores make as one, and a lapse recorded before anything else happens.
#include "support/HallFixture.h"
#include "support/TestSupport.h"

#include "store/StoreMaintenance.h"

using namespace onewindow;
using core::EventType;
using test::d;
namespace payload = core::payload;

namespace {

QList<core::Event> eventsOf(test::HallFixture& h, const QString& caseId)
{
    auto events = h.cases->events(caseId);
    REQUIRE(events.ok());
    return *events;
}

void requireClean(test::HallFixture& h)
{
    auto report = store::checkStore(*h.cases, {});
    REQUIRE(report.ok());
    CHECK(report->mismatches == 0);
    CHECK(report->gaps.isEmpty());
    CHECK(report->ok());
}

} // namespace

TEST_CASE("Two windows decided one case while apart: merged either way, one decision everywhere")
{
    test::HallFixture w07;
    test::HallFixture w08;
    auto received = w07.cases->receive(w07.intake(), QStringLiteral("clerk-1"));
    REQUIRE(received.ok());
    const QString caseId = received->event.caseId;
    REQUIRE(
        w07.cases
            ->append(caseId, EventType::Accepted, payload::accepted(), QStringLiteral("clerk-1"))
            .ok());
    REQUIRE(*w08.cases->importEvents(eventsOf(w07, caseId)) == 2);

    w07.setNow("2026-09-30", "10:00");
    REQUIRE(w07.cases
                ->append(caseId, EventType::Decided, payload::decided(QStringLiteral("granted")),
                         QStringLiteral("clerk-1"))
                .ok());
    w08.setNow("2026-09-30", "11:00");
    REQUIRE(w08.cases
                ->append(caseId, EventType::Decided,
                         payload::decided(QStringLiteral("not_granted")), QStringLiteral("clerk-2"))
                .ok());
    // Each store takes the other's log: rowid order differs between them, the fold does not.
    REQUIRE(w08.cases->importEvents(eventsOf(w07, caseId)).ok());
    REQUIRE(w07.cases->importEvents(eventsOf(w08, caseId)).ok());
    for (test::HallFixture* h : {&w07, &w08}) {
        auto s = h->cases->state(caseId);
        REQUIRE(s.ok());
        CHECK(s->decisionOutcome == QStringLiteral("granted"));
        REQUIRE(s->rejected.size() == 1);
        requireClean(*h);
    }
    CHECK(eventsOf(w07, caseId).size() == eventsOf(w08, caseId).size());
    CHECK(w07.count(QStringLiteral("SELECT count(*) FROM cases WHERE status = 'decided'")) == 1);
    CHECK(w08.count(QStringLiteral("SELECT count(*) FROM cases WHERE status = 'decided'")) == 1);
}

TEST_CASE("Time-driven events: the same deemed acceptance produced by two stores merges into one")
{
    test::HallFixture w07;
    test::HallFixture w08;
    auto received = w07.cases->receive(w07.intake(true), QStringLiteral("clerk-1"));
    REQUIRE(received.ok());
    const QString caseId = received->event.caseId;
    REQUIRE(*w08.cases->importEvents(eventsOf(w07, caseId)) == 1);
    // 行政许可法 Art. 32: the notice period ended on 2026-09-24. Each store notices on its own day.
    w07.setNow("2026-09-25", "08:00");
    w08.setNow("2026-09-28", "09:00");
    REQUIRE(*w07.cases->produceDueSystemEvents(d("2026-09-25")) == 1);
    REQUIRE(*w08.cases->produceDueSystemEvents(d("2026-09-28")) == 1);
    CHECK(*w07.cases->produceDueSystemEvents(d("2026-09-25")) == 0);
    const QList<core::Event> a = eventsOf(w07, caseId);
    const QList<core::Event> b = eventsOf(w08, caseId);
    REQUIRE(a.size() == 2);
    REQUIRE(b.size() == 2);
    CHECK(a.last().eventId == b.last().eventId);
    CHECK(a.last().occurredAtUtc == b.last().occurredAtUtc);
    CHECK(a.last().payload == b.last().payload);
    CHECK(core::isSystemDevice(a.last().deviceId));
    // Merging each into the other adds nothing: one event, and no device sequence with a gap.
    CHECK(*w07.cases->importEvents(b) == 0);
    CHECK(*w08.cases->importEvents(a) == 0);
    for (test::HallFixture* h : {&w07, &w08}) {
        CHECK(h->count(QStringLiteral("SELECT count(*) FROM events WHERE type = "
                                      "'case.deemed_accepted'")) == 1);
        auto s = h->cases->state(caseId);
        CHECK(s->status == core::CaseStatus::InProgress);
        CHECK(s->timeline.accepted == d("2026-09-18"));
        requireClean(*h);
    }
}

TEST_CASE("行政许可法 Art. 32: an action after the notice period finds the deemed acceptance first")
{
    test::HallFixture h;
    auto received = h.cases->receive(h.intake(true), QStringLiteral("clerk-1"));
    REQUIRE(received.ok());
    const QString caseId = received->event.caseId;
    // No tick ran since: the clerk tries a notice a week late.
    h.setNow("2026-10-09", "09:30");
    auto late = h.cases->append(caseId, EventType::NoticeIssued,
                                payload::notice(core::correctionsFor(received->state, h.item), 5),
                                QStringLiteral("clerk-1"));
    REQUIRE_FALSE(late.ok());
    CHECK(late.error().message.contains(QStringLiteral("视为受理")));
    // The lapse is recorded all the same, dated when the period ran out, before anything later.
    const QList<core::Event> events = eventsOf(h, caseId);
    REQUIRE(events.size() == 2);
    CHECK(events.last().type == EventType::DeemedAccepted);
    CHECK(events.last().occurredAtUtc ==
          QDateTime(d("2026-09-25"), QTime(0, 0), h.cases->settings().zone).toUTC());
    // An action that is legal goes on after it.
    auto note =
        h.cases->append(caseId, EventType::Note, payload::note(QStringLiteral("已电话告知")),
                        QStringLiteral("clerk-1"));
    REQUIRE(note.ok());
    CHECK(eventsOf(h, caseId).last().eventId == note->event.eventId);
    requireClean(h);
}
