// Decision 4 with holds (docs/sync-protocol.md): a held case's time-driven events (deemed
// acceptance, abandonment) are made by its holder only, so a notice the holder served offline on
// the notice period's last day never loses to another window's deemed acceptance.
#include "support/HallVerdicts.h"
#include "support/TestSupport.h"

#include "store/CaseQueries.h"

#include <catch2/catch.hpp>

using namespace onewindow;
using core::EventType;

TEST_CASE("Decision 4, 领办: only the holding window makes a held case's deemed acceptance; once "
          "the hold is released any window does")
{
    test::HallFixture w07, w08;
    test::enrolWindow(w07, QStringLiteral("W07"));
    test::enrolWindow(w08, QStringLiteral("W08"));
    test::HallVerdicts hall;
    // Friday 2026-09-18 at W07: received, neither accepted nor noticed.
    auto taken = w07.cases->receive(w07.intake(), QStringLiteral("clerk-1"));
    REQUIRE(taken.ok());
    const QString caseId = taken->event.caseId;
    hall.push(w07);
    hall.pull(w08);
    REQUIRE(w08.cases->append(caseId, EventType::Held, {}, QStringLiteral("clerk-8")).ok());
    hall.push(w08);
    hall.pull(w07);
    REQUIRE(w07.cases->state(caseId)->holderWindow == QStringLiteral("W08"));
    // The queues show whose it is (the projection's holder_window).
    auto rows = store::CaseQueries(*w07.store).openByUrgency(test::d("2026-09-18"), 10);
    REQUIRE(rows.ok());
    REQUIRE(rows->size() == 1);
    CHECK(rows->first().holderWindow == QStringLiteral("W08"));

    // Weeks later the notice period (行政许可法 Art. 32: five working days) has run out.
    w07.setNow("2026-10-12");
    w08.setNow("2026-10-12");
    const QDate day = test::d("2026-10-12");
    auto atW07 = w07.cases->produceDueSystemEvents(day);
    REQUIRE(atW07.ok());
    CHECK(*atW07 == 0);
    CHECK_FALSE(w07.cases->state(caseId)->timeline.deemedAccepted);
    auto atW08 = w08.cases->produceDueSystemEvents(day);
    REQUIRE(atW08.ok());
    CHECK(*atW08 >= 1);
    CHECK(w08.cases->state(caseId)->timeline.deemedAccepted);

    // Another case, held and then released at W08: W07 makes its deemed acceptance itself.
    w07.setNow("2026-09-18");
    w08.setNow("2026-09-18");
    auto second = w07.cases->receive(w07.intake(), QStringLiteral("clerk-1"));
    REQUIRE(second.ok());
    hall.push(w07);
    hall.pull(w08);
    const QString other = second->event.caseId;
    REQUIRE(w08.cases->append(other, EventType::Held, {}, QStringLiteral("clerk-8")).ok());
    REQUIRE(w08.cases->append(other, EventType::HoldReleased, {}, QStringLiteral("clerk-8")).ok());
    hall.push(w08);
    hall.pull(w07);
    w07.setNow("2026-10-12");
    auto released = w07.cases->produceDueSystemEvents(day);
    REQUIRE(released.ok());
    CHECK(*released >= 1);
    CHECK(w07.cases->state(other)->timeline.deemedAccepted);
    auto after = store::CaseQueries(*w07.store).openByUrgency(day, 10);
    REQUIRE(after.ok());
    for (const store::CaseRow& r : *after)
        if (r.caseId == other)
            CHECK(r.holderWindow.isEmpty()); // released: nobody's
}
