// `onewindow-server check` (issue 17's Commands: "check (integrity, projections equal a fold)"):
// a read-only integrity check of the central store. A clean hall passes; a store damaged as a
// crash, a restore or a hand at the database could damage it (a hole in the hall order, a payload
// edited after it was stored, a case head the fold does not give) is found, named and exits 1.
// Run on SQLite and on PostgreSQL (server_sqlite, server_postgresql).
#include "ServerCommand.h"
#include "ServerFixture.h"

#include "core/EventChecksum.h"
#include "server/Commands.h"

#include <catch2/catch.hpp>

#include <QJsonArray>
#include <QRegularExpression>
#include <QSqlQuery>

using namespace onewindow;
using namespace onewindow::test;
using core::EventType;

namespace {

const QString kHall = QStringLiteral("620102");

void damage(ServerFixture& f, const QString& sql, std::initializer_list<QVariant> values)
{
    QSqlQuery q = f.db().query();
    INFO(sql.toStdString());
    REQUIRE(f.db().run(q, sql, values));
    REQUIRE(q.numRowsAffected() == 1);
}

// The finding lines of a run that name `code` (hall TAB code TAB what：expected).
QStringList findings(const CommandRun& run, const QString& code)
{
    QStringList out;
    for (const QString& line : run.out.split(QLatin1Char('\n')))
        if (line.startsWith(kHall + QLatin1Char('\t') + code + QLatin1Char('\t')))
            out.append(line);
    return out;
}

// A hall with two windows: W07 takes in two cases and accepts one, adds a note (mergeable: it
// does not move the head); W08 takes in a third. One of W07's events is rejected (a stale head).
struct SmallHall
{
    explicit SmallHall(ServerFixture& f)
        : w07(f.enrol(kHall, QStringLiteral("W07"))), w08(f.enrol(kHall, QStringLiteral("W08"))),
          make07(w07.id, f.clock()), make08(w08.id, f.clock()), caseA(newId()), caseB(newId())
    {
        receiptA = make07.make(EventType::Received, caseA, {},
                               receivedPayload(QStringLiteral("620102-20261207-W07-0001")));
        acceptedA = make07.make(EventType::Accepted, caseA, receiptA.eventId);
        noteA = make07.make(EventType::Note, caseA, {},
                            {{QStringLiteral("text"), QStringLiteral("材料已核")}});
        const core::Event stale = make07.make(EventType::Accepted, caseA, receiptA.eventId);
        const core::Event receiptB =
            make07.make(EventType::Received, caseB, {},
                        receivedPayload(QStringLiteral("620102-20261207-W07-0002")));
        REQUIRE(verdicts(f.push(
                    w07, {core::sync::eventToWire(receiptA), core::sync::eventToWire(acceptedA),
                          core::sync::eventToWire(noteA), core::sync::eventToWire(stale),
                          core::sync::eventToWire(receiptB)})) ==
                QStringList{QStringLiteral("accepted"), QStringLiteral("accepted"),
                            QStringLiteral("accepted"), QStringLiteral("rejected"),
                            QStringLiteral("accepted")});
        REQUIRE(
            verdicts(f.push(
                w08, {make08.wire(EventType::Received, newId(), {},
                                  receivedPayload(QStringLiteral("620102-20261207-W08-0001")))})) ==
            QStringList{QStringLiteral("accepted")});
    }

    ServerFixture::Device w07, w08;
    EventMaker make07, make08;
    QString caseA, caseB;
    core::Event receiptA, acceptedA, noteA;
};

qint64 hallSeqOf(ServerFixture& f, const QString& eventId)
{
    QSqlQuery q = f.db().query();
    REQUIRE(
        f.db().run(q, QStringLiteral("SELECT hall_seq FROM events WHERE event_id = ?"), {eventId}));
    REQUIRE(q.next());
    return q.value(0).toLongLong();
}

} // namespace

