#include "support/CatalogFixtures.h"
#include "support/HallFixture.h"
#include "support/TestSupport.h"

#include "core/CasePayloads.h"
#include "store/CaseStore.h"
#include "store/CaseStoreStatements.h"
#include "store/CatalogRepository.h"
#include "store/Projection.h"
#include "store/Store.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTemporaryDir>

using namespace onewindow;
using core::EventType;
using onewindow::test::d;
namespace payload = core::payload;

using Hall = test::HallFixture;

TEST_CASE("Intake numbers cases hall-date-window-sequence, with a 6-digit query code")
{
    Hall h;
    auto first = h.cases->receive(h.intake(), QStringLiteral("clerk-1"));
    REQUIRE(first.ok());
    auto second = h.cases->receive(h.intake(), QStringLiteral("clerk-1"));
    REQUIRE(second.ok());
    CHECK(first->state.caseNumber == QStringLiteral("620102-20260918-W07-0001"));
    CHECK(second->state.caseNumber == QStringLiteral("620102-20260918-W07-0002"));
    CHECK(
        QRegularExpression(QStringLiteral("^[0-9]{6}$")).match(first->state.queryCode).hasMatch());
    CHECK(
        QRegularExpression(
            QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"))
            .match(first->event.eventId)
            .hasMatch());
    CHECK(first->event.deviceSeq == 1);
    CHECK(second->event.deviceSeq == 2);
    CHECK(first->state.receivedBy == QStringLiteral("clerk-1"));
    CHECK(first->state.timeline.received == d("2026-09-18"));
}

TEST_CASE("The next case number follows this window's highest of the day; 9999 is the last")
{
    Hall h;
    QSqlQuery q(h.store->database());
    // Takes in a case, checks the number it got, then gives that case another number.
    const auto receiveRenumbered = [&](const char* expected, const char* renumbered) {
        auto received = h.cases->receive(h.intake(), QStringLiteral("clerk-1"));
        REQUIRE(received.ok());
        CHECK(received->state.caseNumber == QString::fromLatin1(expected));
        q.prepare(QStringLiteral("UPDATE cases SET case_number = ? WHERE case_id = ?"));
        q.addBindValue(QString::fromLatin1(renumbered));
        q.addBindValue(received->event.caseId);
        REQUIRE(q.exec());
    };
    receiveRenumbered("620102-20260918-W07-0001", "620102-20260918-W07-0041");
    receiveRenumbered("620102-20260918-W07-0042", "620102-20260918-W08-0900");
    // Another window's and another day's numbers do not count.
    receiveRenumbered("620102-20260918-W07-0042", "620102-20260919-W07-0900");
    receiveRenumbered("620102-20260918-W07-0042", "620102-20260918-W07-9999");
    // The four-digit sequence runs out: the intake is refused and nothing is written.
    const int before = h.count(QStringLiteral("SELECT count(*) FROM events"));
    auto refused = h.cases->receive(h.intake(), QStringLiteral("clerk-1"));
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == QStringLiteral("store.case_numbers_used_up"));
    CHECK(refused.error().message.contains(QStringLiteral("9999")));
    CHECK(h.count(QStringLiteral("SELECT count(*) FROM events")) == before);
}

TEST_CASE("One action is one transaction: an illegal action writes nothing")
{
    Hall h;
    auto received = h.cases->receive(h.intake(true), QStringLiteral("clerk-1"));
    REQUIRE(received.ok());
    const int before = h.count(QStringLiteral("SELECT count(*) FROM events"));
    auto refused = h.cases->append(received->event.caseId, EventType::Accepted, payload::accepted(),
                                   QStringLiteral("clerk-1"));
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == QStringLiteral("accept.materials_short"));
    CHECK(h.count(QStringLiteral("SELECT count(*) FROM events")) == before);
    // The sequence did not move: the next action gets the number after the intake's.
    auto next = h.cases->append(received->event.caseId, EventType::Note,
                                payload::note(QStringLiteral("x")), QStringLiteral("clerk-1"));
    REQUIRE(next.ok());
    CHECK(next->event.deviceSeq == 2);
}

TEST_CASE("Another connection's action in between: the next sequence is read from the log again")
{
    Hall h;
    auto received = h.cases->receive(h.intake(), QStringLiteral("clerk-1"));
    REQUIRE(received.ok());
    const QString caseId = received->event.caseId;
    REQUIRE(h.cases
                ->append(caseId, EventType::Note, payload::note(QStringLiteral("a")),
                         QStringLiteral("clerk-1"))
                .ok());
    {
        // onewindowctl (or a second window of the app) writes to the same file meanwhile.
        auto other = store::Store::open(h.path(), h.clock);
        REQUIRE(other.ok());
        store::CaseStore otherCases(**other, h.cases->settings());
        auto between = otherCases.append(
            caseId, EventType::Note, payload::note(QStringLiteral("b")), QStringLiteral("clerk-2"));
        REQUIRE(between.ok());
        CHECK(between->event.deviceSeq == 3);
    }
    auto next = h.cases->append(caseId, EventType::Note, payload::note(QStringLiteral("c")),
                                QStringLiteral("clerk-1"));
    REQUIRE(next.ok());
    CHECK(next->event.deviceSeq == 4);
    CHECK(h.count(QStringLiteral("SELECT count(*) FROM events")) == 4);
}

