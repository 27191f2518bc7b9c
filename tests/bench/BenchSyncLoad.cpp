// bench_sync's load figures: one busy window, and many windows of one hall at once.
#include "BenchSyncHall.h"

#include "core/CasePayloads.h"
#include "core/SyncProtocol.h"
#include "sync/SyncClient.h"
#include "sync/SyncService.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QHash>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

#include <sys/resource.h>

namespace onewindow::bench {

namespace {

void spinFor(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

bool spinUntil(const std::function<bool()>& done, int ms)
{
    QElapsedTimer t;
    t.start();
    while (!done()) {
        if (t.elapsed() > ms)
            return false;
        spinFor(5);
    }
    return true;
}

double pct(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, size_t(p * double(v.size())))];
}

// The server's time for each answered request of `what` ("POST /v1/push 200"), from its log.
std::vector<double> serverMs(const QStringList& log, const QString& what)
{
    static const QRegularExpression ms(QStringLiteral(" ([0-9]+)ms$"));
    std::vector<double> out;
    for (const QString& line : log)
        if (line.contains(what))
            if (const auto m = ms.match(line); m.hasMatch())
                out.push_back(m.captured(1).toDouble());
    return out;
}

struct Running
{
    sync::SyncService service;
    sync::SyncStatus last;
    int statuses = 0;
    Running(BenchWindow& w, sync::SyncOptions options)
        : service(w.path, w.clock, w.cases->settings(), options)
    {
        QObject::connect(&service, &sync::SyncService::statusChanged,
                         [this](const sync::SyncStatus& s) {
                             last = s;
                             ++statuses;
                         });
    }
};

} // namespace

void busyWindow(BenchHall& hall, int events)
{
    auto busy = hall.window(QStringLiteral("W20"));
    auto reader = hall.window(QStringLiteral("W21"));
    if (!busy || !reader)
        return;
    QElapsedTimer t;
    t.start();
    int taken = 0;
    while (taken < events) {
        auto caseId = busy->take();
        if (!caseId) {
            std::fprintf(stderr, "bench_sync: %s\n", qPrintable(caseId.error().message));
            return;
        }
        ++taken;
        for (int i = 0; i < 4 && taken < events; ++i, ++taken)
            if (!busy->cases->append(caseId->first, core::EventType::Note,
                                     core::payload::note(QStringLiteral("材料已核验")),
                                     QStringLiteral("clerk-1")))
                return;
    }
    const double takeS = double(t.nsecsElapsed()) / 1e9;
    hall.takeLog();
    sync::SyncClient client(*busy->cases);
    t.restart();
    auto up = client.syncNow();
    const double pushS = double(t.nsecsElapsed()) / 1e9;
    if (!up) {
        std::fprintf(stderr, "bench_sync: %s\n", qPrintable(up.error().message));
        return;
    }
    const auto pushes = serverMs(hall.takeLog(), QStringLiteral("POST /v1/push 200"));
    std::printf("one busy window: %d events taken at the window in %.1f s (a case and 4 notes "
                "each); pushed and acknowledged in %.2f s: %.0f events/s (%d pushes, %d "
                "rejected; server p50 %.0f ms, worst %.0f ms a push)\n",
                events, takeS, pushS, up->pushed / pushS, int(pushes.size()), up->rejected,
                pct(pushes, 0.5), pct(pushes, 1.0));
    sync::SyncClient other(*reader->cases);
    t.restart();
    auto down = other.syncNow();
    const double pullS = double(t.nsecsElapsed()) / 1e9;
    if (!down) {
        std::fprintf(stderr, "bench_sync: %s\n", qPrintable(down.error().message));
        return;
    }
    std::printf("  another window pulls, stores and folds them in %.2f s: %.0f events/s\n", pullS,
                down->pulled / pullS);
}

