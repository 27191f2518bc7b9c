#include "support/TestSupport.h"

#include "core/CaseClocks.h"

using namespace onewindow;
using onewindow::test::d;

namespace {

const core::CaseClock* find(const QList<core::CaseClock>& clocks, core::ClockKind kind)
{
    for (const core::CaseClock& c : clocks)
        if (c.kind == kind)
            return &c;
    return nullptr;
}

QList<core::CaseClock> clocksOf(const core::CaseTimeline& t, const char* asOf)
{
    auto r = core::caseClocks(test::officialCalendar(), t, d(asOf));
    REQUIRE(r.ok());
    return *r;
}

core::CaseTimeline licence(const char* received)
{
    core::CaseTimeline t;
    t.profile = core::ProcedureProfile::Licence;
    t.statutoryDays = 20;
    t.promisedDays = 10;
    t.received = d(received);
    return t;
}

} // namespace

TEST_CASE("行政许可法 Art. 32: no notice within 5 working days means accepted from the receipt day")
{
    const core::WorkingCalendar cal = test::officialCalendar();
    core::CaseTimeline t = licence("2026-09-18"); // notice deadline: 5th working day = 2026-09-24
    const auto clocks = clocksOf(t, "2026-09-24");
    REQUIRE(find(clocks, core::ClockKind::Notice));
    CHECK(find(clocks, core::ClockKind::Notice)->clock.deadline == d("2026-09-24"));
    CHECK_FALSE(core::deemedAcceptedOn(cal, t, d("2026-09-24")).has_value());
    // The notice period ran out unfinished: deemed accepted as of 2026-09-18, not of today.
    CHECK(core::deemedAcceptedOn(cal, t, d("2026-09-25")) == d("2026-09-18"));
    t.noticeIssued = d("2026-09-22");
    CHECK_FALSE(core::deemedAcceptedOn(cal, t, d("2026-10-30")).has_value());
}

TEST_CASE("行政许可法 Art. 32: a deemed acceptance starts the statutory clock on the receipt day")
{
    core::CaseTimeline t = licence("2026-09-18");
    t.accepted = d("2026-09-18");
    t.deemedAccepted = true;
    const auto clocks = clocksOf(t, "2026-09-28");
    CHECK(find(clocks, core::ClockKind::Statutory)->clock.deadline == d("2026-10-22"));
    CHECK(find(clocks, core::ClockKind::Notice)->clock.status.level ==
          core::WarningLevel::DoneLate);
}

TEST_CASE("政府信息公开条例 Art. 30: the correction notice is due within 7 working days")
{
    core::CaseTimeline t = licence("2026-09-18");
    t.profile = core::ProcedureProfile::Disclosure;
    // 09-20 (Sun, worked), 21, 22, 23, 24, 28, 29 -> 2026-09-29.
    CHECK(find(clocksOf(t, "2026-09-18"), core::ClockKind::Notice)->clock.deadline ==
          d("2026-09-29"));
}

TEST_CASE(
    "政府信息公开条例 Art. 30: the reply period restarts when the corrected application arrives")
{
    core::CaseTimeline t = licence("2026-11-02");
    t.profile = core::ProcedureProfile::Disclosure;
    t.statutoryDays = 20;
    t.promisedDays = 20;
    t.accepted = d("2026-11-02");
    t.noticeIssued = d("2026-11-03");
    t.corrected = d("2026-11-10");
    const auto clocks = clocksOf(t, "2026-11-10");
    CHECK(find(clocks, core::ClockKind::Statutory)->clock.trigger == d("2026-11-10"));
    CHECK(find(clocks, core::ClockKind::Statutory)->clock.deadline == d("2026-12-08"));
}

TEST_CASE("政府信息公开条例 Art. 30: a correction not made in time is deemed abandoned")
{
    CHECK(core::profileRules(core::ProcedureProfile::Disclosure).correctionLapseAbandons);
    CHECK_FALSE(core::profileRules(core::ProcedureProfile::Licence).correctionLapseAbandons);
    core::CaseTimeline t = licence("2026-11-02");
    t.profile = core::ProcedureProfile::Disclosure;
    t.noticeIssued = d("2026-11-03");
    t.correctionDays = 15;
    const auto clocks = clocksOf(t, "2026-11-25");
    const core::CaseClock* correction = find(clocks, core::ClockKind::Correction);
    REQUIRE(correction);
    CHECK(correction->clock.deadline == d("2026-11-24"));
    CHECK(correction->clock.status.level == core::WarningLevel::Red);
}

TEST_CASE("行政许可法 Art. 42: decision within 20 days, extended once by at most 10")
{
    CHECK(core::checkExtension(core::ProcedureProfile::Licence, {}, 10).ok());
    const core::Status over = core::checkExtension(core::ProcedureProfile::Licence, {}, 11);
    REQUIRE_FALSE(over.ok());
    CHECK(over.error().code == QStringLiteral("extension.over_cap"));
    CHECK(over.error().message.contains(QStringLiteral("10")));
    const core::Status twice = core::checkExtension(core::ProcedureProfile::Licence, {5}, 5);
    REQUIRE_FALSE(twice.ok());
    CHECK(twice.error().code == QStringLiteral("extension.already_extended"));
    CHECK_FALSE(core::checkExtension(core::ProcedureProfile::Licence, {}, 0).ok());

    core::CaseTimeline t = licence("2026-09-18");
    t.accepted = d("2026-09-18");
    t.statutoryExtensions = {10};
    const auto clocks = clocksOf(t, "2026-09-18");
    CHECK(find(clocks, core::ClockKind::Statutory)->clock.deadline == d("2026-11-05"));
    CHECK(find(clocks, core::ClockKind::Promised)->clock.deadline == d("2026-10-09"));
}

