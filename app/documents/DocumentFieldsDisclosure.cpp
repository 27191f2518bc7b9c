// The letters of a disclosure application: the reply (政府信息公开条例 Art. 36, one row per
// request, with the remedies), the letter asking a third party (Art. 32) and the processing fee's
// notice (国办函〔2020〕109号).
#include "core/DateText.h"
#include "core/DisclosureFee.h"
#include "documents/DocumentFields.h"
#include "documents/HallProfile.h"

namespace onewindow::documents::detail {

namespace {

// 政府信息公开条例 Art. 51 with 行政复议法 / 行政诉讼法: review within 60 days, suit within six
// months; the bodies named from hall.json.
void remedies(FieldBuilder& b, const QString& what)
{
    b.text("review_body", b.request.hall.reviewBody);
    b.text("court", b.request.hall.court);
    const HallProfile defaults = defaultHallProfile();
    if (b.request.hall.reviewBody == defaults.reviewBody || b.request.hall.court == defaults.court)
        b.fields.warnings.append(core::Error{
            QStringLiteral("hall.remedy_bodies"),
            QStringLiteral("大厅配置未写明行政复议机关（reviewBody）或人民法院（court），%1使用了"
                           "通用表述")
                .arg(what)});
}

} // namespace

void disclosureReplyFields(FieldBuilder& b)
{
    const core::CaseState& s = b.at;
    QList<QStringList> rows;
    int n = 0;
    for (const core::ReplyRow& row : s.replies)
        rows.append({QString::number(++n), row.request, core::nameOf(core::kReplyTypes, row.type),
                     core::replyText(row)});
    b.raw("reply_table", gridTable({QStringLiteral("序号"), QStringLiteral("申请内容"),
                                    QStringLiteral("答复类型"), QStringLiteral("答复意见")},
                                   rows, {8, 24, 14, 54}));
    b.text("reply_count", QString::number(s.replies.size()));
    // The roll's short list, where the applicant collects the letter in person.
    QStringList list;
    n = 0;
    for (const core::ReplyRow& row : s.replies)
        list.append(QStringLiteral("%1. %2：%3")
                        .arg(++n)
                        .arg(row.request, core::nameOf(core::kReplyTypes, row.type))
                        .toHtmlEscaped());
    b.raw("reply_list",
          QStringLiteral("<p class=\"item\">%1</p>").arg(list.join(QStringLiteral("<br/>"))));
    // Art. 32: how the third party's opinion was weighed.
    QString thirdParty;
    if (!s.thirdParty.isEmpty()) {
        const auto opinion = core::fromKey(core::kThirdPartyOpinions, s.thirdPartyOpinion);
        thirdParty =
            QStringLiteral("本机关依照《中华人民共和国政府信息公开条例》第三十二条的规定"
                           "书面征求了第三方意见（%1）。%2")
                .arg(opinion ? core::nameOf(core::kThirdPartyOpinions, *opinion)
                             : QStringLiteral("意见未登记"),
                     s.thirdPartyWeighed.isEmpty() ? QString()
                                                   : s.thirdPartyWeighed + QStringLiteral("。"));
    }
    b.text("third_party_note", thirdParty);
    b.text("fee_note",
           s.feePaid ? QStringLiteral("本件已收取信息处理费%1元。").arg(s.feeAmount) : QString());
    remedies(b, QStringLiteral("政府信息公开申请答复书"));
    // Collected in person (the 80 mm slip): whoever takes it signs with an ID number.
    b.raw("signature_block", b.request.format == PageFormat::Receipt80mm
                                 ? b.signatureLine(QStringLiteral("领取人"), true)
                                 : b.signatureLine(QStringLiteral("申请人"), false));
}

void thirdPartyLetterFields(FieldBuilder& b)
{
    const QJsonObject& p = b.source.payload;
    b.text("third_party", payloadText(p, "thirdParty"));
    b.text("consultation_reason", payloadText(p, "reason"));
    b.text("consultation_date", core::chineseDate(b.request.source.date));
    // Art. 32: 15 working days from the letter.
    b.text("opinion_due", b.deadline(core::ClockKind::ThirdPartyOpinion));
    b.text("opinion_days", days(core::kThirdPartyOpinionDays));
}

void feeNoticeFields(FieldBuilder& b)
{
    const core::CaseState& s = b.at;
    const auto basis = core::fromKey(core::kFeeBases, s.feeBasis);
    const bool byCount = basis == core::FeeBasis::ByCount;
    b.text("fee_basis",
           basis ? core::feeBasisText(*basis, s.feeUnits, s.feePrior, s.feeAmount) : QString());
    b.text("fee_article", byCount ? QStringLiteral("第四条") : QStringLiteral("第五条"));
    b.text("fee_standard",
           byCount ? QStringLiteral("同一申请人一个自然月内累计申请10件以下（含10件）的，不收费；"
                                    "11—30件（含30件）的部分，100元/件；31件以上的部分，以10件为"
                                    "一档，每增加一档，收费标准提高100元/件")
                   : QStringLiteral("30页以下（含30页）的，不收费；31—100页（含100页）的部分，"
                                    "10元/页；101—200页（含200页）的部分，20元/页；200页以上的部"
                                    "分，40元/页"));
    b.text("fee_amount", QString::number(s.feeAmount));
    b.text("fee_due", b.deadline(core::ClockKind::FeePayment));
    b.text("fee_days", days(s.timeline.feePaymentDays));
    remedies(b, QStringLiteral("信息处理费收费通知书"));
    b.raw("signature_block", b.signatureLine(QStringLiteral("申请人"), false));
}

} // namespace onewindow::documents::detail
