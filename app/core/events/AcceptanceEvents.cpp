// Acceptance or its end: acceptance, refusal, the deemed acceptance when the notice period ran
// out (行政许可法 Art. 32), withdrawal and the deemed abandonment when the correction period did.
#include "core/CasePayloads.h"
#include "core/DateText.h"
#include "core/EventText.h"
#include "core/Identifiers.h"
#include "core/events/SpecKit.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>

namespace onewindow::core::events {

namespace {

using S = CaseStatus;

Status checkAccepted(const CaseState& s, const Event& e, const FoldContext& ctx)
{
    if (s.notices.isEmpty()) {
        const QDate day = civilDate(e, ctx.zone);
        const std::optional<QDate> due = clockDeadline(s, ctx, ClockKind::Notice, day);
        if (due && day > *due)
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

void applyAccepted(CaseState& s, const Event& e, const FoldContext& ctx, const QDate& day)
{
    for (const QJsonValue& v : e.payload.value(QStringLiteral("deferred")).toArray())
        if (MaterialCheck* m = materialOf(s, text(v.toObject(), "materialCode"))) {
            m->state = MaterialState::Deferred;
            m->dueDate = QDate::fromString(text(v.toObject(), "dueDate"), Qt::ISODate);
        }
    for (const QJsonValue& v : e.payload.value(QStringLiteral("commitments")).toArray())
        if (MaterialCheck* m = materialOf(s, text(v.toObject(), "materialCode")))
            m->state = MaterialState::Committed;
    s.status = S::InProgress;
    s.timeline.accepted = day;
    s.timeline.acceptedAt = e.occurredAtUtc.toTimeZone(ctx.zone).time();
}

QString describeAccepted(const Event& e, const QString& name)
{
    QString out = name;
    const QJsonArray deferred = e.payload.value(QStringLiteral("deferred")).toArray();
    if (!deferred.isEmpty())
        out += QStringLiteral("（容缺 %1 项）").arg(deferred.size());
    const QJsonArray commitments = e.payload.value(QStringLiteral("commitments")).toArray();
    if (!commitments.isEmpty())
        out += QStringLiteral("（告知承诺 %1 项）").arg(commitments.size());
    return out;
}

Status checkRefused(const CaseState&, const Event& e, const FoldContext&)
{
    const QJsonObject& p = e.payload;
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

// Deemed acceptance and deemed abandonment are due only once their period has run out.
Status checkLapse(const CaseState& s, const Event& e, const FoldContext& ctx, ClockKind kind,
                  const char* code, const QString& message)
{
    const QDate day = civilDate(e, ctx.zone);
    const std::optional<QDate> due = clockDeadline(s, ctx, kind, day);
    if (!due || day <= *due)
        return refuse(code, message);
    return {};
}

// A lapse says which period ran out, as it recorded it (older ones have no payload).
QString describeLapse(const Event& e, const QString& name, const QString& period)
{
    const QString deadline = text(e.payload, "deadline");
    return deadline.isEmpty() ? name : QStringLiteral("%1：%2 %3 届满").arg(name, period, deadline);
}

// Withdrawal and deemed abandonment end the case without a decision, closing a suspension.
void closeWithoutDecision(CaseState& s, const Event& e, CaseStatus status, const QDate& day)
{
    s.status = status;
    s.closedReason = eventTypeKey(e.type);
    s.timeline.closedWithoutDecision = day;
    if (!s.timeline.suspensions.isEmpty() && !s.timeline.suspensions.last().resumed)
        s.timeline.suspensions.last().resumed = day;
}

constexpr const char16_t* kWithdrawReasonMissing = u"请写明申请人撤回申请的原因";

} // namespace

std::span<const EventSpec> acceptanceEvents()
{
    static const EventSpec kAcceptance[] = {
        {.type = EventType::Accepted,
         .key = u"case.accepted",
         .name = u"受理",
         .offered = true,
         .stopsClocks = true,
         .allowed = [](const CaseState& s) { return s.status == S::Received; },
         .whyNot = deemedAlready,
         .check = checkAccepted,
         .apply = applyAccepted,
         .describe = describeAccepted,
         .payloadFrom = [](const QJsonObject&, const CaseState&,
                           const ServiceItem&) { return payload::accepted(); }},
        {.type = EventType::Refused,
         .key = u"case.refused",
         .name = u"不予受理",
         .offered = true,
         .stopsClocks = true,
         .irreversible = true,
         // 行政许可法 Art. 38: the refusal is a written decision with its reasons and remedies.
         .consequence = u"本件将以不予受理终结，须向申请人出具加盖印章的不予受理决定书，"
                        u"写明理由和救济途径。",
         .allowed =
             [](const CaseState& s) {
                 return isOneOf(s.status, {S::Received, S::AwaitingCorrection});
             },
         .check = checkRefused,
         .apply =
             [](CaseState& s, const Event& e, const FoldContext&, const QDate& day) {
                 s.status = S::Refused;
                 s.closedReason = text(e.payload, "reason");
                 s.timeline.refused = day;
             },
         .describe =
             [](const Event& e, const QString& name) {
                 return QStringLiteral("%1：%2。%3")
                     .arg(name, refusalReasonName(text(e.payload, "reasonKind")),
                          text(e.payload, "reason"));
             },
         // The ground goes on the sealed 不予受理决定书 (行政许可法 Art. 32): chosen by the
         // clerk, never the first option by default.
         .form = {{.key = "reasonKind",
                   .label = QT_TRANSLATE_NOOP("onewindow::ui::ActionForm", "Reason kind:"),
                   .kind = FormField::Kind::Choice,
                   .options = [] { return optionsOf(kRefusalKinds); },
                   .required = u"请选择不予受理的依据（行政许可法 Art. 32）"},
                  {.key = "reason",
                   .label = QT_TRANSLATE_NOOP("onewindow::ui::ActionForm", "Reason:"),
                   .required = u"请写明不予受理的理由（行政许可法 Art. 38）"},
                  {.key = "competentOffice",
                   .label = QT_TRANSLATE_NOOP("onewindow::ui::ActionForm", "Competent office:")}},
         .payloadFrom =
             [](const QJsonObject& v, const CaseState&, const ServiceItem&) {
                 return payload::refused(text(v, "reasonKind"), text(v, "reason"),
                                         text(v, "competentOffice"));
             }},
        {.type = EventType::DeemedAccepted,
         .key = u"case.deemed_accepted",
         .name = u"视为受理",
         .system = true,
         .stopsClocks = true,
         // 行政许可法 Art. 32: only where no notice was issued.
         .allowed =
             [](const CaseState& s) { return s.status == S::Received && s.notices.isEmpty(); },
         .whyNot =
             [](const CaseState& s) {
                 return s.notices.isEmpty() ? QString()
                                            : QStringLiteral("已发出一次性告知，不适用视为受理");
             },
         .repeats = [](const CaseState& s) { return s.timeline.deemedAccepted; },
         .check =
             [](const CaseState& s, const Event& e, const FoldContext& ctx) {
                 return checkLapse(s, e, ctx, ClockKind::Notice, "deemed.early",
                                   QStringLiteral("告知期限未满，不能视为受理"));
             },
         .apply =
             [](CaseState& s, const Event& e, const FoldContext&, const QDate&) {
                 // 行政许可法 Art. 32: accepted from the day the materials were received.
                 s.status = S::InProgress;
                 s.timeline.accepted = s.timeline.received;
                 s.timeline.deemedAccepted = true;
                 if (const QDate lapsed =
                         QDate::fromString(text(e.payload, "lapsedOn"), Qt::ISODate);
                     lapsed.isValid())
                     s.timeline.noticeLapsed = lapsed;
             },
         .describe =
             [](const Event& e, const QString& name) {
                 return describeLapse(e, name, QStringLiteral("补正告知时限"));
             }},
        {.type = EventType::Withdrawn,
         .key = u"case.withdrawn",
         .name = u"撤回申请",
         .offered = true,
         .stopsClocks = true,
         .irreversible = true,
         .consequence = u"本件将以撤回终结，各项期限停止，不能恢复；申请人如仍需办理，须重新申请。",
         .allowed =
             [](const CaseState& s) {
                 return isOneOf(s.status,
                                {S::Received, S::AwaitingCorrection, S::InProgress, S::Suspended});
             },
         // The applicant's own reason is recorded (older entries, replayed, have none).
         .check =
             [](const CaseState&, const Event& e, const FoldContext&) {
                 return text(e.payload, "reason").isEmpty()
                            ? Status(refuse("withdrawn.reason",
                                            QString::fromUtf16(kWithdrawReasonMissing)))
                            : Status();
             },
         .apply = [](CaseState& s, const Event& e, const FoldContext&,
                     const QDate& day) { closeWithoutDecision(s, e, S::Withdrawn, day); },
         .describe =
             [](const Event& e, const QString& name) {
                 // The applicant's reason, when one was given (older entries have none).
                 const QString reason = text(e.payload, "reason");
                 return reason.isEmpty() ? name : nameColon(name, reason);
             },
         .form = {{.key = "reason",
                   .label = QT_TRANSLATE_NOOP("onewindow::ui::ActionForm", "Reason:"),
                   .required = kWithdrawReasonMissing}},
         .payloadFrom = [](const QJsonObject& v, const CaseState&,
                           const ServiceItem&) { return payload::withdrawn(text(v, "reason")); }},
        {.type = EventType::DeemedAbandoned,
         .key = u"case.deemed_abandoned",
         .name = u"逾期未补正",
         .system = true,
         .stopsClocks = true,
         .allowed = [](const CaseState& s) { return s.status == S::AwaitingCorrection; },
         .repeats =
             [](const CaseState& s) {
                 return s.status == S::Abandoned &&
                        s.closedReason == eventTypeKey(EventType::DeemedAbandoned);
             },
         .check =
             [](const CaseState& s, const Event& e, const FoldContext& ctx) {
                 return checkLapse(s, e, ctx, ClockKind::Correction, "abandoned.early",
                                   QStringLiteral("补正期限未满"));
             },
         .apply = [](CaseState& s, const Event& e, const FoldContext&,
                     const QDate& day) { closeWithoutDecision(s, e, S::Abandoned, day); },
         .describe =
             [](const Event& e, const QString& name) {
                 return describeLapse(e, name, QStringLiteral("补正期限"));
             }},
    };
    return kAcceptance;
}

} // namespace onewindow::core::events