TEST_CASE("The hybrid logical clock never goes back, even when the wall clock does")
{
    Hall h;
    auto a = h.cases->receive(h.intake(), QStringLiteral("clerk-1"));
    REQUIRE(a.ok());
    h.clock.advanceSeconds(-3600); // someone sets the PC's clock back an hour
    auto b = h.cases->append(a->event.caseId, EventType::Note, payload::note(QStringLiteral("x")),
                             QStringLiteral("clerk-1"));
    REQUIRE(b.ok());
    CHECK(b->event.hlc > a->event.hlc);
    CHECK(b->event.hlc.left(13) == a->event.hlc.left(13)); // same wall time, next counter
    // And across a restart: the clock is persisted with the device.
    store::CaseStore reopened(*h.store);
    auto c = reopened.append(a->event.caseId, EventType::Note, payload::note(QStringLiteral("y")),
                             QStringLiteral("clerk-1"));
    REQUIRE(c.ok());
    CHECK(c->event.hlc > b->event.hlc);
    CHECK(c->event.deviceSeq == 3);
}

TEST_CASE("The event log is append-only: triggers refuse edits and deletions, not the sync state")
{
    Hall h;
    REQUIRE(h.cases->receive(h.intake(), QStringLiteral("clerk-1")).ok());
    QSqlQuery q(h.store->database());
    CHECK_FALSE(q.exec(QStringLiteral("UPDATE events SET payload = '{}'")));
    CHECK_FALSE(q.exec(QStringLiteral("UPDATE events SET actor_id = 'someone-else'")));
    CHECK_FALSE(q.exec(QStringLiteral("DELETE FROM events")));
    CHECK(q.exec(QStringLiteral("UPDATE events SET sync_state = 'synced'")));
}

TEST_CASE("The projection written with each action equals a fresh fold of the log")
{
    Hall h;
    auto r = h.cases->receive(h.intake(), QStringLiteral("clerk-1"));
    REQUIRE(r.ok());
    const QString id = r->event.caseId;
    REQUIRE(h.cases->append(id, EventType::Accepted, payload::accepted(), QStringLiteral("clerk-1"))
                .ok());
    h.clock.advanceDays(5);
    REQUIRE(
        h.cases
            ->append(id, EventType::Suspended,
                     payload::suspended(QStringLiteral("inspection"), QStringLiteral("现场核查")),
                     QStringLiteral("clerk-1"))
            .ok());
    QSqlDatabase db = h.store->database();
    auto stored = store::readProjection(db, id);
    REQUIRE(stored.ok());
    REQUIRE(h.store->transaction([&] { return h.cases->reproject(id); }).ok());
    auto again = store::readProjection(db, id);
    REQUIRE(again.ok());
    CHECK(*stored == *again);
    CHECK(stored->clockRows.size() == 3); // notice, promised, statutory
    CHECK(h.count(QStringLiteral("SELECT suspended FROM cases")) == 1);
}

TEST_CASE(
    "行政许可法 Art. 32: the workstation records a deemed acceptance once the notice period lapses")
{
    Hall h;
    auto r = h.cases->receive(h.intake(true), QStringLiteral("clerk-1"));
    REQUIRE(r.ok());
    CHECK(*h.cases->produceDueSystemEvents(d("2026-09-24")) == 0); // the deadline day itself
    h.setNow("2026-09-25", "08:00");
    CHECK(*h.cases->produceDueSystemEvents(d("2026-09-25")) == 1);
    CHECK(*h.cases->produceDueSystemEvents(d("2026-09-25")) == 0); // once
    auto state = h.cases->state(r->event.caseId);
    REQUIRE(state.ok());
    CHECK(state->status == core::CaseStatus::InProgress);
    CHECK(state->timeline.accepted == d("2026-09-18"));
    CHECK(h.count(QStringLiteral("SELECT deemed_accepted FROM cases")) == 1);
}

