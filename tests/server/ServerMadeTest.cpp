// The events the server makes itself (docs/sync-protocol.md, decisions 4 and 9): a held case's
// time-driven facts once its holder pushed past the due day, an unheld case's from the hall's
// timer (`onewindow-server due`), and the holds of a retired or revoked device taken back in the
// transaction that retires it. Run on SQLite and on PostgreSQL.
#include "HallEvents.h"
#include "ServerCommand.h"

#include "core/CaseFold.h"
#include "core/CaseHead.h"
#include "core/CaseHold.h"
#include "core/CasePayloads.h"
#include "core/SyncProtocol.h"
#include "core/SystemEvents.h"

#include <catch2/catch.hpp>

#include <thread>

using namespace onewindow;
using namespace onewindow::test;
using core::EventType;

namespace {

const QString kHall = QStringLiteral("620102");

// The deemed acceptance a workstation makes for a case holding `events` on `day`.
core::Event deemedAcceptance(const QList<core::Event>& events, const QDate& day)
{
    const DeviceView view = deviceView();
    auto state = core::foldCase(events, view.context());
    REQUIRE(state.ok());
    auto due = core::dueSystemEvents(*state, view.context(), day);
    REQUIRE(due.ok());
    REQUIRE(due->size() == 1);
    return due->first();
}

void setLocal(ServerFixture& f, const QDate& day, const QTime& time)
{
    f.clock().set(QDateTime(day, time, kTestZone));
}

// The one-time notice the holder of `held` serves on the last day (at the clock's time), as the
// window makes it: the first material wants the applicant's seal.
core::Event lastDayNotice(EventMaker& make, const HeldCase& held)
{
    const DeviceView view = deviceView();
    REQUIRE(!view.item.materials.isEmpty());
    const core::Material& m = view.item.materials.first();
    return make.make(
        EventType::NoticeIssued, held.caseId, held.hold.eventId,
        core::payload::notice({core::Correction{m.code, m.name, QStringLiteral("未盖公章"),
                                                QStringLiteral("加盖申请单位公章")}},
                              5));
}

} // namespace

TEST_CASE("Decision 4: the server makes a held case's deemed acceptance once its holder pushes an "
          "event recorded after the due day, not before, and once only",
          "[server][servermade]")
{
    ServerFixture f;
    f.createHall(kHall);
    const auto w07 = f.enrol(kHall, QStringLiteral("W07"));
    const auto w08 = f.enrol(kHall, QStringLiteral("W08"));
    EventMaker make(w07.id, f.clock());
    const HeldCase held(f, w07, make, 1);

    // The last day of the notice period: W07 works, the case is not due yet.
    setLocal(f, QDate(2026, 12, 14), QTime(10, 0));
    CHECK(verdicts(f.push(w07, {make.wire(EventType::Note, held.caseId, {},
                                          core::payload::note(QStringLiteral("材料在核对")))})) ==
          QStringList{QStringLiteral("accepted")});
    CHECK(ofType(acceptedEvents(f, w08), EventType::DeemedAccepted).isEmpty());

    // Past it, but the holder has pushed nothing recorded after the day: the timer leaves the
    // held case to its holder and says so.
    setLocal(f, QDate(2026, 12, 15), QTime(0, 5));
    const CommandRun timer = command(f, {QStringLiteral("due"), kHall});
    CHECK(timer.exit == 0);
    INFO(timer.out.toStdString());
    CHECK(timer.out.contains(QStringLiteral("waiting\t%1\t视为受理").arg(numberOf(1))));
    CHECK(timer.out.contains(QStringLiteral(": 1 cases, 0 made, 1 waiting")));
    CHECK(ofType(acceptedEvents(f, w08), EventType::DeemedAccepted).isEmpty());

    // The holder's first push of the next day: the server makes it, exactly as a window would.
    setLocal(f, QDate(2026, 12, 15), QTime(9, 0));
    CHECK(verdicts(f.push(w07, {make.wire(EventType::Note, held.caseId, {},
                                          core::payload::note(QStringLiteral("申请人来电")))})) ==
          QStringList{QStringLiteral("accepted")});
    const core::Event expected = deemedAcceptance({held.receipt, held.hold}, QDate(2026, 12, 15));
    QList<core::Event> made = ofType(acceptedEvents(f, w08), EventType::DeemedAccepted);
    REQUIRE(made.size() == 1);
    CHECK(made[0].eventId == expected.eventId);
    CHECK(made[0].caseId == held.caseId);
    CHECK(made[0].deviceId == core::systemDeviceId(expected.eventId));
    CHECK(made[0].actorId == core::kSystemActor);
    CHECK(made[0].occurredAtUtc == expected.occurredAtUtc);
    CHECK(made[0].payload == expected.payload);

    // Another push that day, the timer again, and the holder pushing the same fact itself: one.
    CHECK(verdicts(f.push(w07, {make.wire(EventType::Note, held.caseId, {},
                                          core::payload::note(QStringLiteral("来电询问")))})) ==
          QStringList{QStringLiteral("accepted")});
    CHECK(command(f, {QStringLiteral("due"), kHall}).out.contains(QStringLiteral(" 0 made")));
    const HttpReply own = f.push(w07, {core::sync::eventToWire(expected)});
    REQUIRE(own.status == 200);
    CHECK(onlyResult(own).value(QStringLiteral("verdict")) == QStringLiteral("accepted"));
    CHECK(ofType(acceptedEvents(f, w08), EventType::DeemedAccepted).size() == 1);
}

