#include "ctl/CaseCommands.h"
#include "ctl/SyncCommands.h"

#include "core/DateText.h"
#include "core/EventText.h"
#include "core/Identifiers.h"
#include "core/SyncMessages.h"
#include "store/CaseQueries.h"
#include "store/CaseStore.h"
#include "store/RejectedRecords.h"
#include "store/SyncRepository.h"
#include "store/TimeFlagRecords.h"
#include "store/UserRepository.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace onewindow::ctl {

namespace {

QJsonObject rowJson(const store::CaseRow& r, const QDate& today)
{
    return QJsonObject{{QStringLiteral("caseNumber"), r.caseNumber},
                       {QStringLiteral("item"), r.itemName},
                       {QStringLiteral("applicant"), r.applicantName},
                       {QStringLiteral("applicantId"), core::maskIdNumber(r.applicantId)},
                       {QStringLiteral("status"), r.status},
                       {QStringLiteral("clerk"), r.clerkId},
                       {QStringLiteral("window"), r.windowCode},
                       {QStringLiteral("received"), r.receivedDate.toString(Qt::ISODate)},
                       {QStringLiteral("due"), r.dueDate.toString(Qt::ISODate)},
                       {QStringLiteral("level"), core::warningLevelName(r.levelOn(today))},
                       {QStringLiteral("provisional"), r.provisional}};
}

// The hand-out windows' queue: results ready for pick-up, by when each came back.
int listReady(CtlContext& ctx, const store::CaseQueries& queries, int limit, bool json,
              const QDate& today)
{
    auto rows = queries.readyForPickup(limit);
    if (!rows)
        return ctx.failed(rows.error());
    const QTimeZone zone = ctx.hallSettings().zone;
    const auto when = [&zone](const QDateTime& utc) {
        return utc.isValid() ? utc.toTimeZone(zone).toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                             : QStringLiteral("—");
    };
    if (json) {
        QJsonArray out;
        for (const store::CaseQueries::Ready& r : *rows) {
            QJsonObject o = rowJson(r.row, today);
            o.insert(QStringLiteral("ready_at"), r.readyAtUtc.toString(Qt::ISODateWithMs));
            out.append(o);
        }
        ctx.out() << QString::fromUtf8(QJsonDocument(out).toJson(QJsonDocument::Indented));
        return ExitOk;
    }
    for (const store::CaseQueries::Ready& r : *rows) {
        const auto status = core::caseStatusFromKey(r.row.status);
        ctx.out() << QStringLiteral("%1  %2  %3  %4  结果 %5")
                         .arg(r.row.caseNumber, r.row.itemName, r.row.applicantName,
                              status ? core::caseStatusName(*status) : r.row.status,
                              when(r.readyAtUtc))
                  << Qt::endl;
    }
    ctx.err() << QStringLiteral("待出件 %1 件").arg(rows->size()) << Qt::endl;
    return ExitOk;
}

int listCases(CtlContext& ctx, QStringList args)
{
    const bool json = args.removeAll(QStringLiteral("--json")) > 0;
    const bool overdue = args.removeAll(QStringLiteral("--overdue")) > 0;
    QString state;
    QString forwardedTo; // the back office's queue (issue 18)
    const bool backOffice = args.removeAll(QStringLiteral("--backoffice")) > 0;
    const bool ready = args.removeAll(QStringLiteral("--ready")) > 0; // 待出件 (issue 18)
    int limit = 50;
    while (!args.isEmpty()) {
        const QString option = args.takeFirst();
        if (option == QStringLiteral("--state") && !args.isEmpty()) {
            state = args.takeFirst();
            if (!core::caseStatusFromKey(state))
                return ctx.usageError(
                    QStringLiteral(
                        "未知的办件状态 %1（如 received、awaiting_correction、in_progress、"
                        "suspended、decided、result_ready、delivered、refused）")
                        .arg(state));
        } else if (option == QStringLiteral("--forwarded-to") && !args.isEmpty()) {
            forwardedTo = args.takeFirst().trimmed();
            if (forwardedTo.isEmpty())
                return ctx.usageError(QStringLiteral("--forwarded-to 需要后台科室的名称"));
        } else if (option == QStringLiteral("--limit") && !args.isEmpty()) {
            bool ok = false;
            limit = args.takeFirst().toInt(&ok);
            if (!ok || limit < 1)
                return ctx.usageError(QStringLiteral("--limit 需要正整数"));
        } else {
            return ctx.usageError(
                QStringLiteral("用法：case list [--state STATE | --overdue | --forwarded-to 科室 | "
                               "--backoffice | --ready] [--limit N] [--json]"));
        }
    }
    auto store = ctx.store();
    if (!store)
        return ctx.failed(store.error());
    if (backOffice) {
        // This window's own queue when it was enrolled as a department's back office.
        store::CaseStore cases(**store);
        auto sync = store::SyncRepository(cases).state();
        if (!sync)
            return ctx.failed(sync.error());
        if (!*sync || (*sync)->role != QStringLiteral("backoffice") ||
            (*sync)->department.isEmpty())
            return ctx.failed(core::sync::notBackOffice(*sync ? (*sync)->role : QString()));
        forwardedTo = (*sync)->department;
    }
    const QDate today = ctx.today();
    store::CaseQueries queries(**store);
    if (ready)
        return listReady(ctx, queries, limit, json, today);
    auto rows = !forwardedTo.isEmpty() ? queries.forwardedTo(forwardedTo, limit)
                : overdue              ? queries.overdue(today, limit)
                : !state.isEmpty()     ? queries.byStatus(state, limit)
                                       : queries.openByUrgency(today, limit);
    if (!rows)
        return ctx.failed(rows.error());
    if (json) {
        QJsonArray out;
        for (const store::CaseRow& r : *rows)
            out.append(rowJson(r, today));
        ctx.out() << QString::fromUtf8(QJsonDocument(out).toJson(QJsonDocument::Indented));
        return ExitOk;
    }
    for (const store::CaseRow& r : *rows) {
        const auto status = core::caseStatusFromKey(r.status);
        ctx.out() << QStringLiteral("%1  %2  %3  %4  %5  %6%7")
                         .arg(r.caseNumber, r.itemName, r.applicantName,
                              status ? core::caseStatusName(*status) : r.status,
                              r.dueDate.isValid() ? r.dueDate.toString(Qt::ISODate)
                                                  : QStringLiteral("—"),
                              core::warningLevelName(r.levelOn(today)),
                              r.provisional ? QStringLiteral("（临时）") : QString())
                  << Qt::endl;
    }
    ctx.err() << QStringLiteral("共 %1 件").arg(rows->size()) << Qt::endl;
    return ExitOk;
}

int showCase(CtlContext& ctx, QStringList args, bool timeline)
{
    const bool json = args.removeAll(QStringLiteral("--json")) > 0;
    if (args.size() != 1)
        return ctx.usageError(timeline ? QStringLiteral("用法：case timeline CASE_NO")
                                       : QStringLiteral("用法：case show CASE_NO [--json]"));
    auto store = ctx.store();
    if (!store)
        return ctx.failed(store.error());
    store::CaseStore cases(**store, ctx.hallSettings());
    auto id = cases.caseIdByNumber(args.first());
    if (!id)
        return ctx.failed(id.error());
    if (timeline) {
        auto events = cases.events(*id);
        if (!events)
            return ctx.failed(events.error());
        // People by name, as the window's timeline shows them (an id the store does not know
        // stays an id).
        QHash<QString, QString> names{{core::kSystemActor, QStringLiteral("系统")},
                                      {core::kServerActor, QStringLiteral("中心服务器")}};
        if (auto users = store::UserRepository(**store).users())
            for (const store::User& u : *users)
                names.insert(u.userId, u.displayName);
        // Decision 7: an event the hall's server flagged for its time is marked as the window's
        // timeline marks it (⚠), its reason and both times beside it.
        auto flagged = store::TimeFlagRecords(**store).ofCase(*id);
        if (!flagged)
            return ctx.failed(flagged.error());
        const QTimeZone zone = cases.settings().zone;
        for (const core::Event& e : *events) {
            const auto flag = flagged->constFind(e.eventId);
            const bool doubted = flag != flagged->constEnd();
            ctx.out() << (doubted ? QStringLiteral("⚠ ") : QString())
                      << QStringLiteral("%1  %2  %3")
                             .arg(e.occurredAtUtc.toTimeZone(zone).toString(
                                      QStringLiteral("yyyy-MM-dd HH:mm")),
                                  names.value(e.actorId, e.actorId), core::describeEvent(e))
                      << (doubted ? QStringLiteral("  ") + timeFlagNote(*flag, zone) : QString())
                      << Qt::endl;
        }
        return ExitOk;
    }
    auto state = cases.state(*id);
    if (!state)
        return ctx.failed(state.error());
    auto context = cases.contextFor(state->itemCode, state->itemVersion);
    if (!context)
        return ctx.failed(context.error());
    const QDate today = cases.settings().today(ctx.clock());
    auto clocks = core::clocksOf(*state, *context, today);
    if (!clocks)
        return ctx.failed(clocks.error());
    QJsonArray clockArray;
    for (const core::CaseClock& c : *clocks) {
        const core::ClockResult& r = c.clock;
        clockArray.append(
            QJsonObject{{QStringLiteral("kind"), core::clockKindKey(c.kind)},
                        {QStringLiteral("name"), core::clockKindName(c.kind)},
                        {QStringLiteral("deadline"), r.deadline.toString(Qt::ISODate)},
                        {QStringLiteral("level"), core::warningLevelName(r.status.level)},
                        {QStringLiteral("limit"), r.limit},
                        {QStringLiteral("extension"), r.extension},
                        {QStringLiteral("unit"), core::dayUnitKey(r.unit)},
                        {QStringLiteral("daysLeft"), r.status.workingDaysLeft},
                        {QStringLiteral("suspended"), r.status.suspended},
                        {QStringLiteral("provisional"), r.provisional}});
    }
    if (json) {
        const QJsonObject o{
            {QStringLiteral("caseNumber"), state->caseNumber},
            {QStringLiteral("status"), core::caseStatusKey(state->status)},
            {QStringLiteral("item"), context->item->name},
            {QStringLiteral("itemVersion"), state->itemVersion},
            {QStringLiteral("applicant"), state->applicant.name},
            {QStringLiteral("applicantId"),
             core::maskIdNumber(state->applicant.organisation ? state->applicant.uscc
                                                              : state->applicant.idNumber)},
            {QStringLiteral("clocks"), clockArray}};
        QJsonObject shown = o;
        if (!state->holderDevice.isEmpty()) // 领办 (core/CaseHold.h)
            shown.insert(QStringLiteral("holder"),
                         QJsonObject{{QStringLiteral("window"), state->holderWindow},
                                     {QStringLiteral("device"), state->holderDevice},
                                     {QStringLiteral("actor"), state->holderActor},
                                     {QStringLiteral("since"),
                                      state->heldAtUtc.toString(Qt::ISODateWithMs)}});
        ctx.out() << QString::fromUtf8(QJsonDocument(shown).toJson(QJsonDocument::Indented));
        return ExitOk;
    }
    ctx.out()
        << QStringLiteral("办件编号：%1（查询码 %2）").arg(state->caseNumber, state->queryCode)
        << Qt::endl
        << QStringLiteral("事项：%1（第 %2 版）").arg(context->item->name).arg(state->itemVersion)
        << Qt::endl
        << QStringLiteral("申请人：%1 %2")
               .arg(state->applicant.name,
                    core::maskIdNumber(state->applicant.organisation ? state->applicant.uscc
                                                                     : state->applicant.idNumber))
        << Qt::endl
        << QStringLiteral("状态：%1").arg(core::caseStatusName(state->status)) << Qt::endl;
    if (!state->holderDevice.isEmpty())
        ctx.out() << QStringLiteral("领办：%1 窗口，自 %2 起（只有该窗口可以办理）")
                         .arg(state->holderWindow,
                              state->heldAtUtc.toTimeZone(ctx.hallSettings().zone)
                                  .toString(QStringLiteral("yyyy-MM-dd HH:mm")))
                  << Qt::endl;
    for (const core::CaseClock& c : *clocks) {
        const core::ClockResult& r = c.clock;
        ctx.out() << QStringLiteral("  %1：%2 届满（%3），%4，剩余 %5%6%7")
                         .arg(core::clockKindName(c.kind), r.deadline.toString(Qt::ISODate),
                              core::daysText(r.limit, r.unit),
                              core::warningLevelName(r.status.level),
                              core::daysText(r.status.workingDaysLeft, r.unit))
                         .arg(r.status.suspended ? QStringLiteral("（中止中）") : QString(),
                              r.provisional ? QStringLiteral("（临时日历）") : QString())
                  << Qt::endl;
    }
    for (const core::RejectedEvent& r : state->rejected)
        ctx.out() << QStringLiteral("  未生效的记录 %1：%2").arg(r.eventId, r.reason) << Qt::endl;
    // Decision 3: what the hall did not take, beside what stands; documents printed on it, void.
    const QTimeZone zone = ctx.hallSettings().zone;
    store::RejectedRecords hall(**store, zone);
    auto rejected = hall.ofCase(state->caseId);
    auto voided = hall.voidedDocuments(state->caseId);
    if (!rejected || !voided)
        return ctx.failed(rejected ? voided.error() : rejected.error());
    for (const store::RejectedRecord& r : *rejected)
        ctx.out() << QStringLiteral("  ") << r.text(zone) << Qt::endl;
    for (const store::VoidedDocument& d : *voided)
        ctx.out() << QStringLiteral("  作废：%1。%2").arg(d.followUp(zone), d.reason) << Qt::endl;
    return ExitOk;
}

} // namespace

int runCaseCommand(CtlContext& ctx)
{
    const QStringList& args = ctx.args();
    const QString sub = args.value(0);
    if (sub == QStringLiteral("list"))
        return listCases(ctx, args.mid(1));
    if (sub == QStringLiteral("show"))
        return showCase(ctx, args.mid(1), false);
    if (sub == QStringLiteral("timeline"))
        return showCase(ctx, args.mid(1), true);
    if (sub == QStringLiteral("act"))
        return actOnCase(ctx, args.mid(1));
    return ctx.usageError(QStringLiteral("case 需要子命令：list、show、timeline、act"));
}

} // namespace onewindow::ctl
