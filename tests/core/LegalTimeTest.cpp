// Legal time, exactly once: recorded history never changes on replay, one canonical order of a
// case's events, time-driven events that any producer makes alike.
#include "core/SystemEvents.h"
#include "support/CaseBuilder.h"
#include "support/CatalogFixtures.h"
#include "support/TestSupport.h"

#include <algorithm>
#include <array>
#include <functional>

using namespace onewindow;
using core::EventType;
using test::d;
namespace payload = core::payload;
using test::licenceItem;

namespace {

// The shipped calendars, with 2026 corrected by a (made-up) later notice that gives two more days
// off inside the notice period of a case received on 2026-09-18.
core::WorkingCalendar calendarWithMoreDaysOff()
{
    core::HolidayNotice n2026 = test::shippedNotice(2026);
    for (const char* day : {"2026-09-22", "2026-09-23"})
        n2026.days.append(core::NoticeDay{d(day), QStringLiteral("补充放假"), true});
    std::sort(n2026.days.begin(), n2026.days.end(),
              [](const core::NoticeDay& a, const core::NoticeDay& b) { return a.date < b.date; });
    return core::WorkingCalendar({test::shippedNotice(2024), test::shippedNotice(2025), n2026});
}

const core::CaseClock* clockOf(const QList<core::CaseClock>& clocks, core::ClockKind kind)
{
    for (const core::CaseClock& c : clocks)
        if (c.kind == kind)
            return &c;
    return nullptr;
}

} // namespace

TEST_CASE("History is facts: a replay under a calendar imported later keeps every status")
{
    test::CaseBuilder c(licenceItem());
    core::ReceivedInput in = c.receivedInput("2026-09-18");
    in.materials[1].state = core::MaterialState::Missing;
    REQUIRE(c.add(EventType::Received, payload::received(in), "2026-09-18").ok());
    // 行政许可法 Art. 32: no notice by 2026-09-24, accepted from the receipt day.
    auto due = core::dueSystemEvents(c.state(), c.context(), d("2026-09-25"));
    REQUIRE(due.ok());
    REQUIRE(due->size() == 1);
    const core::Event deemed = due->first();
    CHECK(deemed.payload.value(QStringLiteral("deadline")).toString() ==
          QStringLiteral("2026-09-24"));
    // The lapse takes effect the next working day: 09-25..27 are the Mid-Autumn holiday.
    CHECK(deemed.payload.value(QStringLiteral("lapsedOn")).toString() ==
          QStringLiteral("2026-09-28"));
    core::CaseState state = c.state();
    core::Event admitted = deemed;
    REQUIRE(core::admitEvent(state, admitted, c.context()).ok());
    QList<core::Event> events = c.events();
    events.append(admitted);
    // The statutory clock ran from the receipt day: decided on its deadline, on time.
    core::FoldContext then = c.context();
    auto folded = core::foldCase(events, then);
    REQUIRE(folded.ok());
    auto clocks = core::clocksOf(*folded, then, d("2026-10-22"));
    REQUIRE(clockOf(*clocks, core::ClockKind::Statutory)->clock.deadline == d("2026-10-22"));
    core::Event decided = admitted;
    decided.eventId = QStringLiteral("decided");
    decided.deviceId = QStringLiteral("dev-1");
    decided.deviceSeq = 9;
    decided.actorId = QStringLiteral("clerk-1");
    decided.type = EventType::Decided;
    decided.hlc = QStringLiteral("1792648800000-00000-dev-1"); // after the lapse's
    decided.payload = payload::decided(QStringLiteral("granted"));
    decided.occurredAtUtc = QDateTime(d("2026-10-22"), QTime(16, 0), then.zone).toUTC();
    REQUIRE(core::admitEvent(*folded, decided, then).ok());
    events.append(decided);

    // A later notice adds two days off: counted afresh, the deemed acceptance would be "early"
    // and the decision late. Replayed, history stands exactly as it was recorded.
    const core::WorkingCalendar later = calendarWithMoreDaysOff();
    core::FoldContext now = c.context();
    now.calendar = &later;
    auto afresh = core::caseClocks(later, c.state().timeline, d("2026-09-25"));
    REQUIRE(afresh.ok());
    REQUIRE(clockOf(*afresh, core::ClockKind::Notice)->clock.deadline == d("2026-09-29"));
    auto replayed = core::foldCase(events, now);
    REQUIRE(replayed.ok());
    CHECK(replayed->rejected.isEmpty());
    CHECK(replayed->status == core::CaseStatus::Decided);
    CHECK(replayed->timeline.deemedAccepted);
    CHECK(replayed->timeline.accepted == d("2026-09-18"));
    auto replayedClocks = core::clocksOf(*replayed, now, d("2026-11-30"));
    REQUIRE(replayedClocks.ok());
    const core::CaseClock* statutory = clockOf(*replayedClocks, core::ClockKind::Statutory);
    CHECK(statutory->clock.deadline == d("2026-10-22"));
    CHECK(statutory->clock.status.level == core::WarningLevel::DoneOnTime);
    const core::CaseClock* notice = clockOf(*replayedClocks, core::ClockKind::Notice);
    CHECK(notice->clock.deadline == d("2026-09-24"));
    CHECK(notice->clock.stopped == d("2026-09-28"));
    // A new event is judged now, against the calendar in force now.
    core::Event late = decided;
    late.type = EventType::Note;
    late.payload = payload::note(QStringLiteral("复核"));
    CHECK(core::checkEvent(*replayed, late, now).ok());
}

