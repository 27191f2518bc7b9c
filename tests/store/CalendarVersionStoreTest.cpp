// Decision 8 (docs/sync-protocol.md): a person's event records the version of the calendar its
// window judged it on; a system event records none (the server makes those itself, byte for byte
// like a window).
#include "support/HallFixture.h"
#include "support/TestSupport.h"

#include "core/CasePayloads.h"
#include "core/SyncProtocol.h"
#include "store/CaseStore.h"

#include <catch2/catch.hpp>

using namespace onewindow;
using core::EventType;
using onewindow::test::d;

namespace {

core::HolidayNotice notice2026(bool extraDayOff)
{
    core::HolidayNotice n;
    n.year = 2026;
    n.papers = {QStringLiteral("https://www.gov.cn/2026")};
    n.source = QStringLiteral("2026.json");
    n.days = {{d("2026-10-01"), QStringLiteral("国庆节"), true}};
    if (extraDayOff)
        n.days.append({d("2026-10-09"), QStringLiteral("临时放假"), true});
    return n;
}

} // namespace

TEST_CASE("Decision 8: a calendar's version names its days, not the file or papers they came "
          "from, and not the order the notices were given in",
          "[calendarversion]")
{
    core::HolidayNotice a = notice2026(false);
    core::HolidayNotice b = a;
    b.source = QStringLiteral("elsewhere.json");
    b.papers = {QStringLiteral("https://example.org/copy")};
    b.sha256 = "00";
    core::HolidayNotice y2025;
    y2025.year = 2025;
    y2025.papers = {QStringLiteral("https://www.gov.cn/2025")};
    y2025.days = {{d("2025-01-01"), QStringLiteral("元旦"), true}};

    const QString version = core::WorkingCalendar({a, y2025}).version();
    CHECK(version.startsWith(QStringLiteral("cal-")));
    CHECK(version.size() == 20);
    CHECK(core::WorkingCalendar({y2025, b}).version() == version);
    CHECK(core::WorkingCalendar({notice2026(true), y2025}).version() != version);
    CHECK(core::WorkingCalendar({a}).version() != version);
    core::HolidayNotice renamed = a;
    renamed.days[0].name = QStringLiteral("国庆");
    CHECK(core::WorkingCalendar({renamed, y2025}).version() != version);
    core::HolidayNotice workday = a;
    workday.days[0].isOffDay = false;
    CHECK(core::WorkingCalendar({workday, y2025}).version() != version);
    // A notice "not published" leaves its year provisional: the same calendar as none.
    core::HolidayNotice unpublished;
    unpublished.year = 2027;
    CHECK(core::WorkingCalendar({a, y2025, unpublished}).version() == version);
}

TEST_CASE("Decision 8: a window's receipt and actions record the calendar version it judged them "
          "on, the new one after a notice is imported; its system events record none",
          "[calendarversion]")
{
    test::HallFixture h;
    const auto recorded = [&](const QString& caseId, EventType type) {
        auto events = h.cases->events(caseId);
        REQUIRE(events.ok());
        QStringList versions;
        for (const core::Event& e : *events)
            if (e.type == type)
                versions.append(core::sync::calendarVersionOf(e));
        return versions;
    };
    const QString before = h.cases->calendar().version();
    auto r = h.cases->receive(h.intake(true), QStringLiteral("clerk-1"));
    REQUIRE(r.ok());
    CHECK(recorded(r->event.caseId, EventType::Received) == QStringList{before});
    REQUIRE(h.cases
                ->append(r->event.caseId, EventType::Note, core::payload::note(QStringLiteral("x")),
                         QStringLiteral("clerk-1"))
                .ok());
    CHECK(recorded(r->event.caseId, EventType::Note) == QStringList{before});

    REQUIRE(h.cases->importCalendar({notice2026(true)}).ok());
    const QString after = h.cases->calendar().version();
    CHECK(after != before);
    auto second = h.cases->receive(h.intake(true), QStringLiteral("clerk-1"));
    REQUIRE(second.ok());
    CHECK(recorded(second->event.caseId, EventType::Received) == QStringList{after});

    // The notice period of the first case lapses: the deemed acceptance records no calendar.
    h.setNow("2026-10-20", "08:00");
    REQUIRE(*h.cases->produceDueSystemEvents(d("2026-10-20")) >= 1);
    CHECK(recorded(r->event.caseId, EventType::DeemedAccepted) == QStringList{QString()});
}
