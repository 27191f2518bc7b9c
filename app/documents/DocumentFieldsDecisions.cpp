// The fields of the deciding office's letters: refusal, extension and suspension (domain.md,
// "Documents"). Each is issued by the item's office (FieldBuilder::issuer) and cites the law of
// the item's type: 行政许可法 for 行政许可, 政府信息公开条例 for disclosure, else the item's own
// basis from the catalog.
#include "core/CasePayloads.h"
#include "core/CompetentOffice.h"
#include "core/DateText.h"
#include "core/EventText.h"
#include "documents/DocumentFields.h"

#include <QRegularExpression>

namespace onewindow::documents::detail {

namespace {

using core::chineseDate;

// The item's own basis as cited: 《不动产登记暂行条例》第二十条, or a neutral phrase.
QString itemBasis(const FieldBuilder& b)
{
    const QString basis = b.item.legalBasis.trimmed();
    return basis.isEmpty() ? QStringLiteral("有关法律、法规") : basis;
}

// A reason as typed, without a leading 需/需要 when the sentence says 需要 itself.
QString withoutNeed(const QString& typed)
{
    QString out = clause(typed);
    for (const QString& lead : {QStringLiteral("需要"), QStringLiteral("需")})
        if (out.startsWith(lead))
            return out.mid(lead.size());
    return out;
}

} // namespace

void refusalFields(FieldBuilder& b)
{
    const QJsonObject& p = b.source.payload;
    const QString kind = payloadText(p, "reasonKind");
    const std::optional<core::RefusalKind> refusal = core::fromKey(core::kRefusalKinds, kind);
    b.text("refused_date", chineseDate(b.request.source.date));
    b.text("refusal_reason_kind", core::refusalReasonName(kind));
    const QString reason = clause(payloadText(p, "reason"));
    b.text("refusal_reason", reason);
    // The reason once, in the clerk's words; the category's own words only where the clerk's do
    // not already say it (never "其他：" in the sentence).
    QString sentence = reason;
    if (refusal && refusal != core::RefusalKind::Other) {
        const QString category = core::refusalReasonName(kind);
        if (reason.isEmpty())
            sentence = QStringLiteral("该申请事项%1").arg(category);
        else if (!reason.contains(category))
            sentence = QStringLiteral("%1，该申请事项%2").arg(reason, category);
    }
    b.text("refusal_sentence", sentence.isEmpty() ? QStringLiteral("该申请不予受理") : sentence);
    QString basis;
    if (b.licence()) {
        // 行政许可法 Art. 32 para. 1: (1) no licence needed, (2) not within this office's
        // competence; any other refusal rests on the paragraph as a whole.
        basis = QStringLiteral("《中华人民共和国行政许可法》第三十二条第一款");
        if (refusal == core::RefusalKind::NoLicenceNeeded)
            basis += QStringLiteral("第（一）项");
        else if (refusal == core::RefusalKind::NotCompetent)
            basis += QStringLiteral("第（二）项");
    } else {
        basis = itemBasis(b);
    }
    b.text("refusal_basis", basis);
    const QString office = payloadText(p, "competentOffice");
    // 行政许可法 Art. 32 para. 1 (2): the body named is checked against the hall's catalog.
    if (refusal == core::RefusalKind::NotCompetent && !b.request.catalog.isEmpty()) {
        const core::CompetentOfficeCheck checked =
            core::checkCompetentOffice(office, b.item, b.request.catalog);
        if (!checked.status)
            b.fields.warnings.append(checked.status.error());
        if (checked.warning)
            b.fields.warnings.append(*checked.warning);
    }
    b.text("competent_office", office);
    b.text("competent_office_note",
           office.isEmpty() ? QString() : QStringLiteral("请向%1提出申请。").arg(office));
    // 行政许可法 Art. 38: the refusal states the right to review or lawsuit; name the bodies.
    b.text("review_body", b.request.hall.reviewBody);
    b.text("court", b.request.hall.court);
    const HallProfile defaults = defaultHallProfile();
    if (b.request.hall.reviewBody == defaults.reviewBody || b.request.hall.court == defaults.court)
        b.fields.warnings.append(core::Error{
            QStringLiteral("hall.remedy_bodies"),
            QStringLiteral("大厅配置未写明行政复议机关（reviewBody）或人民法院（court），"
                           "不予受理决定书使用了通用表述")});
    b.raw("signature_block", b.signatureLine(QStringLiteral("申请人"), false));
}

void extensionFields(FieldBuilder& b, const core::CaseState& before)
{
    const core::CaseState& s = b.at;
    const core::ExtensionRequest& r = s.extensions.last();
    const bool statutory =
        core::fromKey(core::kExtensionClocks, r.clock) == core::ExtensionClock::Statutory;
    const core::ClockKind kind = statutory ? core::ClockKind::Statutory : core::ClockKind::Promised;
    QString original;
    QDate promisedBefore;
    if (auto clocks = core::clocksOf(before, b.request.context, b.request.source.date))
        for (const core::CaseClock& c : *clocks) {
            if (c.kind == kind)
                original = chineseDate(c.clock.deadline);
            if (c.kind == core::ClockKind::Promised)
                promisedBefore = c.clock.deadline;
        }
    b.text("accepted_date", s.timeline.accepted ? chineseDate(*s.timeline.accepted) : QString());
    b.text("extension_clock",
           statutory ? QStringLiteral("法定办理期限") : QStringLiteral("承诺办理期限"));
    const int limit = statutory ? s.timeline.statutoryDays : s.timeline.promisedDays;
    const core::DayUnit unit = statutory ? s.timeline.statutoryUnit : s.timeline.promisedUnit;
    b.text("limit_days", QString::number(limit));
    b.text("extension_days", QString::number(r.days));
    // The same with their unit (an extension counts in its clock's unit): 20个工作日, 60日.
    b.text("limit_text", days(limit, unit));
    b.text("extension_text", days(r.days, unit));
    // The cause in the clerk's words, without the clauses that repeat the legal phrase (不能在
    // 期限内作出决定, 经负责人批准延长 …): the letter says 因…，需延长办理期限 once (issue 15).
    QStringList causes;
    for (const QString& part : clause(r.reason).split(
             QRegularExpression(QStringLiteral("[，,；;。]")), Qt::SkipEmptyParts)) {
        static const QRegularExpression legal(
            QStringLiteral("批准|延长|延期|无法办结|不能办结|作出决定|期限内|时限内"));
        if (!legal.match(part).hasMatch())
            causes.append(causes.isEmpty() ? withoutNeed(part.trimmed()) : part.trimmed());
    }
    const QString reason =
        causes.isEmpty() ? QStringLiteral("办理需要") : causes.join(QStringLiteral("，"));
    b.text("extension_reason", reason);
    b.text("extension_requested_date", chineseDate(r.requestedOn));
    // 行政许可法 Art. 42: approved by the head of the office, never a login.
    b.text("extension_approver", QStringLiteral("本机关负责人"));
    b.text("extension_approved_date", chineseDate(b.request.source.date));
    b.text("original_deadline", original);
    b.text("new_deadline", b.deadline(kind));
    // 行政许可法 Art. 42: a 20-day limit may be extended by 10 days once; other limits follow
    // the item's own law. 政府信息公开条例 Art. 33: at most 20 working days. A promised limit is
    // the hall's own promise and cites no law.
    QString basis;
    if (!statutory)
        basis = QString();
    else if (b.disclosure())
        basis = QStringLiteral("《中华人民共和国政府信息公开条例》第三十三条");
    else if (b.licence() && limit == 20 && unit == core::DayUnit::WorkingDays)
        basis = QStringLiteral("《中华人民共和国行政许可法》第四十二条");
    else
        basis = itemBasis(b);
    b.text("extension_basis", basis);
    b.text("extension_statement",
           QStringLiteral("经本机关负责人于%1批准，%2%3延长%4。")
               .arg(chineseDate(b.request.source.date),
                    basis.isEmpty() ? QString() : QStringLiteral("根据%1的规定，").arg(basis),
                    statutory ? QStringLiteral("法定办理期限") : QStringLiteral("承诺办理期限"),
                    days(r.days, unit)));
    b.text("promised_missed",
           statutory && promisedBefore.isValid() && promisedBefore < b.request.source.date
               ? QStringLiteral("本件已超过承诺办结日期（%1）。").arg(chineseDate(promisedBefore))
               : QString());
}

void suspensionFields(FieldBuilder& b, const core::CaseState& before)
{
    const core::CaseState& s = b.at;
    const QJsonObject& p = b.source.payload;
    const QString kind = payloadText(p, "reasonKind");
    const QString kindName = core::suspensionReasonName(kind);
    b.text("accepted_date", s.timeline.accepted ? chineseDate(*s.timeline.accepted) : QString());
    b.text("suspension_kind", kindName);
    b.text("suspension_reason", withoutNeed(payloadText(p, "reason")));
    b.text("suspension_start", chineseDate(b.request.source.date));
    const QDate end = QDate::fromString(payloadText(p, "expectedEnd"), Qt::ISODate);
    b.text("suspension_expected_end",
           end.isValid() ? chineseDate(end) : QStringLiteral("视%1结果确定").arg(kindName));
    // 行政许可法 Art. 45 (hearing, tendering, auction, inspection, testing, quarantine,
    // appraisal, expert review not counted); 政府信息公开条例 Art. 32 (consulting third parties);
    // other items: their own basis.
    QString basis;
    if (core::fromKey(core::kSuspensionKinds, kind) == core::SuspensionKind::ThirdParty ||
        b.disclosure())
        basis = QStringLiteral("《中华人民共和国政府信息公开条例》第三十二条");
    else if (b.licence())
        basis = QStringLiteral("《中华人民共和国行政许可法》第四十五条");
    else
        basis = itemBasis(b);
    b.text("suspension_basis", basis);
    // The deadlines as they stood when the count stopped.
    QStringList stood;
    if (auto clocks = core::clocksOf(before, b.request.context, b.request.source.date))
        for (const core::CaseClock& c : *clocks) {
            if (c.kind == core::ClockKind::Promised)
                stood.append(QStringLiteral("承诺办结期限为%1").arg(markedDate(c.clock)));
            if (c.kind == core::ClockKind::Statutory)
                stood.append(QStringLiteral("法定办结期限为%1").arg(markedDate(c.clock)));
        }
    b.text("deadlines_before",
           stood.isEmpty()
               ? QString()
               : QStringLiteral("中止前，本件%1。").arg(stood.join(QStringLiteral("，"))));
}

} // namespace onewindow::documents::detail
