#include "ctl/CalendarCommands.h"

#include "core/DateText.h"
#include "core/HolidayNotice.h"
#include "store/CalendarImportService.h"

namespace onewindow::ctl {

using core::HolidayNotice;

namespace {

int importFiles(CtlContext& ctx, const QStringList& paths)
{
    if (paths.isEmpty())
        return ctx.usageError(QStringLiteral("calendar import 需要至少一个日历文件"));
    if (!ctx.mayWrite())
        return ExitUsage;
    ctx.mayCreateStore(); // a hall's notices may be the first thing its new store gets
    auto cases = ctx.caseStore();
    if (!cases)
        return ctx.failed(cases.error());
    ctx.tick();
    // The one import: the notices stored and every case they touch recomputed, all or nothing.
    const store::CalendarImportOutcome outcome = store::importCalendarFiles(**cases, paths);
    for (const core::Error& w : std::as_const(outcome.plan.warnings))
        ctx.err() << "警告：" << w.message << " [" << w.code << "]" << Qt::endl;
    if (!outcome.imported) {
        for (const core::Error& e : std::as_const(outcome.plan.errors))
            ctx.err() << "onewindowctl: " << e.message << " [" << e.code << "]" << Qt::endl;
        ctx.err() << "onewindowctl: 未导入任何日历，已存数据未改动" << Qt::endl;
        return ExitFailed;
    }
    for (const QString& line : outcome.doneLines())
        ctx.out() << line << Qt::endl;
    return ExitOk;
}

int showYear(CtlContext& ctx, const QStringList& args)
{
    if (args.size() != 1)
        return ctx.usageError(QStringLiteral("用法：calendar show YEAR"));
    bool ok = false;
    const int year = args.first().toInt(&ok);
    if (!ok || year < core::WorkingCalendar::firstSupported().year() ||
        year > core::WorkingCalendar::lastSupported().year())
        return ctx.usageError(QStringLiteral("年份 %1 无效（支持 %2–%3）")
                                  .arg(args.first())
                                  .arg(core::WorkingCalendar::firstSupported().year())
                                  .arg(core::WorkingCalendar::lastSupported().year()));
    auto calendar = ctx.calendar();
    if (!calendar)
        return ctx.failed(calendar.error());

    QTextStream& out = ctx.out();
    const HolidayNotice* notice = calendar->notice(year);
    if (notice) {
        out << QStringLiteral("%1 年：正式日历").arg(year) << Qt::endl;
        out << QStringLiteral("来源：%1").arg(notice->source) << Qt::endl;
        for (const QString& paper : notice->papers)
            out << QStringLiteral("通知：%1").arg(paper) << Qt::endl;
    } else {
        out << QStringLiteral(
                   "%1 年：临时日历（尚未导入国务院办公厅通知：按全国年节及纪念日放假办法"
                   "预测法定节假日及补假，调休上班日待通知公布）")
                   .arg(year)
            << Qt::endl;
    }

    QStringList offDays;
    QStringList makeUpDays;
    int working = 0;
    for (QDate d(year, 1, 1); d.year() == year; d = d.addDays(1)) {
        const core::DayInfo info = calendar->dayInfo(d);
        working += info.isWorking() ? 1 : 0;
        const QString line = QStringLiteral("  %1 %2 %3")
                                 .arg(d.toString(Qt::ISODate), core::weekdayName(d),
                                      info.predicted ? info.reason() : info.holidayName);
        if (info.kind == core::DayKind::Holiday)
            offDays.append(line);
        else if (info.kind == core::DayKind::MakeUpWorkday)
            makeUpDays.append(line);
    }
    out << QStringLiteral("放假（%1 天）：").arg(offDays.size()) << Qt::endl;
    for (const QString& l : std::as_const(offDays))
        out << l << Qt::endl;
    out << QStringLiteral("调休上班（%1 天）：").arg(makeUpDays.size()) << Qt::endl;
    for (const QString& l : std::as_const(makeUpDays))
        out << l << Qt::endl;
    out << QStringLiteral("全年工作日：%1 天").arg(working) << Qt::endl;
    return ExitOk;
}

} // namespace

int runCalendarCommand(CtlContext& ctx)
{
    const QStringList& args = ctx.args();
    if (args.isEmpty())
        return ctx.usageError(QStringLiteral("calendar 需要子命令：import FILE... 或 show YEAR"));
    const QString sub = args.first();
    if (sub == QStringLiteral("import"))
        return importFiles(ctx, args.mid(1));
    if (sub == QStringLiteral("show"))
        return showYear(ctx, args.mid(1));
    return ctx.usageError(
        QStringLiteral("未知的 calendar 子命令：%1（可用：import、show）").arg(sub));
}

} // namespace onewindow::ctl
