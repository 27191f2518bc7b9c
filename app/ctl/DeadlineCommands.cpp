#include "ctl/DeadlineCommands.h"

#include "core/DateText.h"
#include "core/DeadlineClock.h"
#include "core/DeadlineQuery.h"

#include <cstdio>

namespace onewindow::ctl {

namespace {

using Query = core::DeadlineQuery;

QString answerLine(const core::DeadlineAnswer& a)
{
    QString line = a.date.toString(Qt::ISODate);
    if (a.provisional)
        line += QStringLiteral(" provisional");
    return line;
}

int runBatch(CtlContext& ctx, const core::WorkingCalendar& calendar)
{
    QByteArray output;
    output.reserve(1 << 20);
    int bad = 0;
    int lineNo = 0;
    core::BatchLine line;
    const auto next = [] { return getc_unlocked(stdin); }; // one reader: no locking per byte
    // One answer or one error per input line, always (blank lines excepted, answered with nothing).
    while (core::readBatchLine(next, line)) {
        ++lineNo;
        const core::BatchLineParse parsed = core::parseBatchLine(line);
        if (parsed.blank)
            continue;
        QString problem = parsed.problem;
        const Query& q = parsed.query;
        if (problem.isEmpty()) {
            auto answer = calendar.nthWorkingDayAfter(q.from, q.n);
            if (answer) {
                output += answerLine(*answer).toLatin1();
                output += '\n';
            } else {
                problem = answer.error().message;
            }
        }
        if (!problem.isEmpty()) {
            ++bad;
            output += QStringLiteral("error: 第 %1 行：%2\n").arg(lineNo).arg(problem).toUtf8();
            ctx.err() << QStringLiteral("onewindowctl: 第 %1 行：%2").arg(lineNo).arg(problem)
                      << Qt::endl;
        }
        if (output.size() > (1 << 20)) {
            std::fwrite(output.constData(), 1, static_cast<size_t>(output.size()), stdout);
            output.clear();
        }
    }
    std::fwrite(output.constData(), 1, static_cast<size_t>(output.size()), stdout);
    std::fflush(stdout);
    return bad > 0 ? ExitUsage : ExitOk;
}

// `deadline FROM N --calendar-days`: N 日 counted as calendar days, a last day off moved to the
// next working day (民法典 Art. 203).
// One line per day of an explanation: date, weekday, counted (`counted` with the ordinal) or
// `skipped`, why, and whether its year is provisional.
void printDays(CtlContext& ctx, const QList<core::ExplainedDay>& days, const QString& counted,
               const QString& skipped)
{
    for (const core::ExplainedDay& e : days) {
        const QString status = e.ordinal > 0 ? counted.arg(e.ordinal) : skipped;
        ctx.out() << QStringLiteral("  %1 %2 %3 %4%5")
                         .arg(e.day.date.toString(Qt::ISODate), core::weekdayName(e.day.date),
                              status, e.day.reason(),
                              e.day.provisional ? QStringLiteral("（临时日历）") : QString())
                  << Qt::endl;
    }
}

int runCalendarDays(CtlContext& ctx, const core::WorkingCalendar& calendar, const Query& q,
                    bool explain)
{
    core::ClockInput in;
    in.trigger = q.from;
    in.limit = q.n;
    in.unit = core::DayUnit::CalendarDays;
    auto clock = core::computeClock(calendar, in, q.from);
    if (!clock)
        return ctx.usageError(clock.error().message);
    ctx.out() << answerLine(core::DeadlineAnswer{clock->deadline, clock->provisional}) << Qt::endl;
    if (!explain)
        return ExitOk;
    auto days = core::explainClock(calendar, *clock);
    if (!days)
        return ctx.failed(days.error());
    printDays(ctx, *days, QStringLiteral("计第 %1 日"),
              QStringLiteral("顺延（期间最后一日为休息日）"));
    return ExitOk;
}

} // namespace

int runDeadlineCommand(CtlContext& ctx)
{
    QStringList args = ctx.args();
    const bool batch = args.removeAll(QStringLiteral("--batch")) > 0;
    const bool explain = args.removeAll(QStringLiteral("--explain")) > 0;
    const bool calendarDays = args.removeAll(QStringLiteral("--calendar-days")) > 0;
    for (const QString& a : std::as_const(args)) {
        if (a.startsWith(QStringLiteral("--")))
            return ctx.usageError(QStringLiteral("deadline 不认识选项 %1").arg(a));
    }
    if (batch && (explain || calendarDays || !args.isEmpty()))
        return ctx.usageError(
            QStringLiteral("deadline --batch 从标准输入读取“FROM N”，不接受其他参数"));
    Query q;
    if (!batch) {
        if (args.size() != 2)
            return ctx.usageError(QStringLiteral(
                "用法：deadline FROM N [--calendar-days] [--explain] 或 deadline --batch"));
        auto parsed = core::parseDeadlineQuery(args[0], args[1]);
        if (!parsed)
            return ctx.usageError(parsed.error().message);
        q = *parsed;
    }

    auto calendar = ctx.calendar();
    if (!calendar)
        return ctx.failed(calendar.error());
    if (batch)
        return runBatch(ctx, *calendar);
    if (calendarDays)
        return runCalendarDays(ctx, *calendar, q, explain);

    auto answer = calendar->nthWorkingDayAfter(q.from, q.n);
    if (!answer)
        return ctx.usageError(answer.error().message);
    ctx.out() << answerLine(*answer) << Qt::endl;
    if (explain) {
        auto days = calendar->explain(q.from, q.n);
        if (!days)
            return ctx.failed(days.error());
        printDays(ctx, *days, QStringLiteral("计第 %1 个工作日"), QStringLiteral("不计"));
    }
    return ExitOk;
}

} // namespace onewindow::ctl
