// Decision 11 (docs/sync-protocol.md): a new window of a large hall, from enrolment to working.
// A real onewindow-server child serves a SQLite central store; a fresh window store in this
// process enrols through the real SyncClient and takes the hall's working set (snapshot, digest
// checked, then pulls from N), then searches and takes a case in (demo work) and pushes it.
// Beside it, the baseline: a second fresh window pulling the same hall from cursor 0 for
// --baseline-seconds, its rate extrapolated to the whole hall (said so when it is).
//
// Usage: bench_initial_sync [--store central.sqlite] [--cases N] [--baseline-seconds S]
//                           [--working-set-days D]
//   --store: a central store holding the demo hall 620102 (onewindow-server-demo hall demo
//   620102 --cases 1000000); without it a hall of --cases (default 2000) is built first in a
//   temporary folder, so the run stays short.
#include "BenchSetDigests.h"
#include "core/Clock.h"
#include "demo/DemoWork.h"
#include "store/CaseQueries.h"
#include "store/HallConfig.h"
#include "store/Store.h"
#include "store/SyncRepository.h"
#include "store/UserRepository.h"
#include "sync/SyncClient.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <cstdio>
#include <memory>

using namespace onewindow;

namespace {

const QString kHall = QStringLiteral("620102");
QProcess* g_serving = nullptr; // stopped by die(), which skips the destructors

[[noreturn]] void die(const QString& why)
{
    std::fprintf(stderr, "bench_initial_sync: %s\n", qPrintable(why));
    if (g_serving)
        g_serving->kill();
    std::exit(1);
}

QString run(const QString& program, const QStringList& args)
{
    QProcess p;
    p.start(program, args);
    if (!p.waitForFinished(-1) || p.exitCode() != 0)
        die(QStringLiteral("%1 %2: %3")
                .arg(program, args.join(u' '), QString::fromUtf8(p.readAllStandardError())));
    return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
}

// A serving onewindow-server child; its base URL.
struct Server
{
    QProcess process;
    QString base;
    Server(const QString& central, const QStringList& extra)
    {
        process.setStandardErrorFile(QProcess::nullDevice()); // a line per request
        process.start(QStringLiteral(ONEWINDOW_SERVER_PATH),
                      QStringList{QStringLiteral("--store"), central, QStringLiteral("serve"),
                                  QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")} +
                          extra);
        g_serving = &process;
        QString out;
        static const QRegularExpression line(QStringLiteral("listening on ([0-9.]+:[0-9]+)"));
        for (int i = 0; i < 600 && !line.match(out).hasMatch(); ++i) {
            process.waitForReadyRead(100);
            out += QString::fromUtf8(process.readAllStandardOutput());
        }
        if (!line.match(out).hasMatch())
            die(QStringLiteral("the server did not start: %1").arg(out));
        base = QStringLiteral("http://") + line.match(out).captured(1);
    }
    ~Server()
    {
        g_serving = nullptr;
        process.terminate();
        process.waitForFinished(5000);
    }
};

qint64 storeBytes(const QString& path)
{
    return QFileInfo(path).size() + QFileInfo(path + QStringLiteral("-wal")).size();
}

// A window's store and its client.
struct Window
{
    std::unique_ptr<store::Store> store;
    std::unique_ptr<store::CaseStore> cases;
    std::unique_ptr<sync::SyncClient> client;
    Window(const QString& path, const core::Clock& clock)
    {
        auto opened = store::Store::open(path, clock);
        if (!opened)
            die(opened.error().message);
        store = std::move(opened).value();
        cases = std::make_unique<store::CaseStore>(*store);
        client = std::make_unique<sync::SyncClient>(*cases);
    }
};

// A sync, asked again when it stops: on a loaded machine an answer may outlast the client's
// timeout, and the window goes on after the last page it stored, as at its next sync.
sync::SyncClient::Report retried(sync::SyncClient& client)
{
    auto report = client.syncNow();
    for (int retry = 1; !report && retry <= 5; ++retry) {
        std::printf("sync stopped (%s), going on (%d)\n", qPrintable(report.error().message),
                    retry);
        std::fflush(stdout);
        report = client.syncNow();
    }
    if (!report)
        die(report.error().message);
    return *report;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QString central;
    int cases = 2000, baselineSeconds = 30, days = 90;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); i += 2) {
        const QString& k = args[i];
        if (k == QLatin1String("--store"))
            central = args[i + 1];
        else if (k == QLatin1String("--cases"))
            cases = args[i + 1].toInt();
        else if (k == QLatin1String("--baseline-seconds"))
            baselineSeconds = args[i + 1].toInt();
        else if (k == QLatin1String("--working-set-days"))
            days = args[i + 1].toInt();
        else
            die(QStringLiteral("usage: bench_initial_sync [--store central.sqlite] [--cases N] "
                               "[--baseline-seconds S] [--working-set-days D]"));
    }
    QTemporaryDir dir;
    if (central.isEmpty()) {
        central = dir.filePath(QStringLiteral("central.sqlite"));
        std::printf("building a demo hall of %d cases ...\n", cases);
        run(QStringLiteral(ONEWINDOW_SERVER_DEMO_PATH),
            {QStringLiteral("--store"), central, QStringLiteral("hall"), QStringLiteral("demo"),
             kHall, QStringLiteral("--cases"), QString::number(cases)});
    }
    qint64 hallEvents = 0, hallCases = 0, hallSeq = 0, likeHits = 0;
    double likeS = 0;
    QString oldId;
    {
        auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("facts"));
        db.setDatabaseName(central);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (!db.open())
            die(db.lastError().text());
        QSqlQuery q(db);
        if (!q.exec(
                QStringLiteral("SELECT (SELECT seq FROM halls WHERE hall_code = '620102'), "
                               "(SELECT count(*) FROM events), (SELECT count(*) FROM cases)")) ||
            !q.next())
            die(q.lastError().text());
        hallSeq = q.value(0).toLongLong();
        hallEvents = q.value(1).toLongLong();
        hallCases = q.value(2).toLongLong();
        // The oldest receipt's applicant: a case far outside any working set, searched for below.
        if (!q.exec(QStringLiteral("SELECT payload FROM events WHERE type = 'case.received' AND "
                                   "verdict = 'accepted' ORDER BY hall_seq LIMIT 1")) ||
            !q.next())
            die(q.lastError().text());
        oldId = QJsonDocument::fromJson(q.value(0).toString().toUtf8())
                    .object()
                    .value(QStringLiteral("applicant"))
                    .toObject()
                    .value(QStringLiteral("idNumber"))
                    .toString();
        // The baseline for the hall search: how it read the receipts before the applicant index
        // (session 11's query, every receipt of the hall matched by LIKE).
        QElapsedTimer t;
        t.start();
        q.prepare(QStringLiteral("SELECT case_id FROM events WHERE hall_code = ? AND type = "
                                 "'case.received' AND verdict = 'accepted' AND (payload LIKE ? "
                                 "OR payload LIKE ? OR payload LIKE ?) ORDER BY hall_seq DESC "
                                 "LIMIT 20"));
        q.addBindValue(kHall);
        for (const char* key : {"idNumber", "phone", "name"})
            q.addBindValue(QStringLiteral("%\"%1\":\"%2\"%").arg(QLatin1String(key), oldId));
        if (!q.exec())
            die(q.lastError().text());
        while (q.next())
            ++likeHits;
        likeS = t.nsecsElapsed() / 1e9;
    }
    QSqlDatabase::removeDatabase(QStringLiteral("facts"));
    std::printf("hall %s: %lld cases, %lld events, cursor %lld\n", qPrintable(kHall), hallCases,
                hallEvents, hallSeq);
    const QStringList enrol{QStringLiteral("--store"), central, QStringLiteral("enrol"), kHall};
    const QString code = run(QStringLiteral(ONEWINDOW_SERVER_PATH),
                             enrol + QStringList{QStringLiteral("W90"), QStringLiteral("--role"),
                                                 QStringLiteral("window")});
    const QString baselineCode =
        run(QStringLiteral(ONEWINDOW_SERVER_PATH),
            enrol + QStringList{QStringLiteral("W91"), QStringLiteral("--role"),
                                QStringLiteral("window")});
    const core::SystemClock clock;

    // The working set: a server that gives every new window its set.
    double enrolS = 0, snapshotS = 0, searchS = 0, takeS = 0, pushS = 0, hallFirstS = 0,
           hallNextS = 0;
    qsizetype hallHits = 0;
    qint64 rssKb = 0, serverRssKb = 0, bytes = 0, setCases = 0, setEvents = 0, found = 0;
    int intakes = 0;
    QString digest;
    {
        Server server(central, {QStringLiteral("--snapshot-above"), QStringLiteral("0"),
                                QStringLiteral("--working-set-days"), QString::number(days)});
        const QString path = dir.filePath(QStringLiteral("window.sqlite"));
        Window w(path, clock);
        QElapsedTimer t;
        t.start();
        if (core::Status s = w.client->enrol(server.base, code, QStringLiteral("bench")); !s)
            die(s.error().message);
        enrolS = t.nsecsElapsed() / 1e9;
        t.restart();
        auto report = retried(*w.client);
        snapshotS = t.nsecsElapsed() / 1e9;
        if (!report.workingSetTaken)
            die(QStringLiteral("no working set was taken"));
        auto state = w.client->repository().state();
        setCases = (*state)->workingSetCases;
        setEvents = report.pulled;
        auto d = w.client->repository().digest();
        digest = d ? d->sha256 : QString();
        // The peaks of the set's sync, before anything else runs in either process.
        rssKb = peakRssKb();
        serverRssKb = peakRssKb(server.process.processId());
        std::printf("peak RSS through the working set's sync: the window (this process) %lld MB, "
                    "the server (its child) %lld MB\n",
                    rssKb / 1024, serverRssKb / 1024);
        compareSetDigests(central, kHall, (*state)->snapshotAt, *w.cases);
        // Working: the hall's settings as the sync wrote them, a search, a case taken in.
        auto config = store::HallConfigRepository(*w.store).load();
        if (!config)
            die(config.error().message);
        w.cases->setSettings(*config);
        t.restart();
        auto rows = store::CaseQueries(*w.store).search(QStringLiteral("王"), 50);
        searchS = t.nsecsElapsed() / 1e9;
        found = rows ? rows->size() : -1;
        auto users = store::UserRepository(*w.store).users();
        if (!users)
            die(users.error().message);
        QList<store::User> staff;
        for (const store::User& u : *users)
            if (u.active && u.role == core::Role::Clerk)
                staff.append(u);
        t.restart();
        auto work = demo::demoWork(*w.cases, staff, 5, 7);
        takeS = t.nsecsElapsed() / 1e9;
        if (!work)
            die(work.error().message);
        intakes = work->intakes;
        // An older case found at the hall by its applicant's ID: the first search indexes the
        // hall's receipts (once, after the upgrade), the next ones look it up.
        for (double* searched : {&hallFirstS, &hallNextS}) {
            t.restart();
            auto hits = w.client->searchHall(oldId);
            // The first search indexes the hall's receipts; a timeout keeps what was indexed.
            for (int retry = 1; !hits && retry <= 5; ++retry)
                hits = w.client->searchHall(oldId);
            *searched = t.nsecsElapsed() / 1e9;
            if (!hits)
                die(hits.error().message);
            hallHits = hits->size();
        }
        t.restart();
        retried(*w.client);
        pushS = t.nsecsElapsed() / 1e9;

        bytes = storeBytes(path);
    }
    std::printf("working set: %lld cases, %lld events (of %lld, %.1f%%), digest %s equal\n",
                setCases, setEvents, hallEvents,
                100.0 * setEvents / std::max<qint64>(1, hallEvents), qPrintable(digest.left(16)));
    std::printf("enrol %.2f s, working set + pulls %.1f s (%.0f events/s), search %.1f ms (%lld "
                "rows), take in (%d intakes of 5 acts) %.1f ms, push %.2f s\n",
                enrolS, snapshotS, setEvents / std::max(0.001, snapshotS), searchS * 1000, found,
                intakes, takeS * 1000, pushS);
    std::printf("from enrolment to working: %.1f s (budget 120 s); peak RSS %lld MB; store %lld "
                "MB\n",
                enrolS + snapshotS + searchS + takeS, rssKb / 1024, bytes / (1024 * 1024));

    std::printf("hall search by an old applicant's ID: first %.0f ms (indexing the hall's "
                "receipts), then %.1f ms, %lld hits; baseline (every receipt read by LIKE, "
                "before the index) %.0f ms, %lld hits\n",
                hallFirstS * 1000, hallNextS * 1000, static_cast<long long>(hallHits), likeS * 1000,
                likeHits);

    // The baseline: the same hall pulled from cursor 0 (the server never offers the set).
    {
        Server server(central,
                      {QStringLiteral("--snapshot-above"), QStringLiteral("1000000000000")});
        const QString path = dir.filePath(QStringLiteral("baseline.sqlite"));
        Window w(path, clock);
        if (core::Status s = w.client->enrol(server.base, baselineCode, QStringLiteral("base")); !s)
            die(s.error().message);
        QElapsedTimer t;
        t.start();
        sync::SyncClient::Report report;
        bool more = true;
        while (more && t.elapsed() < baselineSeconds * 1000LL)
            if (core::Status s = w.client->pullOnce(report, more); !s)
                die(s.error().message);
        const double s = t.nsecsElapsed() / 1e9;
        const double rate = report.pulled / std::max(0.001, s);
        if (!more)
            std::printf("full pull from 0: %d events in %.1f s (%.0f events/s), store %lld MB\n",
                        report.pulled, s, rate, storeBytes(path) / (1024 * 1024));
        else
            std::printf(
                "full pull from 0: %d events in the first %.1f s (%.0f events/s); the whole "
                "hall's %lld events extrapolated: %.0f s, store %.0f MB\n",
                report.pulled, s, rate, hallEvents, hallEvents / std::max(1.0, rate),
                storeBytes(path) / (1024.0 * 1024.0) * hallEvents / std::max(1, report.pulled));
    }
    return 0;
}
