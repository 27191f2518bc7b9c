// The fields of each kind of document (domain.md, "Documents": each shows the fields listed
// there). Statutory wording cites its article.
#include "core/CasePayloads.h"
#include "core/ClockText.h"
#include "core/DateText.h"
#include "core/EventText.h"
#include "core/ItemGuide.h"
#include "documents/DocumentFields.h"

namespace onewindow::documents::detail {

namespace {

using core::chineseDate;

QString text(const QJsonObject& o, const char* key)
{
    return o.value(QLatin1String(key)).toString().trimmed();
}

// A limit as printed, in its unit: 当日, 20个工作日, 60日.
QString days(int n, core::DayUnit unit = core::DayUnit::WorkingDays)
{
    if (n == 0)
        return QStringLiteral("当日");
    return unit == core::DayUnit::CalendarDays ? QStringLiteral("%1日").arg(n)
                                               : QStringLiteral("%1个工作日").arg(n);
}

QString orDash(const QString& s)
{
    return s.isEmpty() ? QStringLiteral("—") : s;
}

QString applicantLabel(const FieldBuilder& b)
{
    return b.fields.text.value(QStringLiteral("applicant_id_label"));
}

QString materialsList(const QList<core::MaterialCheck>& materials)
{
    QString html;
    int n = 0;
    for (const core::MaterialCheck& m : materials)
        html += QStringLiteral("<p class=\"item\">%1. %2　%3 份　%4</p>")
                    .arg(++n)
                    .arg(m.name.toHtmlEscaped())
                    .arg(m.state == core::MaterialState::Missing ? 0 : m.copies)
                    .arg(core::materialStateName(m.state));
    return html;
}

} // namespace

void receiptFields(FieldBuilder& b)
{
    const core::CaseState& s = b.at;
    QList<QStringList> rows;
    int received = 0;
    for (const core::MaterialCheck& m : s.materials) {
        const bool missing = m.state == core::MaterialState::Missing;
        received += missing ? 0 : 1;
        QString state = core::materialStateName(m.state);
        if (m.state == core::MaterialState::Defective && !m.problem.isEmpty())
            state += QStringLiteral("：") + m.problem;
        rows.append({QString::number(rows.size() + 1), m.name,
                     missing ? QStringLiteral("—") : QString::number(m.copies), state});
    }
    b.raw("materials_table", gridTable({QStringLiteral("序号"), QStringLiteral("材料名称"),
                                        QStringLiteral("份数"), QStringLiteral("收取情况")},
                                       rows, {8, 52, 10, 30}));
    b.raw("materials_list", materialsList(s.materials));
    b.text("materials_count", QString::number(received));
    const QString due = b.deadline(core::ClockKind::Notice);
    b.text("notice_deadline", due);
    b.text(
        "notice_statement",
        b.disclosure()
            ? QStringLiteral("本凭证仅证明已收到上述材料。申请内容不明确的，本中心将于%1前一次性"
                             "告知需要补正的事项（《中华人民共和国政府信息公开条例》第三十条）。")
                  .arg(due)
            : QStringLiteral("本凭证仅证明已收到上述材料，不代表申请已被受理。本中心将于%1前"
                             "作出是否受理的决定，或者一次性告知需要补正的全部内容；逾期不告知"
                             "的，自收到申请材料之日起即为受理（《中华人民共和国行政许可法》"
                             "第三十二条）。")
                  .arg(due));
    b.raw("facts_table",
          factsTable({{QStringLiteral("办件编号"), s.caseNumber},
                      {QStringLiteral("查询码"), s.queryCode},
                      {QStringLiteral("申请人"), s.applicant.name},
                      {applicantLabel(b), b.fields.text.value(QStringLiteral("applicant_id"))},
                      {QStringLiteral("联系电话"), s.applicant.phone},
                      {QStringLiteral("申请方式"), core::channelName(s.channel)},
                      {QStringLiteral("收件日期"), chineseDate(s.timeline.received)},
                      {QStringLiteral("收件人"),
                       QStringLiteral("%1（%2 窗口）").arg(b.staff(s.receivedBy), s.windowCode)}}));
}

void acceptanceFields(FieldBuilder& b)
{
    const core::CaseState& s = b.at;
    const core::CaseTimeline& t = s.timeline;
    const QString accepted = t.accepted ? chineseDate(*t.accepted) : QString();
    b.text("accepted_date", accepted);
    b.text("legal_basis", b.item.legalBasis);
    b.text("promised_date", b.deadline(core::ClockKind::Promised));
    b.text("promised_days", days(t.promisedDays, t.promisedUnit));
    b.text("statutory_date", b.deadline(core::ClockKind::Statutory));
    b.text("statutory_days", days(t.statutoryDays, t.statutoryUnit));
    b.text("delivery_method", core::deliveryText(b.item));
    b.text("fees", core::feesText(b.item));
    if (t.deemedAccepted) // 行政许可法 Art. 32: no notice within 5 days counts as accepted
        b.text("acceptance_statement",
               QStringLiteral("本中心未在法定期限内告知需要补正的内容。根据%1第三十二条的规定，"
                              "该申请自收到申请材料之日（%2）起即为受理。")
                   .arg(b.legalName(), chineseDate(t.received)));
    else if (b.disclosure()) // 政府信息公开条例 Art. 33
        b.text("acceptance_statement",
               QStringLiteral("本机关已于%1登记您的政府信息公开申请，将依照《中华人民共和国政府"
                              "信息公开条例》第三十三条的规定在法定期限内予以答复。")
                   .arg(accepted));
    else
        b.text("acceptance_statement",
               QStringLiteral("经审查，申请材料齐全、符合法定形式。根据《中华人民共和国行政许可法》"
                              "第三十二条的规定，决定予以受理，受理日期为%1。")
                   .arg(accepted));
    QStringList deferred;
    QStringList committed;
    for (const core::MaterialCheck& m : s.materials) {
        if (m.state == core::MaterialState::Deferred)
            deferred.append(QStringLiteral("%1（请于%2前补交）")
                                .arg(m.name, m.dueDate ? chineseDate(*m.dueDate) : QString()));
        if (m.state == core::MaterialState::Committed)
            committed.append(m.name);
    }
    QString block;
    if (!deferred.isEmpty())
        block += QStringLiteral("<p class=\"body\">容缺受理材料：%1。逾期未补交的，依照有关规定"
                                "处理。</p>")
                     .arg(deferred.join(QStringLiteral("；")).toHtmlEscaped());
    if (!committed.isEmpty())
        block += QStringLiteral("<p class=\"body\">以告知承诺代替的材料：%1。申请人应当履行书面"
                                "承诺，承诺不实的依法承担相应责任。</p>")
                     .arg(committed.join(QStringLiteral("、")).toHtmlEscaped());
    b.raw("deferred_block", block);
    b.raw("facts_table",
          factsTable({{QStringLiteral("办件编号"), s.caseNumber},
                      {QStringLiteral("查询码"), s.queryCode},
                      {QStringLiteral("申请人"), s.applicant.name},
                      {applicantLabel(b), b.fields.text.value(QStringLiteral("applicant_id"))},
                      {QStringLiteral("联系电话"), s.applicant.phone},
                      {QStringLiteral("承办部门"), b.item.office},
                      {QStringLiteral("收件日期"), chineseDate(t.received)},
                      {QStringLiteral("受理日期"), accepted},
                      {QStringLiteral("承诺办结日期"), b.deadline(core::ClockKind::Promised)},
                      {QStringLiteral("法定办结日期"), b.deadline(core::ClockKind::Statutory)},
                      {QStringLiteral("结果送达方式"), core::deliveryText(b.item)},
                      {QStringLiteral("受理人"),
                       QStringLiteral("%1（%2 窗口）").arg(b.staff(s.receivedBy), s.windowCode)}}));
    b.raw("signature_block", b.signatureLine(QStringLiteral("申请人"), false));
}

void noticeFields(FieldBuilder& b)
{
    const core::CaseState& s = b.at;
    const core::NoticeRecord& n = s.notices.last();
    QList<QStringList> rows;
    QString list;
    for (const core::Correction& c : n.corrections) {
        rows.append({QString::number(rows.size() + 1), c.materialName, c.problem, c.requirement});
        list += QStringLiteral("<p class=\"item\">%1. %2：%3。补正要求：%4</p>")
                    .arg(rows.size())
                    .arg(c.materialName.toHtmlEscaped(), c.problem.toHtmlEscaped(),
                         c.requirement.toHtmlEscaped());
    }
    b.raw("corrections_table",
          gridTable({QStringLiteral("序号"), QStringLiteral("材料名称"), QStringLiteral("存在问题"),
                     QStringLiteral("补正要求（应达到的标准）")},
                    rows, {8, 28, 26, 38}));
    b.raw("corrections_list", list);
    b.text("corrections_count", QString::number(n.corrections.size()));
    b.text("notice_date", chineseDate(n.date));
    b.text("served_on", chineseDate(n.date));
    b.text("correction_days", QString::number(n.correctionDays));
    const QString correctionPeriod = days(n.correctionDays, s.timeline.correctionUnit);
    const QString due = b.deadline(core::ClockKind::Correction);
    b.text("correction_deadline", due);
    if (b.disclosure()) { // 政府信息公开条例 Art. 30
        b.text("notice_statement",
               QStringLiteral("经审查，您的政府信息公开申请内容不明确。根据《中华人民共和国政府"
                              "信息公开条例》第三十条的规定，现一次性告知需要补正的事项如下："));
        b.text("lapse_statement",
               QStringLiteral("请于%1前（%2内）补正。答复期限自本机关收到补正的申请之日"
                              "起计算；无正当理由逾期不补正的，视为放弃申请。")
                   .arg(due, correctionPeriod));
    } else { // 行政许可法 Art. 32 (4)
        b.text("notice_statement",
               QStringLiteral("经审查，您（单位）提交的申请材料不齐全或者不符合法定形式。根据"
                              "《中华人民共和国行政许可法》第三十二条的规定，现一次性告知需要补正"
                              "的全部内容如下："));
        b.text("lapse_statement",
               QStringLiteral("请于%1前（%2内）按上述要求补正。补正后材料齐全、符合"
                              "法定形式的，本中心将予以受理；逾期未补正的，本申请按未补正终止"
                              "办理。")
                   .arg(due, correctionPeriod));
    }
    b.text("repeat_note",
           n.repeat ? QStringLiteral("本告知为再次告知，只涉及补正后仍不符合要求的材料（经%1同意，"
                                     "理由：%2）。")
                          .arg(b.staff(n.approvedBy), n.repeatReason)
                    : QString());
    b.raw("signature_block", b.signatureLine(QStringLiteral("申请人"), false));
}

void refusalFields(FieldBuilder& b)
{
    const QJsonObject& p = b.source.payload;
    const QString kind = text(p, "reasonKind");
    b.text("refused_date", chineseDate(b.request.source.date));
    b.text("refusal_reason_kind", core::refusalReasonName(kind));
    b.text("refusal_reason", text(p, "reason"));
    // 行政许可法 Art. 32 (1) no licence needed, (2) not within this office's competence.
    QString article = QStringLiteral("第三十二条");
    const std::optional<core::RefusalKind> refusal = core::fromKey(core::kRefusalKinds, kind);
    if (refusal == core::RefusalKind::NoLicenceNeeded)
        article += QStringLiteral("第一款第（一）项");
    else if (refusal == core::RefusalKind::NotCompetent)
        article += QStringLiteral("第一款第（二）项");
    b.text("refusal_basis", QStringLiteral("《中华人民共和国行政许可法》") + article);
    const QString office = text(p, "competentOffice");
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
    if (auto clocks = core::clocksOf(before, b.request.context, b.request.source.date))
        for (const core::CaseClock& c : *clocks)
            if (c.kind == kind)
                original = chineseDate(c.clock.deadline);
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
    b.text("extension_reason", r.reason);
    b.text("extension_requested_date", chineseDate(r.requestedOn));
    b.text("extension_approver", b.staff(r.decidedBy));
    b.text("extension_approved_date", chineseDate(b.request.source.date));
    b.text("original_deadline", original);
    b.text("new_deadline", b.deadline(kind));
    // 行政许可法 Art. 42: +10 days once with the head's approval, the reason told to the applicant;
    // 政府信息公开条例 Art. 33: at most 20 working days.
    b.text("extension_basis", b.disclosure()
                                  ? QStringLiteral("《中华人民共和国政府信息公开条例》第三十三条")
                                  : QStringLiteral("《中华人民共和国行政许可法》第四十二条"));
}

void suspensionFields(FieldBuilder& b)
{
    const core::CaseState& s = b.at;
    const QJsonObject& p = b.source.payload;
    const QString kind = text(p, "reasonKind");
    const QString kindName = core::suspensionReasonName(kind);
    b.text("accepted_date", s.timeline.accepted ? chineseDate(*s.timeline.accepted) : QString());
    b.text("suspension_kind", kindName);
    b.text("suspension_reason", text(p, "reason"));
    b.text("suspension_start", chineseDate(b.request.source.date));
    const QDate end = QDate::fromString(text(p, "expectedEnd"), Qt::ISODate);
    b.text("suspension_expected_end",
           end.isValid() ? chineseDate(end) : QStringLiteral("视%1结果确定").arg(kindName));
    // 行政许可法 Art. 45; 政府信息公开条例 Art. 32 (consulting third parties).
    b.text("suspension_basis",
           core::fromKey(core::kSuspensionKinds, kind) == core::SuspensionKind::ThirdParty ||
                   b.disclosure()
               ? QStringLiteral("《中华人民共和国政府信息公开条例》第三十二条")
               : QStringLiteral("《中华人民共和国行政许可法》第四十五条"));
}

void readyFields(FieldBuilder& b)
{
    const core::CaseState& s = b.at;
    const bool granted =
        core::fromKey(core::kDecisionOutcomes, s.decisionOutcome) == core::DecisionOutcome::Granted;
    b.text("decided_date", s.timeline.decided ? chineseDate(*s.timeline.decided) : QString());
    b.text("decision_outcome",
           core::nameOf(core::kDecisionOutcomes, granted ? core::DecisionOutcome::Granted
                                                         : core::DecisionOutcome::NotGranted));
    b.text("decision_number", orDash(s.decisionNumber));
    b.text("ready_date", chineseDate(b.request.source.date));
    b.text("delivery_deadline", b.deadline(core::ClockKind::Delivery));
    b.raw("facts_table",
          factsTable(
              {{QStringLiteral("办件编号"), s.caseNumber},
               {QStringLiteral("查询码"), s.queryCode},
               {QStringLiteral("申请人"), s.applicant.name},
               {applicantLabel(b), b.fields.text.value(QStringLiteral("applicant_id"))},
               {QStringLiteral("办结日期"),
                s.timeline.decided ? chineseDate(*s.timeline.decided) : QString()},
               {QStringLiteral("决定文书号"), orDash(s.decisionNumber)},
               {QStringLiteral("领取地点"), b.fields.text.value(QStringLiteral("where_to_submit"))},
               {QStringLiteral("办公时间"), b.fields.text.value(QStringLiteral("office_hours"))}}));
    b.raw("signature_block", b.signatureLine(QStringLiteral("领取人"), true));
}

void supervisionFields(FieldBuilder& b)
{
    const core::CaseState& s = b.at;
    const QJsonObject& p = b.source.payload;
    const QString clerk = text(p, "toClerk").isEmpty() ? s.receivedBy : text(p, "toClerk");
    const QDate due = QDate::fromString(text(p, "dueDate"), Qt::ISODate);
    core::WarningLevel worst = core::WarningLevel::Normal;
    QString statutoryStanding = QStringLiteral("—");
    for (core::ClockKind k : {core::ClockKind::Promised, core::ClockKind::Statutory}) {
        if (const auto c = b.clock(k)) {
            if (static_cast<int>(c->status.level) > static_cast<int>(worst))
                worst = c->status.level;
            if (k == core::ClockKind::Statutory) // as every screen words it (core/ClockText)
                statutoryStanding = core::clockStandingText(c->status, c->unit);
        }
    }
    b.text("supervision_date", chineseDate(b.request.source.date));
    b.text("supervisor", b.staff(b.source.actorId));
    b.text("supervised_clerk", b.staff(clerk));
    b.text("supervised_window", text(p, "toWindow").isEmpty() ? s.windowCode : text(p, "toWindow"));
    b.text("supervision_note", text(p, "note"));
    b.text("supervision_due", due.isValid() ? chineseDate(due) : QStringLiteral("—"));
    b.text("supervision_count", QString::number(s.supervisionOrders));
    b.text("accepted_date", s.timeline.accepted ? chineseDate(*s.timeline.accepted) : QString());
    b.text("promised_date", orDash(b.deadline(core::ClockKind::Promised)));
    b.text("statutory_date", orDash(b.deadline(core::ClockKind::Statutory)));
    b.text("warning_level", core::warningLevelName(worst));
    b.text("case_status", core::caseStatusName(s.status));
    b.raw(
        "facts_table",
        factsTable(
            {{QStringLiteral("办件编号"), s.caseNumber},
             {QStringLiteral("事项名称"), b.item.name},
             {QStringLiteral("申请人"), s.applicant.name},
             {QStringLiteral("办件状态"), core::caseStatusName(s.status)},
             {QStringLiteral("受理日期"), b.fields.text.value(QStringLiteral("accepted_date"))},
             {QStringLiteral("承诺办结日期"), b.fields.text.value(QStringLiteral("promised_date"))},
             {QStringLiteral("法定办结日期"),
              b.fields.text.value(QStringLiteral("statutory_date"))},
             {QStringLiteral("预警状态"),
              QStringLiteral("%1（法定时限%2）")
                  .arg(core::warningLevelName(worst), statutoryStanding)},
             {QStringLiteral("承办人"),
              QStringLiteral("%1（%2 窗口）")
                  .arg(b.staff(clerk), b.fields.text.value(QStringLiteral("supervised_window")))},
             {QStringLiteral("督办人"), b.staff(b.source.actorId)}}));
    b.raw("signature_block", b.signatureLine(QStringLiteral("承办人"), false));
}

} // namespace onewindow::documents::detail
