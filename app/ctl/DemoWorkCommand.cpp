// onewindowctl demo work --actions N [--seed S] (issue 18): N random legal actions at this window
// as its clerks would make them (demo/DemoWork.h).
#include "ctl/DemoCommands.h"

#include "demo/DemoWork.h"
#include "store/UserRepository.h"

namespace onewindow::ctl {

int demoWorkCommand(CtlContext& ctx, QStringList args)
{
    const QString usage = QStringLiteral("用法：demo work --actions N [--seed S]");
    int actions = 0;
    quint64 seedValue = 1;
    while (!args.isEmpty()) {
        const QString option = args.takeFirst();
        if (args.isEmpty())
            return ctx.usageError(usage);
        const QString value = args.takeFirst();
        bool ok = false;
        if (option == QStringLiteral("--actions")) {
            actions = value.toInt(&ok);
            if (!ok || actions < 1 || actions > 1000000)
                return ctx.usageError(
                    QStringLiteral("--actions 应为 1 到 1000000 之间的整数，现为“%1”").arg(value));
        } else if (option == QStringLiteral("--seed")) {
            seedValue = value.toULongLong(&ok);
            if (!ok)
                return ctx.usageError(QStringLiteral("--seed 应为非负整数，现为“%1”").arg(value));
        } else {
            return ctx.usageError(QStringLiteral("未知参数 %1（%2）").arg(option, usage));
        }
    }
    if (actions == 0)
        return ctx.usageError(usage);
    if (!ctx.mayWrite())
        return ExitUsage;
    auto cases = ctx.caseStore();
    if (!cases)
        return ctx.failed(cases.error());
    auto users = store::UserRepository((*cases)->store()).users();
    if (!users)
        return ctx.failed(users.error());
    QList<store::User> staff;
    for (const store::User& u : *users)
        if (u.active)
            staff.append(u);
    auto report = demo::demoWork(**cases, staff, actions, seedValue);
    if (!report)
        return ctx.failed(report.error());
    ctx.out() << QStringLiteral("收件 %1 件，办理 %2 次，被拒 %3 次")
                     .arg(report->intakes)
                     .arg(report->actions)
                     .arg(report->refused)
              << Qt::endl;
    return ExitOk;
}

} // namespace onewindow::ctl