TEST_CASE("Decision 4: a notice the holder served offline on the last day and pushed the next "
          "morning still wins; the server records no deemed acceptance",
          "[server][servermade]")
{
    ServerFixture f;
    f.createHall(kHall);
    const auto w07 = f.enrol(kHall, QStringLiteral("W07"));
    EventMaker make(w07.id, f.clock());
    const HeldCase held(f, w07, make, 1);

    // Monday 2026-12-14, the last day, offline: the one-time notice, as the window makes it.
    setLocal(f, QDate(2026, 12, 14), QTime(16, 30));
    const core::Event notice = lastDayNotice(make, held);

    // After midnight the timer runs: the held case waits for its holder.
    setLocal(f, QDate(2026, 12, 15), QTime(0, 5));
    CHECK(command(f, {QStringLiteral("due"), kHall})
              .out.contains(QStringLiteral("waiting\t%1").arg(numberOf(1))));

    // The next morning the holder is back online and pushes the notice and the day's first act.
    setLocal(f, QDate(2026, 12, 15), QTime(8, 30));
    const core::Event morning = make.make(EventType::Note, held.caseId, {},
                                          core::payload::note(QStringLiteral("申请人来取通知书")));
    const HttpReply pushed =
        f.push(w07, {core::sync::eventToWire(notice), core::sync::eventToWire(morning)});
    INFO(pushed.body.toStdString());
    CHECK(verdicts(pushed) == QStringList{QStringLiteral("accepted"), QStringLiteral("accepted")});
    const QList<core::Event> events = acceptedEvents(f, w07);
    CHECK(ofType(events, EventType::DeemedAccepted).isEmpty());
    CHECK(ofType(events, EventType::NoticeIssued, held.caseId).size() == 1);
    const CommandRun again = command(f, {QStringLiteral("due"), kHall});
    CHECK(again.out.contains(QStringLiteral(": 1 cases, 0 made, 0 waiting")));
}

TEST_CASE("Decision 1: a system event never moves the case's head at the server, so the window's "
          "next act after a deemed acceptance is on the head",
          "[server][servermade]")
{
    ServerFixture f;
    f.createHall(kHall);
    const auto w07 = f.enrol(kHall, QStringLiteral("W07"));
    EventMaker make(w07.id, f.clock());
    const QString caseId = newId();
    const core::Event receipt =
        make.make(EventType::Received, caseId, {}, receivedPayload(numberOf(1)));
    pushAccepted(f, w07, {receipt});
    setLocal(f, QDate(2026, 12, 15), QTime(9, 0));
    const core::Event deemed = deemedAcceptance({receipt}, QDate(2026, 12, 15));
    // The head as the window counts it (core::sync::caseHeadAfter): the receipt.
    const QString head = core::sync::caseHeadAfter({receipt, deemed});
    CHECK(head == receipt.eventId);
    CHECK(verdicts(f.push(w07, {core::sync::eventToWire(deemed),
                                make.wire(EventType::Decided, caseId, head,
                                          core::payload::decided(QStringLiteral("granted")))})) ==
          QStringList{QStringLiteral("accepted"), QStringLiteral("accepted")});
}

