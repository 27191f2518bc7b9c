// Windows in sync (issue 18): figures, printed, never a timed test.
//  1. The time from a case taken at one window until it is in another window's store (p50, p99):
//     with pokes (a waiting pull kept open, periodic sync an hour away), and, side by side in the
//     same run, the periodic sync alone (no pokes) at a period the bench can afford (2 s by
//     default; the window's is 30 s, which scales those figures by 15).
//  2. Sync throughput of one busy window: events taken, then pushed and acknowledged (events/s),
//     and pulled by another window.
//  3. N windows of one hall (50 and 200 by default), each with its SyncService and pokes, each
//     taking 2 cases at random moments over 30 s (a case every 15 s a window: busier than any
//     real window) against the one server: events/s, each push's time at the server (p50, p99)
//     and how long until a case taken at one window is in another's store.
//  4. The server's part of that: N waiting pulls on raw connections (no stores behind them) and
//     one push; how long until all are answered.
// The server is onewindow-server's HttpApi in this process on a SQLite store in a temporary
// folder (the same code `onewindow-server serve` runs); every window is a real store with its
// SyncService or SyncClient, the windows' clocks fixed on a working Monday.
//
// Usage: bench_sync [--cases N] [--baseline-cases M] [--baseline-period-ms P] [--events E]
//                   [--windows N,N...] [--window-cases K] [--spread-s S] [--fan-out N,N...]
#include "BenchSyncHall.h"

#include "sync/SyncService.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QRandomGenerator>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

using namespace onewindow;
using namespace onewindow::bench;

namespace {

// Runs the event loop (the in-process server answers meanwhile) until `done` or `ms` pass.
bool spin(const std::function<bool()>& done, int ms, int stepMs = 2)
{
    QElapsedTimer t;
    t.start();
    while (!done()) {
        if (t.elapsed() > ms)
            return false;
        QEventLoop loop;
        QTimer::singleShot(stepMs, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return true;
}

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, size_t(p * double(v.size())))];
}

QString figures(const std::vector<double>& ms)
{
    return QStringLiteral("p50 %1 ms  p99 %2 ms  worst %3 ms")
        .arg(percentile(ms, 0.5), 0, 'f', 0)
        .arg(percentile(ms, 0.99), 0, 'f', 0)
        .arg(percentile(ms, 1.0), 0, 'f', 0);
}

// One window's background sync, its last status kept.
struct Running
{
    sync::SyncService service;
    sync::SyncStatus last;
    int pulls = 0; // statuses that brought events
    Running(BenchWindow& w, sync::SyncOptions options)
        : service(w.path, w.clock, w.cases->settings(), options)
    {
        QObject::connect(&service, &sync::SyncService::statusChanged,
                         [this](const sync::SyncStatus& s) {
                             last = s;
                             pulls += s.pulled > 0 ? 1 : 0;
                         });
    }
};

