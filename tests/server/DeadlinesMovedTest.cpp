// Decision 8 (docs/sync-protocol.md): the "deadline moved" timeline entries are made once, at the
// server. `calendar import` writes the hall's new notices and then, in chunks of cases each its
// own transaction, one case.deadline_recomputed by the central server for every open case whose
// clock deadlines the new calendar moves. Run on SQLite and on PostgreSQL.
#include "HallEvents.h"
#include "MovedNotice.h"
#include "ServerCommand.h"

#include "core/SyncProtocol.h"
#include "core/SystemEvents.h"
#include "server/CalendarCommand.h"

#include <catch2/catch.hpp>

#include <thread>

using namespace onewindow;
using namespace onewindow::test;
using core::EventType;

namespace {

const QString kHall = QStringLiteral("620102");

QList<core::Event> recomputed(ServerFixture& f, const ServerFixture::Device& reader)
{
    QList<core::Event> out;
    for (const PulledEvent& p : pulledEvents(f, reader))
        if (p.event.type == EventType::DeadlineRecomputed) {
            CHECK(p.accepted());
            out.append(p.event);
        }
    return out;
}

} // namespace

TEST_CASE("Decision 8: a holiday notice that moves an open case's running deadline gives it one "
          "\"deadline moved\" entry made at the server; a finished case and a case the notice "
          "does not touch get none; the same notice again makes nothing",
          "[server][servermade][deadlines]")
{
    ServerFixture f;
    f.createHall(kHall);
    const auto w07 = f.enrol(kHall, QStringLiteral("W07"));
    EventMaker make(w07.id, f.clock());
    // Monday 2026-12-07, 10:00 at the hall: the notice period runs to Monday 2026-12-14.
    const QString moved = newId();
    const core::Event receipt =
        make.make(EventType::Received, moved, {}, receivedPayload(numberOf(1)));
    pushAccepted(f, w07, {receipt});
    const QString finished = newId();
    const core::Event other =
        make.make(EventType::Received, finished, {}, receivedPayload(numberOf(2)));
    pushAccepted(f, w07, {other});
    pushAccepted(f, w07,
                 {make.make(EventType::Withdrawn, finished, other.eventId,
                            {{QStringLiteral("reason"), QStringLiteral("申请人撤回")}})});
    // Thursday 2026-12-10: a case taken now counts its period after the day the notice frees.
    f.clock().set(QDateTime(QDate(2026, 12, 10), QTime(10, 0), kTestZone));
    const QString untouched = newId();
    QJsonObject thursday = receivedPayload(numberOf(3));
    thursday.insert(QStringLiteral("receiptDate"), QStringLiteral("2026-12-10"));
    pushAccepted(f, w07, {make.make(EventType::Received, untouched, {}, thursday)});

    const CommandRun help = command(
        f, {QStringLiteral("calendar"), QStringLiteral("import"), QStringLiteral("--help")});
    CHECK(help.out.contains(QStringLiteral("deadline moved")));

    QTemporaryDir dir;
    const QString file = writeMovedNotice(dir);
    f.clock().set(QDateTime(QDate(2026, 12, 10), QTime(11, 0), kTestZone));
    const QStringList import{QStringLiteral("calendar"), QStringLiteral("import"), kHall, file};
    const CommandRun run = command(f, import);
    INFO(run.out.toStdString() << run.err.toStdString());
    CHECK(run.exit == 0);
    CHECK(run.out.contains(QStringLiteral("calendar.notice 2026 version 2")));
    CHECK(run.out.contains(
        QStringLiteral("made\tcase.deadline_recomputed\t%1\t%2").arg(numberOf(1), moved)));
    CHECK(run.out.contains(QStringLiteral("2 open cases, 1 deadline moved")));

    QList<core::Event> made = recomputed(f, w07);
    REQUIRE(made.size() == 1);
    const core::Event& e = made[0];
    CHECK(e.caseId == moved);
    CHECK(e.actorId == core::kServerActor);
    CHECK(e.occurredAtUtc > receipt.occurredAtUtc);
    const QJsonArray clocks{
        QJsonObject{{QStringLiteral("kind"), QStringLiteral("notice")},
                    {QStringLiteral("oldDeadline"), QStringLiteral("2026-12-14")},
                    {QStringLiteral("newDeadline"), QStringLiteral("2026-12-15")}}};
    CHECK(e.payload.value(QStringLiteral("clocks")).toArray() == clocks);
    const QString notice = QStringLiteral("2026 年（2026-moved.json）");
    CHECK(e.payload.value(QStringLiteral("notice")).toString() == notice);
    // Named as the island names the same change, so made twice it is one event.
    CHECK(e.eventId ==
          core::deadlineRecomputed(moved, notice, clocks, receipt, f.clock().nowUtc()).eventId);

    const CommandRun again = command(f, import);
    CHECK(again.exit == 0);
    CHECK(again.out.contains(QStringLiteral("nothing changed")));
    CHECK(again.out.contains(QStringLiteral(" 0 deadline moved")));
    CHECK(recomputed(f, w07).size() == 1);
    CHECK(command(f, {QStringLiteral("check"), kHall}).exit == 0);
}