TEST_CASE("Decision 4, the timer: `due HALL` records an unheld case's deemed acceptance once its "
          "notice period ran out, --dry-run writes nothing, and again it makes nothing",
          "[server][servermade]")
{
    ServerFixture f;
    f.createHall(kHall);
    const auto w07 = f.enrol(kHall, QStringLiteral("W07"));
    EventMaker make(w07.id, f.clock());
    const QString caseId = newId();
    const core::Event receipt =
        make.make(EventType::Received, caseId, {}, receivedPayload(numberOf(1)));
    pushAccepted(f, w07, {receipt});

    const CommandRun help = command(f, {QStringLiteral("due"), QStringLiteral("--help")});
    CHECK(help.exit == 0);
    CHECK(help.out.contains(QStringLiteral("--dry-run")));
    CHECK(command(f, {QStringLiteral("due")}).exit == 2);
    CHECK(command(f, {QStringLiteral("due"), QStringLiteral("999999")}).exit == 1);

    setLocal(f, QDate(2026, 12, 14), QTime(23, 59));
    CHECK(command(f, {QStringLiteral("due"), kHall}).out.contains(QStringLiteral(" 0 made")));
    setLocal(f, QDate(2026, 12, 15), QTime(0, 5));
    const CommandRun dry = command(f, {QStringLiteral("due"), kHall, QStringLiteral("--dry-run")});
    CHECK(dry.exit == 0);
    CHECK(dry.out.contains(
        QStringLiteral("would make\tcase.deemed_accepted\t%1\t%2").arg(numberOf(1), caseId)));
    CHECK(ofType(acceptedEvents(f, w07), EventType::DeemedAccepted).isEmpty());

    const CommandRun run = command(f, {QStringLiteral("due"), kHall});
    CHECK(run.exit == 0);
    CHECK(run.out.contains(
        QStringLiteral("made\tcase.deemed_accepted\t%1\t%2").arg(numberOf(1), caseId)));
    const QList<core::Event> made = ofType(acceptedEvents(f, w07), EventType::DeemedAccepted);
    REQUIRE(made.size() == 1);
    CHECK(made[0].eventId == deemedAcceptance({receipt}, QDate(2026, 12, 15)).eventId);
    CHECK(command(f, {QStringLiteral("due"), kHall}).out.contains(QStringLiteral(" 0 made")));
    // A window that made the same fact itself pushes it and gets the server's event back.
    const HttpReply own =
        f.push(w07, {core::sync::eventToWire(deemedAcceptance({receipt}, QDate(2026, 12, 16)))});
    CHECK(onlyResult(own).value(QStringLiteral("verdict")) == QStringLiteral("accepted"));
    CHECK(ofType(acceptedEvents(f, w07), EventType::DeemedAccepted).size() == 1);
}

TEST_CASE("Decision 4: two server processes racing to make a due fact make one event",
          "[server][servermade]")
{
    ServerFixture f;
    f.createHall(kHall);
    const auto w07 = f.enrol(kHall, QStringLiteral("W07"));
    EventMaker make(w07.id, f.clock());
    for (int n = 1; n <= 20; ++n)
        REQUIRE(verdicts(f.push(w07, {make.wire(EventType::Received, newId(), {},
                                                receivedPayload(numberOf(n)))})) ==
                QStringList{QStringLiteral("accepted")});
    setLocal(f, QDate(2026, 12, 15), QTime(0, 5));
    // Two `due` runs at once, each on a connection of its own (as two server hosts' timers).
    CommandRun runs[2];
    {
        std::thread a([&] { runs[0] = command(f, {QStringLiteral("due"), kHall}); });
        std::thread b([&] { runs[1] = command(f, {QStringLiteral("due"), kHall}); });
        a.join();
        b.join();
    }
    CHECK(runs[0].exit == 0);
    CHECK(runs[1].exit == 0);
    const auto made = [](const QString& out) {
        return out.count(QStringLiteral("\nmade\t")) + out.startsWith(QStringLiteral("made\t"));
    };
    CHECK(made(runs[0].out) + made(runs[1].out) == 20);
    CHECK(ofType(acceptedEvents(f, w07), EventType::DeemedAccepted).size() == 20);
    CHECK(command(f, {QStringLiteral("check"), kHall}).exit == 0);
}

