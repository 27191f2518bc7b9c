#include "core/DeadlineClock.h"

#include <algorithm>
#include <cmath>

namespace onewindow::core {

int defaultWarningThreshold(int limit)
{
    return std::max(1, (limit * 20 + 99) / 100);
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
            st.overdueDays =
                calendar.workingDaysBetweenJd(deadlineJd, clock.stopped->toJulianDay());
        return st;
    }
    if (asOf > clock.deadline) {
        st.level = WarningLevel::Red;
        st.overdueDays = calendar.workingDaysBetweenJd(deadlineJd, asOf.toJulianDay());
        return st;
    }
    st.workingDaysLeft = calendar.workingDaysBetweenJd(asOf.toJulianDay(), deadlineJd);
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

Result<QList<ExplainedDay>> explainClock(const WorkingCalendar& calendar, const ClockResult& clock)
{
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
        e.suspended = e.day.isWorking() &&
                      std::any_of(clock.excludedSpans.begin(), clock.excludedSpans.end(),
                                  [&](const Suspension& s) {
                                      return s.suspended < d && s.resumed && d <= *s.resumed;
                                  });
        e.ordinal = e.day.isWorking() && !e.suspended ? ++ordinal : 0;
        e.extension = e.ordinal > clock.limit;
    }
    return days;
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
