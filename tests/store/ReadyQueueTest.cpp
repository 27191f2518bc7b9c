// Issue 18, 综合窗口出件: the hand-out windows' queue of results ready for pick-up.
#include "store/CaseQueries.h"
#include "support/ReadyHall.h"

#include <catch2/catch.hpp>

using namespace onewindow;

TEST_CASE("Ready for pick-up: decided and result-ready cases not yet delivered, in the order "
          "their results came back")
{
    test::ReadyHall hall;
    auto ready = store::CaseQueries(*hall.store).readyForPickup(100);
    REQUIRE(ready.ok());
    QStringList numbers;
    QList<QDateTime> times;
    for (const store::CaseQueries::Ready& r : *ready) {
        numbers.append(r.row.caseNumber);
        times.append(r.readyAtUtc);
    }
    CHECK(numbers == hall.expected);
    CHECK(times == hall.readyAt);
    for (const QString& n : hall.notListed)
        CHECK_FALSE(numbers.contains(n));
    // The limit keeps the longest waiting.
    auto first = store::CaseQueries(*hall.store).readyForPickup(1);
    REQUIRE(first.ok());
    REQUIRE(first->size() == 1);
    CHECK(first->first().row.caseNumber == hall.expected.first());
}
