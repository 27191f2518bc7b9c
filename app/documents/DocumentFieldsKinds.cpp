// The fields of the hall's own documents and of acceptance and correction (domain.md,
// "Documents": each shows the fields listed there). Statutory wording cites its article; the
// decisions are in DocumentFieldsDecisions.cpp.
#include "core/CasePayloads.h"
#include "core/ClockText.h"
#include "core/DateText.h"
#include "core/EventText.h"
#include "core/Identifiers.h"
#include "core/ItemGuide.h"
#include "documents/DocumentFields.h"

namespace onewindow::documents::detail {

QString days(int n, core::DayUnit unit)
{
    if (n == 0)
        return QStringLiteral("当日");
    return unit == core::DayUnit::CalendarDays ? QStringLiteral("%1日").arg(n)
                                               : QStringLiteral("%1个工作日").arg(n);
}

QString payloadText(const QJsonObject& o, const char* key)
{
    return o.value(QLatin1String(key)).toString().trimmed();
}

QString deadlineOf(const QList<core::CaseClock>& clocks, core::ClockKind kind)
{
    for (const core::CaseClock& c : clocks)
        if (c.kind == kind)
            return markedDate(c.clock);
    return QString();
}

namespace {

using core::chineseDate;

QString orDash(const QString& s)
{
    return s.isEmpty() ? QStringLiteral("—") : s;
}

QString applicantLabel(const FieldBuilder& b)
{
    return b.fields.text.value(QStringLiteral("applicant_id_label"));
}

// The roll's lists: what was received (a defect with what is wrong), then what is missing, so a
// missing material is never listed as received (issue 15).
QString materialsList(const QList<core::MaterialCheck>& materials)
{
    QString received;
    QString missing;
    int n = 0;
    int m = 0;
    for (const core::MaterialCheck& c : materials) {
        if (c.state == core::MaterialState::NotApplicable)
            continue;
        if (c.state == core::MaterialState::Missing) {
            missing +=
                QStringLiteral("<p class=\"item\">%1. %2</p>").arg(++m).arg(c.name.toHtmlEscaped());
            continue;
        }
        QString state = core::materialStateName(c.state);
        if (c.state == core::MaterialState::Defective && !c.problem.isEmpty())
            state += QStringLiteral("：") + c.problem;
        received += QStringLiteral("<p class=\"item\">%1. %2　%3 份　%4</p>")
                        .arg(++n)
                        .arg(c.name.toHtmlEscaped())
                        .arg(c.copies)
                        .arg(state.toHtmlEscaped());
    }
    QString html = received;
    if (!missing.isEmpty())
        html += QStringLiteral("<p class=\"item\">未收到材料：</p>") + missing;
    return html;
}

QString staffAtWindow(FieldBuilder& b, const QString& actor, const QString& window)
{
    return QStringLiteral("%1（%2 窗口）").arg(b.staff(actor), window);
}

} // namespace

void receiptFields(FieldBuilder& b)
{
    const core::CaseState& s = b.at;
    QList<QStringList> rows;
    int received = 0;
    for (const core::MaterialCheck& m : s.materials) {
        const bool missing = m.state == core::MaterialState::Missing;
        received += missing || m.state == core::MaterialState::NotApplicable ? 0 : 1;
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
    // The count says what the table lists: every row, and how many of them were received.
    b.text("materials_count", QString::number(rows.size()));
    b.text("materials_received", QString::number(received));
    const QString due = b.deadline(core::ClockKind::Notice);
    b.text("notice_deadline", due);
    if (b.disclosure())
        b.text("notice_statement",
               QStringLiteral("本凭证仅证明已收到上述材料。申请内容不明确的，本中心将于%1一次性"
                              "告知需要补正的事项（《中华人民共和国政府信息公开条例》第三十条）。")
                   .arg(byDay(due)));
    else if (b.licence()) // 行政许可法 Art. 32: decide or notify within 5 days, else accepted
        b.text("notice_statement",
               QStringLiteral("本凭证仅证明已收到上述材料，不代表申请已被受理。将于%1作出是否"
                              "受理的决定，或者一次性告知需要补正的全部内容；逾期不告知的，自收到"
                              "申请材料之日起即为受理（《中华人民共和国行政许可法》第三十二条）。")
                   .arg(byDay(due)));
    else // the item's own basis: no licensing-law article for 行政确认, 公共服务 and the like
        b.text("notice_statement",
               QStringLiteral("本凭证仅证明已收到上述材料，不代表申请已被受理。将于%1作出是否"
                              "受理的决定，或者一次性告知需要补正的全部内容。")
                   .arg(byDay(due)));
    b.raw("facts_table",
          factsTable({{QStringLiteral("办件编号"), s.caseNumber},
                      {QStringLiteral("查询码"), s.queryCode},
                      {QStringLiteral("申请人"), s.applicant.name},
                      {applicantLabel(b), b.fields.text.value(QStringLiteral("applicant_id"))},
                      {QStringLiteral("联系电话"), core::maskPhone(s.applicant.phone)},
                      {QStringLiteral("申请方式"), core::channelName(s.channel)},
                      {QStringLiteral("收件日期"), chineseDate(s.timeline.received)},
                      {QStringLiteral("收件人"), staffAtWindow(b, s.receivedBy, s.windowCode)}}));
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
    // The applicant's choice recorded at intake (and where it is posted), not every method the
    // item offers; a case taken in before the choice was recorded keeps the item's list.
    QString delivery = s.delivery ? core::deliveryName(*s.delivery) : core::deliveryText(b.item);
    if (s.delivery == core::DeliveryOption::Post && !s.postalAddress.isEmpty())
        delivery += QStringLiteral("（邮寄地址：%1）").arg(s.postalAddress);
    b.text("delivery_method", delivery);
    b.text("fees", core::feeDueText(b.item)); // the fee due, not every line (issue 15)
    if (t.deemedAccepted && b.licence()) // 行政许可法 Art. 32: no notice within 5 days: accepted
        b.text(
            "acceptance_statement",
            QStringLiteral("本机关未在法定期限内告知需要补正的内容。根据《中华人民共和国行政"
                           "许可法》第三十二条的规定，该申请自收到申请材料之日（%1）起即为受理。")
                .arg(chineseDate(t.received)));
    else if (t.deemedAccepted)
        b.text("acceptance_statement",
               QStringLiteral("本机关未在规定期限内告知需要补正的内容，该申请自收到申请材料之日"
                              "（%1）起即为受理。")
                   .arg(chineseDate(t.received)));
    else if (b.disclosure()) // 政府信息公开条例 Art. 33
        b.text("acceptance_statement",
               QStringLiteral("本机关已于%1登记您的政府信息公开申请，将依照《中华人民共和国政府"
                              "信息公开条例》第三十三条的规定在法定期限内予以答复。")
                   .arg(accepted));
    else if (b.licence()) // 行政许可法 Art. 32 (5)
        b.text("acceptance_statement",
               QStringLiteral("经审查，申请材料齐全、符合法定形式。根据《中华人民共和国行政许可法》"
                              "第三十二条的规定，决定予以受理，受理日期为%1。")
                   .arg(accepted));
    else
        b.text("acceptance_statement",
               QStringLiteral("经审查，申请材料齐全、符合法定形式，决定予以受理，受理日期为%1。")
                   .arg(accepted));
    // A notice printed after a deadline it states says so instead of promising a past day.
    QStringList passed;
    const QDate asOf = std::max(b.request.source.date, b.request.printedOn);
    for (core::ClockKind k : {core::ClockKind::Promised, core::ClockKind::Statutory})
        if (const auto c = b.clock(k); c && c->deadline < asOf)
            passed.append(k == core::ClockKind::Promised ? QStringLiteral("承诺办结期限")
                                                         : QStringLiteral("法定办结期限"));
    b.text("overdue_note", passed.isEmpty()
                               ? QString()
                               : QStringLiteral("截至%1，本件已超过%2，本机关将尽快办结。")
                                     .arg(chineseDate(asOf), passed.join(QStringLiteral("和"))));
    QStringList deferred;
    QStringList committed;
    for (const core::MaterialCheck& m : s.materials) {
        if (m.state == core::MaterialState::Deferred)
            deferred.append(
                QStringLiteral("%1（请于%2补交）")
                    .arg(m.name, byDay(m.dueDate ? chineseDate(*m.dueDate) : QString())));
        if (m.state == core::MaterialState::Committed)
            committed.append(m.name);
    }
    // 容缺 materials are completed within the promise; a due day recorded after the promised
    // completion day (cases taken in before that rule) is said to hold up the result.
    const auto promised = b.clock(core::ClockKind::Promised);
    bool lateDue = false;
    for (const core::MaterialCheck& m : s.materials)
        if (m.state == core::MaterialState::Deferred && m.dueDate && promised &&
            *m.dueDate > promised->deadline)
            lateDue = true;
    QString block;
    if (!deferred.isEmpty())
        block += QStringLiteral("<p class=\"body\">容缺受理材料：%1。%2逾期未补交的，依照有关规定"
                                "处理。</p>")
                     .arg(deferred.join(QStringLiteral("；")).toHtmlEscaped(),
                          lateDue ? QStringLiteral("上述补交日期晚于承诺办结日期（%1），办理结果"
                                                   "在材料补齐后出具。")
                                        .arg(markedDate(promised))
                                        .toHtmlEscaped()
                                  : QString());
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
                      {QStringLiteral("联系电话"), core::maskPhone(s.applicant.phone)},
                      {QStringLiteral("承办部门"), b.item.office},
                      {QStringLiteral("收件日期"), chineseDate(t.received)},
                      {QStringLiteral("受理日期"), accepted},
                      {QStringLiteral("承诺办结日期"), b.deadline(core::ClockKind::Promised)},
                      {QStringLiteral("法定办结日期"), b.deadline(core::ClockKind::Statutory)},
                      {QStringLiteral("结果送达方式"), delivery},
                      {QStringLiteral("受理人"), staffAtWindow(b, s.receivedBy, s.windowCode)}}));
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
    if (b.disclosure()) { // 政府信息公开条例 Art. 30: unclear request; late: deemed abandoned
        b.text("notice_statement",
               QStringLiteral("经审查，%1的政府信息公开申请内容不明确。根据《中华人民共和国政府"
                              "信息公开条例》第三十条的规定，现一次性告知需要补正的事项如下：")
                   .arg(b.you()));
        b.text("lapse_statement",
               QStringLiteral("补正期限为%2，请于%1补正。答复期限自本机关收到补正的申请之日起计算；"
                              "无正当理由逾期不补正的，视为放弃申请（《中华人民共和国政府信息"
                              "公开条例》第三十条）。")
                   .arg(byDay(due), correctionPeriod));
    } else {
        // 行政许可法 Art. 32 (4): everything to be corrected, told at once.
        b.text("notice_statement",
               QStringLiteral("经审查，%1提交的申请材料不齐全或者不符合法定形式。%2现一次性告知"
                              "需要补正的全部内容如下：")
                   .arg(b.you(), b.licence() ? QStringLiteral("根据《中华人民共和国行政许可法》"
                                                              "第三十二条第一款第（四）项的规定，")
                                             : QString()));
        b.text("lapse_statement",
               QStringLiteral("补正期限为%2，请于%1按上述要求补正。补正后材料齐全、符合法定形式的，"
                              "本机关将予以受理；逾期未补正的，本机关不再受理本次申请，本申请终止"
                              "办理，已提交的材料可以领回，%3可以重新提出申请。")
                   .arg(byDay(due), correctionPeriod, b.you()));
    }
    // A second notice refers to the first; the supervisor's approval stays internal.
    QString repeat;
    if (s.notices.size() > 1)
        repeat = QStringLiteral("本机关已于%1出具一次性告知书。本告知只涉及按该告知补正后仍不符合"
                                "要求的材料。")
                     .arg(chineseDate(s.notices[s.notices.size() - 2].date));
    b.text("repeat_note", repeat);
    b.raw("signature_block", b.signatureLine(QStringLiteral("申请人"), false));
}