TEST_CASE("Decision 8: two server processes importing the same holiday notice at once make one "
          "\"deadline moved\" entry per case",
          "[server][servermade][deadlines]")
{
    ServerFixture f;
    f.createHall(kHall);
    const auto w07 = f.enrol(kHall, QStringLiteral("W07"));
    EventMaker make(w07.id, f.clock());
    for (int n = 1; n <= 10; ++n)
        pushAccepted(f, w07,
                     {make.make(EventType::Received, newId(), {}, receivedPayload(numberOf(n)))});
    QTemporaryDir dir;
    const QStringList import{QStringLiteral("calendar"), QStringLiteral("import"), kHall,
                             writeMovedNotice(dir)};
    CommandRun runs[2];
    {
        std::thread a([&] { runs[0] = command(f, import); });
        std::thread b([&] { runs[1] = command(f, import); });
        a.join();
        b.join();
    }
    CHECK(runs[0].exit == 0);
    CHECK(runs[1].exit == 0);
    CHECK(runs[0].out.count(QStringLiteral("made\t")) +
              runs[1].out.count(QStringLiteral("made\t")) ==
          10);
    CHECK(recomputed(f, w07).size() == 10);
    CHECK(command(f, {QStringLiteral("check"), kHall}).exit == 0);
}

TEST_CASE("Decision 8: calendar import makes its entries in chunks, each its own transaction: a "
          "push for the hall is taken between two chunks, and an import stopped midway, run "
          "again, ends with exactly one entry per moved case",
          "[server][servermade][deadlines][chunks]")
{
    ServerFixture f;
    f.createHall(kHall);
    const auto w07 = f.enrol(kHall, QStringLiteral("W07"));
    EventMaker make(w07.id, f.clock());
    // Monday 2026-12-07: ten open cases whose notice period the notice moves.
    QStringList moved;
    for (int n = 1; n <= 10; ++n) {
        moved.append(newId());
        pushAccepted(
            f, w07,
            {make.make(EventType::Received, moved.last(), {}, receivedPayload(numberOf(n)))});
    }
    f.clock().set(QDateTime(QDate(2026, 12, 10), QTime(11, 0), kTestZone));
    QTemporaryDir dir;
    const QString file = writeMovedNotice(dir);
    QFile read(file);
    REQUIRE(read.open(QIODevice::ReadOnly));

    // Three cases a chunk; between the first and the second a window pushes a new case; the
    // process "dies" after the second chunk.
    auto db = server::CentralDb::open(f.spec());
    REQUIRE(db.ok());
    QStringList between;
    const QString late = newId();
    server::CalendarImportOptions options;
    options.chunkCases = 3;
    options.afterChunk = [&](int chunks) {
        if (chunks == 1) {
            QJsonObject thursday = receivedPayload(numberOf(11));
            thursday.insert(QStringLiteral("receiptDate"), QStringLiteral("2026-12-10"));
            between = verdicts(f.push(w07, {core::sync::eventToWire(make.make(
                                               EventType::Received, late, {}, thursday))}));
        }
        return chunks < 2;
    };
    QString out, err;
    {
        QTextStream o(&out), e(&err);
        CHECK(server::calendarImportCommand(**db, kHall, {read.readAll()},
                                            {QStringLiteral("2026-moved.json")}, o, e, f.clock(),
                                            options) == 1);
    }
    INFO(out.toStdString() << err.toStdString());
    CHECK(between == QStringList{QStringLiteral("accepted")}); // taken while the import ran
    CHECK(out.contains(QStringLiteral("calendar.notice 2026 version 2")));
    CHECK(out.contains(QStringLiteral("run the same command again")));
    CHECK(out.count(QStringLiteral("made\t")) == 6);
    CHECK(recomputed(f, w07).size() == 6); // the two chunks done are committed

    const QStringList import{QStringLiteral("calendar"), QStringLiteral("import"), kHall, file};
    const CommandRun again = command(f, import);
    INFO(again.out.toStdString() << again.err.toStdString());
    CHECK(again.exit == 0);
    CHECK(again.out.contains(QStringLiteral("nothing changed")));
    CHECK(again.out.contains(QStringLiteral("going on after case")));
    CHECK(again.out.count(QStringLiteral("made\t")) == 4);
    QStringList entries;
    for (const core::Event& e : recomputed(f, w07))
        entries.append(e.caseId);
    entries.sort();
    QStringList expected = moved;
    expected.sort();
    CHECK(entries == expected); // one each, none for the case received after the notice

    const CommandRun third = command(f, import); // finished: nothing left to do
    CHECK(third.exit == 0);
    CHECK_FALSE(third.out.contains(QStringLiteral("deadline moved entries for")));
    CHECK(third.out.contains(QStringLiteral(" 0 deadline moved")));
    CHECK(recomputed(f, w07).size() == 10);
    CHECK(command(f, {QStringLiteral("check"), kHall}).exit == 0);
}