TEST_CASE("Decision 4: a held case's deemed acceptance pushed by a window that does not hold it is "
          "refused case.held_elsewhere, and the holder's notice served offline on the last day "
          "wins",
          "[server][servermade][heldsystem]")
{
    ServerFixture f;
    f.createHall(kHall);
    const auto w07 = f.enrol(kHall, QStringLiteral("W07"));
    const auto w08 = f.enrol(kHall, QStringLiteral("W08"));
    EventMaker make(w07.id, f.clock());
    const HeldCase held(f, w07, make, 1);

    // Monday 2026-12-14, the last day: W07, offline, serves the one-time notice.
    setLocal(f, QDate(2026, 12, 14), QTime(16, 30));
    const core::Event notice = lastDayNotice(make, held);

    // The next morning W08 (a build that makes any case's due facts) pushes the deemed
    // acceptance it sees: the case is W07's, so it is refused, with the hold as the winner.
    setLocal(f, QDate(2026, 12, 15), QTime(8, 0));
    const core::Event deemed = deemedAcceptance({held.receipt, held.hold}, QDate(2026, 12, 15));
    const QJsonObject refused = onlyResult(f.push(w08, {core::sync::eventToWire(deemed)}));
    CHECK(refused.value(QStringLiteral("verdict")) == QStringLiteral("rejected"));
    CHECK(refused.value(QStringLiteral("reason_code")) == core::kHeldElsewhere);
    CHECK(refused.value(QStringLiteral("winner")) == held.hold.eventId);
    CHECK(refused.value(QStringLiteral("reason")).toString().contains(QStringLiteral("W07")));
    CHECK(refused.value(QStringLiteral("hall_seq")).toInteger() == 0); // it takes no place
    CHECK(ofType(acceptedEvents(f, w08), EventType::DeemedAccepted).isEmpty());

    // W07 comes online and pushes its notice: accepted, and no deemed acceptance stands.
    setLocal(f, QDate(2026, 12, 15), QTime(8, 30));
    CHECK(verdicts(f.push(w07, {core::sync::eventToWire(notice)})) ==
          QStringList{QStringLiteral("accepted")});
    const QList<core::Event> events = acceptedEvents(f, w07);
    CHECK(ofType(events, EventType::DeemedAccepted).isEmpty());
    CHECK(ofType(events, EventType::NoticeIssued, held.caseId).size() == 1);
}

TEST_CASE("Decision 4: a copy of a system event refused from one window does not stand in the way "
          "of the same event from the holder or the server, and takes no place in the hall's "
          "order",
          "[server][servermade][heldsystem]")
{
    ServerFixture f;
    f.createHall(kHall);
    const auto w07 = f.enrol(kHall, QStringLiteral("W07"));
    const auto w08 = f.enrol(kHall, QStringLiteral("W08"));
    EventMaker make(w07.id, f.clock());
    const HeldCase held(f, w07, make, 1);

    setLocal(f, QDate(2026, 12, 15), QTime(8, 0));
    const core::Event deemed = deemedAcceptance({held.receipt, held.hold}, QDate(2026, 12, 15));
    const QJsonObject refused = onlyResult(f.push(w08, {core::sync::eventToWire(deemed)}));
    REQUIRE(refused.value(QStringLiteral("verdict")) == QStringLiteral("rejected"));
    // Sent again (a resent POST): the same stored answer, nothing stored twice.
    CHECK(onlyResult(f.push(w08, {core::sync::eventToWire(deemed)})) == refused);

    // The holder's first push of the day after the due day: the server makes the same event,
    // under the same id, and accepts it.
    setLocal(f, QDate(2026, 12, 15), QTime(9, 0));
    CHECK(verdicts(f.push(w07, {make.wire(EventType::Note, held.caseId, {},
                                          core::payload::note(QStringLiteral("申请人来电")))})) ==
          QStringList{QStringLiteral("accepted")});
    const QList<core::Event> made = ofType(acceptedEvents(f, w08), EventType::DeemedAccepted);
    REQUIRE(made.size() == 1);
    CHECK(made[0].eventId == deemed.eventId);

    // The holder pushing it itself, and W08 again, get the hall's acceptance: the event stands.
    const QJsonObject own = onlyResult(f.push(w07, {core::sync::eventToWire(deemed)}));
    CHECK(own.value(QStringLiteral("verdict")) == QStringLiteral("accepted"));
    CHECK(onlyResult(f.push(w08, {core::sync::eventToWire(deemed)})) == own);

    // The refused copy took no place in the hall's order: the pull shows the event once,
    // accepted, and the hall's orders run on without a gap.
    QStringList seen;
    QList<qint64> orders;
    const HttpReply page = f.pull(w08, 0, 1000);
    REQUIRE(page.status == 200);
    for (const QJsonValue& v : page.json().value(QStringLiteral("events")).toArray()) {
        orders << v.toObject().value(QStringLiteral("hall_seq")).toInteger();
        if (v.toObject()
                .value(QStringLiteral("event"))
                .toObject()
                .value(QStringLiteral("event_id")) == deemed.eventId)
            seen << v.toObject().value(QStringLiteral("verdict")).toString();
    }
    CHECK(seen == QStringList{QStringLiteral("accepted")});
    REQUIRE(!orders.isEmpty());
    for (qsizetype i = 1; i < orders.size(); ++i)
        CHECK(orders[i] == orders[i - 1] + 1);
    CHECK(own.value(QStringLiteral("hall_seq")).toInteger() == orders.last());
    CHECK(command(f, {QStringLiteral("check"), kHall}).exit == 0);
}