TEST_CASE(
    "Importing a calendar recomputes provisional deadlines and records old and new on the timeline")
{
    Hall h;
    h.setNow("2026-12-10");
    auto r = h.cases->receive(h.intake(), QStringLiteral("clerk-1"));
    REQUIRE(r.ok());
    REQUIRE(h.cases
                ->append(r->event.caseId, EventType::Accepted, payload::accepted(),
                         QStringLiteral("clerk-1"))
                .ok());
    // 20 working days from 2026-12-10, provisionally (元旦 2027-01-01 predicted off): 2027-01-08.
    CHECK(h.count(QStringLiteral("SELECT provisional FROM cases")) == 1);
    core::HolidayNotice n2027;
    n2027.year = 2027;
    n2027.papers = {QStringLiteral("https://www.gov.cn/2027")};
    n2027.source = QStringLiteral("2027.json");
    // The notice gives Monday 01-04 off as well.
    n2027.days = {{d("2027-01-01"), QStringLiteral("元旦"), true},
                  {d("2027-01-04"), QStringLiteral("元旦"), true}};
    auto recomputed = h.cases->importCalendar({n2027});
    INFO((recomputed.ok() ? QString() : recomputed.error().message).toStdString());
    REQUIRE(recomputed.ok());
    CHECK(*recomputed == 1);
    auto events = h.cases->events(r->event.caseId);
    REQUIRE(events.ok());
    const core::Event& last = events->last();
    CHECK(last.type == EventType::DeadlineRecomputed);
    CHECK(last.actorId == core::kSystemActor);
    CHECK(last.payload.value(QStringLiteral("notice"))
              .toString()
              .contains(QStringLiteral("2027.json")));
    bool sawStatutory = false;
    for (const QJsonValue& v : last.payload.value(QStringLiteral("clocks")).toArray()) {
        const QJsonObject o = v.toObject();
        if (o.value(QStringLiteral("kind")).toString() == QStringLiteral("statutory")) {
            sawStatutory = true;
            CHECK(o.value(QStringLiteral("oldDeadline")).toString() ==
                  QStringLiteral("2027-01-08"));
            CHECK(o.value(QStringLiteral("newDeadline")).toString() ==
                  QStringLiteral("2027-01-11"));
        }
    }
    CHECK(sawStatutory);
    CHECK(h.count(QStringLiteral("SELECT provisional FROM cases")) == 0);
}

TEST_CASE("Events made elsewhere import idempotently with their projections")
{
    Hall h;
    auto r = h.cases->receive(h.intake(), QStringLiteral("clerk-1"));
    REQUIRE(r.ok());
    auto events = h.cases->events(r->event.caseId);
    REQUIRE(events.ok());
    Hall other;
    auto first = other.cases->importEvents(*events);
    REQUIRE(first.ok());
    CHECK(*first == 1);
    auto again = other.cases->importEvents(*events);
    REQUIRE(again.ok());
    CHECK(*again == 0);
    CHECK(other.count(QStringLiteral("SELECT count(*) FROM cases")) == 1);

    // Another event under a device sequence already stored: the whole batch is refused.
    auto note = h.cases->append(r->event.caseId, EventType::Note,
                                payload::note(QStringLiteral("x")), QStringLiteral("clerk-1"));
    REQUIRE(note.ok());
    QList<core::Event> forged{note->event};
    forged.first().deviceSeq = r->event.deviceSeq; // the intake's number, another event
    forged.first().eventId = QStringLiteral("01890000-0000-7000-8000-000000000001");
    QList<core::Event> batch = *events;
    batch.append(note->event);
    batch.append(forged);
    auto conflict = other.cases->importEvents(batch);
    REQUIRE_FALSE(conflict.ok());
    CHECK(conflict.error().code == QStringLiteral("store.sequence_conflict"));
    CHECK(conflict.error().message.contains(QStringLiteral("未导入任何记录")));
    CHECK(other.count(QStringLiteral("SELECT count(*) FROM events")) == 1); // not even the note
}

TEST_CASE(
    "A full disk: the action is refused with a message a person can act on, nothing half-written")
{
    Hall h;
    auto r = h.cases->receive(h.intake(), QStringLiteral("clerk-1"));
    REQUIRE(r.ok());
    QSqlQuery q(h.store->database());
    REQUIRE(q.exec(QStringLiteral("PRAGMA page_count")));
    REQUIRE(q.next());
    const int pages = q.value(0).toInt();
    q.finish();
    // SQLite reports SQLITE_FULL once the file may not grow: the same path as a full disk.
    REQUIRE(q.exec(QStringLiteral("PRAGMA max_page_count = %1").arg(pages)));
    q.finish();
    const int eventsBefore = h.count(QStringLiteral("SELECT count(*) FROM events"));
    core::Result<store::CaseStore::Appended> last = core::Error{};
    int appended = 0;
    for (int i = 0; i < 500; ++i) {
        last = h.cases->append(r->event.caseId, EventType::Note,
                               payload::note(QString(400, QLatin1Char('x'))),
                               QStringLiteral("clerk-1"));
        if (!last)
            break;
        ++appended;
    }
    REQUIRE_FALSE(last.ok());
    CHECK(last.error().message.contains(QStringLiteral("磁盘已满")));
    const int eventsAfter = h.count(QStringLiteral("SELECT count(*) FROM events"));
    CHECK(h.count(QStringLiteral("SELECT max(device_seq) FROM events")) ==
          eventsAfter);                            // no gap, no half action
    CHECK(eventsAfter == eventsBefore + appended); // every accepted note, the refused one not
    REQUIRE(q.exec(QStringLiteral("PRAGMA max_page_count = 1000000")));
    q.finish();
    CHECK(h.cases
              ->append(r->event.caseId, EventType::Note, payload::note(QStringLiteral("ok again")),
                       QStringLiteral("clerk-1"))
              .ok());
}

