#include "demo/DemoSchedule.h"

#include <algorithm>
#include <cmath>

namespace onewindow::demo {

namespace {

constexpr quint64 kDaySalt = 0x646179;                 // "day"
constexpr int kLastReceipt = kOfficeSeconds - 20 * 60; // numbers are no longer taken at 17:10

} // namespace

DemoSchedule::DemoSchedule(const DemoPlanner& planner, quint64 seed, int cases, qint32 todayJd)
    : m_planner(planner), m_seed(seed)
{
    const core::WorkingCalendar& calendar = planner.calendar();
    const int wanted = std::max(1, (cases + kCasesPerDay - 1) / kCasesPerDay);
    // Not before the calendar's first supported year (the seeder refuses counts that need more).
    const qint64 first = core::WorkingCalendar::firstSupported().toJulianDay() + 366;
    qint32 jd = todayJd - 1;
    while (static_cast<int>(m_days.size()) < wanted && jd > first) {
        if (calendar.isWorkingDay(QDate::fromJulianDay(jd)))
            m_days.push_back(jd);
        --jd;
    }
    std::reverse(m_days.begin(), m_days.end());

    // Weights: Mondays busiest, Fridays and make-up Saturdays quieter, and a day's own noise.
    std::vector<double> weights;
    double total = 0;
    for (qint32 d : m_days) {
        static constexpr double kWeekday[] = {1.15, 1.05, 1.0, 1.0, 0.9, 0.8, 0.8};
        DemoRandom r(mixSeed(seed, static_cast<quint64>(d), kDaySalt));
        double w = kWeekday[QDate::fromJulianDay(d).dayOfWeek() - 1] * (0.85 + 0.3 * r.unit());
        weights.push_back(w);
        total += w;
    }
    // Largest remainders: the counts add up to `cases` exactly.
    std::vector<std::pair<double, std::size_t>> remainders;
    int given = 0;
    for (std::size_t i = 0; i < m_days.size(); ++i) {
        const double exact = total > 0 ? cases * weights[i] / total : 0;
        const int whole = static_cast<int>(std::floor(exact));
        m_counts.push_back(whole);
        given += whole;
        remainders.emplace_back(exact - whole, i);
    }
    std::stable_sort(remainders.begin(), remainders.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    for (std::size_t k = 0; given < cases && !remainders.empty(); ++k, ++given)
        ++m_counts[remainders[k % remainders.size()].second];
}

std::vector<CaseSlot> DemoSchedule::slotsOn(int i, quint64 firstIndex) const
{
    const qint32 jd = day(i);
    const int n = casesOn(i);
    DemoRandom r(mixSeed(m_seed, static_cast<quint64>(jd), kDaySalt + 1));
    std::vector<int> secs;
    secs.reserve(static_cast<std::size_t>(n));
    for (int k = 0; k < n; ++k)
        secs.push_back(r.below(kLastReceipt));
    std::sort(secs.begin(), secs.end());
    std::vector<CaseSlot> out;
    out.reserve(static_cast<std::size_t>(n));
    int perWindow[kWindows] = {};
    for (int k = 0; k < n; ++k) {
        CaseSlot s;
        s.index = firstIndex + static_cast<quint64>(k);
        s.jd = jd;
        s.sec = secs[static_cast<std::size_t>(k)];
        s.window = static_cast<quint8>(r.below(kWindows));
        s.clerk = static_cast<quint8>(m_planner.clerkOn(jd, s.window, s.sec >= 3 * 3600));
        s.caseSeq = ++perWindow[s.window];
        out.push_back(s);
    }
    return out;
}

} // namespace onewindow::demo
