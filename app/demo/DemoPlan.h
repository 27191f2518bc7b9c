#pragma once

#include "core/CaseState.h"
#include "core/Catalog.h"
#include "core/DeadlineClock.h"
#include "core/DocumentKind.h"
#include "core/WorkingCalendar.h"
#include "demo/DemoRandom.h"

#include <QHash>
#include <QList>
#include <QTimeZone>

#include <vector>

namespace onewindow::demo {

inline constexpr int kWindows = 12;             // W01..W12, one workstation (device) each
inline constexpr int kSupervisors = 3;          // supervisor-1..3
inline constexpr int kOfficeSeconds = 7 * 3600; // 09:00-12:00 and 13:30-17:30

// Clerks per window: 3 at W01-W06, 2 at W07-W12 (30 in all), named clerk-w03-2.
int clerksAt(int window);
QString clerkId(int window, int clerk);
QString supervisorId(int supervisor);
QString windowCode(int window); // W01

enum class Actor : quint8
{
    CaseClerk,   // the clerk who received the case, at its window
    WindowClerk, // the clerk on duty at the step's window (pickup at any window)
    Supervisor,
    System,
};

// One planned action: what, when (a civil date and a time in the hall's zone, then UTC), on which
// window's device and by whom, with the few choices the payload needs.
struct PlanStep
{
    core::EventType type = core::EventType::Note;
    qint32 jd = 0;      // civil date (Julian day)
    qint32 sec = 0;     // office seconds after 09:00 (lunch skipped), once timed
    qint64 utcMs = 0;   // once timed
    quint16 gap = 0;    // > 0: this many seconds after the previous step (same sitting)
    bool early = false; // a system event at the start of the day
    Actor actor = Actor::CaseClerk;
    quint8 window = 0;  // the device it is recorded on
    quint8 person = 0;  // clerk number at `window`, or supervisor number
    quint8 variant = 0; // type-specific: document kind, reason kind, method, level ...
    qint16 arg = 0;     // type-specific number: days, ...
    qint32 argJd = 0;   // type-specific date: expected end, due date
};

// Where and when a case comes in.
struct CaseSlot
{
    quint64 index = 0; // global case index, in receipt order
    qint32 jd = 0;
    qint32 sec = 0; // office seconds
    quint8 window = 0;
    quint8 clerk = 0;
    int caseSeq = 0; // per window per day
};

// The structure of one case: its item, which materials are short when, and its timed steps.
struct CasePlan
{
    CaseSlot slot;
    int item = 0;
    core::Channel channel = core::Channel::InPerson;
    quint32 shortMask = 0;       // non-optional materials short at receipt
    quint32 defectiveMask = 0;   // of those, defective (the others are missing)
    quint32 optionalMissing = 0; // optional materials not brought (never block acceptance)
    quint32 againMask = 0;       // re-submitted at the first correction and still defective
    quint32 notBroughtMask = 0;  // not brought at the first correction: a repeat notice follows
    quint32 deferredMask = 0;    // missing at receipt, accepted as deferred (容缺)
    quint32 committedMask = 0;   // missing at receipt, replaced by a commitment (告知承诺)
    std::vector<PlanStep> steps; // in time order, none after the cut-off
};

// Plans cases deterministically from the seed and the case index alone (steps after the cut-off
// are left out: the case is still open there), so planning twice gives the same steps (the seeder
// plans every case once to number each device's events in time order, then again to write them).
class DemoSchedule;

class DemoPlanner
{
public:
    DemoPlanner(const core::WorkingCalendar& calendar, const QTimeZone& zone,
                const QList<core::ServiceItem>& items, quint64 seed, qint64 cutoffUtcMs);

    CasePlan plan(const CaseSlot& slot) const;

    // 国办函〔2020〕109号 Art. 4: counts each frequent applicant's disclosure applications
    // (frequentApplicantOf, DemoDisclosure.h) per calendar month over the schedule, in the order
    // the store counts them (receipt day, then case number), so that the plans of their 11th and
    // later applications in a month charge the fee by count. Without it nobody is charged.
    void countFrequentApplicants(const DemoSchedule& schedule);
    // The frequent applicant's earlier applications in the month for the case with `index`, or
    // -1 for anyone else's case.
    int feePriorOf(quint64 index) const { return m_feePrior.value(index, -1); }

    // The clerk on duty at a window on a day (morning or afternoon shift).
    int clerkOn(qint32 jd, int window, bool afternoon) const;
    qint64 utcMs(qint32 jd, qint32 officeSec) const;
    const QList<core::ServiceItem>& items() const { return m_items; }
    const core::WorkingCalendar& calendar() const { return m_calendar; }
    const QTimeZone& zone() const { return m_zone; }

private:
    struct Build;
    void planIntake(Build& b) const;
    void planNoticePath(Build& b) const;
    void planProcessing(Build& b, qint32 startJd, bool deemed) const;
    void planDelivery(Build& b, qint32 decidedJd) const;
    // A disclosure application charged by count: the notice, then payment and the reply, or the
    // lapse that counts as withdrawal.
    void planFeePath(Build& b, qint32 startJd, int prior) const;
    void planRating(Build& b, qint32 jd, int window, bool chained) const;
    void time(CasePlan& plan, DemoRandom& random) const;
    qint32 workingDayAfter(qint32 jd, int n) const;
    // A limit of the item counted from `startJd` as core::computeClock counts it (in its unit, the
    // suspended days excluded, 民法典 Art. 203 for 日), as the number of working days up to its
    // deadline.
    int limitInWorkingDays(qint32 startJd, int days, core::DayUnit unit,
                           const QList<core::Suspension>& suspensions = {}) const;

    const core::WorkingCalendar& m_calendar;
    QTimeZone m_zone;
    QList<core::ServiceItem> m_items;
    std::vector<double> m_weights;
    quint64 m_seed;
    QHash<quint64, int> m_feePrior;        // case index -> earlier applications in its month
    qint64 m_cutoffUtcMs;                  // no step after it
    mutable std::vector<qint32> m_offsets; // zone offset in seconds per day, from m_firstJd
    mutable qint32 m_firstJd = 0;
};

} // namespace onewindow::demo
