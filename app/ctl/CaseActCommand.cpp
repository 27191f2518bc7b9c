// onewindowctl case act CASE_NO ACTION --as LOGIN [--FIELD VALUE]... (issue 18): every action the
// window offers, through the same path and checks as the window (core/CaseActions.h, the form's
// fields and payloadFrom, CaseStore::append with the fold's refusal).
#include "ctl/CaseCommands.h"

#include "core/BackOffices.h"
#include "core/CaseActions.h"
#include "core/EventText.h"
#include "core/Users.h"
#include "store/BackOfficeRepository.h"
#include "store/CaseStore.h"
#include "store/DisclosureQueries.h"
#include "store/SyncRepository.h"
#include "store/UserRepository.h"

#include <QHash>

namespace onewindow::ctl {

core::Result<store::User> activeUserByLogin(store::Store& store, const QString& login)
{
    auto users = store::UserRepository(store).users();
    if (!users)
        return users.error();
    // A login is one whatever its letters' case, as at the window's sign-in.
    for (const store::User& u : *users)
        if (u.login.compare(login, Qt::CaseInsensitive) == 0 && u.active)
            return u;
    return core::Error{QStringLiteral("user.unknown"),
                       QStringLiteral("没有在用的用户“%1”").arg(login)};
}

core::Result<QString> printActor(store::Store& store, const QString& login)
{
    if (login.isEmpty()) {
        if (store::SyncRepository::enrolled(store))
            return core::Error{
                QStringLiteral("print.actor_required"),
                QStringLiteral("本工作站已加入大厅：打印须用 --as 登录名 写明由谁出具（大厅只承认"
                               "本大厅在用用户的记录，否则这次打印和文书编号不被大厅登记）")};
        return QStringLiteral("onewindowctl");
    }
    auto user = activeUserByLogin(store, login);
    if (!user)
        return user.error();
    return user->userId;
}

int actOnCase(CtlContext& ctx, QStringList args)
{
    const QString usage = QStringLiteral(
        "用法：case act CASE_NO ACTION --as 登录名 [--字段 值]...（ACTION 如 accepted、decided）");
    if (args.size() < 2)
        return ctx.usageError(usage);
    const QString caseNo = args.takeFirst();
    const QString action = args.takeFirst();
    QHash<QString, QString> given;
    QString login;
    while (!args.isEmpty()) {
        const QString option = args.takeFirst();
        if (!option.startsWith(QLatin1String("--")) || option.size() < 3 || args.isEmpty())
            return ctx.usageError(usage);
        const QString value = args.takeFirst();
        if (option == QLatin1String("--as"))
            login = value;
        else
            given.insert(option.mid(2), value);
    }
    if (login.isEmpty())
        return ctx.usageError(QStringLiteral("case act 需要 --as 登录名（由谁办理）"));
    // A void document's recall is closed on the document, not through the case's generic form.
    if (action == QLatin1String("recall_closed") || action == QLatin1String("case.recall_closed"))
        return closeRecallByCtl(ctx, caseNo, given, login);
    const auto type = core::offeredActionByName(action);
    if (!type)
        return ctx.usageError(QStringLiteral("没有名为“%1”的办件操作").arg(action));
    if (!ctx.mayWrite())
        return ExitUsage;
    auto cases = ctx.caseStore();
    if (!cases)
        return ctx.failed(cases.error());
    auto actor = activeUserByLogin((*cases)->store(), login);
    if (!actor)
        return ctx.failed(actor.error());
    if (!core::roleMayRecord(actor->role, *type))
        return ctx.failed(core::Error{
            QStringLiteral("case.supervisor_only"),
            QStringLiteral("“%1”须由大厅主管或管理员办理").arg(core::eventTypeName(*type))});
    ctx.tick();
    auto caseId = (*cases)->caseIdByNumber(caseNo);
    if (!caseId)
        return ctx.failed(caseId.error());
    auto loaded = (*cases)->load(*caseId);
    if (!loaded)
        return ctx.failed(loaded.error());
    // 国办函〔2020〕109号 Art. 4: by count, the applicant's earlier applications this month come
    // from the hall's cases (same ID number or USCC) unless given.
    if (*type == core::EventType::FeeNoticed && !given.contains(QStringLiteral("priorInMonth"))) {
        auto prior = store::DisclosureQueries(**cases).earlierApplicationsInMonth(*caseId);
        if (!prior)
            return ctx.failed(prior.error());
        given.insert(QStringLiteral("priorInMonth"), QString::number(*prior));
    }
    auto values = core::formValuesFromText(*type, given, loaded->state);
    if (!values)
        return ctx.usageError(values.error().message);
    if (core::Status filled = core::checkRequired(*type, *values); !filled)
        return ctx.usageError(filled.error().message);
    // An enrolled window forwards only to one of the hall's back offices, named exactly (as its
    // form offers them); a bad name is refused as a bad choice value is, listing the known ones.
    if (*type == core::EventType::Forwarded) {
        auto offices = store::BackOfficeRepository((*cases)->store()).forwardingChoices();
        if (!offices)
            return ctx.failed(offices.error());
        if (*offices)
            if (core::Status known = core::checkForwardTo(
                    values->value(QStringLiteral("to")).toString().trimmed(), **offices);
                !known)
                return ctx.usageError(known.error().message);
    }
    const core::EventSpec& spec = core::eventSpec(*type);
    const QJsonObject payload =
        spec.payloadFrom ? spec.payloadFrom(*values, loaded->state, *loaded->context.item)
                         : QJsonObject();
    auto done = (*cases)->append(*caseId, *type, payload, actor->userId);
    if (!done)
        return ctx.failed(done.error());
    ctx.out() << QStringLiteral("%1：%2（%3）")
                     .arg(caseNo, core::describeEvent(done->event),
                          core::caseStatusName(done->state.status))
              << Qt::endl;
    return ExitOk;
}

} // namespace onewindow::ctl
