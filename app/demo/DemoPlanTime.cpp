// When the planned steps of a demo case happen: office hours on working days, in the hall's zone,
// and how many working days a limit reaches as the clocks count it.
#include "demo/DemoPlan.h"

#include "core/DeadlineClock.h"

#include <algorithm>

namespace onewindow::demo {

namespace {

constexpr qint64 kUnixEpochJd = 2440588;
constexpr qint32 kMorning = 3 * 3600; // office seconds before the lunch break
constexpr int kSpacing = 60;          // seconds at least between two sittings of a day

} // namespace

int clerksAt(int window)
{
    return window < 6 ? 3 : 2;
}

QString windowCode(int window)
{
    return QStringLiteral("W%1").arg(window + 1, 2, 10, QLatin1Char('0'));
}

QString clerkId(int window, int clerk)
{
    return QStringLiteral("clerk-w%1-%2").arg(window + 1, 2, 10, QLatin1Char('0')).arg(clerk + 1);
}

QString supervisorId(int supervisor)
{
    return QStringLiteral("supervisor-%1").arg(supervisor + 1);
}

int DemoPlanner::clerkOn(qint32 jd, int window, bool afternoon) const
{
    const quint64 shift =
        static_cast<quint64>(jd) * 64 + static_cast<quint64>(window) * 2 + (afternoon ? 1u : 0u);
    return static_cast<int>(mixSeed(m_seed, shift, 0x7368696674ull) %
                            static_cast<quint64>(clerksAt(window)));
}

qint64 DemoPlanner::utcMs(qint32 jd, qint32 officeSec) const
{
    const auto size = static_cast<qint32>(m_offsets.size());
    if (m_offsets.empty() || jd < m_firstJd || jd >= m_firstJd + size) {
        // The zone's offset per day for some years around, computed once (at noon: office hours
        // are far from any daylight-saving change).
        m_firstJd = jd - 4000;
        m_offsets.assign(8000, 0);
        for (qint32 i = 0; i < 8000; ++i) {
            const QDate day = QDate::fromJulianDay(m_firstJd + i);
            m_offsets[static_cast<std::size_t>(i)] =
                m_zone.offsetFromUtc(QDateTime(day, QTime(12, 0), m_zone));
        }
    }
    const qint32 clock =
        officeSec < kMorning ? 9 * 3600 + officeSec : 13 * 3600 + 1800 + (officeSec - kMorning);
    const qint64 local = (static_cast<qint64>(jd) - kUnixEpochJd) * 86400 + clock;
    return (local - m_offsets[static_cast<std::size_t>(jd - m_firstJd)]) * 1000;
}

qint32 DemoPlanner::workingDayAfter(qint32 jd, int n) const
{
    return static_cast<qint32>(m_calendar.nthWorkingDayAfterJd(jd, n));
}

int DemoPlanner::limitInWorkingDays(qint32 startJd, int days, core::DayUnit unit,
                                    const QList<core::Suspension>& suspensions) const
{
    if ((unit == core::DayUnit::WorkingDays && suspensions.isEmpty()) || days <= 0)
        return days;
    // A limit ends where the clock says: a limit in 日 counts every day, suspended ones excluded
    // by the calendar day, and a last day off moves to the next working day (民法典 Art. 203).
    // The plan steps through working days, so it takes as many as lie before that day.
    core::ClockInput in;
    in.trigger = QDate::fromJulianDay(startJd);
    in.limit = days;
    in.unit = unit;
    in.suspensions = suspensions;
    auto clock = core::computeClock(m_calendar, in, in.trigger);
    if (!clock)
        return days;
    return m_calendar.workingDaysBetweenJd(startJd, clock->deadline.toJulianDay());
}

// Orders the steps by day (same-day steps keep the order they were planned in, which is the
// order the rules need) and gives each a time: a sitting (a step and the steps chained to it)
// starts at a random moment of the office day, sittings in order, at least a minute apart. A day
// too full for that (a late receipt) has its gaps shortened so that it ends by 17:30.
void DemoPlanner::time(CasePlan& plan, DemoRandom& r) const
{
    std::vector<PlanStep>& steps = plan.steps;
    std::stable_sort(steps.begin(), steps.end(),
                     [](const PlanStep& a, const PlanStep& b) { return a.jd < b.jd; });
    std::vector<std::size_t> firsts; // the first step of each sitting of the day
    std::vector<int> lengths;
    std::vector<int> starts;
    for (std::size_t i = 0; i < steps.size();) {
        std::size_t end = i;
        while (end < steps.size() && steps[end].jd == steps[i].jd)
            ++end;
        int start = 0;
        bool fixed = true;
        if (steps[i].type == core::EventType::Received) // the receipt's time is given
            start = plan.slot.sec;
        else if (steps[i].early) // the workstation notices lapsed periods at opening time
            start = r.below(600);
        else
            fixed = false;
        int total = 0;
        int sittings = 0;
        for (std::size_t k = i; k < end; ++k) {
            total += k == i || steps[k].gap == 0 ? (sittings++ > 0 ? kSpacing : 0) : steps[k].gap;
        }
        const int room = kOfficeSeconds - 1 - start;
        const double scale = total > room ? static_cast<double>(room) / total : 1.0;
        const int spacing = std::max(2, static_cast<int>(kSpacing * scale));
        firsts.clear();
        lengths.clear();
        for (std::size_t k = i; k < end; ++k) {
            if (k == i || steps[k].gap == 0) {
                firsts.push_back(k);
                lengths.push_back(0);
            } else {
                steps[k].gap =
                    static_cast<quint16>(std::max(2, static_cast<int>(steps[k].gap * scale)));
                lengths.back() += steps[k].gap;
            }
        }
        int needed = 0;
        for (std::size_t k = 0; k < firsts.size(); ++k)
            needed += lengths[k] + (k > 0 ? spacing : 0);
        const int free = std::max(0, room - needed);
        starts.clear();
        for (std::size_t k = 0; k < firsts.size(); ++k)
            starts.push_back(fixed && k == 0 ? 0 : r.below(free + 1));
        std::sort(starts.begin() + (fixed ? 1 : 0), starts.end());
        int shift = start;
        for (std::size_t k = 0; k < firsts.size(); ++k) {
            int sec = shift + starts[k];
            const std::size_t last = k + 1 < firsts.size() ? firsts[k + 1] : end;
            for (std::size_t s = firsts[k]; s < last; ++s) {
                if (s != firsts[k])
                    sec += steps[s].gap;
                steps[s].sec = sec;
            }
            shift += lengths[k] + spacing;
        }
        i = end;
    }
    // Milliseconds within the second keep the order: steps are at least two seconds apart.
    for (PlanStep& s : steps)
        s.utcMs = utcMs(s.jd, s.sec) + r.below(1000);
    const auto future = std::find_if(steps.begin(), steps.end(),
                                     [&](const PlanStep& s) { return s.utcMs > m_cutoffUtcMs; });
    steps.erase(future, steps.end());
}

} // namespace onewindow::demo
