#pragma once

#include "demo/DemoPlan.h"

#include <vector>

namespace onewindow::demo {

// When the demo hall's cases come in: about 400 a working day, over as many working days before
// today as the count needs, busier on Mondays, at random moments of office hours, each at one of
// the twelve windows, numbered per window and day. (Today has not begun: the hall is seeded as it
// stands before opening, so the same seed gives the same hall all day.)
class DemoSchedule
{
public:
    DemoSchedule(const DemoPlanner& planner, quint64 seed, int cases, qint32 todayJd);

    // Fewer than the count needs only when they would reach back before 2001.
    int days() const { return static_cast<int>(m_days.size()); }
    qint32 day(int i) const { return m_days[static_cast<std::size_t>(i)]; }
    int casesOn(int i) const { return m_counts[static_cast<std::size_t>(i)]; }
    // The cases received on day i, in receipt order, numbered from `firstIndex`.
    std::vector<CaseSlot> slotsOn(int i, quint64 firstIndex) const;

    static constexpr int kCasesPerDay = 400;

private:
    const DemoPlanner& m_planner;
    quint64 m_seed;
    std::vector<qint32> m_days; // ascending
    std::vector<int> m_counts;
};

} // namespace onewindow::demo