TEST_CASE("Time-driven events: two producers make the same deemed acceptance, once")
{
    test::CaseBuilder a(licenceItem());
    core::ReceivedInput in = a.receivedInput("2026-09-18");
    in.materials[1].state = core::MaterialState::Missing;
    REQUIRE(a.add(EventType::Received, payload::received(in), "2026-09-18").ok());
    // Not due on the deadline day itself; due the day after, and on any later day the same event.
    REQUIRE(core::dueSystemEvents(a.state(), a.context(), d("2026-09-24"))->isEmpty());
    auto first = core::dueSystemEvents(a.state(), a.context(), d("2026-09-25"));
    auto second = core::dueSystemEvents(a.refold(), a.context(), d("2026-10-08"));
    REQUIRE(first->size() == 1);
    REQUIRE(second->size() == 1);
    const core::Event& x = first->first();
    const core::Event& y = second->first();
    CHECK(x.eventId == y.eventId);
    CHECK(x.deviceId == core::systemDeviceId(x.eventId));
    CHECK(x.deviceSeq == 1);
    CHECK(x.hlc == y.hlc);
    CHECK(x.occurredAtUtc == y.occurredAtUtc);
    CHECK(x.occurredAtUtc == QDateTime(d("2026-09-25"), QTime(0, 0), a.context().zone).toUTC());
    CHECK(x.payload == y.payload);
    CHECK(x.type == EventType::DeemedAccepted);
    // Another case, or another clock, is another event.
    test::CaseBuilder b(licenceItem());
    REQUIRE(b.add(EventType::Received, payload::received(in), "2026-09-18").ok());
    core::CaseState other = b.state();
    other.caseId = QStringLiteral("case-2");
    CHECK(core::dueSystemEvents(other, b.context(), d("2026-09-25"))->first().eventId != x.eventId);
}

TEST_CASE("政府信息公开条例 Art. 30: the deemed abandonment is due after the correction period")
{
    core::ServiceItem item = licenceItem();
    item.profile = core::ProcedureProfile::Disclosure;
    item.kind = core::ItemKind::Disclosure;
    test::CaseBuilder c(item);
    core::ReceivedInput in = c.receivedInput("2026-11-02");
    in.materials[1].state = core::MaterialState::Missing;
    REQUIRE(c.add(EventType::Received, payload::received(in), "2026-11-02").ok());
    REQUIRE(c.add(EventType::NoticeIssued,
                  payload::notice(core::correctionsFor(c.state(), c.item()), 15), "2026-11-03")
                .ok());
    CHECK(core::dueSystemEvents(c.state(), c.context(), d("2026-11-24"))->isEmpty());
    auto due = core::dueSystemEvents(c.state(), c.context(), d("2026-11-25"));
    REQUIRE(due->size() == 1);
    CHECK(due->first().type == EventType::DeemedAbandoned);
    CHECK(due->first().payload.value(QStringLiteral("startedBy")).toString() ==
          c.events().last().eventId);
}

