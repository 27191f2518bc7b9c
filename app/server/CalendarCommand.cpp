#include "server/CalendarCommand.h"

#include "core/EventChecksum.h"
#include "server/HallRules.h"
#include "server/MasterAuthor.h"
#include "server/ServerMade.h"
#include "server/storage/ServerEvents.h"

#include <QElapsedTimer>

namespace onewindow::server {

namespace {

// Cases read and folded at a time; all in the import's one transaction.
constexpr int kPageCases = 500;

int failed(CentralDb& db, QTextStream& err, const core::Error& e)
{
    db.rollback();
    err << "onewindow-server: " << e.message << " (" << e.code << ")\n";
    return 1;
}

} // namespace

int calendarImportCommand(CentralDb& db, const QString& hallCode, const QList<QByteArray>& files,
                          const QStringList& names, QTextStream& out, QTextStream& err,
                          const core::Clock& clock)
{
    QElapsedTimer timer;
    timer.start();
    if (!db.begin())
        return failed(db, err, databaseError(db.lastError()));
    // Locked before the hall's calendar is read, so a second process waits and finds this one's.
    if (auto zone = ServerEvents(db).lockHall(hallCode); !zone)
        return failed(db, err, zone.error());
    MasterData data(db, clock);
    HallRules rules(data, hallCode);
    const core::WorkingCalendar& before =
        rules.calendarAt(QString::fromUtf8(core::canonicalTimeText(clock.nowUtc())));
    auto changes = MasterAuthor(data).planCalendar(hallCode, files, names);
    if (!changes)
        return failed(db, err, changes.error());
    auto written = data.appendLocked(hallCode, *changes);
    if (!written)
        return failed(db, err, written.error());
    QList<core::HolidayNotice> notices;
    for (const MasterRecord& r : *written)
        if (auto n = noticeOf(r))
            notices.append(*n);
    ServerMade::Report report;
    if (!notices.isEmpty()) {
        ServerMade made(db, clock, hallCode);
        QString after;
        for (;;) {
            auto page = ServerEvents(db).casesAfter(hallCode, after, kPageCases);
            if (!page)
                return failed(db, err, page.error());
            if (page->isEmpty())
                break;
            if (core::Status s = made.deadlinesMoved(*page, before, notices, report); !s)
                return failed(db, err, s.error());
            after = page->last();
        }
    }
    if (!db.commit())
        return failed(db, err, databaseError(db.lastError()));
    for (const MasterRecord& r : std::as_const(*written))
        out << r.kind << " " << r.key << " version " << r.version << " at " << r.hallSeq << "\n";
    if (written->isEmpty())
        out << "nothing changed\n";
    for (const QString& line : std::as_const(report.made))
        out << "made\t" << line << "\n";
    out << "hall " << hallCode << ": " << report.cases << " open cases, " << report.made.size()
        << " deadline moved entries (" << timer.elapsed() << " ms)\n";
    return 0;
}

} // namespace onewindow::server