void readyFields(FieldBuilder& b)
{
    const core::CaseState& s = b.at;
    const bool granted =
        core::fromKey(core::kDecisionOutcomes, s.decisionOutcome) == core::DecisionOutcome::Granted;
    const QString decided = s.timeline.decided ? chineseDate(*s.timeline.decided) : QString();
    b.text("decided_date", decided);
    b.text("decision_outcome",
           core::nameOf(core::kDecisionOutcomes, granted ? core::DecisionOutcome::Granted
                                                         : core::DecisionOutcome::NotGranted));
    b.text("decision_statement", granted ? QStringLiteral("已于%1办结，准予办理").arg(decided)
                                         : QStringLiteral("已于%1作出不予办理的决定").arg(decided));
    b.text("decision_number", orDash(s.decisionNumber));
    b.text("ready_date", chineseDate(b.request.source.date));
    const QString collect = b.deadline(core::ClockKind::Delivery);
    b.text("delivery_deadline", collect);
    b.text("collect_statement",
           collect.isEmpty() ? QString() : QStringLiteral("请于%1领取。").arg(byDay(collect)));
    b.raw("facts_table",
          factsTable(
              {{QStringLiteral("办件编号"), s.caseNumber},
               {QStringLiteral("查询码"), s.queryCode},
               {QStringLiteral("申请人"), s.applicant.name},
               {applicantLabel(b), b.fields.text.value(QStringLiteral("applicant_id"))},
               {QStringLiteral("办结日期"), decided},
               {QStringLiteral("决定文书号"), orDash(s.decisionNumber)},
               {QStringLiteral("领取地点"), b.fields.text.value(QStringLiteral("where_to_submit"))},
               {QStringLiteral("领取期限"), orDash(byDay(collect))}}));
    b.raw("signature_block", b.signatureLine(QStringLiteral("领取人"), true));
}

