// From acceptance to the applicant's hands: suspension and resumption (行政许可法 Art. 45),
// extensions (Art. 42), the back office, the decision (Art. 38), the result and its delivery.
#include "core/CasePayloads.h"
#include "core/DateText.h"
#include "core/EventText.h"
#include "core/MatterHandOut.h"
#include "core/events/SpecKit.h"

#include <QCoreApplication>

namespace onewindow::core::events {

namespace {

using S = CaseStatus;

std::optional<QDate> isoDate(const QJsonObject& o, const char* key)
{
    const QDate d = QDate::fromString(text(o, key), Qt::ISODate);
    return d.isValid() ? std::optional(d) : std::nullopt;
}

Status checkSuspended(const CaseState&, const Event& e, const FoldContext& ctx)
{
    const QJsonObject& p = e.payload;
    const std::optional<SuspensionKind> kind = fromKey(kSuspensionKinds, text(p, "reasonKind"));
    if (!kind)
        return refuse("suspend.kind", QStringLiteral("请选择法定的中止事由（行政许可法 Art. 45）"));
    if (kind == SuspensionKind::ThirdParty && ctx.item->profile != ProcedureProfile::Disclosure)
        return refuse("suspend.kind",
                      QStringLiteral("征求第三方意见仅适用于政府信息公开（条例 Art. 32）"));
    if (text(p, "reason").isEmpty())
        return refuse("suspend.reason", QStringLiteral("请写明中止的具体事由"));
    // 政府信息公开条例 Art. 32: the letter asking for the opinion goes to a named third party.
    if (kind == SuspensionKind::ThirdParty && text(p, "thirdParty").isEmpty())
        return refuse("suspend.third_party",
                      QStringLiteral("请写明征求意见的第三方（名称及联系方式，条例 Art. 32）"));
    return {};
}

Status checkExtensionRequest(const CaseState& s, const Event& e, const FoldContext& ctx)
{
    const QJsonObject& p = e.payload;
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
    const QDate day = civilDate(e, ctx.zone);
    const std::optional<QDate> due = clockDeadline(s, ctx, kind, day);
    if (due && day > *due)
        return refuse("extension.too_late",
                      QStringLiteral("期限已届满（%1），不能再申请延期").arg(chineseDate(*due)));
    return {};
}

// Approval or refusal of the pending request; an approved one lengthens its clock.
void decideExtension(CaseState& s, const Event& e, const FoldContext&, const QDate&)
{
    ExtensionRequest& r = s.extensions.last();
    r.approved = e.type == EventType::ExtensionApproved;
    r.decidedBy = e.actorId;
    if (*r.approved)
        (r.clock == keyOf(kExtensionClocks, ExtensionClock::Statutory)
             ? s.timeline.statutoryExtensions
             : s.timeline.promisedExtensions)
            .append(r.days);
}

bool disclosure(const CaseState& s)
{
    return s.timeline.profile == ProcedureProfile::Disclosure;
}

bool extensionPending(const CaseState& s)
{
    return isOneOf(s.status, {S::InProgress, S::Suspended}) && s.pendingExtension();
}

Status checkDelivered(const CaseState& s, const Event& e, const FoldContext&)
{
    const QJsonObject& p = e.payload;
    // 一件事: a part handed out with its matter names it (core/MatterHandOut).
    if (Status m = checkMatterHandOut(s, p); !m)
        return m;
    const std::optional<DeliveryMethod> method = fromKey(kDeliveryMethods, text(p, "method"));
    if (!method)
        return refuse("delivered.method", QStringLiteral("请选择送达方式"));
    if (method == DeliveryMethod::Pickup && text(p, "signer").isEmpty())
        return refuse("delivered.signer", QStringLiteral("窗口领取须登记签收人"));
    if (method == DeliveryMethod::Post &&
        (text(p, "carrier").isEmpty() || text(p, "trackingNumber").isEmpty()))
        return refuse("delivered.post", QStringLiteral("邮寄送达须登记快递公司和运单号"));
    return {};
}

QString describeDelivered(const Event& e, const QString& name)
{
    const QJsonObject& p = e.payload;
    const QString matter = matterHandOutSuffix(p);
    switch (fromKey(kDeliveryMethods, text(p, "method")).value_or(DeliveryMethod::Electronic)) {
    case DeliveryMethod::Pickup:
        return QStringLiteral("%1：窗口领取，签收人 %2").arg(name, text(p, "signer")) + matter;
    case DeliveryMethod::Post:
        return QStringLiteral("%1：邮寄，%2 %3")
                   .arg(name, text(p, "carrier"), text(p, "trackingNumber")) +
               matter;
    case DeliveryMethod::Electronic:
        break;
    }
    return QStringLiteral("%1：电子送达").arg(name) + matter;
}

QJsonObject deliveredFrom(const QJsonObject& v, const CaseState&, const ServiceItem&)
{
    if (fromKey(kDeliveryMethods, text(v, "method")) == DeliveryMethod::Pickup)
        return payload::delivered(text(v, "method"), text(v, "signer"));
    return payload::delivered(text(v, "method"), {}, text(v, "carrier"), text(v, "trackingNumber"));
}

QString describeWithReason(const Event& e, const QString& name)
{
    return nameColon(name, text(e.payload, "reason"));
}

QString noReason(const Event&, const QString& name)
{
    return name; // the type's name says it all
}

} // namespace

std::span<const EventSpec> processingEvents()
{
    static const EventSpec kProcessing[] = {
        {.type = EventType::Suspended,
         .key = u"case.suspended",
         .name = u"中止",
         .offered = true,
         .allowed = [](const CaseState& s) { return s.status == S::InProgress; },
         .check = checkSuspended,
         .apply =
             [](CaseState& s, const Event& e, const FoldContext&, const QDate& day) {
                 s.status = S::Suspended;
                 s.timeline.suspensions.append(Suspension{day, std::nullopt});
                 s.suspensionKind = text(e.payload, "reasonKind");
                 if (s.suspensionKind == keyOf(kSuspensionKinds, SuspensionKind::ThirdParty)) {
                     s.timeline.thirdPartyAsked = day; // Art. 32: its 15 working days start
                     s.timeline.thirdPartyAnswered.reset();
                     s.thirdParty = text(e.payload, "thirdParty");
                     s.thirdPartyOpinion.clear();
                 }
             },
         .describe =
             [](const Event& e, const QString& name) {
                 return QStringLiteral("%1：%2，%3")
                     .arg(name, suspensionReasonName(text(e.payload, "reasonKind")),
                          text(e.payload, "reason"));
             },
         .form = {{.key = "reasonKind",
                   .label = QT_TRANSLATE_NOOP("onewindow::ui::ActionForm", "Statutory reason:"),
                   .kind = FormField::Kind::Choice,
                   .options = [] { return optionsOf(kSuspensionKinds); }},
                  {.key = "reason",
                   .label = QT_TRANSLATE_NOOP("onewindow::ui::ActionForm", "Details:")},
                  {.key = "thirdParty",
                   .label = QT_TRANSLATE_NOOP("onewindow::ui::ActionForm",
                                              "Third party consulted (name, contact):")}},
         .payloadFrom =
             [](const QJsonObject& v, const CaseState&, const ServiceItem&) {
                 const bool thirdParty =
                     fromKey(kSuspensionKinds, text(v, "reasonKind")) == SuspensionKind::ThirdParty;
                 return payload::suspended(text(v, "reasonKind"), text(v, "reason"),
                                           isoDate(v, "expectedEnd"),
                                           thirdParty ? text(v, "thirdParty") : QString());
             }},
        {.type = EventType::Resumed,
         .key = u"case.resumed",
         .name = u"恢复",
         .offered = true,
         // A fee notice's suspension ends by payment or its lapse (国办函〔2020〕109号).
         .allowed = [](const CaseState& s) { return s.status == S::Suspended && !s.feePending(); },
         // A third party's consultation ends with its opinion (政府信息公开条例 Art. 32).
         .offeredWhen = [](const CaseState& s) { return !thirdPartyRunning(s); },
         .check =
             [](const CaseState& s, const Event&, const FoldContext&) {
                 return thirdPartyRunning(s)
                            ? Status(refuse("resume.third_party",
                                            QStringLiteral("征求第三方意见的，请登记第三方意见"
                                                           "（条例 Art. 32）")))
                            : Status();
             },
         .apply =
             [](CaseState& s, const Event&, const FoldContext&, const QDate& day) {
                 s.status = S::InProgress;
                 if (!s.timeline.suspensions.isEmpty())
                     s.timeline.suspensions.last().resumed = day;
             },
         .describe = noReason},
        {.type = EventType::ExtensionRequested,
         .key = u"case.extension_requested",
         .name = u"申请延期",
         .offered = true,
         .allowed =
             [](const CaseState& s) {
                 return isOneOf(s.status, {S::InProgress, S::Suspended}) && !s.pendingExtension();
             },
         .whyNot =
             [](const CaseState& s) {
                 return s.pendingExtension() ? QStringLiteral("已有延期申请待审批") : QString();
             },
         .check = checkExtensionRequest,
         .apply =
             [](CaseState& s, const Event& e, const FoldContext&, const QDate& day) {
                 s.extensions.append(ExtensionRequest{
                     text(e.payload, "clock"), e.payload.value(QStringLiteral("days")).toInt(),
                     text(e.payload, "reason"), day, std::nullopt, QString()});
             },
         .describe =
             [](const Event& e, const QString& name) {
                 const auto clock = fromKey(kExtensionClocks, text(e.payload, "clock"));
                 return QStringLiteral("%1：%2延长 %3 个工作日，理由：%4")
                     .arg(name, clock ? nameOf(kExtensionClocks, *clock) : text(e.payload, "clock"))
                     .arg(e.payload.value(QStringLiteral("days")).toInt())
                     .arg(text(e.payload, "reason"));
             },
         .form = {{.key = "clock",
                   .label = QT_TRANSLATE_NOOP("onewindow::ui::ActionForm", "Extend:"),
                   .kind = FormField::Kind::Choice,
                   .options = [] { return optionsOf(kExtensionClocks); }},
                  {.key = "days",
                   .label = QT_TRANSLATE_NOOP("onewindow::ui::ActionForm", "By working days:"),
                   .kind = FormField::Kind::Number,
                   .min = 1,
                   .max = 60,
                   .initial = 10},
                  {.key = "reason",
                   .label = QT_TRANSLATE_NOOP("onewindow::ui::ActionForm",
                                              "Reason (told to the applicant):")}},
         .payloadFrom =
             [](const QJsonObject& v, const CaseState&, const ServiceItem&) {
                 return payload::extensionRequested(
                     text(v, "clock"), v.value(QStringLiteral("days")).toInt(), text(v, "reason"));
             }},
        {.type = EventType::ExtensionApproved,
         .key = u"case.extension_approved",
         .name = u"批准延期",
         .offered = true,
         .allowed = extensionPending,
         .apply = decideExtension,
         .describe = noReason},
        {.type = EventType::ExtensionRefused,
         .key = u"case.extension_refused",
         .name = u"不予延期",
         .offered = true,
         .allowed = extensionPending,
         .check =
             [](const CaseState&, const Event& e, const FoldContext&) {
                 return text(e.payload, "reason").isEmpty()
                            ? Status(refuse("extension.refuse_reason",
                                            QStringLiteral("请写明不予延期的理由")))
                            : Status();
             },
         .apply = decideExtension,
         .describe = describeWithReason,
         .form = {{.key = "reason",
                   .label = QT_TRANSLATE_NOOP("onewindow::ui::ActionForm", "Reason:")}},
         .payloadFrom =
             [](const QJsonObject& v, const CaseState&, const ServiceItem&) {
                 return payload::extensionRefused(text(v, "reason"));
             }},
        {.type = EventType::Forwarded,
         .key = u"case.forwarded",
         .name = u"移交后台",
         .offered = true,
         .allowed = [](const CaseState& s) { return s.status == S::InProgress; },
         .check =
             [](const CaseState&, const Event& e, const FoldContext&) {
                 return text(e.payload, "to").isEmpty()
                            ? Status(refuse("forward.to", QStringLiteral("请写明移交的后台科室")))
                            : Status();
             },
         .apply = [](CaseState& s, const Event& e, const FoldContext&,
                     const QDate&) { s.forwardedTo = text(e.payload, "to"); },
         .describe = [](const Event& e,
                        const QString& name) { return nameColon(name, text(e.payload, "to")); },
         .form = {{.key = "to",
                   .label = QT_TRANSLATE_NOOP("onewindow::ui::ActionForm", "Back office:")},
                  {.key = "note",
                   .label = QT_TRANSLATE_NOOP("onewindow::ui::ActionForm", "Note:")}},
         .payloadFrom =
             [](const QJsonObject& v, const CaseState&, const ServiceItem&) {
                 return payload::forwarded(text(v, "to"), text(v, "note"));
             }},
        {.type = EventType::Decided,
         .key = u"case.decided",
         .name = u"办结",
         .offered = true,
         .stopsClocks = true,
         .irreversible = true,
         .consequence = u"办理结果（准予或不予）即记为本件的决定，办结后不能更改。",
         .allowed = [](const CaseState& s) { return s.status == S::InProgress; },
         .offeredWhen = [](const CaseState& s) { return !disclosure(s); },
         .check =
             [](const CaseState& s, const Event& e, const FoldContext&) {
                 // 政府信息公开条例 Art. 36: a disclosure application is answered by one of its
                 // replies, not granted like a licence (older logs keep their decisions).
                 if (disclosure(s))
                     return Status(refuse("decided.disclosure",
                                          QStringLiteral("政府信息公开申请应按条例第三十六条作出"
                                                         "答复，请选择“答复”")));
                 return fromKey(kDecisionOutcomes, text(e.payload, "outcome"))
                            ? Status()
                            : Status(refuse("decided.outcome",
                                            QStringLiteral("请选择办理结果（准予或不予）")));
             },
         .apply =
             [](CaseState& s, const Event& e, const FoldContext&, const QDate& day) {
                 s.status = S::Decided;
                 s.decisionOutcome = text(e.payload, "outcome");
                 s.decisionNumber = text(e.payload, "decisionNumber");
                 s.timeline.decided = day;
             },
         .describe =
             [](const Event& e, const QString& name) {
                 const QString number = text(e.payload, "decisionNumber");
                 const auto outcome = fromKey(kDecisionOutcomes, text(e.payload, "outcome"));
                 return QStringLiteral("%1：%2%3")
                     .arg(name,
                          nameOf(kDecisionOutcomes, outcome.value_or(DecisionOutcome::NotGranted)),
                          number.isEmpty() ? QString() : QStringLiteral("，决定书 %1").arg(number));
             },
         .form = {{.key = "outcome",
                   .label = QT_TRANSLATE_NOOP("onewindow::ui::ActionForm", "Decision:"),
                   .kind = FormField::Kind::Choice,
                   .options = [] { return optionsOf(kDecisionOutcomes); },
                   .required = u"请选择办理结果（准予或不予）"},
                  {.key = "decisionNumber",
                   .label = QT_TRANSLATE_NOOP("onewindow::ui::ActionForm", "Decision number:")}},
         .payloadFrom =
             [](const QJsonObject& v, const CaseState&, const ServiceItem&) {
                 return payload::decided(text(v, "outcome"), text(v, "decisionNumber"));
             }},
        {.type = EventType::ResultReady,
         .key = u"case.result_ready",
         .name = u"出件",
         .offered = true,
         .allowed = [](const CaseState& s) { return s.status == S::Decided; },
         .apply = [](CaseState& s, const Event&, const FoldContext&,
                     const QDate&) { s.status = S::ResultReady; },
         .describe = noReason},
        {.type = EventType::Delivered,
         .key = u"case.delivered",
         .name = u"送达",
         .offered = true,
         .stopsClocks = true,
         .allowed =
             [](const CaseState& s) {
                 return isOneOf(s.status, {S::Decided, S::ResultReady});
             },
         // 一件事: a matter's part is handed out from the matter's view, with the others.
         .offeredWhen = [](const CaseState& s) { return !s.matter.has_value(); },
         .check = checkDelivered,
         .apply =
             [](CaseState& s, const Event&, const FoldContext&, const QDate& day) {
                 s.status = S::Delivered;
                 s.timeline.delivered = day;
             },
         .describe = describeDelivered,
         .form = {{.key = "method",
                   .label = QT_TRANSLATE_NOOP("onewindow::ui::ActionForm", "Delivered by:"),
                   .kind = FormField::Kind::Choice,
                   .options = [] { return optionsOf(kDeliveryMethods); }},
                  {.key = "signer",
                   .label =
                       QT_TRANSLATE_NOOP("onewindow::ui::ActionForm", "Signed for by (pickup):"),
                   .initialText = [](const CaseState& s) { return s.applicant.name; }},
                  {.key = "carrier",
                   .label = QT_TRANSLATE_NOOP("onewindow::ui::ActionForm", "Carrier (post):")},
                  {.key = "trackingNumber",
                   .label =
                       QT_TRANSLATE_NOOP("onewindow::ui::ActionForm", "Tracking number (post):")}},
         .payloadFrom = deliveredFrom},
    };
    return kProcessing;
}

} // namespace onewindow::core::events
