#pragma once

#include "core/DayUnit.h"
#include "core/Error.h"
#include "core/WorkingCalendar.h"

#include <QDate>
#include <QList>

#include <optional>

namespace onewindow::core {

enum class WarningLevel
{
    Normal,
    Yellow, // days left (in the clock's unit) at or below the threshold (incl. the deadline day)
    Red,    // the deadline day has passed and the duty is not done
    DoneOnTime,
    DoneLate,
};

// Time not counted (行政许可法 Art. 45; 政府信息公开条例 Art. 32): suspended on day S and resumed
// on day R, the working days d with S < d <= R are excluded. The suspension day itself counts.
struct Suspension
{
    QDate suspended;
    std::optional<QDate> resumed; // empty while still suspended

    friend bool operator==(const Suspension&, const Suspension&) = default;
};

// One period a case must keep: it starts the day after `trigger` and lasts `limit` days in `unit`
// (plus approved extensions, in the same unit). A limit of 0 means due on the trigger day itself.
// A calendar-day period whose last day is a day off ends on the next working day (民法典 Art. 203).
struct ClockInput
{
    QDate trigger;
    int limit = 0;
    int extension = 0;
    QList<Suspension> suspensions;
    std::optional<QDate> stopped; // the day the duty was done (notice issued, decision, ...)
    int warningThreshold = -1;    // in `unit`; negative: the default for the limit
    DayUnit unit = DayUnit::WorkingDays;
};

struct ClockStatus
{
    WarningLevel level = WarningLevel::Normal;
    // Days d with asOf < d <= deadline, counted in the clock's unit (working days for a
    // working-day clock, calendar days for a calendar-day clock).
    int workingDaysLeft = 0;
    int overdueDays = 0;    // days (in the clock's unit) past the deadline or late
    bool suspended = false; // an open suspension: the deadline moves day by day, days left frozen
};

struct ClockResult
{
    QDate trigger;
    int limit = 0;
    int extension = 0;
    int threshold = 1;
    DayUnit unit = DayUnit::WorkingDays;
    QDate deadline;
    // A calendar-day clock: the last day by count (trigger + limit + extension + excluded days),
    // before 民法典 Art. 203 moves a day off to the next working day. Equals `deadline` otherwise.
    QDate periodEnd;
    QDate yellowFrom;         // the first day the clock is yellow: `threshold` days left
    bool provisional = false; // counting (or the last-day adjustment) touched a provisional year
    int excludedDays = 0;     // suspended days (in the clock's unit) added to the deadline
    // The suspended spans (merged; an open one ends on the day computed for) that moved the
    // deadline, kept so the count can be explained day by day.
    QList<Suspension> excludedSpans;
    std::optional<QDate> stopped;
    ClockStatus status; // as of the day the clock was computed for
};

// Default yellow threshold: the larger of 1 and 20 % of the limit, rounded up.
int defaultWarningThreshold(int limit);

// Computes a clock as of `asOf` (the hall's civil date today). An open suspension is treated as
// resumed on `asOf`, so its deadline keeps moving while the working days left stay frozen.
Result<ClockResult> computeClock(const WorkingCalendar& calendar, const ClockInput& input,
                                 const QDate& asOf);

// The status of an already computed clock on another day (no open suspension assumed).
ClockStatus clockStatus(const WorkingCalendar& calendar, const ClockResult& clock,
                        const QDate& asOf);

// Every day from the day after the trigger to the deadline as the clock counted it: working days
// numbered 1..limit+extension (those past the limit marked as the extension's), weekends and
// holidays skipped, and the suspended working days skipped too (行政许可法 Art. 45). The calendar's
// own explanation does the listing, so the two can never disagree about a day. A calendar-day
// clock numbers every day (weekends and holidays too, their kind still shown), skips the suspended
// days, and lists the days after the period's last day that 民法典 Art. 203 added as endAdjusted.
Result<QList<ExplainedDay>> explainClock(const WorkingCalendar& calendar, const ClockResult& clock);

// The one rule for a warning level from stored dates (a case's earliest running deadline and
// the first day it is yellow, as the projection keeps them). Open: red once `day` is past `due`,
// yellow from `yellowFrom` up to and including the due day, otherwise normal; an invalid `due`
// (no clock running: suspended, or waiting only for the applicant) is normal. Done (open false):
// `day` is the day the duty was done, late iff after a valid `due`.
WarningLevel warningLevelOn(const QDate& due, const QDate& yellowFrom, bool open, const QDate& day);

QString warningLevelName(WarningLevel level); // 正常, 黄牌, 红牌, 按期办结, 超期办结

} // namespace onewindow::core