void manyWindows(int windows, int cases, int spreadS)
{
    BenchHall hall; // a fresh hall: a new window pulls all of its hall first
    if (!hall.start())
        return;
    // Two store connections and a socket or two per window.
    rlimit files{};
    if (getrlimit(RLIMIT_NOFILE, &files) == 0 && files.rlim_cur < files.rlim_max) {
        files.rlim_cur = files.rlim_max;
        setrlimit(RLIMIT_NOFILE, &files);
    }
    QElapsedTimer t;
    t.start();
    std::vector<std::unique_ptr<BenchWindow>> all;
    for (int i = 0; i < windows; ++i) {
        all.push_back(hall.window(QStringLiteral("M%1").arg(i + 1, 3, 10, QLatin1Char('0'))));
        if (!all.back())
            return;
    }
    const double setupS = double(t.nsecsElapsed()) / 1e9;
    std::vector<std::unique_ptr<Running>> running;
    for (auto& w : all)
        running.push_back(std::make_unique<Running>(*w, sync::SyncOptions{}));
    for (auto& r : running)
        r->service.start();
    const auto allWaiting = [&] {
        return std::all_of(running.begin(), running.end(),
                           [](const auto& r) { return r->last.online && r->last.waiting; });
    };
    if (!spinUntil(allWaiting, 180000)) {
        std::fprintf(stderr, "bench_sync: %d windows did not all come online\n", windows);
        return;
    }
    hall.takeLog();
    // The first window watches: how long until a case taken at another window is in its store.
    QHash<QString, qint64> outstanding; // case number, when taken
    std::vector<double> seen;
    QElapsedTimer clock;
    clock.start();
    QObject::connect(&running.front()->service, &sync::SyncService::statusChanged,
                     [&](const sync::SyncStatus& s) {
                         if (s.pulled == 0)
                             return;
                         for (auto it = outstanding.begin(); it != outstanding.end();)
                             if (all.front()->holds(it.key())) {
                                 seen.push_back(double(clock.elapsed() - it.value()));
                                 it = outstanding.erase(it);
                             } else {
                                 ++it;
                             }
                     });
    // Every window takes its cases at random moments over the spread.
    const int kSpreadMs = spreadS * 1000;
    std::vector<std::pair<int, int>> plan; // (ms, window)
    for (int w = 0; w < windows; ++w)
        for (int c = 0; c < cases; ++c)
            plan.emplace_back(int(QRandomGenerator::global()->bounded(kSpreadMs)), w);
    std::sort(plan.begin(), plan.end());
    t.restart();
    size_t next = 0;
    int lateMs = 0; // how far the taking fell behind the plan
    while (next < plan.size()) {
        while (next < plan.size() && plan[next].first <= t.elapsed()) {
            lateMs = std::max(lateMs, int(t.elapsed() - plan[next].first));
            const int w = plan[next].second;
            auto taken = all[size_t(w)]->take();
            if (!taken)
                return;
            if (w != 0)
                outstanding.insert(taken->second, clock.elapsed());
            ++next;
        }
        spinFor(1);
    }
    const auto drained = [&] {
        return std::all_of(running.begin(), running.end(),
                           [](const auto& r) { return r->last.pending == 0 && r->last.online; });
    };
    spinFor(300); // the last takes seen by their windows' watch
    const bool done = spinUntil(drained, 120000);
    spinUntil([&] { return outstanding.isEmpty(); }, 10000); // the watching window's last pulls
    const double runS = double(t.nsecsElapsed()) / 1e9;
    const QStringList log = hall.takeLog();
    const auto pushes = serverMs(log, QStringLiteral("POST /v1/push 200"));
    const auto pulls = serverMs(log, QStringLiteral("GET /v1/pull 200"));
    const int events = windows * cases;
    std::printf("%d windows at once (each its SyncService with pokes; %d cases each at random "
                "moments over %d s; set up in %.0f s):\n",
                windows, cases, kSpreadMs / 1000, setupS);
    std::printf("  %d events acknowledged in %.1f s%s: %.0f events/s (offered %.0f/s; taking fell "
                "behind by %d ms at worst)\n",
                events, runS, done ? "" : " (NOT all: timed out)", events / runS,
                events * 1000.0 / kSpreadMs, lateMs);
    std::printf("  %d pushes, each at the server p50 %.0f ms p99 %.0f ms worst %.0f ms; %d pulls "
                "answered (mostly waiting ones woken by a push)\n",
                int(pushes.size()), pct(pushes, 0.5), pct(pushes, 0.99), pct(pushes, 1.0),
                int(pulls.size()));
    std::printf("  a case taken at another window until it is in M001's store: p50 %.0f ms p99 "
                "%.0f ms worst %.0f ms (%d cases; %d not seen)\n",
                pct(seen, 0.5), pct(seen, 0.99), pct(seen, 1.0), int(seen.size()),
                int(outstanding.size()));
    t.restart();
    for (auto& r : running)
        r->service.stop();
    std::printf("  %d windows stopped in %.2f s\n", windows, double(t.nsecsElapsed()) / 1e9);
}

