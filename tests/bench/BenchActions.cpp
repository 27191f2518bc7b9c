// One user action (event + projection, synchronous=FULL) per second, next to a raw SQLite insert
// loop with the same pragmas in the same run. Target (architecture.md): ratio >= 0.5.
//
// Usage: bench_actions [ACTIONS] [FOLDER]   (FOLDER: where the two store files are made; default
// /tmp)
#include "core/CasePayloads.h"
#include "core/Clock.h"
#include "store/CaseStore.h"
#include "store/CatalogRepository.h"
#include "store/Store.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>

#include <sqlite3.h>

#include <cstdio>

using namespace onewindow;

namespace {

double rawInserts(const QString& path, int n)
{
    QFile::remove(path);
    sqlite3* db = nullptr;
    sqlite3_open(path.toUtf8().constData(), &db);
    sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;",
                 nullptr, nullptr, nullptr);
    sqlite3_exec(db, "CREATE TABLE events (event_id TEXT PRIMARY KEY, case_id TEXT, payload TEXT)",
                 nullptr, nullptr, nullptr);
    sqlite3_stmt* insert = nullptr;
    sqlite3_prepare_v2(db, "INSERT INTO events VALUES (?, ?, ?)", -1, &insert, nullptr);
    const QByteArray payload(300, 'x');
    QElapsedTimer t;
    t.start();
    for (int i = 0; i < n; ++i) {
        const QByteArray id = QByteArray::number(i);
        sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
        sqlite3_bind_text(insert, 1, id.constData(), static_cast<int>(id.size()), SQLITE_TRANSIENT);
        sqlite3_bind_text(insert, 2, "case", -1, SQLITE_STATIC);
        sqlite3_bind_text(insert, 3, payload.constData(), static_cast<int>(payload.size()),
                          SQLITE_STATIC);
        sqlite3_step(insert);
        sqlite3_reset(insert);
        sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
    }
    const double seconds = t.nsecsElapsed() / 1e9;
    sqlite3_finalize(insert);
    sqlite3_close(db);
    return n / seconds;
}

double caseActions(const QString& path, int n)
{
    for (const char* suffix : {"", "-wal", "-shm"})
        QFile::remove(path + QLatin1String(suffix));
    core::SystemClock clock;
    auto opened = store::Store::open(path, clock);
    if (!opened)
        return 0;
    const QList<core::ServiceItem> demo = store::CatalogRepository::demoItems();
    store::CatalogRepository(**opened).importItems(demo, QStringLiteral("bench"));
    store::CaseStore cases(**opened);
    cases.ensureDevice(QStringLiteral("620102"), QStringLiteral("W01"));
    const core::ServiceItem& item = demo.at(2);
    QElapsedTimer t;
    t.start();
    int done = 0;
    QString caseId;
    while (done < n) {
        // A realistic mix: intake, acceptance, then notes and decisions on the open case.
        core::Result<store::CaseStore::Appended> r = core::Error{};
        switch (done % 4) {
        case 0: {
            core::ReceivedInput in;
            in.itemCode = item.code;
            in.itemVersion = 1;
            in.applicant.name = QStringLiteral("张三");
            in.applicant.idNumber = QStringLiteral("11010519491231002X");
            in.applicant.phone = QStringLiteral("13912345678");
            in.materials = core::checklistFor(item);
            r = cases.receive(in, QStringLiteral("clerk-1"));
            if (r)
                caseId = r->event.caseId;
            break;
        }
        case 1:
            r = cases.append(caseId, core::EventType::Accepted, core::payload::accepted(),
                             QStringLiteral("clerk-1"));
            break;
        case 2:
            r = cases.append(caseId, core::EventType::Note,
                             core::payload::note(QStringLiteral("已移交审核")),
                             QStringLiteral("clerk-1"));
            break;
        default:
            r = cases.append(caseId, core::EventType::Decided,
                             core::payload::decided(QStringLiteral("granted")),
                             QStringLiteral("clerk-1"));
            break;
        }
        if (!r) {
            std::fprintf(stderr, "action failed: %s\n", qPrintable(r.error().message));
            return 0;
        }
        ++done;
    }
    return n / (t.nsecsElapsed() / 1e9);
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const int n = argc > 1 ? std::atoi(argv[1]) : 2000;
    const QString folder = argc > 2 ? QString::fromLocal8Bit(argv[2]) : QDir::tempPath();
    const double raw = rawInserts(folder + QStringLiteral("/bench-raw.sqlite"), n);
    const double actions = caseActions(folder + QStringLiteral("/bench-actions.sqlite"), n);
    std::printf("%-58s %12s\n", "one transaction each, WAL, synchronous=FULL", "per second");
    std::printf("%-58s %12.0f\n", "raw SQLite insert loop (baseline)", raw);
    std::printf("%-58s %12.0f\n", "case actions: event + device seq + HLC + projection", actions);
    std::printf("ratio %.2f (target >= 0.5): %s\n", actions / raw,
                actions / raw >= 0.5 ? "met" : "NOT MET");
    return actions > 0 ? 0 : 1;
}
