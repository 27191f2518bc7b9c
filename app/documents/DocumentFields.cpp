#include "documents/DocumentFields.h"

#include "core/DateText.h"
#include "core/Identifiers.h"
#include "documents/QrCode.h"

#include <QStringList>

#include <QSet>

namespace onewindow::documents {

namespace detail {

void FieldBuilder::text(const char* key, const QString& value)
{
    fields.text.insert(QString::fromLatin1(key), value);
}

void FieldBuilder::raw(const char* key, const QString& html)
{
    fields.raw.insert(QString::fromLatin1(key), html);
}

QString FieldBuilder::staff(const QString& actorId)
{
    const QString name = request.staffNames.value(actorId).trimmed();
    if (!name.isEmpty())
        return name;
    const core::Error w{QStringLiteral("document.staff_unnamed"),
                        QStringLiteral("工作人员 %1 没有登记姓名，文书上以“（姓名未登记）”代替；"
                                       "请管理员在用户管理中填写其姓名后补打")
                            .arg(actorId)};
    for (const core::Error& known : fields.warnings)
        if (known.code == w.code && known.message == w.message)
            return QStringLiteral("（姓名未登记）");
    fields.warnings.append(w);
    return QStringLiteral("（姓名未登记）");
}

std::optional<core::ClockResult> FieldBuilder::clock(core::ClockKind kind) const
{
    for (const core::CaseClock& c : clocks)
        if (c.kind == kind)
            return c.clock;
    return std::nullopt;
}

QString FieldBuilder::deadline(core::ClockKind kind) const
{
    const auto c = clock(kind);
    return c ? core::chineseDate(c->deadline) : QString();
}

bool FieldBuilder::provisional() const
{
    for (const core::CaseClock& c : clocks)
        if (c.clock.provisional)
            return true;
    return false;
}

bool FieldBuilder::disclosure() const
{
    return item.profile == core::ProcedureProfile::Disclosure;
}

bool FieldBuilder::licence() const
{
    return !disclosure() && item.kind == core::ItemKind::Licence;
}

QString FieldBuilder::you() const
{
    return at.applicant.organisation ? QStringLiteral("贵单位") : QStringLiteral("您");
}

bool FieldBuilder::byDepartment() const
{
    return core::issuedByOffice(request.kind) && !item.office.trimmed().isEmpty();
}

QString FieldBuilder::body() const
{
    return byDepartment() ? QStringLiteral("本机关") : QStringLiteral("本中心");
}

QString FieldBuilder::issuer() const
{
    return byDepartment() ? item.office.trimmed() : request.hall.name;
}

QString FieldBuilder::legalName() const
{
    return disclosure() ? QStringLiteral("《中华人民共和国政府信息公开条例》")
                        : QStringLiteral("《中华人民共和国行政许可法》");
}

QString FieldBuilder::signatureLine(const QString& who, bool idLine) const
{
    const QString blank = QStringLiteral("__________");
    // An organisation signs by its seal and the person who comes for it.
    const QString sign = at.applicant.organisation && who == QStringLiteral("申请人")
                             ? QStringLiteral("申请人（盖章）：%1　　经办人").arg(blank)
                             : who;
    if (request.format == PageFormat::Receipt80mm)
        return QStringLiteral("<p class=\"sign\">%1（签名）：%2<br/>%3日期：____年__月__日</p>")
            .arg(sign.toHtmlEscaped(), blank,
                 idLine ? QStringLiteral("证件号码：%1<br/>").arg(blank + blank) : QString());
    return QStringLiteral("<p class=\"sign\">%1（签名）：%2　　%3日期：______年____月____日</p>")
        .arg(sign.toHtmlEscaped(), blank,
             idLine ? QStringLiteral("证件号码：%1　　").arg(blank + blank) : QString());
}

QString byDay(const QString& date)
{
    return date.isEmpty() ? QString() : date + QStringLiteral("之前（含当日）");
}

QString markedDate(const std::optional<core::ClockResult>& clock)
{
    if (!clock)
        return QString();
    return core::chineseDate(clock->deadline) +
           (clock->provisional ? QStringLiteral("（按临时日历计算）") : QString());
}

QString clause(const QString& typed)
{
    QString out = typed.trimmed();
    while (!out.isEmpty() && QStringLiteral("。；，、.;,").contains(out.back()))
        out.chop(1);
    return out;
}

QString gridTable(const QStringList& header, const QList<QStringList>& rows,
                  const QList<int>& widthsPercent)
{
    QString html = QStringLiteral(
        "<table class=\"grid\" width=\"100%\" border=\"1\" cellspacing=\"0\" cellpadding=\"5\">"
        "<tr>");
    for (int i = 0; i < header.size(); ++i)
        html += QStringLiteral("<th%1>%2</th>")
                    .arg(i < widthsPercent.size() && widthsPercent[i] > 0
                             ? QStringLiteral(" width=\"%1%\"").arg(widthsPercent[i])
                             : QString(),
                         header[i].toHtmlEscaped());
    html += QStringLiteral("</tr>");
    for (const QStringList& row : rows) {
        html += QStringLiteral("<tr>");
        for (int i = 0; i < row.size(); ++i)
            html += QStringLiteral("<td%1>%2</td>")
                        .arg(i == 0 ? QStringLiteral(" align=\"center\"") : QString(),
                             row[i].toHtmlEscaped());
        html += QStringLiteral("</tr>");
    }
    return html + QStringLiteral("</table>");
}

QString factsTable(const QList<std::pair<QString, QString>>& facts)
{
    QString html = QStringLiteral("<table class=\"facts\" width=\"100%\" border=\"1\" "
                                  "cellspacing=\"0\" cellpadding=\"5\">");
    for (int i = 0; i < facts.size(); i += 2) {
        html += QStringLiteral("<tr>");
        for (int j = i; j < i + 2; ++j) {
            if (j < facts.size())
                html += QStringLiteral("<td class=\"label\" width=\"18%\">%1</td>"
                                       "<td width=\"32%\">%2</td>")
                            .arg(facts[j].first.toHtmlEscaped(), facts[j].second.toHtmlEscaped());
            else
                html += QStringLiteral("<td class=\"label\" width=\"18%\"></td>"
                                       "<td width=\"32%\"></td>");
        }
        html += QStringLiteral("</tr>");
    }
    return html + QStringLiteral("</table>");
}

} // namespace detail

namespace {

using detail::FieldBuilder;

// Where to query, as text beside the QR code: the status page's address when the hall has one
// (the QR code holds the same address), else the hall's query phone; a code that a phone shows
// as plain text is never offered as "扫描…查询" (issue 15).
QString whereToQuery(const DocumentRequest& r, const core::CaseState& s)
{
    const QString url = queryAddress(r.hall, s.caseNumber, s.queryCode);
    if (!url.isEmpty())
        return QStringLiteral("扫描二维码或访问 %1 查询办理进度。").arg(url);
    const QString phone = r.hall.queryPhone.isEmpty() ? r.hall.phone : r.hall.queryPhone;
    if (!phone.isEmpty())
        return QStringLiteral("凭办件编号和查询码拨打 %1 或到窗口查询办理进度。").arg(phone);
    return QStringLiteral("凭办件编号和查询码到窗口查询办理进度。");
}

QString qrBlock(const DocumentRequest& r, const core::CaseState& s)
{
    const QString where = whereToQuery(r, s).toHtmlEscaped();
    if (r.format == PageFormat::Receipt80mm)
        return QStringLiteral("<p align=\"center\" class=\"qr\"><img src=\"onewindow:qr\" "
                              "width=\"120\" height=\"120\"/></p>"
                              "<p align=\"center\" class=\"note\">%1</p>")
            .arg(where);
    return QStringLiteral(
               "<table class=\"qr\" width=\"100%\" cellspacing=\"0\" cellpadding=\"0\"><tr>"
               "<td valign=\"middle\"><p class=\"note\">办件编号：%1<br/>查询码：%2<br/>"
               "%3</p></td>"
               "<td width=\"110\" align=\"right\"><img src=\"onewindow:qr\" width=\"100\" "
               "height=\"100\"/></td></tr></table>")
        .arg(s.caseNumber.toHtmlEscaped(), s.queryCode.toHtmlEscaped(), where);
}

// To whom: the applicant, and for an organisation its legal representative and agent as
// recorded at intake (a person's agent too).
QString addresseeBlock(const core::Applicant& a)
{
    QString html = QStringLiteral("<p class=\"to\">%1：</p>").arg(a.name.toHtmlEscaped());
    QStringList lines;
    if (a.organisation && !a.legalRepresentative.trimmed().isEmpty())
        lines.append(QStringLiteral("法定代表人：%1").arg(a.legalRepresentative.trimmed()));
    if (!a.agentName.trimmed().isEmpty())
        lines.append(QStringLiteral("委托代理人：%1").arg(a.agentName.trimmed()));
    if (!lines.isEmpty())
        html += QStringLiteral("<p class=\"note\">%1</p>")
                    .arg(lines.join(QStringLiteral("\n"))
                             .toHtmlEscaped()
                             .replace(QLatin1Char('\n'), QStringLiteral("<br/>")));
    return html;
}

// The issuer and the date at the lower right; the seal is painted over the text marked
// <a name="seal"> (Document.cpp).
QString issuerBlock(const QString& issuer, const QDate& date, const QString& onBehalf)
{
    const QString note =
        onBehalf.isEmpty()
            ? QString()
            : QStringLiteral("<p class=\"note\" align=\"right\">（%1代为受理、送达）</p>")
                  .arg(onBehalf.toHtmlEscaped());
    return note +
           QStringLiteral("<p class=\"issuer\" align=\"right\"><a name=\"seal\">%1</a><br/>%2</p>")
               .arg(issuer.toHtmlEscaped(), core::chineseDate(date).toHtmlEscaped());
}

// The seal over the issuer's name is that body's own (issue 15): the hall's over the hall, the
// office's (hall.json `departments`) over the office, never another body's. An office without
// its seal or 机关代字 configured is told plainly; its letter bears its name and the hall's number.
void officeSealAndNumber(FieldBuilder& b)
{
    const DocumentRequest& r = b.request;
    if (!b.byDepartment()) {
        b.fields.sealImage = r.hall.sealImage;
        return;
    }
    const OfficeProfile office = r.hall.departments.value(b.issuer());
    b.fields.sealImage = office.sealImage;
    const QString kind = core::documentKindName(r.kind);
    if (office.sealImage.isEmpty() && r.format == PageFormat::A4)
        b.fields.warnings.append(core::Error{
            QStringLiteral("hall.office_seal_missing"),
            QStringLiteral("大厅配置未设置%1的印章图片（departments），%2只印该机关名称、不加盖"
                           "印章图片，请加盖%1印章")
                .arg(b.issuer(), kind)});
    if (office.docPrefix.isEmpty() && !r.number.isEmpty() && !r.number.contains(QChar(0x3014)))
        b.fields.warnings.append(core::Error{
            QStringLiteral("hall.doc_prefix_missing"),
            QStringLiteral("大厅配置未设置%1的机关代字（departments 的 docPrefix），%2使用大厅"
                           "文书编号 %3，不是文号")
                .arg(b.issuer(), kind, r.number)});
}

void commonFields(FieldBuilder& b)
{
    const DocumentRequest& r = b.request;
    const core::CaseState& s = b.at;
    const core::Applicant& a = s.applicant;
    const HallProfile& hall = r.hall;
    b.text("document_number", r.number.isEmpty() ? QStringLiteral("样稿（未编号）") : r.number);
    b.text("reprint_mark", r.reprint ? QStringLiteral("（补打）") : QString());
    b.text("reprint_note", r.reprint ? QStringLiteral("本文书系补打，文书编号不变。补打日期：%1。")
                                           .arg(core::chineseDate(r.printedOn))
                                     : QString());
    b.text("hall_name", hall.name);
    b.text("hall_address", hall.address);
    b.text("hall_phone", hall.phone);
    b.text("document_date", core::chineseDate(r.source.date));
    b.text("case_number", s.caseNumber);
    b.text("query_code", s.queryCode);
    b.text("applicant_name", a.name);
    b.text("applicant_id_label",
           a.organisation ? QStringLiteral("统一社会信用代码") : QStringLiteral("身份证号码"));
    // Printed documents show a citizen ID as its first 6 and last 4 characters (domain.md).
    b.text("applicant_id", a.organisation ? a.uscc : core::maskIdNumber(a.idNumber));
    // The phone is masked like the ID (issue 15).
    b.text("applicant_phone", core::maskPhone(a.phone));
    b.text("you", b.you());
    b.text("issuer", b.issuer());
    b.text("body", b.body());
    b.raw("addressee_block", addresseeBlock(a));
    b.text("legal_representative", a.legalRepresentative);
    b.text("applicant_agent", a.agentName.isEmpty()
                                  ? QString()
                                  : QStringLiteral("委托代理人：%1（身份证号码 %2）")
                                        .arg(a.agentName, core::maskIdNumber(a.agentIdNumber)));
    b.text("item_name", b.item.name);
    b.text("item_code", b.item.code);
    b.text("office", b.item.office);
    b.text("department", b.item.department);
    b.text("window_phone", b.item.phone.isEmpty() ? hall.phone : b.item.phone);
    b.text("office_hours", b.item.hours.isEmpty() ? hall.hours : b.item.hours);
    b.text("where_to_submit", b.item.whereToApply.isEmpty() ? hall.address : b.item.whereToApply);
    b.text("clerk", b.staff(s.receivedBy));
    b.text("window", s.windowCode);
    b.text("received_date", core::chineseDate(s.timeline.received));
    b.text("channel", core::channelName(s.channel));
    b.text("deadline_note", b.provisional()
                                ? QStringLiteral("（以上日期按临时日历计算，国务院公布放假安排后"
                                                 "如有变动，以书面通知为准。）")
                                : QString());
    b.raw("signature_block", QString());
    b.raw("facts_table", QString());
    // The third party's letter carries no QR code: the applicant's query code is not theirs.
    const bool internal =
        r.kind == core::DocumentKind::Supervision || r.kind == core::DocumentKind::ThirdPartyLetter;
    b.raw("qr_block", internal ? QString() : qrBlock(r, s));
    // The issuer is the body that decides (the item's office) for decisions, the hall for its
    // receipts and internal orders; where the hall receives on the office's behalf it says so.
    b.raw("issuer_block",
          issuerBlock(b.issuer(), r.source.date,
                      b.byDepartment() && hall.receivesOnBehalf && b.issuer() != hall.name
                          ? hall.name
                          : QString()));
    if (!internal)
        b.fields.qrPayload = qrPayloadFor(hall, s.caseNumber, s.queryCode);
    officeSealAndNumber(b);
}

QString titleOf(core::DocumentKind kind, PageFormat format)
{
    if (format == PageFormat::Receipt80mm && kind == core::DocumentKind::Acceptance)
        return QStringLiteral("受理回执");
    if (format == PageFormat::Receipt80mm && kind == core::DocumentKind::Ready)
        return QStringLiteral("领取签收单");
    if (format == PageFormat::Receipt80mm && kind == core::DocumentKind::DisclosureReply)
        return QStringLiteral("答复书领取签收单");
    return core::documentKindName(kind);
}

} // namespace

QSet<QString> DocumentFields::keys() const
{
    QSet<QString> out;
    for (auto it = text.begin(); it != text.end(); ++it)
        out.insert(it.key());
    for (auto it = raw.begin(); it != raw.end(); ++it)
        out.insert(it.key());
    return out;
}

core::Result<DocumentFields> documentFields(const DocumentRequest& r)
{
    if (core::isMatterLetter(r.kind))
        return core::Error{QStringLiteral("document.matter_letter"),
                           QStringLiteral("%1是一件事的文书，请用 matter print 按一件事编号出具")
                               .arg(core::documentKindName(r.kind))};
    if (!r.context.item || !r.context.calendar)
        return core::Error{QStringLiteral("document.no_context"),
                           QStringLiteral("缺少事项或日历，无法出具文书")};
    if (!hasFormat(r.kind, r.format))
        return core::Error{QStringLiteral("document.no_format"),
                           QStringLiteral("%1没有 %2 版式（80 mm 版式只用于收件凭证、受理回执和"
                                          "领取签收单）")
                               .arg(core::documentKindName(r.kind), pageFormatKey(r.format))};
    if (r.source.eventIndex < 0 || r.source.eventIndex >= r.events.size() ||
        r.events.at(r.source.eventIndex).eventId != r.source.eventId)
        return core::Error{QStringLiteral("document.no_source"),
                           QStringLiteral("文书所依据的办理记录不在办件记录中")};
    // The case as it stood at the act: later suspensions or extensions do not change what the
    // acceptance notice promised.
    auto at = core::foldCase(r.events.mid(0, r.source.eventIndex + 1), r.context);
    if (!at)
        return at.error();
    auto clocks = core::clocksOf(*at, r.context, r.source.date);
    if (!clocks)
        return clocks.error();
    FieldBuilder b{r, *r.context.item, *at, *clocks, r.events.at(r.source.eventIndex), {}};
    b.fields.title = titleOf(r.kind, r.format);
    commonFields(b);
    switch (r.kind) {
    case core::DocumentKind::Receipt:
        detail::receiptFields(b);
        break;
    case core::DocumentKind::Acceptance:
        detail::acceptanceFields(b);
        break;
    case core::DocumentKind::Notice:
        detail::noticeFields(b);
        break;
    case core::DocumentKind::Refusal:
        detail::refusalFields(b);
        break;
    case core::DocumentKind::Extension: {
        auto before = core::foldCase(r.events.mid(0, r.source.eventIndex), r.context);
        if (!before)
            return before.error();
        detail::extensionFields(b, *before);
        break;
    }
    case core::DocumentKind::Suspension: {
        auto before = core::foldCase(r.events.mid(0, r.source.eventIndex), r.context);
        if (!before)
            return before.error();
        detail::suspensionFields(b, *before);
        break;
    }
    case core::DocumentKind::Ready:
        detail::readyFields(b);
        break;
    case core::DocumentKind::Supervision:
        detail::supervisionFields(b);
        break;
    case core::DocumentKind::DisclosureReply:
        detail::disclosureReplyFields(b);
        break;
    case core::DocumentKind::ThirdPartyLetter:
        detail::thirdPartyLetterFields(b);
        break;
    case core::DocumentKind::FeeNotice:
        detail::feeNoticeFields(b);
        break;
    case core::DocumentKind::MatterReceipt: // refused above
    case core::DocumentKind::MatterNotice:
        break;
    }
    return b.fields;
}

} // namespace onewindow::documents