void fanOut(int listeners, int rounds)
{
    BenchHall hall;
    if (!hall.start())
        return;
    const QList<QByteArray> tokens = hall.devices(listeners);
    if (tokens.size() != listeners)
        return;
    sync::SyncClient w07(*hall.w07->cases);
    std::vector<double> all, each;
    for (int round = 0; round < rounds; ++round) {
        const QByteArray path =
            "/v1/pull?cursor=" + QByteArray::number(hall.cursor()) + "&limit=500&wait=25";
        std::vector<std::unique_ptr<QTcpSocket>> sockets;
        std::vector<QByteArray> in(static_cast<size_t>(listeners));
        int answered = 0;
        QElapsedTimer t;
        for (int i = 0; i < listeners; ++i) {
            auto socket = std::make_unique<QTcpSocket>();
            QTcpSocket* raw = socket.get();
            QObject::connect(raw, &QTcpSocket::readyRead, [&, raw, i] {
                QByteArray& bytes = in[size_t(i)];
                bytes += raw->readAll();
                const qsizetype end = bytes.indexOf("\r\n\r\n");
                const qsizetype at = bytes.toLower().indexOf("content-length:");
                if (end < 0 || at < 0)
                    return;
                const qint64 length =
                    bytes.mid(at + 15, bytes.indexOf("\r\n", at) - at - 15).trimmed().toLongLong();
                if (bytes.size() < end + 4 + length || !t.isValid())
                    return;
                each.push_back(double(t.nsecsElapsed()) / 1e6);
                ++answered;
            });
            raw->connectToHost(QHostAddress::LocalHost, hall.port());
            raw->write(
                "GET " + path + " HTTP/1.1\r\nHost: bench\r\n" + core::sync::kProtocolHeader +
                ": " + QByteArray::number(core::sync::kProtocolVersion) + "\r\n" +
                core::sync::kFoldHeader + ": " + QByteArray::number(core::sync::kFoldVersion) +
                "\r\n" + core::sync::kBuildHeader + ": bench\r\nAuthorization: Bearer " +
                tokens[i] + "\r\n\r\n");
            sockets.push_back(std::move(socket));
        }
        spinFor(500 + 5 * listeners); // every pull parked at the server
        if (!hall.w07->take())
            return;
        t.start();
        bool more = false;
        sync::SyncClient::Report report;
        if (!w07.pushOnce(report, more))
            return;
        spinUntil([&] { return answered == listeners; }, 30000);
        all.push_back(double(t.nsecsElapsed()) / 1e6);
        if (answered != listeners)
            std::fprintf(stderr, "bench_sync: %d of %d waiting pulls answered\n", answered,
                         listeners);
    }
    std::printf("the server alone: %d waiting pulls (raw connections, no stores) woken by one "
                "push, %d pushes: every one answered after p50 %.0f ms (worst %.0f ms), each "
                "after p50 %.0f ms p99 %.0f ms\n",
                listeners, rounds, pct(all, 0.5), pct(all, 1.0), pct(each, 0.5), pct(each, 0.99));
}

} // namespace onewindow::bench
