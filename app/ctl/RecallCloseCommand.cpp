// onewindowctl case act CASE_NO recall_closed --as LOGIN --number N
// --outcome recovered|unrecoverable [--note TEXT]: a void document's recall closed (文书追回办结,
// decision 3), through the same path and checks as the supervisor's 未生效记录
// (store::closeRecall, core::checkRecallClosed).
#include "core/EventText.h"
#include "core/RecallClose.h"
#include "core/Users.h"
#include "ctl/CaseCommands.h"
#include "store/CaseStore.h"
#include "store/RecallClosings.h"

namespace onewindow::ctl {

int closeRecallByCtl(CtlContext& ctx, const QString& caseNo, const QHash<QString, QString>& given,
                     const QString& login)
{
    const QString usage = QStringLiteral(
        "用法：case act CASE_NO recall_closed --as 登录名 --number 文书编号 --outcome "
        "recovered|unrecoverable [--note 说明]（无法追回须写明原因）");
    for (auto it = given.cbegin(); it != given.cend(); ++it)
        if (it.key() != QLatin1String("number") && it.key() != QLatin1String("outcome") &&
            it.key() != QLatin1String("note"))
            return ctx.usageError(
                QStringLiteral("“文书追回办结”没有 --%1 这一项。%2").arg(it.key(), usage));
    const QString number = given.value(QStringLiteral("number")).trimmed();
    if (number.isEmpty())
        return ctx.usageError(QStringLiteral("请用 --number 写明作废文书的编号。%1").arg(usage));
    const auto outcome =
        core::fromKey(core::kRecallOutcomes, given.value(QStringLiteral("outcome")).trimmed());
    if (!outcome)
        return ctx.usageError(
            QStringLiteral("--outcome 须为 recovered（已追回）或 unrecoverable（无法追回）"));
    if (!ctx.mayWrite())
        return ExitUsage;
    auto cases = ctx.caseStore();
    if (!cases)
        return ctx.failed(cases.error());
    auto actor = activeUserByLogin((*cases)->store(), login);
    if (!actor)
        return ctx.failed(actor.error());
    if (!core::roleMayRecord(actor->role, core::EventType::RecallClosed))
        return ctx.failed(
            core::Error{QStringLiteral("case.supervisor_only"),
                        QStringLiteral("“%1”须由大厅主管或管理员办理")
                            .arg(core::eventTypeName(core::EventType::RecallClosed))});
    ctx.tick();
    auto caseId = (*cases)->caseIdByNumber(caseNo);
    if (!caseId)
        return ctx.failed(caseId.error());
    core::RecallClosing closing;
    closing.number = number;
    closing.outcome = *outcome;
    closing.note = given.value(QStringLiteral("note"));
    auto done = store::closeRecall(**cases, *caseId, closing, actor->userId);
    if (!done)
        return ctx.failed(done.error());
    ctx.out() << QStringLiteral("%1：%2").arg(caseNo, core::describeEvent(done->event)) << Qt::endl;
    return ExitOk;
}

} // namespace onewindow::ctl
