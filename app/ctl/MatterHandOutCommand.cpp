// matter hand-out MATTER_NO --as LOGIN [--parts CASE_NO,CASE_NO] [--method pickup|post|electronic]
// [--signer NAME] [--carrier X --trackingNumber Y] (一件事一次办, issue 20): the matter's one
// hand-out when every part is ready, or, with --parts, the parts the applicant asks for now.
// Each part gets its own 送达 naming the matter, in one transaction (core/MatterHandOut).
#include "ctl/CaseCommands.h"
#include "ctl/MatterCommands.h"

#include "core/CaseActions.h"
#include "core/EventText.h"
#include "core/MatterHandOut.h"
#include "core/Users.h"
#include "store/CaseStore.h"
#include "store/MatterCases.h"
#include "store/UserRepository.h"

#include <QHash>

namespace onewindow::ctl {

int runMatterHandOut(CtlContext& ctx, QStringList args)
{
    const QString usage =
        QStringLiteral("用法：matter hand-out MATTER_NO --as 登录名 [--parts 办件编号,办件编号] "
                       "[--method pickup|post|electronic] [--signer 签收人] [--carrier 快递公司 "
                       "--trackingNumber 运单号]");
    if (args.isEmpty())
        return ctx.usageError(usage);
    const QString number = args.takeFirst();
    QHash<QString, QString> given{{QStringLiteral("method"), QStringLiteral("pickup")}};
    QString login;
    QStringList asked;
    while (!args.isEmpty()) {
        const QString option = args.takeFirst();
        if (!option.startsWith(QLatin1String("--")) || option.size() < 3 || args.isEmpty())
            return ctx.usageError(usage);
        const QString value = args.takeFirst();
        if (option == QLatin1String("--as"))
            login = value;
        else if (option == QLatin1String("--parts"))
            asked = value.split(QLatin1Char(','), Qt::SkipEmptyParts);
        else
            given.insert(option.mid(2), value);
    }
    if (login.isEmpty())
        return ctx.usageError(QStringLiteral("matter hand-out 需要 --as 登录名（由谁出件）"));
    if (!ctx.mayWrite())
        return ExitUsage;
    auto cases = ctx.caseStore();
    if (!cases)
        return ctx.failed(cases.error());
    auto actor = activeUserByLogin((*cases)->store(), login);
    if (!actor)
        return ctx.failed(actor.error());
    ctx.tick();
    auto m = store::loadMatter(**cases, number, ctx.today());
    if (!m)
        return ctx.failed(m.error());
    QList<core::CaseState> states;
    QList<int> indexes;
    for (const core::MatterPartCase& p : m->parts)
        states.append(p.state);
    for (const QString& caseNo : asked) {
        const auto it = std::find_if(states.cbegin(), states.cend(), [&](const auto& s) {
            return s.caseNumber == caseNo.trimmed();
        });
        if (it == states.cend())
            return ctx.failed(core::Error{
                QStringLiteral("matter.no_part"),
                QStringLiteral("办件 %1 不是一件事 %2 的办件").arg(caseNo.trimmed(), number)});
        indexes.append(static_cast<int>(it - states.cbegin()));
    }
    auto plan = core::planHandOut(states, indexes);
    if (!plan)
        return ctx.failed(plan.error());
    const core::MatterPartCase& first = m->parts.at(plan->parts.first());
    auto values = core::formValuesFromText(core::EventType::Delivered, given, first.state);
    if (!values)
        return ctx.usageError(values.error().message);
    if (core::Status filled = core::checkRequired(core::EventType::Delivered, *values); !filled)
        return ctx.usageError(filled.error().message);
    const QJsonObject payload =
        core::eventSpec(core::EventType::Delivered).payloadFrom(*values, first.state, first.item);
    QStringList ids;
    for (int i : plan->parts)
        ids.append(states.at(i).caseId);
    auto done = (*cases)->handOutMatter(number, ids, payload, plan->partial, actor->userId);
    if (!done)
        return ctx.failed(done.error());
    for (const store::CaseStore::Appended& a : *done)
        ctx.out() << QStringLiteral("%1：%2").arg(a.state.caseNumber, core::describeEvent(a.event))
                  << Qt::endl;
    return ExitOk;
}

} // namespace onewindow::ctl