TEST_CASE("check: a clean hall passes with its counts, exit 0, and the check writes nothing",
          "[server][check]")
{
    ServerFixture f;
    f.createHall(kHall);
    f.createHall(QStringLiteral("620103")); // a second hall, empty of events
    SmallHall hall(f);
    const qint64 counter = f.registry().hall(kHall)->seq;

    const CommandRun all = command(f, {QStringLiteral("check")});
    INFO(all.out.toStdString() << all.err.toStdString());
    CHECK(all.exit == 0);
    // 6 events (one rejected), 3 cases, 2 devices, 3 case numbers; the summary is the only line.
    CHECK(all.out.count(QLatin1Char('\n')) == 1);
    CHECK(all.out.startsWith(QStringLiteral("check: 2 halls, 6 events, ")));
    CHECK(all.out.contains(QStringLiteral(" 3 cases, 2 devices, 3 numbers; 0 findings; ")));
    CHECK(
        QRegularExpression(QStringLiteral(" s \\(\\d+ events/s\\)\\n$")).match(all.out).hasMatch());

    const CommandRun one = command(f, {QStringLiteral("check"), kHall,
                                       QStringLiteral("--progress-every"), QStringLiteral("4")});
    CHECK(one.exit == 0);
    CHECK(one.out.startsWith(QStringLiteral("check: 1 halls, 6 events, ")));
    // Progress on stderr: every 4 events of the hall and at its end.
    CHECK(one.err == QStringLiteral("check: hall 620102: 4/6 events\ncheck: hall 620102: 6/6 "
                                    "events\n"));
    CHECK(f.registry().hall(kHall)->seq == counter);
    // The server's own connection writes as before (query_only is the check's alone).
    CHECK(verdicts(f.push(hall.w08, {hall.make08.wire(EventType::Received, newId(), {},
                                                      receivedPayload(QStringLiteral(
                                                          "620102-20261207-W08-0002")))})) ==
          QStringList{QStringLiteral("accepted")});
    CHECK(command(f, {QStringLiteral("check"), kHall}).exit == 0);
}

TEST_CASE("check: usage, help and an unknown hall", "[server][check]")
{
    ServerFixture f;
    f.createHall(kHall);
    const CommandRun help = command(f, {QStringLiteral("check"), QStringLiteral("--help")});
    CHECK(help.exit == 0);
    CHECK(help.out.contains(QStringLiteral("Read-only integrity check")));
    const CommandRun two = command(f, {QStringLiteral("check"), kHall, QStringLiteral("620103")});
    CHECK(two.exit == 2);
    CHECK(two.err.contains(QStringLiteral("check [HALL]")));
    const CommandRun badEvery = command(
        f, {QStringLiteral("check"), QStringLiteral("--progress-every"), QStringLiteral("0")});
    CHECK(badEvery.exit == 2);
    const CommandRun unknown = command(f, {QStringLiteral("check"), QStringLiteral("999999")});
    CHECK(unknown.exit == 1);
    CHECK(unknown.err.contains(QStringLiteral("没有大厅 999999")));
}