TEST_CASE("A store that cannot be written: the action is refused with a message, nothing changes")
{
    Hall h;
    auto r = h.cases->receive(h.intake(), QStringLiteral("clerk-1"));
    REQUIRE(r.ok());
    QSqlQuery q(h.store->database());
    REQUIRE(q.exec(QStringLiteral("PRAGMA query_only = ON"))); // what a read-only file gives SQLite
    q.finish();
    auto refused = h.cases->append(r->event.caseId, EventType::Accepted, payload::accepted(),
                                   QStringLiteral("clerk-1"));
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().message.contains(QStringLiteral("只读")));
    REQUIRE(q.exec(QStringLiteral("PRAGMA query_only = OFF")));
    q.finish();
    CHECK(h.count(QStringLiteral("SELECT count(*) FROM events")) == 1);
    CHECK(h.cases->state(r->event.caseId)->status == core::CaseStatus::Received);
}

TEST_CASE("The tick looks for lapsed periods through the open cases' index, never by reading every "
          "case of the store")
{
    // On the 1,000,000-case demo store the old join (an OR over clock kind and case status) was
    // planned as a scan of the whole cases table: 0.3 s at every sign-in and every minute's tick.
    Hall h;
    QSqlQuery q(h.store->database());
    REQUIRE(q.prepare(QStringLiteral("EXPLAIN QUERY PLAN ") + store::dueLapseCandidatesSql()));
    q.addBindValue(QStringLiteral("2026-09-25"));
    REQUIRE(q.exec());
    QStringList plan;
    while (q.next())
        plan.append(q.value(3).toString());
    INFO(plan.join(QStringLiteral(" | ")).toStdString());
    CHECK(plan.contains(QStringLiteral("SCAN c USING INDEX cases_open")));
    CHECK_FALSE(plan.contains(QStringLiteral("SCAN c")));
    CHECK_FALSE(plan.contains(QStringLiteral("SCAN k")));
}

TEST_CASE("Append-time: a payload's texts are bounded and free of control characters, so no "
          "stored event outgrows what one push carries")
{
    Hall h;
    auto received = h.cases->receive(h.intake(), QStringLiteral("clerk-1"));
    REQUIRE(received.ok());
    const QString caseId = received->event.caseId;
    const int before = h.count(QStringLiteral("SELECT count(*) FROM events"));

    // 131,000 pasted control characters in a refusal's reason: 1.5 MB once on the wire, which
    // the hall's server refused (413) at every push while the window's later work queued
    // behind it for good.
    const QString junk(131000, QChar(0x01));
    auto control = h.cases->append(caseId, EventType::Refused,
                                   payload::refused(QStringLiteral("other"), junk, {}),
                                   QStringLiteral("clerk-1"));
    REQUIRE_FALSE(control.ok());
    CHECK(control.error().code == QStringLiteral("event.text_too_long"));
    auto pasted =
        h.cases->append(caseId, EventType::Note, payload::note(QStringLiteral("材料\u0001已收")),
                        QStringLiteral("clerk-1"));
    REQUIRE_FALSE(pasted.ok());
    CHECK(pasted.error().code == QStringLiteral("event.text_control"));
    CHECK(pasted.error().message.contains(QStringLiteral("控制字符")));
    const QString wordy(core::kMaxPayloadTextChars + 1, QChar(u'字'));
    auto tooLong =
        h.cases->append(caseId, EventType::Note, payload::note(wordy), QStringLiteral("clerk-1"));
    REQUIRE_FALSE(tooLong.ok());
    CHECK(tooLong.error().code == QStringLiteral("event.text_too_long"));
    CHECK(h.count(QStringLiteral("SELECT count(*) FROM events")) == before);

    // Line breaks and tabs are text; the longest allowed text is taken.
    auto lines =
        h.cases->append(caseId, EventType::Note,
                        payload::note(QStringLiteral("第一行\n第二行\t备注") +
                                      QString(core::kMaxPayloadTextChars - 10, QChar(u'字'))),
                        QStringLiteral("clerk-1"));
    CHECK(lines.ok());
}
