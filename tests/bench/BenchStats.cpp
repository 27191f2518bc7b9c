// The supervisor's figures on a big store (issue: a year's figures by month and department within
// 300 ms on the 1,000,000-case demo store; XLSX export of 100,000 rows with progress within 10 s).
// Make a store with `onewindowctl --store PATH demo seed --cases N`; a store from before
// migration 0008 needs `onewindowctl --store PATH store rebuild` first.
//
// Usage: bench_stats STORE [YEAR]   (YEAR: default the last full year with cases)
#include "BenchStore.h"
#include "core/Clock.h"
#include "exporting/ExportTables.h"
#include "store/CaseQueries.h"
#include "store/StatsQueries.h"
#include "store/Store.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace onewindow;

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_stats STORE [YEAR]\n");
        return 2;
    }
    const QString path = QString::fromLocal8Bit(argv[1]);
    core::SystemClock clock;
    QElapsedTimer t;
    t.start();
    auto opened = bench::openBenchStore(path, clock);
    if (!opened)
        return 1;
    store::Store& s = *opened;
    std::printf("store open: %.1f ms\n", t.nsecsElapsed() / 1e6);
    store::StatsQueries stats(s);
    if (*stats.needsRebuild()) {
        std::fprintf(stderr,
                     "the store predates the figures' columns: run onewindowctl --store %s "
                     "store rebuild\n",
                     qPrintable(path));
        return 1;
    }
    int year = argc > 2 ? std::atoi(argv[2]) : 0;
    if (year == 0) {
        QSqlQuery q(s.database());
        q.exec(QStringLiteral("SELECT max(received_date), count(*) FROM cases"));
        q.next();
        const QDate last = QDate::fromString(q.value(0).toString(), Qt::ISODate);
        std::printf("cases: %lld, last received %s\n", q.value(1).toLongLong(),
                    qPrintable(last.toString(Qt::ISODate)));
        year = last.month() == 12 && last.day() == 31 ? last.year() : last.year() - 1;
    }
    const QDate from(year, 1, 1), to(year, 12, 31);
    const QDate asOf = clock.todayIn(QTimeZone(QByteArrayLiteral("Asia/Shanghai")));

    const auto run = [&](const char* name, core::PeriodKind kind, core::GroupBy by, double budget) {
        std::vector<double> ms;
        core::FigureTable table;
        for (int i = 0; i < 7; ++i) {
            QElapsedTimer timer;
            timer.start();
            auto r = stats.figures(store::FigureQuery{from, to, kind, by, asOf});
            ms.push_back(timer.nsecsElapsed() / 1e6);
            if (!r) {
                std::fprintf(stderr, "%s\n", qPrintable(r.error().message));
                std::exit(1);
            }
            table = *r;
        }
        const double first = ms.front();
        std::sort(ms.begin(), ms.end());
        std::printf("%-40s rows %5lld  received %7lld  first %8.1f ms  median %8.1f ms  max %8.1f "
                    "ms  %s\n",
                    name, static_cast<long long>(table.rows.size()),
                    static_cast<long long>(table.total.received), first, ms[ms.size() / 2],
                    ms.back(),
                    budget <= 0           ? ""
                    : ms.back() <= budget ? "ok"
                                          : "OVER BUDGET");
    };
    std::printf("figures for %d:\n", year);
    run("year by month and department", core::PeriodKind::Month, core::GroupBy::Department, 300);
    // No target of their own: how the other groupings compare.
    run("year by month", core::PeriodKind::Month, core::GroupBy::None, 0);
    run("year by week and clerk", core::PeriodKind::Week, core::GroupBy::Clerk, 0);
    run("year by quarter and item", core::PeriodKind::Quarter, core::GroupBy::Item, 0);
    run("year by day and window", core::PeriodKind::Day, core::GroupBy::Window, 0);

    t.restart();
    // 100,000 cases: the year's, and the year before's when the year has fewer.
    auto rows = store::CaseQueries(s).between(store::CaseQueries::DateField::Received,
                                              from.addYears(-1), to, 100000);
    if (!rows) {
        std::fprintf(stderr, "%s\n", qPrintable(rows.error().message));
        return 1;
    }
    std::printf("case list: %lld rows read in %.1f ms\n", static_cast<long long>(rows->size()),
                t.nsecsElapsed() / 1e6);
    QTemporaryDir dir;
    const exporting::CaseRowSource source(*rows);
    qint64 progressCalls = 0;
    t.restart();
    const core::Status xlsx = exporting::writeXlsx(
        {&source}, dir.filePath(QStringLiteral("cases.xlsx")), [&](qint64, qint64) {
            ++progressCalls;
            return true;
        });
    const double xlsxMs = t.nsecsElapsed() / 1e6;
    if (!xlsx) {
        std::fprintf(stderr, "%s\n", qPrintable(xlsx.error().message));
        return 1;
    }
    std::printf(
        "XLSX export of %lld rows: %.1f ms, %lld bytes, %lld progress reports  %s\n",
        static_cast<long long>(rows->size()), xlsxMs,
        static_cast<long long>(QFileInfo(dir.filePath(QStringLiteral("cases.xlsx"))).size()),
        static_cast<long long>(progressCalls), xlsxMs <= 10000 ? "ok" : "OVER BUDGET");
    t.restart();
    const core::Status csv = exporting::writeCsv(source, dir.filePath(QStringLiteral("cases.csv")));
    std::printf("CSV export of %lld rows: %.1f ms  %s\n", static_cast<long long>(rows->size()),
                t.nsecsElapsed() / 1e6, csv ? "ok" : qPrintable(csv.error().message));
    return 0;
}
