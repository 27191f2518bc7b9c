#include "support/HallFixture.h"
#include "support/TestSupport.h"

#include "store/StoreMaintenance.h"

#include <QFile>
#include <QSqlQuery>

using namespace onewindow;
using core::EventType;
namespace payload = core::payload;

TEST_CASE("store check passes on a consistent store and finds a tampered projection")
{
    test::HallFixture h;
    for (int i = 0; i < 5; ++i) {
        auto r = h.cases->receive(h.intake(), QStringLiteral("clerk-1"));
        REQUIRE(r.ok());
        REQUIRE(h.cases
                    ->append(r->event.caseId, EventType::Accepted, payload::accepted(),
                             QStringLiteral("clerk-1"))
                    .ok());
    }
    auto clean = store::checkStore(*h.cases);
    REQUIRE(clean.ok());
    CHECK(clean->ok());
    CHECK(clean->casesChecked == 5);
    CHECK(clean->integrity == QStringList{QStringLiteral("ok")});

    QSqlQuery q(h.store->database());
    REQUIRE(q.exec(QStringLiteral("UPDATE cases SET due_date = '2030-01-01' WHERE case_id = "
                                  "(SELECT min(case_id) FROM cases)")));
    REQUIRE(q.numRowsAffected() == 1);
    auto dirty = store::checkStore(*h.cases);
    REQUIRE(dirty.ok());
    CHECK_FALSE(dirty->ok());
    CHECK(dirty->mismatches == 1);
    REQUIRE_FALSE(dirty->details.isEmpty());

    auto rebuilt = store::rebuildProjections(*h.cases);
    REQUIRE(rebuilt.ok());
    CHECK(*rebuilt == 5);
    CHECK(store::checkStore(*h.cases)->ok());
}

TEST_CASE("store check finds an event id used twice")
{
    test::HallFixture h;
    auto r = h.cases->receive(h.intake(), QStringLiteral("clerk-1"));
    REQUIRE(r.ok());
    REQUIRE(h.cases
                ->append(r->event.caseId, EventType::Note, payload::note(QStringLiteral("x")),
                         QStringLiteral("clerk-1"))
                .ok());
    REQUIRE(store::checkStore(*h.cases)->ok());
    // Written by something else than this program: the note's row given the intake's id (the
    // append-only trigger is dropped for the forgery, as a foreign tool could).
    QSqlQuery q(h.store->database());
    REQUIRE(q.exec(QStringLiteral("DROP TRIGGER events_no_update")));
    REQUIRE(q.exec(QStringLiteral("UPDATE events SET event_id = '%1' WHERE device_seq = 2")
                       .arg(r->event.eventId)));
    auto forged = store::checkStore(*h.cases);
    REQUIRE(forged.ok());
    CHECK_FALSE(forged->ok());
    REQUIRE(forged->gaps.size() == 1);
    CHECK(forged->gaps.first().contains(r->event.eventId));
    CHECK(forged->gaps.first().contains(QStringLiteral("出现 2 次")));
}

TEST_CASE("store backup writes a consistent copy and never overwrites a file")
{
    test::HallFixture h;
    REQUIRE(h.cases->receive(h.intake(), QStringLiteral("clerk-1")).ok());
    const QString dest = h.dir.filePath(QStringLiteral("backup.sqlite"));
    REQUIRE(store::backupStore(*h.store, dest).ok());
    CHECK(QFile::exists(dest));
    CHECK_FALSE(QFile::exists(dest + QStringLiteral(".part")));
    auto copy = store::Store::open(dest, h.clock);
    REQUIRE(copy.ok());
    QSqlQuery q((*copy)->database());
    REQUIRE(q.exec(QStringLiteral("SELECT count(*) FROM events")));
    REQUIRE(q.next());
    CHECK(q.value(0).toInt() == 1);
    const core::Status again = store::backupStore(*h.store, dest);
    REQUIRE_FALSE(again.ok());
    CHECK(again.error().code == QStringLiteral("backup.exists"));
}