void supervisionFields(FieldBuilder& b)
{
    const core::CaseState& s = b.at;
    const QJsonObject& p = b.source.payload;
    const QString clerk =
        payloadText(p, "toClerk").isEmpty() ? s.receivedBy : payloadText(p, "toClerk");
    const QDate due = QDate::fromString(payloadText(p, "dueDate"), Qt::ISODate);
    // The card and the days in brackets come from the same clock: the statutory one (the
    // promised one where the case has no statutory clock).
    auto card = b.clock(core::ClockKind::Statutory);
    if (!card)
        card = b.clock(core::ClockKind::Promised);
    const core::WarningLevel level = card ? card->status.level : core::WarningLevel::Normal;
    const QString supervisor = b.staff(b.source.actorId);
    const QString supervised = b.staff(clerk);
    b.text("supervision_date", chineseDate(b.request.source.date));
    b.text("supervisor", supervisor);
    b.text("supervised_clerk", supervised);
    b.text("supervised_window",
           payloadText(p, "toWindow").isEmpty() ? s.windowCode : payloadText(p, "toWindow"));
    b.text("supervision_note", clause(payloadText(p, "note")));
    b.text("supervision_due", due.isValid() ? byDay(chineseDate(due)) : QStringLiteral("—"));
    b.text("supervision_count", QString::number(s.supervisionOrders));
    b.text("accepted_date", s.timeline.accepted ? chineseDate(*s.timeline.accepted) : QString());
    b.text("promised_date", orDash(deadlineOf(b.clocks, core::ClockKind::Promised)));
    b.text("statutory_date", orDash(deadlineOf(b.clocks, core::ClockKind::Statutory)));
    b.text("warning_level", core::warningLevelName(level));
    b.text("case_status", core::caseStatusName(s.status));
    const QString clockName = b.clock(core::ClockKind::Statutory) ? QStringLiteral("法定时限")
                                                                  : QStringLiteral("承诺时限");
    // Worded as every screen words it (core/ClockText): never "剩余 0" beside a red card.
    const QString levelText = card ? QStringLiteral("%1（%2%3）")
                                         .arg(core::warningLevelName(level), clockName,
                                              core::clockStandingText(card->status, card->unit))
                                   : core::warningLevelName(level);
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
             {QStringLiteral("预警状态"), levelText},
             {QStringLiteral("承办人"),
              QStringLiteral("%1（%2 窗口）")
                  .arg(supervised, b.fields.text.value(QStringLiteral("supervised_window")))},
             {QStringLiteral("督办人"), supervisor}}));
    b.raw("signature_block", b.signatureLine(QStringLiteral("承办人"), false));
}

} // namespace onewindow::documents::detail
