// One user action (event + projection, synchronous=FULL) per second, next to a raw SQLite insert
// loop with the same pragmas in the same run. Target (architecture.md): ratio >= 0.5.
//
// Usage: bench_actions [ACTIONS] [FOLDER]   (FOLDER: where the two store files are made; default
// /tmp)
#include "core/CasePayloads.h"
#include "core/Clock.h"
#include "core/DocumentKind.h"
#include "demo/DemoCatalog.h"
#include "store/CaseStore.h"
#include "store/CatalogRepository.h"
#include "store/Store.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QSqlDriver>

#include <sqlite3.h>

#include <cstdio>
#include <memory>

using namespace onewindow;

namespace {

// WAL frames written per commit: each is a page the commit must write and sync before it returns,
// which is what an action costs beyond the raw insert. The hook replaces SQLite's own automatic
// checkpoint (sqlite3_wal_autocheckpoint is a WAL hook), so it checkpoints at the same 1000 pages.
struct WalFrames
{
    qint64 frames = 0;
    qint64 commits = 0;
    int last = 0;
    qint64 checkpointNs = 0;
};

int countFrames(void* context, sqlite3* db, const char*, int frames)
{
    auto* c = static_cast<WalFrames*>(context);
    c->frames += frames >= c->last ? frames - c->last : frames;
    c->last = frames;
    ++c->commits;
    if (frames >= 1000) {
        QElapsedTimer t;
        t.start();
        sqlite3_wal_checkpoint_v2(db, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
        c->checkpointNs += t.nsecsElapsed();
    }
    return SQLITE_OK;
}

// The baseline: one raw insert per transaction into a one-index table, same pragmas.
class RawLoop
{
public:
    explicit RawLoop(const QString& path)
    {
        for (const char* suffix : {"", "-wal", "-shm"})
            QFile::remove(path + QLatin1String(suffix));
        sqlite3_open(path.toUtf8().constData(), &m_db);
        sqlite3_exec(m_db,
                     "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;",
                     nullptr, nullptr, nullptr);
        sqlite3_exec(m_db,
                     "CREATE TABLE events (event_id TEXT PRIMARY KEY, case_id TEXT, payload TEXT)",
                     nullptr, nullptr, nullptr);
        sqlite3_prepare_v2(m_db, "INSERT INTO events VALUES (?, ?, ?)", -1, &m_insert, nullptr);
        sqlite3_wal_hook(m_db, countFrames, &wal);
    }
    ~RawLoop()
    {
        sqlite3_finalize(m_insert);
        sqlite3_close(m_db);
    }
    bool step(int i)
    {
        const QByteArray id = QByteArray::number(i);
        sqlite3_exec(m_db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
        sqlite3_bind_text(m_insert, 1, id.constData(), static_cast<int>(id.size()),
                          SQLITE_TRANSIENT);
        sqlite3_bind_text(m_insert, 2, "case", -1, SQLITE_STATIC);
        sqlite3_bind_text(m_insert, 3, m_payload.constData(), static_cast<int>(m_payload.size()),
                          SQLITE_STATIC);
        const bool ok = sqlite3_step(m_insert) == SQLITE_DONE;
        sqlite3_reset(m_insert);
        return sqlite3_exec(m_db, "COMMIT", nullptr, nullptr, nullptr) == SQLITE_OK && ok;
    }
    WalFrames wal;

private:
    sqlite3* m_db = nullptr;
    sqlite3_stmt* m_insert = nullptr;
    const QByteArray m_payload = QByteArray(300, 'x');
};

// A case's whole life at the window, as the demo hall's ten years have it: ten actions, three of
// them printed documents (a third of all events), one intake (a tenth).
class CaseLoop
{
public:
    enum Step
    {
        Receive,
        PrintReceipt,
        Accept,
        PrintAcceptance,
        Forward,
        Decide,
        Ready,
        PrintReady,
        Deliver,
        Rate,
        Steps
    };
    static constexpr const char* kNames[Steps] = {
        "receive", "print receipt", "accept",       "print acceptance",
        "forward", "decide",        "result ready", "print ready notice",
        "deliver", "rate"};

    explicit CaseLoop(const QString& path)
    {
        for (const char* suffix : {"", "-wal", "-shm"})
            QFile::remove(path + QLatin1String(suffix));
        auto opened = store::Store::open(path, m_clock);
        if (!opened) {
            std::fprintf(stderr, "%s\n", qPrintable(opened.error().message));
            return;
        }
        m_store = std::move(opened).value();
        const QList<core::ServiceItem> demo = demo::demoItems();
        store::CatalogRepository(*m_store).importItems(demo, QStringLiteral("bench"));
        m_cases = std::make_unique<store::CaseStore>(*m_store);
        m_cases->ensureDevice(QStringLiteral("620102"), QStringLiteral("W01"));
        const core::ServiceItem& item = demo.at(2);
        m_in.itemCode = item.code;
        m_in.itemVersion = 1;
        m_in.applicant.name = QStringLiteral("张三");
        m_in.applicant.idNumber = QStringLiteral("11010519491231002X");
        m_in.applicant.phone = QStringLiteral("13912345678");
        m_in.materials = core::checklistFor(item);
        sqlite3_wal_hook(*static_cast<sqlite3**>(m_store->database().driver()->handle().data()),
                         countFrames, &wal);
    }
    bool ready() const { return m_cases != nullptr; }

    bool step(int i)
    {
        const qint64 before = wal.frames;
        const auto step = static_cast<Step>(i % Steps);
        core::Status s;
        switch (step) {
        case Receive: {
            auto r = m_cases->receive(m_in, m_clerk);
            if (r)
                m_caseId = r->event.caseId;
            else
                s = r.error();
            break;
        }
        case PrintReceipt:
            s = print(core::DocumentKind::Receipt);
            break;
        case Accept:
            s = act(core::EventType::Accepted, core::payload::accepted());
            break;
        case PrintAcceptance:
            s = print(core::DocumentKind::Acceptance);
            break;
        case Forward:
            s = act(core::EventType::Forwarded, core::payload::forwarded(QStringLiteral("审核科")));
            break;
        case Decide:
            s = act(core::EventType::Decided, core::payload::decided(QStringLiteral("granted")));
            break;
        case Ready:
            s = act(core::EventType::ResultReady, QJsonObject());
            break;
        case PrintReady:
            s = print(core::DocumentKind::Ready);
            break;
        case Deliver:
            s = act(core::EventType::Delivered,
                    core::payload::delivered(QStringLiteral("pickup"), QStringLiteral("张三")));
            break;
        default:
            s = act(core::EventType::Rated, core::payload::rated(5));
            break;
        }
        framesPerStep[step] += wal.frames - before;
        if (!s)
            std::fprintf(stderr, "%s failed: %s\n", kNames[step], qPrintable(s.error().message));
        return s.ok();
    }
    WalFrames wal;
    qint64 framesPerStep[Steps] = {};

private:
    core::Status act(core::EventType type, const QJsonObject& payload)
    {
        auto r = m_cases->append(m_caseId, type, payload, m_clerk);
        return r ? core::Status{} : core::Status{r.error()};
    }
    core::Status print(core::DocumentKind kind)
    {
        // The store's part of a print: number, event, projection (rendering: bench_documents).
        auto t = m_cases->recordPrint(m_caseId, kind, 1, m_clerk,
                                      [](const auto&) { return core::Status{}; });
        return t ? core::Status{} : core::Status{t.error()};
    }

    core::SystemClock m_clock;
    std::unique_ptr<store::Store> m_store;
    std::unique_ptr<store::CaseStore> m_cases;
    core::ReceivedInput m_in;
    const QString m_clerk = QStringLiteral("clerk-1");
    QString m_caseId;
};

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const int n = argc > 1 ? std::atoi(argv[1]) : 4000;
    const QString folder = argc > 2 ? QString::fromLocal8Bit(argv[2]) : QDir::tempPath();
    RawLoop raw(folder + QStringLiteral("/bench-raw.sqlite"));
    CaseLoop cases(folder + QStringLiteral("/bench-actions.sqlite"));
    if (!cases.ready())
        return 1;
    // The two loops take turns in rounds of whole case lives, so both meet the same disk (other
    // writers, the kernel's writeback, WAL checkpoints) in the same run.
    constexpr int kRound = 10 * CaseLoop::Steps;
    qint64 rawNs = 0;
    qint64 caseNs = 0;
    QElapsedTimer t;
    for (int done = 0; done < n; done += kRound) {
        t.start();
        for (int i = done; i < done + kRound; ++i)
            if (!raw.step(i))
                return 1;
        rawNs += t.nsecsElapsed();
        t.start();
        for (int i = done; i < done + kRound; ++i)
            if (!cases.step(i))
                return 1;
        caseNs += t.nsecsElapsed();
    }
    const int total = (n + kRound - 1) / kRound * kRound;
    std::printf("WAL frames per action:");
    for (int k = 0; k < CaseLoop::Steps; ++k)
        std::printf("%s %s %.1f", k ? "," : "", CaseLoop::kNames[k],
                    double(cases.framesPerStep[k]) * int(CaseLoop::Steps) / total);
    std::printf("\n");
    const double rawRate = total / (rawNs / 1e9);
    const double caseRate = total / (caseNs / 1e9);
    std::printf("%d transactions each, WAL, synchronous=FULL, alternating rounds of %d\n", total,
                kRound);
    std::printf("%-52s %10s %16s\n", "", "per second", "WAL frames each");
    std::printf("%-52s %10.0f %16.1f\n", "raw SQLite insert loop (baseline)", rawRate,
                double(raw.wal.frames) / total);
    std::printf("%-52s %10.0f %16.1f\n", "case actions: a case's life, event + projection",
                caseRate, double(cases.wal.frames) / total);
    std::printf("time in WAL checkpoints: raw %.0f ms, actions %.0f ms (of %.0f and %.0f ms)\n",
                raw.wal.checkpointNs / 1e6, cases.wal.checkpointNs / 1e6, rawNs / 1e6,
                caseNs / 1e6);
    const double ratio = caseRate / rawRate;
    std::printf("ratio %.2f (target >= 0.5): %s\n", ratio, ratio >= 0.5 ? "met" : "NOT MET");
    return 0;
}
