// Which action is legal when, and what its payload must hold. Messages are for the clerk.
#include "core/CaseRules.h"
#include "core/CasePayloads.h"
#include "core/DateText.h"
#include "core/Identifiers.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>

namespace onewindow::core {

namespace {

Error refuse(const char* code, const QString& message)
{
    return Error{QString::fromLatin1(code), message};
}

QString text(const QJsonObject& o, const char* key)
{
    return o.value(QLatin1String(key)).toString().trimmed();
}

const Material* findMaterial(const ServiceItem& item, const QString& code)
{
    for (const Material& m : item.materials)
        if (m.code == code)
            return &m;
    return nullptr;
}

bool isShort(const MaterialCheck& m)
{
    return m.state == MaterialState::Missing || m.state == MaterialState::Defective;
}

// Materials that must be put right before acceptance: short ones that are not optional.
QList<const MaterialCheck*> shortMaterials(const CaseState& s, const ServiceItem& item)
{
    QList<const MaterialCheck*> out;
    for (const MaterialCheck& m : s.materials) {
        const Material* def = findMaterial(item, m.code);
        if (isShort(m) && (!def || def->requirement != Requirement::Optional))
            out.append(&m);
    }
    return out;
}

std::optional<QDate> clockDeadline(const CaseState& s, const FoldContext& ctx, ClockKind kind,
                                   const QDate& asOf)
{
    auto clocks = clocksOf(s, ctx, asOf);
    if (!clocks)
        return std::nullopt;
    for (const CaseClock& c : *clocks)
        if (c.kind == kind)
            return c.clock.deadline;
    return std::nullopt;
}

Status checkReceived(const Event& e, const FoldContext& ctx)
{
    const QJsonObject& p = e.payload;
    static const QRegularExpression queryCode(QStringLiteral("^[0-9]{6}$"));
    if (text(p, "caseNumber").isEmpty())
        return refuse("case.no_number", QStringLiteral("缺少办件编号"));
    if (!queryCode.match(text(p, "queryCode")).hasMatch())
        return refuse("case.bad_query_code", QStringLiteral("查询码应为 6 位数字"));
    if (text(p, "itemCode") != ctx.item->code || p.value(QStringLiteral("itemVersion")).toInt() < 1)
        return refuse("case.item_mismatch", QStringLiteral("办件所依据的事项版本与事项目录不一致"));
    if (!channelFromKey(text(p, "channel")))
        return refuse("case.bad_channel", QStringLiteral("申请方式无效"));
    if (!QDate::fromString(text(p, "receiptDate"), Qt::ISODate).isValid())
        return refuse("case.bad_receipt_date", QStringLiteral("收件日期无效"));
    const Applicant a = Applicant::fromJson(p.value(QStringLiteral("applicant")).toObject());
    if (a.name.trimmed().isEmpty())
        return refuse("case.no_applicant", QStringLiteral("请填写申请人姓名或名称"));
    if (!a.organisation) {
        if (Status s = checkCitizenId(a.idNumber); !s)
            return refuse("case.applicant_id", QStringLiteral("申请人") + s.error().message);
    } else if (Status s = checkUscc(a.uscc); !s) {
        return refuse("case.applicant_uscc", QStringLiteral("申请单位") + s.error().message);
    }
    if (!a.agentIdNumber.isEmpty())
        if (Status s = checkCitizenId(a.agentIdNumber); !s)
            return refuse("case.agent_id", QStringLiteral("代理人") + s.error().message);
    if (!a.phone.isEmpty())
        if (Status s = checkMobile(a.phone); !s)
            return refuse("case.applicant_phone", s.error().message);
    QSet<QString> seen;
    for (const QJsonValue& v : p.value(QStringLiteral("materials")).toArray()) {
        const MaterialCheck m = MaterialCheck::fromJson(v.toObject());
        if (!findMaterial(*ctx.item, m.code))
            return refuse("case.unknown_material",
                          QStringLiteral("材料 %1 不属于该事项").arg(m.code));
        if (seen.contains(m.code))
            return refuse("case.duplicate_material", QStringLiteral("材料“%1”重复").arg(m.name));
        const Material* def = findMaterial(*ctx.item, m.code);
        if (m.state == MaterialState::NotApplicable && def->requirement == Requirement::Required)
            return refuse("case.required_material",
                          QStringLiteral("材料“%1”是必要材料，不能标为不适用").arg(m.name));
        if (m.state == MaterialState::Defective && m.problem.trimmed().isEmpty())
            return refuse("case.defect_unexplained",
                          QStringLiteral("请写明材料“%1”哪里不符合要求").arg(m.name));
        seen.insert(m.code);
    }
    return {};
}

// The one-time notice rule (domain.md; 行政许可法 Art. 32): the first notice lists every
// correction; a later one may name only materials re-submitted since and still short; naming
// anything new needs the supervisor's recorded reason and counts as a repeat notice.
Status checkNotice(const CaseState& s, const Event& e, const FoldContext& ctx)
{
    const QJsonObject& p = e.payload;
    const QJsonArray corrections = p.value(QStringLiteral("corrections")).toArray();
    if (corrections.isEmpty())
        return refuse("notice.empty", QStringLiteral("一次性告知须列明需补正的材料"));
    if (p.value(QStringLiteral("correctionDays")).toInt() < 1)
        return refuse("notice.period", QStringLiteral("请写明补正期限（工作日）"));
    QSet<QString> named;
    for (const QJsonValue& v : corrections) {
        const Correction c = Correction::fromJson(v.toObject());
        if (!findMaterial(*ctx.item, c.materialCode))
            return refuse("notice.unknown_material",
                          QStringLiteral("材料 %1 不属于该事项").arg(c.materialCode));
        if (c.problem.isEmpty() || c.requirement.isEmpty())
            return refuse("notice.incomplete_correction",
                          QStringLiteral("“%1”须写明问题及应达到的标准").arg(c.materialName));
        named.insert(c.materialCode);
    }
    const QList<const MaterialCheck*> shortNow = shortMaterials(s, *ctx.item);
    QStringList omitted;
    for (const MaterialCheck* m : shortNow) {
        const bool mustName = s.notices.isEmpty() || s.resubmittedSinceNotice.contains(m->code);
        if (mustName && !named.contains(m->code))
            omitted.append(m->name);
    }
    if (!omitted.isEmpty())
        return refuse("notice.not_complete",
                      QStringLiteral("一次性告知须一次列明全部需补正的材料，尚未列入：%1")
                          .arg(omitted.join(QStringLiteral("、"))));
    if (s.notices.isEmpty()) {
        // 行政许可法 Art. 32: the notice is due within the notice period after receipt.
        const std::optional<QDate> due =
            clockDeadline(s, ctx, ClockKind::Notice, civilDate(e, ctx.zone));
        if (due && civilDate(e, ctx.zone) > *due)
            return refuse("notice.too_late",
                          QStringLiteral("告知期限（%1）已过，依法自收件之日起视为受理")
                              .arg(chineseDate(*due)));
        return {};
    }
    bool namesNew = false;
    for (const QString& code : named)
        if (!s.resubmittedSinceNotice.contains(code))
            namesNew = true;
    if (namesNew && (!p.value(QStringLiteral("repeat")).toBool() ||
                     text(p, "repeatReason").isEmpty() || text(p, "approvedBy").isEmpty()))
        return refuse("notice.repeat_needs_reason",
                      QStringLiteral("再次告知只能针对补正后仍不符合要求的材料；告知新的材料须经大"
                                     "厅负责人同意并记录理由"));
    return {};
}

Status checkAccepted(const CaseState& s, const Event& e, const FoldContext& ctx)
{
    if (s.notices.isEmpty()) {
        const std::optional<QDate> due =
            clockDeadline(s, ctx, ClockKind::Notice, civilDate(e, ctx.zone));
        if (due && civilDate(e, ctx.zone) > *due)
            return refuse("accept.deemed",
                          QStringLiteral("告知期限已过，本件依法自收件之日起视为受理"));
    }
    QSet<QString> deferred;
    for (const QJsonValue& v : e.payload.value(QStringLiteral("deferred")).toArray()) {
        const QString code = text(v.toObject(), "materialCode");
        const Material* m = findMaterial(*ctx.item, code);
        if (!m || !m->deferrable)
            return refuse("accept.not_deferrable",
                          QStringLiteral("材料 %1 不允许容缺受理").arg(m ? m->name : code));
        if (!QDate::fromString(text(v.toObject(), "dueDate"), Qt::ISODate).isValid())
            return refuse("accept.deferred_due",
                          QStringLiteral("容缺材料“%1”须写明补交期限").arg(m->name));
        deferred.insert(code);
    }
    for (const QJsonValue& v : e.payload.value(QStringLiteral("commitments")).toArray()) {
        const QString code = text(v.toObject(), "materialCode");
        const Material* m = findMaterial(*ctx.item, code);
        if (!m || !m->commitment)
            return refuse("accept.no_commitment",
                          QStringLiteral("材料 %1 不适用告知承诺").arg(m ? m->name : code));
        deferred.insert(code);
    }
    QStringList stillShort;
    for (const MaterialCheck* m : shortMaterials(s, *ctx.item))
        if (!deferred.contains(m->code))
            stillShort.append(m->name);
    if (!stillShort.isEmpty())
        return refuse(
            "accept.materials_short",
            QStringLiteral("材料不齐全，不能受理：%1（可一次性告知补正，或按规定容缺、告知承诺）")
                .arg(stillShort.join(QStringLiteral("、"))));
    return {};
}

// Whether an event of this type can end a clock (CaseClocks.cpp): only those record the deadlines
// they were judged on. Every type is listed, so a new one must say.
bool mayStopClock(EventType type)
{
    switch (type) {
    case EventType::NoticeIssued:
    case EventType::Corrected:
    case EventType::Accepted:
    case EventType::Refused:
    case EventType::DeemedAccepted:
    case EventType::Withdrawn:
    case EventType::DeemedAbandoned:
    case EventType::Decided:
    case EventType::Delivered:
    case EventType::RatingFollowedUp:
        return true;
    case EventType::Received:
    case EventType::Suspended:
    case EventType::Resumed:
    case EventType::ExtensionRequested:
    case EventType::ExtensionApproved:
    case EventType::ExtensionRefused:
    case EventType::Forwarded:
    case EventType::ResultReady:
    case EventType::Supervised:
    case EventType::Note:
    case EventType::Rated:
    case EventType::DocumentPrinted:
    case EventType::DeadlineRecomputed:
    case EventType::SupervisionAnswered:
        return false;
    }
    return true;
}

} // namespace

Status checkPayload(const CaseState& s, const Event& e, const FoldContext& ctx)
{
    const QJsonObject& p = e.payload;
    const QDate day = civilDate(e, ctx.zone);
    switch (e.type) {
    case EventType::Received:
        return checkReceived(e, ctx);
    case EventType::NoticeIssued:
        return checkNotice(s, e, ctx);
    case EventType::Corrected: {
        if (p.value(QStringLiteral("materials")).toArray().isEmpty())
            return refuse("corrected.empty", QStringLiteral("请登记补正提交的材料"));
        for (const QJsonValue& v : p.value(QStringLiteral("materials")).toArray())
            if (!findMaterial(*ctx.item, text(v.toObject(), "code")))
                return refuse("corrected.unknown_material",
                              QStringLiteral("补正的材料不属于该事项"));
        return {};
    }
    case EventType::Accepted:
        return checkAccepted(s, e, ctx);
    case EventType::Refused: {
        const std::optional<RefusalKind> kind = fromKey(kRefusalKinds, text(p, "reasonKind"));
        if (!kind)
            return refuse("refused.kind", QStringLiteral("请选择不予受理的理由类别"));
        if (text(p, "reason").isEmpty())
            return refuse("refused.reason",
                          QStringLiteral("请写明不予受理的理由（行政许可法 Art. 38）"));
        if (kind == RefusalKind::NotCompetent && text(p, "competentOffice").isEmpty())
            return refuse(
                "refused.office",
                QStringLiteral("不属本机关职权范围的，须告知有权受理的机关（行政许可法 Art. 32）"));
        return {};
    }
    case EventType::DeemedAccepted: {
        const std::optional<QDate> due = clockDeadline(s, ctx, ClockKind::Notice, day);
        if (!due || day <= *due)
            return refuse("deemed.early", QStringLiteral("告知期限未满，不能视为受理"));
        return {};
    }
    case EventType::DeemedAbandoned: {
        const std::optional<QDate> due = clockDeadline(s, ctx, ClockKind::Correction, day);
        if (!due || day <= *due)
            return refuse("abandoned.early", QStringLiteral("补正期限未满"));
        return {};
    }
    case EventType::Suspended: {
        const std::optional<SuspensionKind> kind = fromKey(kSuspensionKinds, text(p, "reasonKind"));
        if (!kind)
            return refuse("suspend.kind",
                          QStringLiteral("请选择法定的中止事由（行政许可法 Art. 45）"));
        if (kind == SuspensionKind::ThirdParty && ctx.item->profile != ProcedureProfile::Disclosure)
            return refuse("suspend.kind",
                          QStringLiteral("征求第三方意见仅适用于政府信息公开（条例 Art. 32）"));
        if (text(p, "reason").isEmpty())
            return refuse("suspend.reason", QStringLiteral("请写明中止的具体事由"));
        return {};
    }
    case EventType::ExtensionRequested: {
        const QString clock = text(p, "clock");
        const int days = p.value(QStringLiteral("days")).toInt();
        const std::optional<ExtensionClock> which = fromKey(kExtensionClocks, clock);
        if (!which)
            return refuse("extension.clock", QStringLiteral("请选择延长法定时限或承诺时限"));
        if (text(p, "reason").isEmpty())
            return refuse("extension.reason", QStringLiteral("请写明延期理由（须告知申请人）"));
        QList<int> granted;
        for (const ExtensionRequest& r : s.extensions)
            if (r.clock == clock && r.approved.value_or(false))
                granted.append(r.days);
        if (which == ExtensionClock::Statutory) {
            if (Status st = checkExtension(ctx.item->profile, granted, days); !st)
                return st;
        } else if (days <= 0) {
            return refuse("extension.not_positive", QStringLiteral("延期天数应为正整数（工作日）"));
        }
        const ClockKind kind =
            which == ExtensionClock::Statutory ? ClockKind::Statutory : ClockKind::Promised;
        const std::optional<QDate> due = clockDeadline(s, ctx, kind, day);
        if (due && day > *due)
            return refuse(
                "extension.too_late",
                QStringLiteral("期限已届满（%1），不能再申请延期").arg(chineseDate(*due)));
        return {};
    }
    case EventType::ExtensionRefused:
        return text(p, "reason").isEmpty() ? Status(refuse("extension.refuse_reason",
                                                           QStringLiteral("请写明不予延期的理由")))
                                           : Status();
    case EventType::Forwarded:
        return text(p, "to").isEmpty()
                   ? Status(refuse("forward.to", QStringLiteral("请写明移交的后台科室")))
                   : Status();
    case EventType::Decided: {
        if (!fromKey(kDecisionOutcomes, text(p, "outcome")))
            return refuse("decided.outcome", QStringLiteral("请选择办理结果（准予或不予）"));
        return {};
    }
    case EventType::Delivered: {
        const std::optional<DeliveryMethod> method = fromKey(kDeliveryMethods, text(p, "method"));
        if (!method)
            return refuse("delivered.method", QStringLiteral("请选择送达方式"));
        switch (*method) {
        case DeliveryMethod::Pickup:
            return text(p, "signer").isEmpty()
                       ? Status(refuse("delivered.signer", QStringLiteral("窗口领取须登记签收人")))
                       : Status();
        case DeliveryMethod::Post:
            return text(p, "carrier").isEmpty() || text(p, "trackingNumber").isEmpty()
                       ? Status(refuse("delivered.post",
                                       QStringLiteral("邮寄送达须登记快递公司和运单号")))
                       : Status();
        case DeliveryMethod::Electronic:
            return {};
        }
        return {};
    }
    case EventType::Supervised:
        if (text(p, "note").isEmpty())
            return refuse("supervised.note", QStringLiteral("督办须写明督办事项"));
        if (text(p, "toClerk").isEmpty() && text(p, "toWindow").isEmpty())
            return refuse("supervised.to", QStringLiteral("请选择督办的窗口或人员"));
        if (p.contains(QStringLiteral("dueDate"))) {
            const QDate due = QDate::fromString(text(p, "dueDate"), Qt::ISODate);
            if (!due.isValid())
                return refuse("supervised.due", QStringLiteral("督办期限日期无效，请重新选择"));
            if (due < day)
                return refuse("supervised.due",
                              QStringLiteral("督办期限（%1）不能早于督办当日（%2）")
                                  .arg(chineseDate(due), chineseDate(day)));
        }
        return {};
    case EventType::SupervisionAnswered:
        if (text(p, "reply").isEmpty())
            return refuse("supervision.reply", QStringLiteral("请写明督办事项的办理情况"));
        return {}; // the order it names is a lifecycle check (CaseFold.cpp, replayCheck)
    case EventType::Note:
        return text(p, "text").isEmpty()
                   ? Status(refuse("note.empty", QStringLiteral("备注不能为空")))
                   : Status();
    case EventType::Rated: {
        const int level = p.value(QStringLiteral("level")).toInt();
        return level < 1 || level > 5
                   ? Status(refuse("rated.level", QStringLiteral("评价等级应为 1–5")))
                   : Status();
    }
    case EventType::RatingFollowedUp:
        return text(p, "result").isEmpty()
                   ? Status(refuse("followup.result", QStringLiteral("请写明整改回访结果")))
                   : Status();
    case EventType::DocumentPrinted:
        if (text(p, "kind").isEmpty() || text(p, "number").isEmpty() ||
            p.value(QStringLiteral("copies")).toInt() < 1)
            return refuse("printed.fields", QStringLiteral("文书打印记录须有文书种类、编号和份数"));
        return {};
    case EventType::Withdrawn:
    case EventType::Resumed:
    case EventType::ExtensionApproved:
    case EventType::ResultReady:
    case EventType::DeadlineRecomputed:
        return {}; // nothing in the payload to check
    }
    return {}; // a value outside the enumeration is refused by the type key already
}

Status checkEvent(const CaseState& state, const Event& event, const FoldContext& context)
{
    if (!context.item || !context.calendar)
        return Error{QStringLiteral("fold.no_context"),
                     QStringLiteral("缺少事项或日历，无法核对办件")};
    if (Status s = replayCheck(state, event); !s)
        return s;
    if (state.eventCount > 0 && repeatsSystemFact(state, event))
        return {};
    return checkPayload(state, event, context);
}

Status admitEvent(const CaseState& state, Event& event, const FoldContext& context)
{
    if (Status s = checkEvent(state, event, context); !s)
        return s;
    if (state.eventCount == 0 || repeatsSystemFact(state, event) || !mayStopClock(event.type))
        return {};
    // Record the deadline of every clock this event stops, as the calendar of its day has it: a
    // replay never judges the event again, and a later calendar import moves only running clocks.
    const QDate day = civilDate(event, context.zone);
    auto before = clocksOf(state, context, day);
    if (!before)
        return before.error();
    QList<std::pair<ClockKind, QDate>> running;
    for (const CaseClock& c : *before)
        if (!c.clock.stopped)
            running.append({c.kind, c.clock.trigger});
    if (running.isEmpty())
        return {};
    CaseState after = state;
    applyEvent(after, event, context);
    auto now = clocksOf(after, context, day);
    if (!now)
        return now.error();
    QJsonArray recorded;
    for (const CaseClock& c : *now)
        if (c.clock.stopped && running.contains(std::pair{c.kind, c.clock.trigger}))
            recorded.append(
                QJsonObject{{QStringLiteral("clock"), clockKindKey(c.kind)},
                            {QStringLiteral("trigger"), c.clock.trigger.toString(Qt::ISODate)},
                            {QStringLiteral("deadline"), c.clock.deadline.toString(Qt::ISODate)}});
    if (!recorded.isEmpty())
        event.payload.insert(QStringLiteral("deadlinesInForce"), recorded);
    return {};
}

} // namespace onewindow::core
