#include "documents/MatterLetters.h"

#include "core/DateText.h"
#include "core/Identifiers.h"
#include "documents/Document.h"
#include "documents/DocumentFields.h"

#include <algorithm>

namespace onewindow::documents {

namespace {

QString esc(const QString& text)
{
    return text.toHtmlEscaped();
}

// The title, the document's number (样稿 while a draft, 补打 on a reprint), the matter's number,
// and who applied for what, where and when.
QString head(const MatterLetter& l, MatterLetterKind kind)
{
    QString html =
        QStringLiteral("<html><body><p class=\"title\">%1</p>").arg(esc(matterLetterTitle(kind)));
    html += QStringLiteral("<p class=\"number\">编号：%1%2<br/>一件事编号：%3</p>")
                .arg(esc(l.number.isEmpty() ? QStringLiteral("样稿（未编号）") : l.number),
                     l.reprint ? QStringLiteral("（补打）") : QString(), esc(l.matterNumber));
    const QString id =
        l.applicant.organisation ? l.applicant.uscc : core::maskIdNumber(l.applicant.idNumber);
    html +=
        QStringLiteral("<p class=\"item\">申请人：%1（%2）").arg(esc(l.applicant.name), esc(id));
    if (!l.applicant.phone.isEmpty())
        html += QStringLiteral("　联系电话：%1").arg(esc(core::maskPhone(l.applicant.phone)));
    html += QStringLiteral("<br/>一件事：%1　收件日期：%2　收件窗口：%3</p>")
                .arg(esc(l.matterName), core::chineseDate(l.receivedOn), esc(l.windowCode));
    return html;
}

// The shared papers not handed in again: held by the case the matter started from.
QString heldHtml(const MatterLetter& l)
{
    QString html;
    for (const MatterLetter::HeldPaper& h : l.held)
        html +=
            QStringLiteral("<p class=\"item\">%1：已由办件 %2 在受理时收取，%3不再重复提交。</p>")
                .arg(esc(h.name), esc(h.caseNumber), esc(h.itemNames.join(QStringLiteral("、"))));
    for (const MatterLetter::RetakenPaper& r : l.retaken)
        html += QStringLiteral("<p class=\"item\">%1：本次已重新提交（办件 %2 受理时收取的不再"
                               "使用，原因：%3），用于%4。</p>")
                    .arg(esc(r.name), esc(r.caseNumber), esc(r.reason),
                         esc(r.itemNames.join(QStringLiteral("、"))));
    return html;
}

// The hall's name and the date, the seal over them (Document paints it at <a name="seal">), and
// the reprint's remark.
QString tail(const MatterLetter& l, const QString& signature)
{
    QString html = QStringLiteral("<p class=\"sign\">%1</p>").arg(esc(signature));
    html += QStringLiteral("<p class=\"issuer\" align=\"right\"><a name=\"seal\">%1</a><br/>%2</p>")
                .arg(esc(l.hallName), core::chineseDate(l.issuedOn));
    if (l.reprint)
        html +=
            QStringLiteral("<p class=\"reprint\">本文书系补打，文书编号不变。补打日期：%1。</p>")
                .arg(core::chineseDate(l.issuedOn));
    return html + QStringLiteral("</body></html>");
}

QString receiptHtml(const MatterLetter& l)
{
    QString html = head(l, MatterLetterKind::Receipt);
    html += QStringLiteral("<p class=\"body\">您申请的“%1”已一次收件，各事项办理情况如下（凭各事项"
                           "办件编号和查询码查询进度）：</p>")
                .arg(esc(l.matterName));
    QList<QStringList> rows;
    for (int i = 0; i < l.parts.size(); ++i) {
        const MatterLetter::Part& p = l.parts.at(i);
        rows.append({QString::number(i + 1), p.itemName, p.department, p.caseNumber, p.queryCode,
                     p.decision});
    }
    html += detail::gridTable({QStringLiteral("序号"), QStringLiteral("事项"),
                               QStringLiteral("办理部门"), QStringLiteral("办件编号"),
                               QStringLiteral("查询码"), QStringLiteral("办理情况")},
                              rows, {6, 27, 16, 25, 10, 16});
    html += heldHtml(l);
    // The matter's own promise, in working days from receipt (行政许可法 Art. 82).
    if (l.promisedBy.isValid())
        html += QStringLiteral("<p class=\"body\">本一件事承诺于 %1 前办结（需补正的事项自补正材料"
                               "齐全之日起计算），全部办结后一次出件。</p>")
                    .arg(core::chineseDate(l.promisedBy));
    return html + tail(l, QStringLiteral("申请人签名：____________"));
}

QString noticeHtml(const MatterLetter& l)
{
    QString html = head(l, MatterLetterKind::Notice);
    // 行政许可法 Art. 32: everything to be corrected, told once, across every part of the matter.
    html += QStringLiteral(
                "<p class=\"body\">经审查，您申请的“%1”所提交的材料不齐全或者不符合法定形式。根据"
                "《中华人民共和国行政许可法》第三十二条，现一次性告知需补正的全部材料如下（共用材料"
                "只需提交一次）：</p>")
                .arg(esc(l.matterName));
    QList<QStringList> rows;
    for (int i = 0; i < l.corrections.size(); ++i) {
        const core::MergedCorrection& c = l.corrections.at(i);
        QStringList items;
        for (int k = 0; k < c.itemNames.size(); ++k)
            items.append(QStringLiteral("%1（%2）").arg(c.itemNames.at(k), c.caseNumbers.value(k)));
        rows.append({QString::number(i + 1), c.name, c.problem, c.requirement,
                     items.join(QStringLiteral("；"))});
    }
    html +=
        detail::gridTable({QStringLiteral("序号"), QStringLiteral("材料"), QStringLiteral("问题"),
                           QStringLiteral("补正要求"), QStringLiteral("涉及事项（办件编号）")},
                          rows, {5, 16, 12, 22, 45});
    html += heldHtml(l);
    html += QStringLiteral("<p class=\"body\">请于 %1 个工作日内补正后到任一综合窗口提交，补正材料"
                           "齐全的事项即予受理。</p>")
                .arg(l.correctionDays);
    return html + tail(l, QStringLiteral("申请人签收：____________　签收日期：____________"));
}

} // namespace

QString matterLetterTitle(MatterLetterKind kind)
{
    return core::documentKindName(matterLetterDocumentKind(kind));
}

core::DocumentKind matterLetterDocumentKind(MatterLetterKind kind)
{
    return kind == MatterLetterKind::Receipt ? core::DocumentKind::MatterReceipt
                                             : core::DocumentKind::MatterNotice;
}

int matterLetterHome(MatterLetterKind kind, const QList<core::MatterPartCase>& parts)
{
    if (kind == MatterLetterKind::Receipt)
        return parts.isEmpty() ? -1 : 0;
    for (int i = 0; i < parts.size(); ++i)
        if (parts.at(i).state.status == core::CaseStatus::AwaitingCorrection &&
            !parts.at(i).state.notices.isEmpty())
            return i;
    return -1;
}

MatterLetter matterLetterFrom(const core::Matter& matter,
                              const QHash<QString, core::Matter>& matters,
                              const QString& matterNumber, const QList<core::MatterPartCase>& parts,
                              const QDate& promisedBy)
{
    MatterLetter l;
    l.matterNumber = matterNumber;
    l.matterName = matter.name;
    l.promisedBy = promisedBy;
    if (!parts.isEmpty()) {
        const core::CaseState& first = parts.first().state;
        l.applicant = first.applicant;
        l.receivedOn = first.timeline.received;
        l.windowCode = first.windowCode;
    }
    for (const core::MatterPartCase& p : parts) {
        const core::CaseStatus s = p.state.status;
        const QString decision = s == core::CaseStatus::AwaitingCorrection
                                     ? QStringLiteral("一次性告知补正")
                                 : s == core::CaseStatus::Refused  ? QStringLiteral("不予受理")
                                 : s == core::CaseStatus::Received ? QStringLiteral("已收件")
                                                                   : QStringLiteral("已受理");
        l.parts.append(MatterLetter::Part{p.item.name, p.item.department, p.state.caseNumber,
                                          p.state.queryCode, decision});
        if (s == core::CaseStatus::AwaitingCorrection && !p.state.notices.isEmpty())
            l.correctionDays = p.state.notices.last().correctionDays;
    }
    l.corrections = core::mergedNotice(matter, matters, parts);
    const QList<core::SharedMaterial> shared = core::allSharedMaterials(matter, matters);
    for (const core::MatterPartCase& p : parts)
        for (const core::MaterialCheck& m : p.state.materials) {
            if (m.heldBy.isEmpty() && m.retakenFrom.isEmpty())
                continue;
            // Named as the matter names the shared paper.
            QString name = m.name;
            for (const core::SharedMaterial& s : shared)
                if (s.materials.contains(m.code))
                    name = s.name;
            if (!m.retakenFrom.isEmpty()) {
                auto again = std::find_if(l.retaken.begin(), l.retaken.end(), [&](const auto& r) {
                    return r.name == name && r.caseNumber == m.retakenFrom;
                });
                if (again == l.retaken.end())
                    again = l.retaken.insert(
                        l.retaken.end(),
                        MatterLetter::RetakenPaper{name, m.retakenFrom, m.retakenReason, {}});
                again->itemNames.append(p.item.name);
                continue;
            }
            auto at = std::find_if(l.held.begin(), l.held.end(), [&](const auto& h) {
                return h.name == name && h.caseNumber == m.heldBy;
            });
            if (at == l.held.end())
                at = l.held.insert(l.held.end(), MatterLetter::HeldPaper{name, m.heldBy, {}});
            at->itemNames.append(p.item.name);
        }
    return l;
}

QString matterLetterHtml(MatterLetterKind kind, const MatterLetter& letter)
{
    return kind == MatterLetterKind::Receipt ? receiptHtml(letter) : noticeHtml(letter);
}

core::Result<Document> matterLetterDocument(MatterLetterKind kind, const MatterLetter& letter,
                                            const HallProfile& hall)
{
    MatterLetter l = letter;
    if (l.hallName.isEmpty())
        l.hallName = hall.name;
    ComposedLetter c;
    c.kind = matterLetterDocumentKind(kind);
    c.title = matterLetterTitle(kind);
    c.number = l.number;
    c.reprint = l.reprint;
    c.html = matterLetterHtml(kind, l);
    c.sealImage = hall.sealImage; // the hall's letter: the hall's own seal (issue 15)
    c.configDir = hall.configDir;
    // A matter's tables run to a row per part or per paper across all its parts: set denser than
    // a single case's, so a 开办企业 of five parts with every paper missing stays on one page.
    c.extraStyle = QStringLiteral(
        "table.grid td, table.grid th { font-size: 9pt; } p.item { font-size: 10pt; }"
        "p.sign { margin-top: 12px; } p.issuer { margin-top: 10px; }");
    c.names = {l.hallName};
    for (const MatterLetter::Part& p : l.parts)
        c.names.append(p.department);
    return composedDocument(c);
}

core::Status writeMatterLetterPdf(MatterLetterKind kind, const MatterLetter& letter,
                                  const QString& path, const HallProfile& hall)
{
    auto document = matterLetterDocument(kind, letter, hall);
    if (!document)
        return document.error();
    return writePdf(*document, path);
}

} // namespace onewindow::documents
