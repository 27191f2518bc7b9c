// Every stored event carries its checksum (core/EventChecksum.h): written with the event,
// computed by migration 0013 for the events of an older store, verified by `store check`.
#include "store/LaterMigrations.h"
#include "support/HallFixture.h"
#include "support/TestSupport.h"

#include "core/EventChecksum.h"
#include "store/StoreMaintenance.h"

#include <QSqlQuery>

using namespace onewindow;
using core::EventType;
namespace payload = core::payload;

namespace {

// A case with three events; returns the case id.
QString someCase(test::HallFixture& h)
{
    auto r = h.cases->receive(h.intake(), QStringLiteral("clerk-1"));
    REQUIRE(r.ok());
    REQUIRE(h.cases
                ->append(r->event.caseId, EventType::Accepted, payload::accepted(),
                         QStringLiteral("clerk-1"))
                .ok());
    REQUIRE(h.cases
                ->append(r->event.caseId, EventType::Note,
                         payload::note(QStringLiteral("张三来电")), QStringLiteral("clerk-1"))
                .ok());
    return r->event.caseId;
}

// Each stored checksum against core's checksum of the event as read back.
void checksumsAreCore(test::HallFixture& h, const QString& caseId)
{
    auto events = h.cases->events(caseId);
    REQUIRE(events.ok());
    REQUIRE(events->size() == 3);
    for (const core::Event& e : *events) {
        QSqlQuery q(h.store->database());
        q.prepare(QStringLiteral("SELECT checksum FROM events WHERE event_id = ?"));
        q.addBindValue(e.eventId);
        REQUIRE(q.exec());
        REQUIRE(q.next());
        CHECK(q.value(0).toString() == core::eventChecksum(e));
    }
}

} // namespace

TEST_CASE("Each event is stored with the checksum of its canonical bytes")
{
    test::HallFixture h;
    const QString id = someCase(h);
    checksumsAreCore(h, id);
    CHECK(store::checkStore(*h.cases)->ok());
    // The checksum is part of the append-only row.
    QSqlQuery q(h.store->database());
    CHECK_FALSE(q.exec(QStringLiteral("UPDATE events SET checksum = ''")));
}

TEST_CASE("Migration 0013 gives the events of an older store their checksums")
{
    test::HallFixture h;
    const QString id = someCase(h);
    {
        // Back to version 12: no checksum column, the append-only trigger as 0007 made it (and
        // none of what 0022 to 0025 add, which migrating again adds).
        QSqlQuery q(h.store->database());
        test::undoLaterMigrations(q);
        for (const char* sql :
             {"DROP INDEX cases_matter_open", "DROP INDEX cases_matter_received",
              "DROP INDEX cases_matter_decided", "DROP INDEX cases_matter_refused",
              "DROP INDEX cases_matter_closed", "ALTER TABLE cases DROP COLUMN matter_number",
              "DROP TRIGGER events_no_update", "ALTER TABLE events DROP COLUMN checksum",
              "PRAGMA user_version = 12"})
            REQUIRE(q.exec(QString::fromLatin1(sql)));
    }
    h.cases.reset();
    h.store.reset();
    auto reopened = store::Store::open(h.path(), h.clock);
    REQUIRE(reopened.ok());
    h.store = std::move(reopened).value();
    h.cases = std::make_unique<store::CaseStore>(*h.store);
    CHECK(h.count(QStringLiteral("SELECT count(*) FROM events WHERE length(checksum) = 64")) == 3);
    checksumsAreCore(h, id);
    CHECK(store::checkStore(*h.cases)->ok());
    QSqlQuery q(h.store->database());
    CHECK_FALSE(q.exec(QStringLiteral("UPDATE events SET payload = '{}'")));
    CHECK_FALSE(q.exec(QStringLiteral("UPDATE events SET checksum = ''")));
}

TEST_CASE("store check names an event whose payload or time was edited with raw SQL")
{
    test::HallFixture h;
    const QString id = someCase(h);
    REQUIRE(store::checkStore(*h.cases)->ok());
    auto events = h.cases->events(id);
    REQUIRE(events.ok());
    const core::Event note = events->last();
    const core::Event accepted = events->at(1);

    // A foreign tool drops the append-only trigger and changes one character of a note: the
    // payload is still valid JSON and the case folds the same, so only the checksum tells.
    QSqlQuery q(h.store->database());
    REQUIRE(q.exec(QStringLiteral("DROP TRIGGER events_no_update")));
    q.prepare(QStringLiteral("UPDATE events SET payload = replace(payload, '张三', '张四') "
                             "WHERE event_id = ?"));
    q.addBindValue(note.eventId);
    REQUIRE(q.exec());
    REQUIRE(q.numRowsAffected() == 1);
    auto edited = store::checkStore(*h.cases);
    REQUIRE(edited.ok());
    CHECK_FALSE(edited->ok());
    CHECK(edited->mismatches == 0);
    CHECK(edited->tampered == 1);
    REQUIRE(edited->tamperedEvents.size() == 1);
    CHECK(edited->tamperedEvents.first().contains(note.eventId));
    CHECK(edited->tamperedEvents.first().contains(id));

    // One millisecond moved in the acceptance's time.
    q.prepare(QStringLiteral("UPDATE events SET occurred_at_utc = replace(occurred_at_utc, "
                             "'.', ',') WHERE event_id = ?"));
    q.addBindValue(accepted.eventId);
    REQUIRE(q.exec());
    REQUIRE(q.numRowsAffected() == 1);
    auto twice = store::checkStore(*h.cases);
    REQUIRE(twice.ok());
    CHECK(twice->tampered == 2);
    CHECK(twice->tamperedEvents.join(QLatin1Char('\n')).contains(accepted.eventId));

    // A payload no longer JSON cannot be folded: the check still answers, naming the event.
    q.prepare(QStringLiteral("UPDATE events SET payload = substr(payload, 2) WHERE event_id = ?"));
    q.addBindValue(note.eventId);
    REQUIRE(q.exec());
    auto broken = store::checkStore(*h.cases);
    REQUIRE(broken.ok());
    CHECK_FALSE(broken->ok());
    CHECK(broken->tamperedEvents.join(QLatin1Char('\n')).contains(note.eventId));
}
