#include "ctl/DeadlineCommands.h"

#include "core/DateText.h"
#include "core/DeadlineClock.h"

#include <QRegularExpression>

#include <cstdio>

namespace onewindow::ctl {

namespace {

struct Query
{
    QDate from;
    int n = 0;
};

// Validates "FROM" and "N"; returns an empty string or the problem in words.
QString parseQuery(const QString& fromText, const QString& nText, Query& q)
{
    q.from = core::parseIsoDate(fromText);
    if (!q.from.isValid())
        return QStringLiteral("日期 %1 无效（应为存在的日期，格式 YYYY-MM-DD）").arg(fromText);
    static const QRegularExpression integer(QStringLiteral("^[+-]?\\d{1,9}$"));
    if (!integer.match(nText).hasMatch())
        return QStringLiteral("天数 %1 不是整数").arg(nText);
    q.n = nText.toInt();
    if (q.n < 0)
        return QStringLiteral("天数不能为负数（%1）").arg(nText);
    return QString();
}

QString answerLine(const core::DeadlineAnswer& a)
{
    QString line = a.date.toString(Qt::ISODate);
    if (a.provisional)
        line += QStringLiteral(" provisional");
    return line;
}

// One input line as read: its bytes up to kMaxLine, and whether it held a NUL or ran longer.
struct BatchLine
{
    static constexpr qsizetype kMaxLine = 4095;
    QByteArray bytes;
    bool hasNul = false;
    bool tooLong = false;
};

// Reads one line (without its '\n') byte by byte, so a NUL neither ends nor hides it and a long
// line stays one line; false at the end of input with nothing read.
bool readBatchLine(std::FILE* in, BatchLine& line)
{
    line = BatchLine();
    int c = 0;
    bool any = false;
    while ((c = getc_unlocked(in)) != EOF) { // one reader: no locking per byte
        any = true;
        if (c == '\n')
            return true;
        if (c == '\0')
            line.hasNul = true;
        if (line.bytes.size() < BatchLine::kMaxLine)
            line.bytes.append(static_cast<char>(c));
        else
            line.tooLong = true;
    }
    return any;
}

int runBatch(CtlContext& ctx, const core::WorkingCalendar& calendar)
{
    QByteArray output;
    output.reserve(1 << 20);
    int bad = 0;
    int lineNo = 0;
    BatchLine line;
    // One answer or one error per input line, always (blank lines excepted, answered with nothing).
    while (readBatchLine(stdin, line)) {
        ++lineNo;
        QString problem;
        Query q;
        if (line.hasNul) {
            problem = QStringLiteral("含 NUL 字节");
        } else if (line.tooLong) {
            problem = QStringLiteral("超过 %1 字节").arg(BatchLine::kMaxLine);
        } else {
            const QStringList parts = QString::fromUtf8(line.bytes)
                                          .simplified()
                                          .split(QLatin1Char(' '), Qt::SkipEmptyParts);
            if (parts.isEmpty())
                continue; // blank lines are allowed and answered with nothing
            if (parts.size() != 2)
                problem = QStringLiteral("应为“FROM N”两项");
            else
                problem = parseQuery(parts[0], parts[1], q);
        }
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
        if (const QString problem = parseQuery(args[0], args[1], q); !problem.isEmpty())
            return ctx.usageError(problem);
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
