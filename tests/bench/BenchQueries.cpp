// The queries every screen needs, on a big store (make one with
// `onewindowctl --store /tmp/demo1m.sqlite demo seed --cases 1000000`). Budgets (architecture.md):
// store open <= 300 ms, each query <= 50 ms.
//
// Usage: bench_queries [STORE]   (default /tmp/demo1m.sqlite)
#include "BenchStore.h"
#include "core/Clock.h"
#include "store/CaseQueries.h"
#include "store/CaseStore.h"
#include "store/CatalogRepository.h"
#include "store/Store.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

using namespace onewindow;

namespace {

bool allWithin = true;

void measure(const char* name, const std::function<qsizetype()>& query, double budgetMs = 50)
{
    std::vector<double> ms;
    qsizetype rows = 0;
    for (int i = 0; i < 15; ++i) {
        QElapsedTimer t;
        t.start();
        rows = query();
        ms.push_back(t.nsecsElapsed() / 1e6);
    }
    const double first = ms.front();
    std::sort(ms.begin(), ms.end());
    const bool ok = ms.back() <= budgetMs;
    allWithin = allWithin && ok;
    std::printf("%-46s %7lld %10.2f %10.2f %10.2f  %s\n", name, static_cast<long long>(rows), first,
                ms[ms.size() / 2], ms.back(), ok ? "ok" : "OVER BUDGET");
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QString path = bench::benchStorePath(argc, argv);
    core::SystemClock clock;
    QElapsedTimer t;
    t.start();
    auto opened = bench::openBenchStore(path, clock);
    if (!opened)
        return 1;
    store::CaseStore cases(*opened);
    auto catalog = store::CatalogRepository(*opened).entries();
    const double openMs = t.nsecsElapsed() / 1e6;
    store::CaseQueries q(*opened);
    const int total = q.caseCount().value();
    const QDate today = clock.todayIn(cases.settings().zone);
    std::printf("store %s: %d cases, %.0f MB\n", qPrintable(path), total,
                QFileInfo(path).size() / 1048576.0);
    std::printf("open the store, its calendar and catalog: %.1f ms (budget 300 ms): %s\n", openMs,
                openMs <= 300 ? "ok" : "OVER BUDGET");

    // Real values to look up: a closed case from the middle of the store.
    const auto sample = q.between(store::CaseQueries::DateField::Received, today.addYears(-3),
                                  today.addYears(-3).addDays(7), 1);
    if (!sample || sample->isEmpty()) {
        std::fprintf(stderr, "the store has no cases three years back\n");
        return 1;
    }
    const store::CaseRow c = sample->first();
    auto clerkRows = q.openByUrgency(today, 1);
    const QString clerk =
        clerkRows && !clerkRows->isEmpty() ? clerkRows->first().clerkId : c.clerkId;

    std::printf("%-46s %7s %10s %10s %10s\n", "query (15 runs)", "rows", "first ms", "median ms",
                "worst ms");
    measure("overdue board: open cases by level, deadline",
            [&] { return q.openByUrgency(today, 100)->size(); });
    measure("my queue: a clerk's open cases",
            [&] { return q.clerkOpen(clerk, today, 100)->size(); });
    measure("search: case number", [&] { return q.search(c.caseNumber, 50)->size(); });
    measure("search: query code", [&] { return q.search(c.queryCode, 50)->size(); });
    measure("search: applicant name prefix",
            [&] { return q.search(c.applicantName.left(1), 50)->size(); });
    measure("search: ID number", [&] { return q.search(c.applicantId, 50)->size(); });
    measure("search: phone", [&] { return q.search(c.applicantPhone, 50)->size(); });
    // Date-range lists are read a page at a time, with the total beside them.
    for (const auto& [name, field] : {std::pair{"received in a month: first page + total",
                                                store::CaseQueries::DateField::Received},
                                      std::pair{"accepted in a month: first page + total",
                                                store::CaseQueries::DateField::Accepted},
                                      std::pair{"decided in a month: first page + total",
                                                store::CaseQueries::DateField::Decided}}) {
        measure(name, [&, f = field] {
            const int inRange = q.countBetween(f, today.addMonths(-1), today).value();
            return q.between(f, today.addMonths(-1), today, 200)->size() + 0 * inRange;
        });
    }
    measure("overdue", [&] { return q.overdue(today, 1000)->size(); });
    measure("waiting for correction", [&] { return q.awaitingCorrection(1000)->size(); });
    measure("deemed accepted (latest page)", [&] { return q.deemedAccepted(200)->size(); });
    measure("open counts per state", [&] { return q.countsByStatus().value().size(); });
    std::printf("every query within 50 ms: %s\n", allWithin ? "yes" : "NO");
    return 0;
}
