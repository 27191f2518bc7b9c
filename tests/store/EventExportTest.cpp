// store/EventExport.h: a store's log handed on page by page (onewindow-server-demo streams a
// hall of 1,000,000 cases to the central store without holding it in memory).
#include "store/EventExport.h"

#include "support/HallFixture.h"

#include <catch2/catch.hpp>

#include <QSqlQuery>

using namespace onewindow;

TEST_CASE("Event export: every event comes once, in canonical order, in pages of at most the "
          "size asked")
{
    test::HallFixture hall;
    for (int i = 0; i < 7; ++i) {
        auto taken = hall.cases->receive(hall.intake(), i % 2 ? QStringLiteral("clerk-a")
                                                              : QStringLiteral("clerk-b"));
        REQUIRE(taken.ok());
        REQUIRE(hall.cases
                    ->append(taken->event.caseId, core::EventType::Accepted,
                             core::payload::accepted(), QStringLiteral("clerk-a"))
                    .ok());
    }
    QStringList expected;
    QSqlQuery q(hall.store->database());
    REQUIRE(q.exec(QStringLiteral("SELECT event_id FROM events ORDER BY hlc, device_id, "
                                  "device_seq")));
    while (q.next())
        expected.append(q.value(0).toString());
    REQUIRE(expected.size() == 14);

    QStringList seen;
    QList<qsizetype> sizes;
    const core::Status s =
        store::exportEventPages(*hall.store, 4, [&](const QList<core::Event>& page) {
            sizes.append(page.size());
            for (const core::Event& e : page)
                seen.append(e.eventId);
            return core::Status{};
        });
    REQUIRE(s.ok());
    CHECK(sizes == QList<qsizetype>{4, 4, 4, 2});
    CHECK(seen == expected);

    // A failing page stops the reading with its error.
    int pages = 0;
    const core::Status stopped =
        store::exportEventPages(*hall.store, 4, [&](const QList<core::Event>&) {
            ++pages;
            return core::Status(
                core::Error{QStringLiteral("disk.full"), QStringLiteral("磁盘已满")});
        });
    CHECK(stopped.error().code == QStringLiteral("disk.full"));
    CHECK(pages == 1);

    auto actors = store::eventActors(*hall.store);
    REQUIRE(actors.ok());
    CHECK(*actors == QStringList{QStringLiteral("clerk-a"), QStringLiteral("clerk-b")});
}
