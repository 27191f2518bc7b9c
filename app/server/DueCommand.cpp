#include "server/DueCommand.h"

#include "server/ServerMade.h"
#include "server/storage/Registry.h"
#include "server/storage/ServerEvents.h"

#include <QElapsedTimer>

namespace onewindow::server {

namespace {

// Cases per transaction: the hall's pushes wait while a page is folded and written.
constexpr int kPageCases = 200;

int failed(CentralDb& db, QTextStream& err, const core::Error& e)
{
    db.rollback();
    err << "onewindow-server: " << e.message << " (" << e.code << ")\n";
    return 1;
}

} // namespace

int dueCommand(CentralDb& db, const QStringList& words, bool dryRun, QTextStream& out,
               QTextStream& err, const core::Clock& clock)
{
    if (words.size() != 2) {
        err << "onewindow-server: due HALL [--dry-run]\n";
        return 2;
    }
    const QString hall = words[1];
    Registry registry(db, clock);
    if (!registry.hall(hall)) {
        err << "onewindow-server: 没有大厅 " << hall << " (hall.unknown)\n";
        return 1;
    }
    auto devices = registry.devices(hall);
    if (!devices)
        return failed(db, err, devices.error());
    QHash<QString, Device> byId;
    for (const Device& d : *devices)
        byId.insert(d.deviceId, d);

    QElapsedTimer timer;
    timer.start();
    ServerMade::Report total;
    QString after;
    for (;;) {
        if (!db.begin())
            return failed(db, err, databaseError(db.lastError()));
        auto page = ServerEvents(db).casesAfter(hall, after, kPageCases);
        if (!page)
            return failed(db, err, page.error());
        if (page->isEmpty()) {
            db.rollback();
            break;
        }
        ServerMade::Report report;
        if (core::Status s = ServerMade(db, clock, hall).dueCases(*page, byId, report); !s)
            return failed(db, err, s.error());
        if (dryRun)
            db.rollback();
        else if (!db.commit())
            return failed(db, err, databaseError(db.lastError()));
        total.made += report.made;
        total.waiting += report.waiting;
        total.cases += report.cases;
        after = page->last();
    }
    for (const QString& line : std::as_const(total.made))
        out << (dryRun ? "would make\t" : "made\t") << line << "\n";
    for (const QString& line : std::as_const(total.waiting))
        out << "waiting\t" << line << "\n";
    out << "hall " << hall << ": " << total.cases << " cases, " << total.made.size()
        << (dryRun ? " would be made" : " made") << ", " << total.waiting.size() << " waiting ("
        << timer.elapsed() << " ms)\n";
    return 0;
}

} // namespace onewindow::server