TEST_CASE("The canonical order: three windows' logs of one case merged in every interleaving fold "
          "to one state")
{
    // The shared start: received and accepted at W07.
    test::CaseBuilder base(licenceItem());
    REQUIRE(base.add(EventType::Received, payload::received(base.receivedInput("2026-09-18")),
                     "2026-09-18")
                .ok());
    REQUIRE(base.add(EventType::Accepted, payload::accepted(), "2026-09-18").ok());
    QList<core::Event> start = base.events();
    for (int i = 0; i < start.size(); ++i) {
        start[i].deviceId = QStringLiteral("W07");
        start[i].deviceSeq = i + 1;
        start[i].hlc = QStringLiteral("%1-00000-W07").arg(1000 + i, 13, 10, QLatin1Char('0'));
    }
    // Then three windows apart: two decide the case differently, one supervises it.
    auto event = [&](const char* device, qint64 ms, int seq, EventType type, const QJsonObject& p) {
        core::Event e = start.last();
        e.eventId = QStringLiteral("%1-%2").arg(QLatin1String(device)).arg(seq);
        e.deviceId = QLatin1String(device);
        e.deviceSeq = seq;
        e.hlc = QStringLiteral("%1-00000-%2").arg(ms, 13, 10, QLatin1Char('0')).arg(e.deviceId);
        e.type = type;
        e.payload = p;
        return e;
    };
    const QList<QList<core::Event>> logs{
        {event("W07", 5000, 3, EventType::Decided, payload::decided(QStringLiteral("granted"))),
         event("W07", 7000, 4, EventType::ResultReady, {})},
        {event("W08", 4000, 1, EventType::Note, payload::note(QStringLiteral("已核对"))),
         event("W08", 6000, 2, EventType::Decided,
               payload::decided(QStringLiteral("not_granted")))},
        {event("BO1", 5500, 1, EventType::Supervised,
               payload::supervised(QStringLiteral("clerk-1"), QString(),
                                   QStringLiteral("请尽快办结"), std::nullopt)),
         event("BO1", 8000, 2, EventType::Note, payload::note(QStringLiteral("已督办")))},
    };
    // Every interleaving that keeps each window's own order: 6! / (2! 2! 2!) = 90.
    QList<QList<core::Event>> orders;
    std::function<void(QList<core::Event>, std::array<int, 3>)> walk =
        [&](QList<core::Event> sofar, std::array<int, 3> taken) {
            bool any = false;
            for (int w = 0; w < 3; ++w)
                if (taken[static_cast<std::size_t>(w)] < logs[w].size()) {
                    any = true;
                    auto next = taken;
                    QList<core::Event> more = sofar;
                    more.append(logs[w][next[static_cast<std::size_t>(w)]++]);
                    walk(more, next);
                }
            if (!any)
                orders.append(sofar);
        };
    walk(start, {0, 0, 0});
    REQUIRE(orders.size() == 90);
    std::optional<core::CaseState> first;
    for (const QList<core::Event>& order : std::as_const(orders)) {
        auto s = core::foldCase(order, base.context());
        REQUIRE(s.ok());
        // The earlier decision in the canonical order stands; the other is rejected, not lost.
        CHECK(s->decisionOutcome == QStringLiteral("granted"));
        CHECK(s->status == core::CaseStatus::ResultReady);
        REQUIRE(s->rejected.size() == 1);
        CHECK(s->rejected.first().eventId == QStringLiteral("W08-2"));
        CHECK(s->supervisionOrders == 1);
        if (!first) {
            first = *s;
            continue;
        }
        CHECK(s->eventCount == first->eventCount);
        CHECK(s->timeline.decided == first->timeline.decided);
        CHECK(s->timeline.recordedDeadlines.size() == first->timeline.recordedDeadlines.size());
    }
}
