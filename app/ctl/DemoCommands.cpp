#include "ctl/DemoCommands.h"

#include "core/CasePayloads.h"
#include "demo/DemoBuild.h"

#include <QElapsedTimer>

namespace onewindow::ctl {

namespace {

const QString kSeedUsage = QStringLiteral("用法：demo seed --cases N [--seed S]");

// Cases per minute so far.
qint64 perMinute(qint64 cases, qint64 elapsedMs)
{
    return elapsedMs > 0 ? cases * 60000 / elapsedMs : 0;
}

void printSummary(CtlContext& ctx, const demo::DemoSeedSummary& s, qint64 elapsedMs)
{
    QTextStream& out = ctx.out();
    out << QStringLiteral("已生成演示办件 %1 件（记录 %2 条），用时 %3 秒，每分钟 %4 件")
               .arg(s.cases)
               .arg(s.events)
               .arg(static_cast<double>(elapsedMs) / 1000.0, 0, 'f', 1)
               .arg(perMinute(s.cases, elapsedMs))
        << Qt::endl;
    out << QStringLiteral("收件日期：%1 至 %2，12 个窗口")
               .arg(s.firstDay.toString(Qt::ISODate), s.lastDay.toString(Qt::ISODate))
        << Qt::endl;
    QStringList statuses;
    for (auto it = s.byStatus.begin(); it != s.byStatus.end(); ++it)
        statuses.append(QStringLiteral("%1 %2").arg(
            core::caseStatusName(
                core::caseStatusFromKey(it.key()).value_or(core::CaseStatus::Received)),
            QString::number(it.value())));
    out << QStringLiteral("办件状态：") << statuses.join(QStringLiteral("，")) << Qt::endl;
    out << QStringLiteral("一次性告知 %1 件（共 %2 次，其中经负责人同意的再次告知 %3 次）；"
                          "视为受理 %4 件；移交后台 %5 件；中止 %6 件；延期批准 %7 件、不予延期 "
                          "%8 件；督办 %9 件")
               .arg(s.noticeCases)
               .arg(s.notices)
               .arg(s.repeatNotices)
               .arg(s.deemedAccepted)
               .arg(s.forwarded)
               .arg(s.suspended)
               .arg(s.extensionsApproved)
               .arg(s.extensionsRefused)
               .arg(s.supervised)
        << Qt::endl;
    QStringList ratings;
    for (int level = 5; level >= 1; --level)
        ratings.append(QStringLiteral("%1 %2").arg(core::ratingName(level)).arg(s.ratings[level]));
    out << QStringLiteral("评价：") << ratings.join(QStringLiteral("，"))
        << QStringLiteral("（差评整改回访 %1 件）").arg(s.followedUp) << Qt::endl;
    out << QStringLiteral("超承诺时限办结 %1 件；截至今日在办 %2 件，其中红牌 %3 件、黄牌 %4 件")
               .arg(s.decidedLate)
               .arg(s.openCases)
               .arg(s.openRed)
               .arg(s.openYellow)
        << Qt::endl;
}

int seed(CtlContext& ctx, QStringList args)
{
    int cases = 0;
    quint64 seedValue = 1;
    while (!args.isEmpty()) {
        QString option = args.takeFirst();
        QString value;
        if (const qsizetype eq = option.indexOf(QLatin1Char('=')); eq > 0) {
            value = option.mid(eq + 1);
            option.truncate(eq);
        } else if (option == QStringLiteral("--cases") || option == QStringLiteral("--seed")) {
            if (args.isEmpty())
                return ctx.usageError(
                    QStringLiteral("%1 需要一个数值（%2）").arg(option, kSeedUsage));
            value = args.takeFirst();
        }
        bool ok = false;
        if (option == QStringLiteral("--cases")) {
            cases = value.toInt(&ok);
            if (!ok || cases < 1 || cases > demo::DemoSeeder::kMaxCases)
                return ctx.usageError(QStringLiteral("--cases 应为 1 到 %1 之间的整数，现为“%2”")
                                          .arg(demo::DemoSeeder::kMaxCases)
                                          .arg(value));
        } else if (option == QStringLiteral("--seed")) {
            seedValue = value.toULongLong(&ok);
            if (!ok)
                return ctx.usageError(QStringLiteral("--seed 应为非负整数，现为“%1”").arg(value));
        } else {
            return ctx.usageError(QStringLiteral("未知参数 %1（%2）").arg(option, kSeedUsage));
        }
    }
    if (cases == 0)
        return ctx.usageError(QStringLiteral("缺少 --cases N（%1）").arg(kSeedUsage));
    // The store is made by the seed itself, whole or not at all (demo/DemoBuild.h): not opened
    // (and so not created) here.
    QElapsedTimer timer;
    timer.start();
    bool progressShown = false;
    const auto progress = [&](int done, int total) {
        ctx.err() << QStringLiteral("\r已生成 %1 / %2 件（%3%），每分钟 %4 件")
                         .arg(done)
                         .arg(total)
                         .arg(total > 0 ? static_cast<qint64>(done) * 100 / total : 0)
                         .arg(perMinute(done, timer.elapsed()))
                  << Qt::flush;
        progressShown = true;
    };
    auto summary = demo::buildDemoStore(ctx.storePath(), ctx.clock(),
                                        demo::DemoBuild{cases, seedValue, false}, progress);
    if (progressShown)
        ctx.err() << Qt::endl;
    if (!summary)
        return ctx.failed(summary.error());
    printSummary(ctx, *summary, timer.elapsed());
    return ExitOk;
}

} // namespace

int runDemoCommand(CtlContext& ctx)
{
    QStringList args = ctx.args();
    if (!args.isEmpty() && args.first() == QStringLiteral("work"))
        return demoWorkCommand(ctx, args.mid(1));
    if (args.isEmpty() || args.first() != QStringLiteral("seed"))
        return ctx.usageError(kSeedUsage);
    args.removeFirst();
    return seed(ctx, args);
}

} // namespace onewindow::ctl
