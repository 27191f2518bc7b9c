#include "server/CalendarCommand.h"

#include "core/EventChecksum.h"
#include "core/SystemEvents.h"
#include "server/HallRules.h"
#include "server/MasterAuthor.h"
#include "server/ServerMade.h"
#include "server/storage/CalendarRecomputes.h"
#include "server/storage/ServerEvents.h"

#include <QElapsedTimer>

#include <algorithm>

namespace onewindow::server {

namespace {

int failed(CentralDb& db, QTextStream& err, const core::Error& e)
{
    db.rollback();
    err << "onewindow-server: " << e.message << " (" << e.code << ")\n";
    return 1;
}

// What one process did and how long it held the hall's row at most (one transaction).
struct Progress
{
    ServerMade::Report report;
    int chunks = 0;
    qint64 longestHoldMs = 0;
};

// One chunk of `job`'s cases in a transaction of its own; false in `more` once none is left
// (then the import is marked finished). The progress is read under the hall's lock, so of two
// processes each takes the next chunk.
core::Status chunk(CentralDb& db, const core::Clock& clock, const CalendarRecompute& job,
                   int chunkCases, bool& more, Progress& progress)
{
    QElapsedTimer held;
    held.start();
    if (!db.begin())
        return databaseError(db.lastError());
    auto fail = [&db](const core::Error& e) -> core::Status {
        db.rollback();
        return e;
    };
    if (auto zone = ServerEvents(db).lockHall(job.hallCode); !zone)
        return fail(zone.error());
    CalendarRecomputes recomputes(db);
    auto now = recomputes.find(job.hallCode, job.noticeSeq);
    if (!now)
        return fail(now.error());
    if (!*now || !(*now)->finishedAt.isEmpty()) {
        more = false;
        db.rollback();
        return {};
    }
    CalendarRecompute at = **now;
    auto page =
        ServerEvents(db).casesPlacedBefore(at.hallCode, at.afterCase, at.noticeSeq, chunkCases);
    if (!page)
        return fail(page.error());
    ServerMade::Report report;
    if (!page->isEmpty()) {
        ServerMade made(db, clock, at.hallCode);
        if (core::Status s = made.deadlinesMoved(*page, at.recordedAt, at.notices, report); !s)
            return fail(s.error());
        at.afterCase = page->last();
        at.cases += report.cases;
        at.made += report.made.size();
    }
    more = page->size() == chunkCases;
    if (!more)
        at.finishedAt = QString::fromUtf8(core::canonicalTimeText(clock.nowUtc()));
    if (core::Status s = recomputes.save(at); !s)
        return fail(s.error());
    if (!db.commit())
        return fail(databaseError(db.lastError()));
    progress.longestHoldMs = std::max(progress.longestHoldMs, held.elapsed());
    progress.report.cases += report.cases;
    progress.report.made += report.made;
    ++progress.chunks;
    return {};
}

} // namespace

int calendarImportCommand(CentralDb& db, const QString& hallCode, const QList<QByteArray>& files,
                          const QStringList& names, QTextStream& out, QTextStream& err,
                          const core::Clock& clock, const CalendarImportOptions& options)
{
    QElapsedTimer timer, held;
    timer.start();
    held.start();
    if (!db.begin())
        return failed(db, err, databaseError(db.lastError()));
    // Locked before the hall's calendar is read, so a second process waits and finds this one's.
    if (auto zone = ServerEvents(db).lockHall(hallCode); !zone)
        return failed(db, err, zone.error());
    MasterData data(db, clock);
    auto changes = MasterAuthor(data).planCalendar(hallCode, files, names);
    if (!changes)
        return failed(db, err, changes.error());
    auto written = data.appendLocked(hallCode, *changes);
    if (!written)
        return failed(db, err, written.error());
    QList<core::HolidayNotice> notices;
    CalendarRecompute job{hallCode, 0, {}, {}, {}, 0, 0, {}};
    for (const MasterRecord& r : *written)
        if (auto n = noticeOf(r)) {
            notices.append(*n);
            job.noticeSeq = job.noticeSeq == 0 ? r.hallSeq : std::min(job.noticeSeq, r.hallSeq);
            job.recordedAt = r.recordedAt;
        }
    if (!notices.isEmpty()) {
        job.notices = core::noticeNames(notices);
        if (core::Status s = CalendarRecomputes(db).start(job); !s)
            return failed(db, err, s.error());
    }
    if (!db.commit())
        return failed(db, err, databaseError(db.lastError()));
    Progress progress;
    progress.longestHoldMs = held.elapsed();
    for (const MasterRecord& r : std::as_const(*written))
        out << r.kind << " " << r.key << " version " << r.version << " at " << r.hallSeq << "\n";
    if (written->isEmpty())
        out << "nothing changed\n";
    out.flush();

    // This import's entries, and those of any earlier import of the hall stopped midway.
    auto jobs = CalendarRecomputes(db).unfinished(hallCode);
    if (!jobs)
        return failed(db, err, jobs.error());
    for (const CalendarRecompute& j : std::as_const(*jobs)) {
        out << "deadline moved entries for " << j.notices << " (hall order " << j.noticeSeq << ")"
            << (j.afterCase.isEmpty() ? QString()
                                      : QStringLiteral(", going on after case ") + j.afterCase)
            << ": chunks of " << options.chunkCases
            << " cases, each its own transaction; stopped before the summary line, run the same "
               "command again to finish them\n";
        out.flush();
        for (bool more = true; more;) {
            const qsizetype printed = progress.report.made.size();
            if (core::Status s = chunk(db, clock, j, options.chunkCases, more, progress); !s)
                return failed(db, err, s.error());
            for (qsizetype i = printed; i < progress.report.made.size(); ++i)
                out << "made\t" << progress.report.made[i] << "\n";
            out.flush();
            if (options.afterChunk && !options.afterChunk(progress.chunks))
                return 1; // stopped here, as a killed process would be
        }
    }
    out << "hall " << hallCode << ": " << progress.report.cases << " open cases, "
        << progress.report.made.size() << " deadline moved entries (" << timer.elapsed()
        << " ms; the hall's row held at most " << progress.longestHoldMs << " ms at a time)\n";
    return 0;
}

} // namespace onewindow::server
