// Receipt and the one-time notice: the case is received, told at once everything it lacks, and
// corrected (行政许可法 Art. 29-32; domain.md "The one-time notice").
#include "core/CasePayloads.h"
#include "core/DateText.h"
#include "core/EventText.h"
#include "core/Identifiers.h"
#include "core/MatterCase.h"
#include "core/events/SpecKit.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>

namespace onewindow::core::events {

namespace {

using S = CaseStatus;

QString names(const QJsonArray& array, const char* key)
{
    QStringList out;
    for (const QJsonValue& v : array)
        out.append(v.toObject().value(QLatin1String(key)).toString());
    return out.join(QStringLiteral("、"));
}

Status checkReceived(const CaseState&, const Event& e, const FoldContext& ctx)
{
    const QJsonObject& p = e.payload;
    static const QRegularExpression queryCode(QStringLiteral("^[0-9]{6}\\z"));
    if (text(p, "caseNumber").isEmpty())
        return refuse("case.no_number", QStringLiteral("缺少办件编号"));
    if (!queryCode.match(text(p, "queryCode")).hasMatch())
        return refuse("case.bad_query_code", QStringLiteral("查询码应为 6 位数字"));
    if (text(p, "itemCode") != ctx.item->code || p.value(QStringLiteral("itemVersion")).toInt() < 1)
        return refuse("case.item_mismatch", QStringLiteral("办件所依据的事项版本与事项目录不一致"));
    if (!channelFromKey(text(p, "channel")))
        return refuse("case.bad_channel", QStringLiteral("申请方式无效"));
    const QDate receipt = QDate::fromString(text(p, "receiptDate"), Qt::ISODate);
    if (!receipt.isValid())
        return refuse("case.bad_receipt_date", QStringLiteral("收件日期无效"));
    // 政府信息公开条例 Art. 31: the receipt day is the day the office received or confirmed the
    // application, so never after the day it is recorded; and every clock counts from it, so it
    // lies within the calendar (a receipt in 1013 left a case no action could stop).
    const QDate recordedOn = civilDate(e, ctx.zone);
    if (recordedOn.isValid() && receipt > recordedOn)
        return refuse("case.receipt_date_future",
                      QStringLiteral("收件日期 %1 晚于登记当天 %2")
                          .arg(receipt.toString(Qt::ISODate), recordedOn.toString(Qt::ISODate)));
    if (!WorkingCalendar::supports(receipt))
        return refuse("case.receipt_date_range",
                      QStringLiteral("收件日期 %1 超出日历支持的范围（%2 至 %3）")
                          .arg(receipt.toString(Qt::ISODate),
                               WorkingCalendar::firstSupported().toString(Qt::ISODate),
                               WorkingCalendar::lastSupported().toString(Qt::ISODate)));
    const Applicant a = Applicant::fromJson(p.value(QStringLiteral("applicant")).toObject());
    if (a.name.trimmed().isEmpty())
        return refuse("case.no_applicant", QStringLiteral("请填写申请人姓名或名称"));
    if (Status s =
            checkName(a.name, a.organisation ? NameField::Organisation : NameField::Applicant);
        !s)
        return refuse("case.applicant_name", s.error().message);
    if (!a.legalRepresentative.isEmpty())
        if (Status s = checkName(a.legalRepresentative, NameField::LegalRepresentative); !s)
            return refuse("case.legal_representative", s.error().message);
    if (!a.agentName.isEmpty())
        if (Status s = checkName(a.agentName, NameField::Agent); !s)
            return refuse("case.agent_name", s.error().message);
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
        const Material* def = findMaterial(*ctx.item, m.code);
        if (!def)
            return refuse("case.unknown_material",
                          QStringLiteral("材料 %1 不属于该事项").arg(m.code));
        if (seen.contains(m.code))
            return refuse("case.duplicate_material", QStringLiteral("材料“%1”重复").arg(m.name));
        if (m.state == MaterialState::Unchecked)
            return refuse("case.material_unchecked",
                          QStringLiteral("材料“%1”尚未核验，请逐项核验后再作决定").arg(m.name));
        if (m.state == MaterialState::NotApplicable && def->requirement == Requirement::Required)
            return refuse("case.required_material",
                          QStringLiteral("材料“%1”是必要材料，不能标为不适用").arg(m.name));
        if (m.state == MaterialState::Defective && m.problem.trimmed().isEmpty())
            return refuse("case.defect_unexplained",
                          QStringLiteral("请写明材料“%1”哪里不符合要求").arg(m.name));
        seen.insert(m.code);
    }
    // The applicant's choice of delivery, when recorded, is one the item offers; 邮寄 needs the
    // address it goes to.
    if (p.contains(QStringLiteral("delivery"))) {
        const auto delivery = deliveryFromKey(text(p, "delivery"));
        if (!delivery || !ctx.item->delivery.contains(*delivery))
            return refuse("case.delivery", QStringLiteral("结果送达方式不是该事项提供的方式"));
        if (*delivery == DeliveryOption::Post)
            if (Status s = checkPostalAddress(text(p, "postalAddress")); !s)
                return s;
    }
    // A part of a matter (一件事) names the matter's code, version and number.
    if (p.contains(QStringLiteral("matter")))
        if (Status s = checkMatterLink(p.value(QStringLiteral("matter"))); !s)
            return s;
    return {};
}

void applyReceived(CaseState& s, const Event& e, const FoldContext& ctx, const QDate&)
{
    const QJsonObject& p = e.payload;
    CaseTimeline& t = s.timeline;
    s.caseId = e.caseId;
    s.receivedEventId = e.eventId;
    s.caseNumber = text(p, "caseNumber");
    s.queryCode = text(p, "queryCode");
    s.itemCode = text(p, "itemCode");
    s.itemVersion = p.value(QStringLiteral("itemVersion")).toInt();
    s.receivedBy = e.actorId;
    s.windowCode = text(p, "windowCode");
    s.channel = channelFromKey(text(p, "channel")).value_or(Channel::InPerson);
    s.applicant = Applicant::fromJson(p.value(QStringLiteral("applicant")).toObject());
    s.delivery = deliveryFromKey(text(p, "delivery"));
    s.postalAddress = text(p, "postalAddress");
    s.matter = matterLinkFrom(p.value(QStringLiteral("matter")));
    for (const QJsonValue& v : p.value(QStringLiteral("materials")).toArray())
        s.materials.append(MaterialCheck::fromJson(v.toObject()));
    s.status = S::Received;
    t.profile = ctx.item->profile;
    t.statutoryDays = ctx.item->statutoryDays;
    t.promisedDays = ctx.item->promisedDays;
    t.correctionDays = ctx.item->correctionDays;
    t.statutoryUnit = ctx.item->statutoryUnit;
    t.promisedUnit = ctx.item->promisedUnit;
    t.correctionUnit = ctx.item->correctionUnit;
    t.warningThreshold = ctx.item->warningDays.value_or(-1);
    t.followUpDays = ctx.followUpDays;
    t.officeClose = ctx.officeClose;
    t.received = QDate::fromString(text(p, "receiptDate"), Qt::ISODate);
}

QString describeReceived(const Event& e, const QString& name)
{
    const QJsonObject& p = e.payload;
    const QJsonObject a = p.value(QStringLiteral("applicant")).toObject();
    return QStringLiteral("%1：%2，申请人 %3，办件编号 %4")
        .arg(name, channelName(channelFromKey(text(p, "channel")).value_or(Channel::InPerson)),
             text(a, "name"), text(p, "caseNumber"));
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
    QStringList omitted;
    for (const MaterialCheck* m : shortMaterials(s, *ctx.item)) {
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
        const QDate day = civilDate(e, ctx.zone);
        const std::optional<QDate> due = clockDeadline(s, ctx, ClockKind::Notice, day);
        if (due && day > *due)
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

void applyNotice(CaseState& s, const Event& e, const FoldContext&, const QDate& day)
{
    const QJsonObject& p = e.payload;
    NoticeRecord n;
    n.date = day;
    for (const QJsonValue& v : p.value(QStringLiteral("corrections")).toArray())
        n.corrections.append(Correction::fromJson(v.toObject()));
    n.correctionDays = p.value(QStringLiteral("correctionDays")).toInt();
    n.repeat = p.value(QStringLiteral("repeat")).toBool();
    n.repeatReason = text(p, "repeatReason");
    n.approvedBy = text(p, "approvedBy");
    s.repeatNotices += n.repeat ? 1 : 0;
    s.notices.append(n);
    s.lastNoticeEventId = e.eventId;
    s.resubmittedSinceNotice.clear();
    s.status = S::AwaitingCorrection;
    s.timeline.noticeIssued = day;
    s.timeline.correctionDays = n.correctionDays;
}

QString describeNotice(const Event& e, const QString& name)
{
    const QJsonObject& p = e.payload;
    return QStringLiteral("%1%2：需补正 %3，补正期限 %4 个工作日")
        .arg(name, p.value(QStringLiteral("repeat")).toBool()
                       ? QStringLiteral("（再次告知，理由：%1）").arg(text(p, "repeatReason"))
                       : QString())
        .arg(names(p.value(QStringLiteral("corrections")).toArray(), "materialName"))
        .arg(p.value(QStringLiteral("correctionDays")).toInt());
}

Status checkCorrected(const CaseState&, const Event& e, const FoldContext& ctx)
{
    const QJsonArray materials = e.payload.value(QStringLiteral("materials")).toArray();
    if (materials.isEmpty())
        return refuse("corrected.empty", QStringLiteral("请登记补正提交的材料"));
    for (const QJsonValue& v : materials)
        if (!findMaterial(*ctx.item, text(v.toObject(), "code")))
            return refuse("corrected.unknown_material", QStringLiteral("补正的材料不属于该事项"));
    return {};
}

void applyCorrected(CaseState& s, const Event& e, const FoldContext&, const QDate& day)
{
    for (const QJsonValue& v : e.payload.value(QStringLiteral("materials")).toArray()) {
        const MaterialCheck in = MaterialCheck::fromJson(v.toObject());
        if (MaterialCheck* m = materialOf(s, in.code)) {
            m->state = in.state;
            m->problem = in.problem;
            if (in.copies > 0)
                m->copies = in.copies;
        } else {
            s.materials.append(in);
        }
        s.resubmittedSinceNotice.insert(in.code);
    }
    s.status = S::Received; // back to the clerk's check
    s.timeline.corrected = day;
}

// What the applicant brought back, as the window records it: every short material, now provided.
QJsonObject correctedFrom(const QJsonObject&, const CaseState& s, const ServiceItem&)
{
    QList<MaterialCheck> back;
    for (MaterialCheck m : s.materials)
        if (m.state == MaterialState::Missing || m.state == MaterialState::Defective) {
            m.state = MaterialState::Provided;
            m.problem.clear();
            back.append(m);
        }
    return payload::corrected(back);
}

} // namespace

// Built on first use (not at static initialisation): any other start-up code may ask for a type.
std::span<const EventSpec> receiptEvents()
{
    static const EventSpec kReceipt[] = {
        {.type = EventType::Received,
         .key = u"case.received",
         .name = u"收件",
         .allowed = [](const CaseState&) { return false; }, // only as the first event
         .check = checkReceived,
         .apply = applyReceived,
         .describe = describeReceived},
        {.type = EventType::NoticeIssued,
         .key = u"case.notice_issued",
         .name = u"一次性告知",
         .offered = true,
         .stopsClocks = true,
         .allowed = [](const CaseState& s) { return s.status == S::Received; },
         .whyNot = deemedAlready,
         .check = checkNotice,
         .apply = applyNotice,
         .describe = describeNotice,
         .payloadFrom =
             [](const QJsonObject&, const CaseState& s, const ServiceItem& item) {
                 return payload::notice(correctionsFor(s, item), item.correctionDays);
             }},
        {.type = EventType::Corrected,
         .key = u"case.corrected",
         .name = u"补正材料",
         .offered = true,
         .stopsClocks = true,
         .allowed = [](const CaseState& s) { return s.status == S::AwaitingCorrection; },
         .check = checkCorrected,
         .apply = applyCorrected,
         .describe =
             [](const Event& e, const QString& name) {
                 return nameColon(
                     name, names(e.payload.value(QStringLiteral("materials")).toArray(), "name"));
             },
         .payloadFrom = correctedFrom},
    };
    return kReceipt;
}

} // namespace onewindow::core::events
