// The end of a disclosure application (政府信息公开条例): the reply of Art. 36, one row per
// request, and the processing fee of 国办函〔2020〕109号 (its notice, payment, or lapse).
#include "core/CasePayloads.h"
#include "core/DateText.h"
#include "core/DisclosureApplicant.h"
#include "core/DisclosureFee.h"
#include "core/events/SpecKit.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace onewindow::core::events {

namespace {

using S = CaseStatus;

bool disclosure(const CaseState& s)
{
    return s.timeline.profile == ProcedureProfile::Disclosure;
}

Status checkReplied(const CaseState& s, const Event& e, const FoldContext&)
{
    const QJsonObject& p = e.payload;
    if (Status st = checkReplyRows(p.value(QStringLiteral("rows")).toArray()); !st)
        return st;
    if (!fromKey(kApplicantKinds, text(p, "applicantKind")))
        return refuse("disclosure.applicant_kind",
                      QStringLiteral("请选择申请人类型（自然人或法人、其他组织的类别）"));
    // Art. 32: the reply says how the consulted third party's opinion was weighed.
    if (!s.thirdParty.isEmpty() && text(p, "thirdPartyWeighed").isEmpty())
        return refuse("disclosure.third_party_weighed",
                      QStringLiteral("本件征求过第三方（%1）意见，答复须说明对第三方意见的处理"
                                     "（条例 Art. 32）")
                          .arg(s.thirdParty));
    return {};
}

QString describeReplied(const Event& e, const QString& name)
{
    QList<std::pair<ReplyType, int>> counts;
    for (const ReplyRow& row : replyRowsOf(e.payload.value(QStringLiteral("rows")).toArray())) {
        auto it = std::find_if(counts.begin(), counts.end(),
                               [&](const auto& c) { return c.first == row.type; });
        if (it == counts.end())
            counts.append({row.type, 1});
        else
            ++it->second;
    }
    QStringList parts;
    for (const auto& [type, n] : counts)
        parts.append(QStringLiteral("%1 %2 项").arg(nameOf(kReplyTypes, type)).arg(n));
    return nameColon(name, parts.join(QStringLiteral("，")));
}

// The generic form answers one request; the window's reply step answers several.
QJsonObject repliedFrom(const QJsonObject& v, const CaseState& s, const ServiceItem&)
{
    ReplyRow row;
    row.request = text(v, "request");
    row.type = fromKey(kReplyTypes, text(v, "type")).value_or(ReplyType::Disclosed);
    row.reason = text(v, "reason");
    row.detail = text(v, "detail");
    row.office = text(v, "office");
    row.route = text(v, "route");
    QString kind = text(v, "applicantKind");
    if (kind.isEmpty())
        kind = keyOf(kApplicantKinds, defaultApplicantKind(s.applicant));
    return payload::disclosureReplied({row}, kind, text(v, "thirdPartyWeighed"));
}

// Every reason a row may take, whichever type it goes with (the check pairs them).
QList<std::pair<QString, QString>> reasonOptions()
{
    QList<std::pair<QString, QString>> out{{QString(), QStringLiteral("（无）")}};
    out += optionsOf(kWithheldReasons);
    out += optionsOf(kCannotProvideReasons);
    out += optionsOf(kNotHandledReasons);
    return out;
}

Status checkFeeNoticed(const CaseState&, const Event& e, const FoldContext&)
{
    const QJsonObject& p = e.payload;
    if (Status st = checkFee(text(p, "basis"), p.value(QStringLiteral("units")).toInt(),
                             p.value(QStringLiteral("priorInMonth")).toInt(),
                             p.value(QStringLiteral("amount")).toInteger());
        !st)
        return st;
    if (p.value(QStringLiteral("paymentDays")).toInt() != kFeePaymentDays)
        return refuse(
            "fee.payment_days",
            QStringLiteral("缴费期限为收到收费通知次日起 %1 个工作日").arg(kFeePaymentDays));
    return {};
}

QString describeFeeNoticed(const Event& e, const QString& name)
{
    const QJsonObject& p = e.payload;
    const auto basis = fromKey(kFeeBases, text(p, "basis"));
    if (!basis)
        return name;
    return nameColon(name, feeBasisText(*basis, p.value(QStringLiteral("units")).toInt(),
                                        p.value(QStringLiteral("priorInMonth")).toInt(),
                                        p.value(QStringLiteral("amount")).toInteger()));
}

// A pending fee is paid within its period; after it the application counts as withdrawn
// (国办函〔2020〕109号), which the system records (FeeLapsed).
constexpr const char16_t* kReceiptMissing = u"请登记缴费票据号码";

Status checkFeePaid(const CaseState& s, const Event& e, const FoldContext& ctx)
{
    if (text(e.payload, "receipt").isEmpty())
        return refuse("fee.receipt", QString::fromUtf16(kReceiptMissing));
    const QDate day = civilDate(e, ctx.zone);
    const std::optional<QDate> due = clockDeadline(s, ctx, ClockKind::FeePayment, day);
    if (due && day > *due)
        return refuse("fee.paid_late",
                      QStringLiteral("缴费期限已于 %1 届满，申请视为撤回，不能再登记缴费")
                          .arg(chineseDate(*due)));
    return {};
}

// 政府信息公开条例 Art. 32: the consultation ends with the third party's opinion; silence counts
// only once its 15 working days have run out, and then the office decides.
Status checkThirdPartyAnswered(const CaseState& s, const Event& e, const FoldContext& ctx)
{
    const std::optional<ThirdPartyOpinion> opinion =
        fromKey(kThirdPartyOpinions, text(e.payload, "opinion"));
    if (!opinion)
        return refuse("third_party.opinion",
                      QStringLiteral("请登记第三方的意见：同意公开、不同意公开或逾期未提出意见"));
    if (*opinion == ThirdPartyOpinion::Silent) {
        const QDate day = civilDate(e, ctx.zone);
        const std::optional<QDate> due = clockDeadline(s, ctx, ClockKind::ThirdPartyOpinion, day);
        if (due && day <= *due)
            return refuse("third_party.silent_early",
                          QStringLiteral("第三方提出意见的期限至 %1 届满（15 个工作日，条例 "
                                         "Art. 32），届满前不能按逾期未提出意见处理")
                              .arg(chineseDate(*due)));
    }
    return {};
}

} // namespace