TEST_CASE("政府信息公开条例 Art. 33: reply within 20 working days, one extension of at most 20")
{
    CHECK(core::checkExtension(core::ProcedureProfile::Disclosure, {}, 20).ok());
    CHECK_FALSE(core::checkExtension(core::ProcedureProfile::Disclosure, {}, 21).ok());
    CHECK_FALSE(core::checkExtension(core::ProcedureProfile::Disclosure, {10}, 10).ok());
    CHECK_FALSE(core::checkExtension(core::ProcedureProfile::SameDay, {}, 1).ok());
}

TEST_CASE("行政许可法 Art. 44: the licence is delivered within 10 days of the decision")
{
    core::CaseTimeline t = licence("2026-09-18");
    t.accepted = d("2026-09-18");
    t.decided = d("2026-09-30");
    const auto clocks = clocksOf(t, "2026-10-09");
    const core::CaseClock* delivery = find(clocks, core::ClockKind::Delivery);
    REQUIRE(delivery);
    // 10-08, 09, 10 (Sat, worked), 12, 13, 14, 15, 16, 19, 20.
    CHECK(delivery->clock.deadline == d("2026-10-20"));
    CHECK(find(clocks, core::ClockKind::Statutory)->clock.status.level ==
          core::WarningLevel::DoneOnTime);
}

TEST_CASE("行政许可法 Art. 45: time for inspection, testing or expert review is not counted")
{
    core::CaseTimeline t = licence("2026-09-18");
    t.accepted = d("2026-09-18");
    t.suspensions = {{d("2026-09-30"), d("2026-10-09")}};
    const auto clocks = clocksOf(t, "2026-10-12");
    CHECK(find(clocks, core::ClockKind::Statutory)->clock.deadline == d("2026-10-26"));
    CHECK(find(clocks, core::ClockKind::Promised)->clock.excludedDays == 2);
}

TEST_CASE("Same-day items: due the day of acceptance, or the next working day after hours")
{
    const core::WorkingCalendar cal = test::officialCalendar();
    const QTime close(17, 30);
    CHECK(*core::sameDayDueDate(cal, d("2026-11-17"), QTime(10, 0), close) == d("2026-11-17"));
    CHECK(*core::sameDayDueDate(cal, d("2026-11-17"), QTime(17, 30), close) == d("2026-11-17"));
    CHECK(*core::sameDayDueDate(cal, d("2026-11-17"), QTime(18, 5), close) == d("2026-11-18"));
    CHECK(*core::sameDayDueDate(cal, d("2026-11-20"), QTime(18, 0), close) == d("2026-11-23"));
    CHECK(*core::sameDayDueDate(cal, d("2026-10-03"), QTime(10, 0), close) == d("2026-10-08"));
    CHECK(*core::sameDayDueDate(cal, d("2026-10-10"), QTime(10, 0), close) == d("2026-10-10"));

    core::CaseTimeline t = licence("2026-11-20");
    t.profile = core::ProcedureProfile::SameDay;
    t.accepted = d("2026-11-20");
    t.acceptedAt = QTime(18, 0);
    const auto clocks = clocksOf(t, "2026-11-23");
    CHECK(find(clocks, core::ClockKind::Promised)->clock.deadline == d("2026-11-23"));
    CHECK(find(clocks, core::ClockKind::Promised)->clock.status.workingDaysLeft == 0);
    // The statutory limit of 20 working days still counts from the acceptance day.
    CHECK(find(clocks, core::ClockKind::Statutory)->clock.deadline == d("2026-12-18"));
    t.statutoryDays = 0;
    CHECK(find(clocksOf(t, "2026-11-23"), core::ClockKind::Statutory)->clock.deadline ==
          d("2026-11-23"));
}

TEST_CASE("Rating follow-up: a bad rating starts its clock with the local setting")
{
    core::CaseTimeline t = licence("2026-09-18");
    t.accepted = d("2026-09-18");
    t.decided = d("2026-09-22");
    t.badRating = d("2026-11-02");
    t.followUpDays = 5;
    const auto open = clocksOf(t, "2026-11-06");
    REQUIRE(find(open, core::ClockKind::RatingFollowUp));
    CHECK(find(open, core::ClockKind::RatingFollowUp)->clock.deadline == d("2026-11-09"));
    CHECK(find(open, core::ClockKind::RatingFollowUp)->clock.status.level ==
          core::WarningLevel::Yellow);
    t.followedUp = d("2026-11-05");
    CHECK(find(clocksOf(t, "2026-11-06"), core::ClockKind::RatingFollowUp)->clock.status.level ==
          core::WarningLevel::DoneOnTime);
}

TEST_CASE("Clocks start only when their trigger is in the timeline")
{
    const auto clocks = clocksOf(licence("2026-09-18"), "2026-09-18");
    CHECK(clocks.size() == 1);
    CHECK(clocks.first().kind == core::ClockKind::Notice);
}