TEST_CASE("check: a damaged store gives the finding and exit 1", "[server][check]")
{
    ServerFixture f;
    f.createHall(kHall);
    SmallHall hall(f);
    REQUIRE(command(f, {QStringLiteral("check"), kHall}).exit == 0);

    SECTION("a hole in the hall order (an event lost), and in its device's sequence")
    {
        const qint64 seq = hallSeqOf(f, hall.noteA.eventId);
        damage(f, QStringLiteral("DELETE FROM events WHERE event_id = ?"), {hall.noteA.eventId});
        const CommandRun run = command(f, {QStringLiteral("check"), kHall});
        INFO(run.out.toStdString());
        CHECK(run.exit == 1);
        const QStringList holes = findings(run, QStringLiteral("hall_seq.hole"));
        REQUIRE(holes.size() == 1);
        CHECK(holes[0].contains(QStringLiteral("缺第 %1 位").arg(seq)));
        const QStringList device = findings(run, QStringLiteral("device.seq_hole"));
        REQUIRE(device.size() == 1);
        CHECK(device[0].contains(hall.w07.id));
        CHECK(device[0].contains(QStringLiteral("有 4 条记录，序号为 1..5")));
        CHECK(run.out.contains(QStringLiteral("; 2 findings; ")));
    }
    SECTION("a hole at the end: the counter ahead of what is stored")
    {
        damage(f, QStringLiteral("UPDATE halls SET seq = seq + 2 WHERE hall_code = ?"), {kHall});
        const CommandRun run = command(f, {QStringLiteral("check")});
        const qint64 counter = f.registry().hall(kHall)->seq;
        const QStringList holes = findings(run, QStringLiteral("hall_seq.hole"));
        REQUIRE(holes.size() == 1);
        CHECK(holes[0].contains(
            QStringLiteral("缺第 %1–%2 位（应为 1..%2 连续）").arg(counter - 1).arg(counter)));
        CHECK(run.exit == 1);
    }
    SECTION("a payload edited after it was stored: its checksum no longer recomputes")
    {
        damage(f,
               QStringLiteral("UPDATE events SET payload = REPLACE(payload, '张三', '李四') WHERE "
                              "event_id = ?"),
               {hall.receiptA.eventId});
        const CommandRun run = command(f, {QStringLiteral("check"), kHall});
        INFO(run.out.toStdString());
        CHECK(run.exit == 1);
        const QStringList bad = findings(run, QStringLiteral("event.checksum"));
        REQUIRE(bad.size() == 1);
        CHECK(bad[0].contains(hall.receiptA.eventId));
        CHECK(bad[0].contains(core::eventChecksum(hall.receiptA)));
        // The receipt no longer counts: the number it issued stands without an issuer.
        CHECK(findings(run, QStringLiteral("number.orphan")).size() == 1);
    }
    SECTION("a case head that folding the accepted events does not give")
    {
        damage(f, QStringLiteral("UPDATE cases SET head_event_id = ? WHERE case_id = ?"),
               {hall.noteA.eventId, hall.caseA});
        const CommandRun run = command(f, {QStringLiteral("check"), kHall});
        CHECK(run.exit == 1);
        const QStringList heads = findings(run, QStringLiteral("case.head"));
        REQUIRE(heads.size() == 1);
        CHECK(heads[0].contains(hall.caseA));
        // The note is mergeable: the head stays the acceptance.
        CHECK(heads[0].contains(QStringLiteral("为 %1，按大厅顺序折叠已接受记录应为 %2")
                                    .arg(hall.noteA.eventId, hall.acceptedA.eventId)));
    }
    SECTION("a device whose next sequence disagrees with its events")
    {
        damage(f, QStringLiteral("UPDATE devices SET next_seq = 3 WHERE device_id = ?"),
               {hall.w07.id});
        const CommandRun run = command(f, {QStringLiteral("check"), kHall});
        CHECK(run.exit == 1);
        const QStringList next = findings(run, QStringLiteral("device.next_seq"));
        REQUIRE(next.size() == 1);
        CHECK(next[0].contains(QStringLiteral("next_seq 为 3，按已存的记录应为 6")));
    }
    SECTION("an issued number recorded for another event, and a master record version lost")
    {
        damage(f,
               QStringLiteral("UPDATE issued_numbers SET event_id = ? WHERE hall_code = ? AND "
                              "number = '620102-20261207-W07-0001'"),
               {hall.acceptedA.eventId, kHall});
        // The hall's first record (its settings, version 1) renumbered.
        damage(f,
               QStringLiteral("UPDATE master_records SET version = version + 5 WHERE hall_code = "
                              "? AND hall_seq = 1"),
               {kHall});
        const CommandRun run = command(f, {QStringLiteral("check"), kHall});
        CHECK(run.exit == 1);
        const QStringList issuer = findings(run, QStringLiteral("number.issuer"));
        REQUIRE(issuer.size() == 1);
        CHECK(issuer[0].contains(
            QStringLiteral("应为窗口 W07 的记录 %1").arg(hall.receiptA.eventId)));
        const QStringList versions = findings(run, QStringLiteral("master.versions"));
        REQUIRE(versions.size() == 1);
        CHECK(versions[0].contains(QStringLiteral("主数据 hall.settings 620102：")));
        CHECK(versions[0].contains(QStringLiteral("版本号为 6..")));
    }
}
