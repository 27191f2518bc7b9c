#include "ctl/CaseCommands.h"
#include "ctl/SyncCommands.h"

#include "store/StoreMaintenance.h"

namespace onewindow::ctl {

namespace {

store::Progress progressLine(CtlContext& ctx, const QString& what)
{
    return [&ctx, what](qint64 done, qint64 total) {
        ctx.err() << QStringLiteral("\r%1：%2 / %3 件").arg(what).arg(done).arg(total) << Qt::flush;
        if (done == total)
            ctx.err() << Qt::endl;
    };
}

} // namespace

int runStoreCommand(CtlContext& ctx)
{
    const QStringList& args = ctx.args();
    const QString sub = args.value(0);
    if (sub == QStringLiteral("digest"))
        return runStoreDigest(ctx);
    if (sub != QStringLiteral("check") && sub != QStringLiteral("rebuild") &&
        sub != QStringLiteral("backup") && sub != QStringLiteral("tick"))
        return ctx.usageError(
            QStringLiteral("store 需要子命令：check、rebuild、tick、backup DEST"));
    if ((sub == QStringLiteral("backup")) != (args.size() == 2) || args.size() > 2)
        return ctx.usageError(
            QStringLiteral("用法：store check | store rebuild | store tick | store backup DEST"));
    if ((sub == QStringLiteral("tick") || sub == QStringLiteral("rebuild")) && !ctx.mayWrite())
        return ExitUsage;
    auto opened = ctx.store();
    if (!opened)
        return ctx.failed(opened.error());
    if (sub == QStringLiteral("tick")) {
        // For a cron job on a store no window keeps open: what fell due is recorded now.
        auto cases = ctx.caseStore();
        if (!cases)
            return ctx.failed(cases.error());
        auto produced = (*cases)->produceDueSystemEvents(ctx.today());
        if (!produced)
            return ctx.failed(produced.error());
        ctx.out() << QStringLiteral("已记录 %1 件到期的视为受理/视为放弃").arg(*produced)
                  << Qt::endl;
        return ExitOk;
    }
    if (sub == QStringLiteral("backup")) {
        if (core::Status s = store::backupStore(**opened, args[1]); !s)
            return ctx.failed(s.error());
        ctx.out() << QStringLiteral("已备份到 %1").arg(args[1]) << Qt::endl;
        return ExitOk;
    }
    store::CaseStore cases(**opened, ctx.hallSettings());
    if (sub == QStringLiteral("rebuild")) {
        ctx.tick();
        auto rebuilt =
            store::rebuildProjections(cases, progressLine(ctx, QStringLiteral("重建索引")));
        if (!rebuilt)
            return ctx.failed(rebuilt.error());
        ctx.out() << QStringLiteral("已重建 %1 个办件的索引").arg(*rebuilt) << Qt::endl;
        return ExitOk;
    }
    auto report = store::checkStore(cases, progressLine(ctx, QStringLiteral("核对办件")));
    if (!report)
        return ctx.failed(report.error());
    ctx.out() << QStringLiteral("完整性检查：%1").arg(report->integrity.join(QStringLiteral("；")))
              << Qt::endl
              << QStringLiteral("核对办件：%1 件，索引不一致：%2 件，多余索引：%3 条")
                     .arg(report->casesChecked)
                     .arg(report->mismatches)
                     .arg(report->orphans)
              << Qt::endl;
    for (const QString& gap : report->gaps)
        ctx.out() << QStringLiteral("序号不连续：") << gap << Qt::endl;
    if (report->tampered > 0)
        ctx.out() << QStringLiteral("校验和不符的办件记录：%1 条").arg(report->tampered)
                  << Qt::endl;
    for (const QString& event : report->tamperedEvents)
        ctx.out() << QStringLiteral("  ") << event << Qt::endl;
    for (const QString& detail : report->details)
        ctx.out() << QStringLiteral("  ") << detail << Qt::endl;
    if (!report->ok()) {
        ctx.out() << QStringLiteral(
                         "检查未通过：可运行 store rebuild 重建索引；完整性错误请从备份恢复")
                  << Qt::endl;
        return ExitFailed;
    }
    ctx.out() << QStringLiteral("检查通过") << Qt::endl;
    return ExitOk;
}

} // namespace onewindow::ctl