std::span<const EventSpec> disclosureEvents()
{
    static const EventSpec kDisclosure[] = {
        {.type = EventType::ThirdPartyAnswered,
         .key = u"case.third_party_answered",
         .name = u"第三方意见",
         .fold = 2,
         .offered = true,
         .stopsClocks = true, // the third party's 15 working days
         .allowed = thirdPartyRunning,
         .check = checkThirdPartyAnswered,
         .apply =
             [](CaseState& s, const Event& e, const FoldContext&, const QDate& day) {
                 s.status = S::InProgress;
                 s.timeline.thirdPartyAnswered = day;
                 s.thirdPartyOpinion = text(e.payload, "opinion");
                 if (!s.timeline.suspensions.isEmpty())
                     s.timeline.suspensions.last().resumed = day;
             },
         .describe =
             [](const Event& e, const QString& name) {
                 const auto opinion = fromKey(kThirdPartyOpinions, text(e.payload, "opinion"));
                 const QString summary = text(e.payload, "summary");
                 const QString said =
                     opinion ? nameOf(kThirdPartyOpinions, *opinion) : text(e.payload, "opinion");
                 return nameColon(name, summary.isEmpty()
                                            ? said
                                            : QStringLiteral("%1（%2）").arg(said, summary));
             },
         .form = {{.key = "opinion",
                   .label = QT_TRANSLATE_NOOP("onewindow::ui::ActionForm", "Opinion:"),
                   .kind = FormField::Kind::Choice,
                   .options = [] { return optionsOf(kThirdPartyOpinions); }},
                  {.key = "summary",
                   .label = QT_TRANSLATE_NOOP("onewindow::ui::ActionForm", "What it said:")}},
         .payloadFrom =
             [](const QJsonObject& v, const CaseState&, const ServiceItem&) {
                 return payload::thirdPartyAnswered(text(v, "opinion"), text(v, "summary"));
             }},
        {.type = EventType::DisclosureReplied,
         .key = u"case.disclosure_replied",
         .name = u"答复",
         .fold = 2,
         .offered = true,
         .stopsClocks = true,
         .irreversible = true,
         .consequence = u"答复即为本件的办理结果，答复后不能更改。",
         // 政府信息公开条例 Art. 33: the reply ends the application's processing.
         .allowed = [](const CaseState& s) { return disclosure(s) && s.status == S::InProgress; },
         .check = checkReplied,
         .apply =
             [](CaseState& s, const Event& e, const FoldContext&, const QDate& day) {
                 s.status = S::Decided;
                 s.timeline.decided = day;
                 s.replies = replyRowsOf(e.payload.value(QStringLiteral("rows")).toArray());
                 s.applicantKind = text(e.payload, "applicantKind");
                 s.thirdPartyWeighed = text(e.payload, "thirdPartyWeighed");
             },
         .describe = describeReplied,
         .form = {{.key = "request",
                   .label =
                       QT_TRANSLATE_NOOP("onewindow::ui::ActionForm", "Information asked for:"),
                   .required = u"请写明申请公开的信息（名称、文号或描述）"},
                  {.key = "type",
                   .label = QT_TRANSLATE_NOOP("onewindow::ui::ActionForm", "Reply:"),
                   .kind = FormField::Kind::Choice,
                   .options = [] { return optionsOf(kReplyTypes); }},
                  {.key = "reason",
                   .label = QT_TRANSLATE_NOOP("onewindow::ui::ActionForm", "Reason:"),
                   .kind = FormField::Kind::Choice,
                   .options = reasonOptions},
                  {.key = "detail",
                   .label = QT_TRANSLATE_NOOP("onewindow::ui::ActionForm",
                                              "Where, how, or why (as the reply says it):")},
                  {.key = "office",
                   .label = QT_TRANSLATE_NOOP("onewindow::ui::ActionForm",
                                              "Office responsible (not ours):")},
                  {.key = "route",
                   .label =
                       QT_TRANSLATE_NOOP("onewindow::ui::ActionForm", "Route under other laws:")},
                  {.key = "applicantKind",
                   .label = QT_TRANSLATE_NOOP("onewindow::ui::ActionForm", "Applicant kind:"),
                   .kind = FormField::Kind::Choice,
                   .options = [] { return optionsOf(kApplicantKinds); },
                   .initialText =
                       [](const CaseState& s) {
                           return keyOf(kApplicantKinds, defaultApplicantKind(s.applicant));
                       }},
                  {.key = "thirdPartyWeighed",
                   .label = QT_TRANSLATE_NOOP("onewindow::ui::ActionForm",
                                              "Third party's opinion weighed:")}},
         .payloadFrom = repliedFrom},
        {.type = EventType::FeeNoticed,
         .key = u"case.fee_noticed",
         .name = u"收费通知",
         .fold = 2,
         .offered = true,
         // 国办函〔2020〕109号 Art. 3: one basis per application, never both: one notice.
         .allowed =
             [](const CaseState& s) {
                 return disclosure(s) && s.status == S::InProgress && s.feeNoticeEventId.isEmpty();
             },
         .check = checkFeeNoticed,
         .apply =
             [](CaseState& s, const Event& e, const FoldContext&, const QDate& day) {
                 // The time from the notice to payment is not counted (政府信息公开条例 Art. 33).
                 s.status = S::Suspended;
                 s.timeline.suspensions.append(Suspension{day, std::nullopt});
                 s.suspensionKind = QStringLiteral("fee");
                 s.timeline.feeNoticed = day;
                 s.timeline.feePaymentDays = e.payload.value(QStringLiteral("paymentDays")).toInt();
                 s.feeNoticeEventId = e.eventId;
                 s.feeBasis = text(e.payload, "basis");
                 s.feeUnits = e.payload.value(QStringLiteral("units")).toInt();
                 s.feePrior = e.payload.value(QStringLiteral("priorInMonth")).toInt();
                 s.feeAmount = e.payload.value(QStringLiteral("amount")).toInteger();
             },
         .describe = describeFeeNoticed,
         .form = {{.key = "basis",
                   .label = QT_TRANSLATE_NOOP("onewindow::ui::ActionForm", "Charged:"),
                   .kind = FormField::Kind::Choice,
                   .options = [] { return optionsOf(kFeeBases); }},
                  {.key = "units",
                   .label = QT_TRANSLATE_NOOP("onewindow::ui::ActionForm",
                                              "Items (by count) or pages (by volume):"),
                   .kind = FormField::Kind::Number,
                   .min = 1,
                   .max = kMaxFeeUnits,
                   .initial = 1},
                  {.key = "priorInMonth",
                   .label = QT_TRANSLATE_NOOP("onewindow::ui::ActionForm",
                                              "Applicant's earlier applications this month:"),
                   .kind = FormField::Kind::Number,
                   .min = 0,
                   .max = kMaxFeeUnits,
                   .initial = 0}},
         .payloadFrom =
             [](const QJsonObject& v, const CaseState&, const ServiceItem&) {
                 const QString basis = text(v, "basis");
                 const int units = v.value(QStringLiteral("units")).toInt();
                 const int prior = v.value(QStringLiteral("priorInMonth")).toInt();
                 const auto b = fromKey(kFeeBases, basis);
                 return payload::feeNoticed(basis, units, prior, b ? feeYuan(*b, units, prior) : 0);
             }},
        {.type = EventType::FeePaid,
         .key = u"case.fee_paid",
         .name = u"缴费",
         .fold = 2,
         .offered = true,
         .stopsClocks = true, // the payment period
         .allowed = [](const CaseState& s) { return s.feePending(); },
         .check = checkFeePaid,
         .apply =
             [](CaseState& s, const Event&, const FoldContext&, const QDate& day) {
                 s.status = S::InProgress;
                 s.feePaid = true;
                 s.timeline.feeSettled = day;
                 if (!s.timeline.suspensions.isEmpty())
                     s.timeline.suspensions.last().resumed = day;
             },
         .describe =
             [](const Event& e, const QString& name) {
                 const QString receipt = text(e.payload, "receipt");
                 return receipt.isEmpty() ? name
                                          : nameColon(name, QStringLiteral("票据 %1").arg(receipt));
             },
         .form = {{.key = "receipt",
                   .label = QT_TRANSLATE_NOOP("onewindow::ui::ActionForm", "Receipt number:"),
                   .required = kReceiptMissing}},
         .payloadFrom = [](const QJsonObject& v, const CaseState&,
                           const ServiceItem&) { return payload::feePaid(text(v, "receipt")); }},
        {.type = EventType::FeeLapsed,
         .key = u"case.fee_lapsed",
         .name = u"逾期未缴费",
         .fold = 2,
         .system = true,
         .stopsClocks = true,
         .allowed = [](const CaseState& s) { return s.feePending(); },
         .repeats =
             [](const CaseState& s) {
                 return s.status == S::Withdrawn &&
                        s.closedReason == eventTypeKey(EventType::FeeLapsed);
             },
         .check =
             [](const CaseState& s, const Event& e, const FoldContext& ctx) {
                 const QDate day = civilDate(e, ctx.zone);
                 const std::optional<QDate> due = clockDeadline(s, ctx, ClockKind::FeePayment, day);
                 if (!due || day <= *due)
                     return Status(refuse("fee.lapse_early", QStringLiteral("缴费期限未满")));
                 return Status();
             },
         .apply =
             [](CaseState& s, const Event& e, const FoldContext&, const QDate& day) {
                 // 国办函〔2020〕109号: not paid in time counts as withdrawn.
                 s.status = S::Withdrawn;
                 s.closedReason = eventTypeKey(e.type);
                 s.timeline.closedWithoutDecision = day;
                 s.timeline.feeSettled = day;
                 if (!s.timeline.suspensions.isEmpty() && !s.timeline.suspensions.last().resumed)
                     s.timeline.suspensions.last().resumed = day;
             },
         .describe =
             [](const Event& e, const QString& name) {
                 const QString deadline = text(e.payload, "deadline");
                 return deadline.isEmpty() ? name
                                           : QStringLiteral("%1：缴费期限 %2 届满，申请视为撤回")
                                                 .arg(name, deadline);
             }},
    };
    return kDisclosure;
}

} // namespace onewindow::core::events