// Cases taken at `from` one by one, each timed until `to`'s store holds it. Before each, a
// random pause below `gapMs`, so the cases fall anywhere in the periodic syncs' cycles.
std::vector<double> caseToWindow(BenchWindow& from, BenchWindow& to, Running& at, int cases,
                                 int gapMs)
{
    std::vector<double> ms;
    for (int i = 0; i < cases; ++i) {
        spin([] { return false; }, int(QRandomGenerator::global()->bounded(gapMs)) + 1);
        QElapsedTimer t;
        t.start();
        auto taken = from.take();
        if (!taken) {
            std::fprintf(stderr, "bench_sync: %s\n", qPrintable(taken.error().message));
            return {};
        }
        const QString caseNumber = taken->second;
        // The other window's store is read when its sync reports a pull, and every 50 ms.
        int seenPulls = at.pulls;
        qint64 lookedAt = 0;
        bool there = false;
        spin(
            [&] {
                if (at.pulls != seenPulls || t.elapsed() - lookedAt >= 50) {
                    seenPulls = at.pulls;
                    lookedAt = t.elapsed();
                    there = to.holds(caseNumber);
                }
                return there;
            },
            120000, 1);
        if (!there) {
            std::fprintf(stderr, "bench_sync: case %d never reached the other window\n", i);
            return {};
        }
        ms.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    return ms;
}

// Both windows' background sync with `options`; each has synced once before the first case.
std::vector<double> latency(BenchHall& hall, sync::SyncOptions options, int cases, int gapMs)
{
    Running a(*hall.w07, options), b(*hall.w08, options);
    a.service.start();
    b.service.start();
    const bool pokes = options.waitSeconds > 0;
    spin(
        [&] {
            return a.last.online && b.last.online && (!pokes || (a.last.waiting && b.last.waiting));
        },
        20000);
    auto ms = caseToWindow(*hall.w07, *hall.w08, b, cases, gapMs);
    a.service.stop();
    b.service.stop();
    return ms;
}

struct Args
{
    int cases = 200;
    int baselineCases = 30;
    int baselinePeriodMs = 2000;
    int events = 5000;
    QList<int> windows{50, 200};
    QList<int> fanOut{50, 200};
    int windowCases = 2;
    int spreadS = 30;
};

std::optional<Args> parse(const QStringList& args)
{
    Args a;
    for (qsizetype i = 0; i + 1 < args.size(); i += 2) {
        const QString& k = args[i];
        const int v = args[i + 1].toInt();
        if (k == QLatin1String("--cases"))
            a.cases = v;
        else if (k == QLatin1String("--baseline-cases"))
            a.baselineCases = v;
        else if (k == QLatin1String("--baseline-period-ms"))
            a.baselinePeriodMs = v;
        else if (k == QLatin1String("--events"))
            a.events = v;
        else if (k == QLatin1String("--window-cases"))
            a.windowCases = v;
        else if (k == QLatin1String("--spread-s"))
            a.spreadS = v;
        else if (k == QLatin1String("--windows") || k == QLatin1String("--fan-out")) {
            QList<int>& list = k == QLatin1String("--windows") ? a.windows : a.fanOut;
            list.clear();
            for (const QString& n : args[i + 1].split(QLatin1Char(',')))
                list.append(n.toInt());
        } else
            return std::nullopt;
    }
    if (args.size() % 2 || a.cases < 0 || a.baselineCases < 0 || a.baselinePeriodMs < 100 ||
        a.events < 0 || a.windowCases < 1 || a.spreadS < 1)
        return std::nullopt;
    return a;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const auto args = parse(app.arguments().mid(1));
    if (!args) {
        std::fprintf(stderr, "usage: bench_sync [--cases N] [--baseline-cases M] "
                             "[--baseline-period-ms P] [--events E] [--windows N,N...] "
                             "[--window-cases K] [--spread-s S] [--fan-out N,N...]\n");
        return 2;
    }
    BenchHall hall;
    if (!hall.start())
        return 1;
    std::printf("server: onewindow-server's HttpApi in this process, SQLite store in a temporary "
                "folder; windows: real stores, each with its SyncService (own thread)\n");

    // 1. A case taken at W07 until W08's store holds it.
    std::printf("a case taken at W07 until it is in W08's store:\n");
    sync::SyncOptions pokes;
    pokes.periodMs = 3600 * 1000; // only the pokes can bring it
    const auto withPokes = latency(hall, pokes, args->cases, 100);
    std::printf("  with pokes (waiting pull 25 s, periodic sync 1 h):   %4d cases  %s\n",
                int(withPokes.size()), qPrintable(figures(withPokes)));
    sync::SyncOptions periodic;
    periodic.periodMs = args->baselinePeriodMs;
    periodic.waitSeconds = 0;
    periodic.watchMs = 0;
    const auto withPeriod = args->baselineCases > 0 ? latency(hall, periodic, args->baselineCases,
                                                              args->baselinePeriodMs)
                                                    : std::vector<double>{};
    if (!withPeriod.empty()) {
        std::printf("  periodic sync every %d ms alone (no pokes):       %4d cases  %s\n",
                    args->baselinePeriodMs, int(withPeriod.size()),
                    qPrintable(figures(withPeriod)));
        const double scale = 30000.0 / args->baselinePeriodMs;
        std::printf("    (the window's period is 30 s: x%.0f, p50 ~%.1f s, p99 ~%.1f s)\n", scale,
                    percentile(withPeriod, 0.5) * scale / 1000,
                    percentile(withPeriod, 0.99) * scale / 1000);
    }

    // 2. One busy window.
    if (args->events > 0)
        busyWindow(hall, args->events);
    // 3. Many windows at once.
    for (int n : args->windows)
        if (n > 0)
            manyWindows(n, args->windowCases, args->spreadS);
    // 4. The server's part of it: one push waking many waiting pulls.
    for (int n : args->fanOut)
        if (n > 0)
            fanOut(n, 10);
    return 0;
}
