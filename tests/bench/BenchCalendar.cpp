// N-th working day after a date: queries per second on one core, the indexed calendar next to a
// naive day-by-day loop in the same run. Target (architecture.md): >= 10 million per second.
#include "core/HolidayNotice.h"
#include "core/WorkingCalendar.h"

#include <QElapsedTimer>
#include <QFile>

#include <cstdio>
#include <random>
#include <vector>

using namespace onewindow;

namespace {

struct Query
{
    qint64 fromJd;
    int n;
};

// The obvious implementation: walk day by day, asking the calendar about each day.
qint64 naiveNth(const core::WorkingCalendar& cal, qint64 fromJd, int n)
{
    qint64 jd = fromJd;
    while (n > 0) {
        ++jd;
        if (cal.isWorkingDay(QDate::fromJulianDay(jd)))
            --n;
    }
    return jd;
}

} // namespace

int main(int argc, char** argv)
{
    const long long queries = argc > 1 ? std::atoll(argv[1]) : 20'000'000;
    QList<core::HolidayNotice> notices;
    for (int year : {2024, 2025, 2026}) {
        QFile f(QStringLiteral(ONEWINDOW_SOURCE_DIR "/resources/calendars/%1.json").arg(year));
        if (!f.open(QIODevice::ReadOnly))
            return std::fprintf(stderr, "cannot read the shipped %d calendar\n", year), 1;
        notices.append(core::parseHolidayNotice(f.readAll(), f.fileName()).notice);
    }
    QElapsedTimer build;
    build.start();
    const core::WorkingCalendar cal(notices);
    const double buildMs = build.nsecsElapsed() / 1e6;

    std::mt19937_64 rng(42);
    const qint64 first = QDate(2024, 1, 1).toJulianDay();
    const qint64 span = QDate(2027, 12, 31).toJulianDay() - first + 1;
    std::vector<Query> qs(1 << 20);
    for (Query& q : qs)
        q = {first + static_cast<qint64>(rng() % static_cast<std::uint64_t>(span)),
             static_cast<int>(rng() % 250)};
    const std::size_t mask = qs.size() - 1;

    qint64 checksum = 0;
    QElapsedTimer t;
    t.start();
    for (long long i = 0; i < queries; ++i) {
        const Query& q = qs[static_cast<std::size_t>(i) & mask];
        checksum += cal.nthWorkingDayAfterJd(q.fromJd, q.n);
    }
    const double indexedSec = t.nsecsElapsed() / 1e9;

    const long long checkedQueries = queries / 4;
    t.restart();
    for (long long i = 0; i < checkedQueries; ++i) {
        const Query& q = qs[static_cast<std::size_t>(i) & mask];
        auto r = cal.nthWorkingDayAfter(QDate::fromJulianDay(q.fromJd), q.n);
        checksum += r.ok() ? r->date.toJulianDay() + (r->provisional ? 1 : 0) : 0;
    }
    const double checkedSec = t.nsecsElapsed() / 1e9;

    const long long naiveQueries = std::max(1LL, queries / 200);
    qint64 naiveSum = 0;
    qint64 indexedSum = 0;
    t.restart();
    for (long long i = 0; i < naiveQueries; ++i) {
        const Query& q = qs[static_cast<std::size_t>(i) & mask];
        naiveSum += naiveNth(cal, q.fromJd, q.n);
    }
    const double naiveSec = t.nsecsElapsed() / 1e9;
    for (long long i = 0; i < naiveQueries; ++i) {
        const Query& q = qs[static_cast<std::size_t>(i) & mask];
        indexedSum += cal.nthWorkingDayAfterJd(q.fromJd, q.n);
    }

    const double indexedQps = queries / indexedSec;
    const double checkedQps = checkedQueries / checkedSec;
    const double naiveQps = naiveQueries / naiveSec;
    std::printf("calendar index built in %.2f ms (%d working days indexed, 2000-2099)\n", buildMs,
                cal.workingDayCount());
    std::printf("%-44s %14s %12s\n", "N-th working day after a date (2024-2027)", "queries/s",
                "vs naive");
    std::printf("%-44s %14.0f %11.1fx\n", "indexed, unchecked (nthWorkingDayAfterJd)", indexedQps,
                indexedQps / naiveQps);
    std::printf("%-44s %14.0f %11.1fx\n", "indexed, checked + provisional flag", checkedQps,
                checkedQps / naiveQps);
    std::printf("%-44s %14.0f %11.1fx\n", "naive day-by-day loop (baseline)", naiveQps, 1.0);
    std::printf("target >= 10,000,000 queries/s on one core: %s\n",
                indexedQps >= 1e7 ? "met" : "NOT MET");
    std::printf("agreement with the naive loop on %lld queries: %s (checksum %lld)\n", naiveQueries,
                naiveSum == indexedSum ? "identical" : "DIFFERENT",
                static_cast<long long>(checksum));
    return naiveSum == indexedSum ? 0 : 1;
}
