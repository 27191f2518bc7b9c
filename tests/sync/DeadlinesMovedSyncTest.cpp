// Decision 8 end to end (docs/sync-protocol.md): the "deadline moved" entry is made once, at the
// server, by `calendar import`. A window pulls the notice and the entry together, counts the
// case's deadline with the new calendar, shows the entry on the case's timeline as 中心服务器's,
// and never makes one of its own for a pulled notice.
#include "ctl/CtlRunner.h"
#include "server/MovedNotice.h"
#include "sync/SyncHall.h"

#include "server/Commands.h"
#include "server/ServerFixture.h"

#include <catch2/catch.hpp>

#include <QTextStream>

using namespace onewindow;
using core::EventType;

namespace {

QList<core::Event> recomputed(test::SyncWindow& w, const QString& caseId)
{
    auto events = w.hall.cases->events(caseId);
    REQUIRE(events.ok());
    QList<core::Event> out;
    for (const core::Event& e : *events)
        if (e.type == EventType::DeadlineRecomputed)
            out.append(e);
    return out;
}

QDate noticeDeadline(test::SyncWindow& w, const QString& caseId)
{
    auto loaded = w.hall.cases->load(caseId);
    REQUIRE(loaded.ok());
    auto clocks = core::clocksOf(loaded->state, loaded->context, w.hall.clock.nowUtc().date());
    REQUIRE(clocks.ok());
    for (const core::CaseClock& c : *clocks)
        if (c.kind == core::ClockKind::Notice)
            return c.clock.deadline;
    FAIL("no notice clock");
    return {};
}

} // namespace

TEST_CASE("Decision 8 end to end: a window pulls the holiday notice and the \"deadline moved\" "
          "entry the server made, counts the new deadline, shows the entry as 中心服务器's and "
          "makes none of its own")
{
    test::ServerFixture server;
    test::SyncWindow w07, w08;
    test::openTwoWindows(server, w07, w08);

    // W07 takes a case in on Monday 2026-12-07: its notice period runs to Monday 2026-12-14.
    const QString caseId = test::takeIn(w07);
    CHECK(w07.syncNow().rejected == 0);
    w08.syncNow();
    CHECK(noticeDeadline(w08, caseId) == QDate(2026, 12, 14));

    // The hall's administrator imports a notice that makes Wednesday 2026-12-09 a day off.
    QTemporaryDir dir;
    QStringList args = server.spec().kind == server::DatabaseSpec::Kind::Sqlite
                           ? QStringList{QStringLiteral("--store"), server.spec().sqlitePath}
                           : QStringList{QStringLiteral("--database"),
                                         QString::fromUtf8(qgetenv("ONEWINDOW_TEST_PG"))};
    args << QStringLiteral("calendar") << QStringLiteral("import") << QStringLiteral("620102")
         << test::writeMovedNotice(dir);
    QString out, err;
    QTextStream o(&out), e(&err);
    server.clock().set(w07.hall.clock.nowUtc());
    REQUIRE(server::runCommand(args, o, e, server.clock()) == 0);
    o.flush();
    CHECK(out.contains(QStringLiteral("made\tcase.deadline_recomputed\t")));

    for (test::SyncWindow* w : {&w07, &w08}) {
        const auto report = w->syncNow();
        CHECK(report.calendarChanged);
        CHECK(report.pending == 0); // nothing of its own made for the pulled notice
        CHECK(noticeDeadline(*w, caseId) == QDate(2026, 12, 15));
        const QList<core::Event> entries = recomputed(*w, caseId);
        REQUIRE(entries.size() == 1);
        CHECK(entries[0].actorId == core::kServerActor);
        const QString number = w->state(caseId).caseNumber;
        const test::CtlRun timeline =
            test::runCtlAt(w->hall.clock.nowUtc(), w->hall.path(),
                           {QStringLiteral("case"), QStringLiteral("timeline"), number});
        CHECK(timeline.exitCode == 0);
        CHECK(timeline.out.contains(
            QStringLiteral("中心服务器  期限重算：依据 2026 年（2026-moved.json），")));
        CHECK(timeline.out.contains(QStringLiteral("2026-12-14 → 2026-12-15")));
    }
}
