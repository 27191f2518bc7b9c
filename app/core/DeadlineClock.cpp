#include "core/DeadlineClock.h"

#include <algorithm>
#include <cmath>

namespace onewindow::core {

int defaultWarningThreshold(int limit)
{
    // In 64 bits: limit * 20 must not overflow whatever limit a caller hands in.
    const qint64 threshold = (static_cast<qint64>(std::max(limit, 0)) * 20 + 99) / 100;
    return static_cast<int>(std::max<qint64>(1, threshold));
}

namespace {

struct Span
{
    QDate from; // suspended on
    QDate to;   // resumed on (or asOf while open)
};

// Overlapping or touching suspensions are one span of excluded time.
QList<Span> mergedSpans(const QList<Suspension>& suspensions, const QDate& trigger,
                        const QDate& asOf)
{
    QList<Span> spans;
    for (const Suspension& s : suspensions) {
        QDate from = std::max(s.suspended, trigger);
        QDate to = s.resumed.value_or(std::max(asOf, s.suspended));
        if (to > from)
            spans.append(Span{from, to});
    }
    std::sort(spans.begin(), spans.end(),
              [](const Span& a, const Span& b) { return a.from < b.from; });
    QList<Span> merged;
    for (const Span& s : spans) {
        if (!merged.isEmpty() && s.from <= merged.last().to)
            merged.last().to = std::max(merged.last().to, s.to);
        else
            merged.append(s);
    }
    return merged;
}

// Days d with from < d <= to in the clock's unit (negative when to < from).
int daysBetween(const WorkingCalendar& calendar, DayUnit unit, qint64 fromJd, qint64 toJd)
{
    if (unit == DayUnit::CalendarDays)
        return static_cast<int>(toJd - fromJd);
    return calendar.workingDaysBetweenJd(fromJd, toJd);
}

// 民法典 Art. 203 (民事诉讼法 Art. 85 and 行政诉讼法 Art. 83 say the same): a period whose last day
// is a statutory day off or a rest day ends on the first working day after it. A working day is
// its own answer; weekends and holidays move on to the next working day (a make-up working day
// counts as one).
QDate endOnWorkingDay(const WorkingCalendar& calendar, QDate day)
{
    while (!calendar.isWorkingDay(day))
        day = day.addDays(1);
    return day;
}

// A period of `limit` + `extension` calendar days: it starts the day after the trigger, its last
// day is trigger + N, suspended days push that day out one for one, and a last day that is a day
// off moves to the next working day.
Result<ClockResult> calendarDayClock(const WorkingCalendar& calendar, const ClockInput& input,
                                     const QDate& asOf, ClockResult r)
{
    const int days = input.limit + input.extension;
    QDate end = input.trigger.addDays(days);
    const auto adjusted = [&](const QDate& last) {
        return last > input.trigger ? endOnWorkingDay(calendar, last) : last;
    };
    // A suspension that starts on or before the period's last day (and before the duty was done)
    // pushes that day out by the calendar days it excludes; one that starts later finds every day
    // of the period already counted.
    const QDate openUntil = input.stopped.value_or(asOf);
    for (const Span& s : mergedSpans(input.suspensions, input.trigger, openUntil)) {
        if (s.from > end || (input.stopped && s.from >= *input.stopped))
            break;
        const int excluded = static_cast<int>(s.to.toJulianDay() - s.from.toJulianDay());
        end = end.addDays(excluded);
        r.excludedDays += excluded;
        r.excludedSpans.append(Suspension{s.from, s.to});
    }
    if (!WorkingCalendar::supports(end) || !WorkingCalendar::supports(adjusted(end)))
        return Error{QStringLiteral("calendar.out_of_range"),
                     QStringLiteral("%1 之后第 %2 日超出日历支持的范围（至 %3）")
                         .arg(input.trigger.toString(Qt::ISODate))
                         .arg(days + r.excludedDays)
                         .arg(WorkingCalendar::lastSupported().toString(Qt::ISODate))};
    r.periodEnd = end;
    r.deadline = adjusted(end);
    // Counting calendar days needs no calendar; only the last-day adjustment does, so only a
    // provisional year among the days it looked at makes the deadline provisional.
    r.provisional = end > input.trigger && calendar.touchesProvisional(end.addDays(-1), r.deadline);
    r.yellowFrom = r.deadline.addDays(-r.threshold);
    return r;
}

} // namespace

ClockStatus clockStatus(const WorkingCalendar& calendar, const ClockResult& clock,
                        const QDate& asOf)
{
    ClockStatus st;
    const qint64 deadlineJd = clock.deadline.toJulianDay();
    if (clock.stopped) {
        const bool late = *clock.stopped > clock.deadline;
        st.level = late ? WarningLevel::DoneLate : WarningLevel::DoneOnTime;
        if (late)
            // Late from the day after the deadline: at least 1 even when that day is a day off.
            st.overdueDays = std::max(
                1, daysBetween(calendar, clock.unit, deadlineJd, clock.stopped->toJulianDay()));
        return st;
    }
    if (asOf > clock.deadline) {
        st.level = WarningLevel::Red;
        // Overdue from the day after the deadline: 已超期 1 on that day even when it is a day off.
        st.overdueDays =
            std::max(1, daysBetween(calendar, clock.unit, deadlineJd, asOf.toJulianDay()));
        return st;
    }
    st.workingDaysLeft = daysBetween(calendar, clock.unit, asOf.toJulianDay(), deadlineJd);
    st.level = st.workingDaysLeft <= clock.threshold ? WarningLevel::Yellow : WarningLevel::Normal;
    return st;
}

Result<ClockResult> computeClock(const WorkingCalendar& calendar, const ClockInput& input,
                                 const QDate& asOf)
{
    if (!WorkingCalendar::supports(input.trigger) || !WorkingCalendar::supports(asOf))
        return Error{QStringLiteral("clock.out_of_range"),
                     QStringLiteral("期限起算日或计算日超出日历支持的范围")};
    if (input.limit < 0 || input.extension < 0)
        return Error{QStringLiteral("clock.negative_limit"), QStringLiteral("期限天数不能为负数")};
    for (const Suspension& s : input.suspensions) {
        if (!WorkingCalendar::supports(s.suspended) ||
            (s.resumed && (!WorkingCalendar::supports(*s.resumed) || *s.resumed < s.suspended)))
            return Error{QStringLiteral("clock.bad_suspension"),
                         QStringLiteral("中止/恢复日期无效：恢复日不能早于中止日")};
    }

    ClockResult r;
    r.trigger = input.trigger;
    r.limit = input.limit;
    r.extension = input.extension;
    r.threshold = input.warningThreshold >= 0
                      ? input.warningThreshold
                      : defaultWarningThreshold(input.limit + input.extension);
    r.stopped = input.stopped;
    r.unit = input.unit;

    if (input.unit == DayUnit::CalendarDays) {
        Result<ClockResult> counted = calendarDayClock(calendar, input, asOf, r);
        if (!counted)
            return counted.error();
        r = std::move(counted).value();
        r.status = clockStatus(calendar, r, asOf);
        r.status.suspended = std::any_of(
            input.suspensions.begin(), input.suspensions.end(), [&](const Suspension& s) {
                return !s.resumed && s.suspended <= asOf && !input.stopped;
            });
        return r;
    }

    Result<DeadlineAnswer> base =
        calendar.nthWorkingDayAfter(input.trigger, input.limit + input.extension);
    if (!base)
        return base.error();
    QDate deadline = base->date;

    // Each suspension that starts on or before the current deadline (and before the duty was done)
    // pushes the deadline out by the working days it excludes. One that starts after the deadline
    // day finds the clock already run out and changes nothing.
    const QDate openUntil = input.stopped.value_or(asOf);
    for (const Span& s : mergedSpans(input.suspensions, input.trigger, openUntil)) {
        if (s.from > deadline || (input.stopped && s.from >= *input.stopped))
            break;
        const int excluded =
            calendar.workingDaysBetweenJd(s.from.toJulianDay(), s.to.toJulianDay());
        Result<DeadlineAnswer> moved = calendar.nthWorkingDayAfter(deadline, excluded);
        if (!moved)
            return moved.error();
        deadline = moved->date;
        r.excludedDays += excluded;
        r.excludedSpans.append(Suspension{s.from, s.to});
    }
    r.deadline = deadline;
    r.periodEnd = deadline;
    r.provisional = calendar.touchesProvisional(input.trigger, deadline);
    Result<QDate> yellow = calendar.workingDayBefore(deadline, r.threshold);
    r.yellowFrom = yellow ? std::min(*yellow, deadline) : input.trigger;

    r.status = clockStatus(calendar, r, asOf);
    r.status.suspended =
        std::any_of(input.suspensions.begin(), input.suspensions.end(), [&](const Suspension& s) {
            return !s.resumed && s.suspended <= asOf && !input.stopped;
        });
    return r;
}

namespace {

bool inExcludedSpan(const ClockResult& clock, const QDate& d)
{
    return std::any_of(
        clock.excludedSpans.begin(), clock.excludedSpans.end(),
        [&](const Suspension& s) { return s.suspended < d && s.resumed && d <= *s.resumed; });
}

// Every calendar day counted 1..N (weekends and holidays too), suspended days skipped, and the
// days 民法典 Art. 203 added after a last day that was a day off.
QList<ExplainedDay> explainCalendarDays(const WorkingCalendar& calendar, const ClockResult& clock)
{
    QList<ExplainedDay> days;
    int ordinal = 0;
    for (QDate d = clock.trigger.addDays(1); d <= clock.deadline; d = d.addDays(1)) {
        ExplainedDay e{calendar.dayInfo(d), 0};
        if (d > clock.periodEnd) {
            e.endAdjusted = true;
        } else {
            e.suspended = inExcludedSpan(clock, d);
            e.ordinal = e.suspended ? 0 : ++ordinal;
            e.extension = e.ordinal > clock.limit;
        }
        days.append(e);
    }
    return days;
}

} // namespace

Result<QList<ExplainedDay>> explainClock(const WorkingCalendar& calendar, const ClockResult& clock)
{
    if (clock.unit == DayUnit::CalendarDays)
        return explainCalendarDays(calendar, clock);
    // Each excluded span moved the deadline out by its working days, so the deadline is the
    // (limit + extension + excluded)-th working day after the trigger.
    Result<QList<ExplainedDay>> listed =
        calendar.explain(clock.trigger, clock.limit + clock.extension + clock.excludedDays);
    if (!listed)
        return listed.error();
    QList<ExplainedDay> days = std::move(listed).value();
    int ordinal = 0;
    for (ExplainedDay& e : days) {
        const QDate d = e.day.date;
        e.suspended = e.day.isWorking() && inExcludedSpan(clock, d);
        e.ordinal = e.day.isWorking() && !e.suspended ? ++ordinal : 0;
        e.extension = e.ordinal > clock.limit;
    }
    return days;
}

WarningLevel warningLevelOn(const QDate& due, const QDate& yellowFrom, bool open, const QDate& day)
{
    const bool late = due.isValid() && day > due;
    if (!open)
        return late ? WarningLevel::DoneLate : WarningLevel::DoneOnTime;
    if (late)
        return WarningLevel::Red;
    if (due.isValid() && yellowFrom.isValid() && day >= yellowFrom)
        return WarningLevel::Yellow;
    return WarningLevel::Normal;
}

QString warningLevelName(WarningLevel level)
{
    switch (level) {
    case WarningLevel::Normal:
        return QStringLiteral("正常");
    case WarningLevel::Yellow:
        return QStringLiteral("黄牌");
    case WarningLevel::Red:
        return QStringLiteral("红牌");
    case WarningLevel::DoneOnTime:
        return QStringLiteral("按期办结");
    case WarningLevel::DoneLate:
        return QStringLiteral("超期办结");
    }
    return {};
}

} // namespace onewindow::core
