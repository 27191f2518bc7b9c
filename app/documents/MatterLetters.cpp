#include "documents/MatterLetters.h"

#include "core/DateText.h"
#include "core/Identifiers.h"
#include "documents/Document.h"

#include <QAbstractTextDocumentLayout>
#include <QFileInfo>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QTextDocument>

#include <algorithm>

namespace onewindow::documents {

namespace {

constexpr qreal kLayoutDpi = 96.0;
constexpr qreal kMarginMm = 20.0;

qreal px(qreal mm)
{
    return mm * kLayoutDpi / 25.4;
}

QString esc(const QString& text)
{
    return text.toHtmlEscaped();
}

QString cell(const QString& text)
{
    return QStringLiteral("<td>%1</td>").arg(esc(text));
}

QString head(const MatterLetter& l, const QString& title)
{
    QString html = QStringLiteral("<html><body><h1>%1</h1>").arg(esc(title));
    html += QStringLiteral("<p class=\"number\">一件事编号：%1</p>").arg(esc(l.matterNumber));
    const QString id =
        l.applicant.organisation ? l.applicant.uscc : core::maskIdNumber(l.applicant.idNumber);
    html += QStringLiteral("<p>申请人：%1（%2）").arg(esc(l.applicant.name), esc(id));
    if (!l.applicant.phone.isEmpty())
        html += QStringLiteral("　联系电话：%1").arg(esc(core::maskPhone(l.applicant.phone)));
    html += QStringLiteral("</p><p>一件事：%1　收件日期：%2　收件窗口：%3</p>")
                .arg(esc(l.matterName), core::chineseDate(l.receivedOn), esc(l.windowCode));
    return html;
}

// The shared papers not handed in again: held by the case the matter started from.
QString heldHtml(const MatterLetter& l)
{
    QString html;
    for (const MatterLetter::HeldPaper& h : l.held)
        html +=
            QStringLiteral("<p>%1：已由办件 %2 在受理时收取，%3不再重复提交。</p>")
                .arg(esc(h.name), esc(h.caseNumber), esc(h.itemNames.join(QStringLiteral("、"))));
    return html;
}

QString tail(const MatterLetter& l)
{
    return QStringLiteral("<p class=\"issuer\">%1</p><p class=\"issuer\">%2</p></body></html>")
        .arg(esc(l.hallName), core::chineseDate(l.issuedOn));
}

QString receiptHtml(const MatterLetter& l)
{
    QString html = head(l, matterLetterTitle(MatterLetterKind::Receipt));
    html += QStringLiteral("<p>您申请的“%1”已一次收件，各事项办理情况如下（凭各事项办件编号和查询码"
                           "查询进度）：</p>")
                .arg(esc(l.matterName));
    html += QStringLiteral(
        "<table width=\"100%\" cellspacing=\"0\" cellpadding=\"3\"><tr><th width=\"5%\">序号</th>"
        "<th width=\"30%\">事项</th><th width=\"15%\">办理部门</th>"
        "<th width=\"22%\">办件编号</th><th width=\"9%\">查询码</th>"
        "<th width=\"19%\">办理情况</th></tr>");
    for (int i = 0; i < l.parts.size(); ++i) {
        const MatterLetter::Part& p = l.parts.at(i);
        html += QStringLiteral("<tr>") + cell(QString::number(i + 1)) + cell(p.itemName) +
                cell(p.department) + cell(p.caseNumber) + cell(p.queryCode) + cell(p.decision) +
                QStringLiteral("</tr>");
    }
    html += QStringLiteral("</table>");
    html += heldHtml(l);
    // The matter's own promise, in working days from receipt (行政许可法 Art. 82).
    if (l.promisedBy.isValid())
        html +=
            QStringLiteral("<p>本一件事承诺于 %1 前办结（需补正的事项自补正材料齐全之日起计算），"
                           "全部办结后一次出件。</p>")
                .arg(core::chineseDate(l.promisedBy));
    html += QStringLiteral("<p>申请人签名：____________</p>");
    return html + tail(l);
}

QString noticeHtml(const MatterLetter& l)
{
    QString html = head(l, matterLetterTitle(MatterLetterKind::Notice));
    // 行政许可法 Art. 32: everything to be corrected, told once, across every part of the matter.
    html += QStringLiteral(
                "<p>经审查，您申请的“%1”所提交的材料不齐全或者不符合法定形式。根据《中华人民共和国"
                "行政许可法》第三十二条，现一次性告知需补正的全部材料如下（共用材料只需提交一次）："
                "</p>")
                .arg(esc(l.matterName));
    html += QStringLiteral(
        "<table width=\"100%\" cellspacing=\"0\" cellpadding=\"3\"><tr><th>序号</th>"
        "<th>材料</th><th>问题</th><th>补正要求</th><th>涉及事项（办件编号）</th></tr>");
    for (int i = 0; i < l.corrections.size(); ++i) {
        const core::MergedCorrection& c = l.corrections.at(i);
        QStringList items;
        for (int k = 0; k < c.itemNames.size(); ++k)
            items.append(QStringLiteral("%1（%2）").arg(c.itemNames.at(k), c.caseNumbers.value(k)));
        html += QStringLiteral("<tr>") + cell(QString::number(i + 1)) + cell(c.name) +
                cell(c.problem) + cell(c.requirement) + cell(items.join(QStringLiteral("；"))) +
                QStringLiteral("</tr>");
    }
    html += QStringLiteral("</table>");
    html += heldHtml(l);
    html +=
        QStringLiteral("<p>请于 %1 个工作日内补正后到任一综合窗口提交，补正材料齐全的事项即予受理。"
                       "</p><p>申请人签收：____________　签收日期：____________</p>")
            .arg(l.correctionDays);
    return html + tail(l);
}

} // namespace

QString matterLetterTitle(MatterLetterKind kind)
{
    return kind == MatterLetterKind::Receipt ? QStringLiteral("一件事受理回执")
                                             : QStringLiteral("一件事一次性告知书");
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
            if (m.heldBy.isEmpty())
                continue;
            // Named as the matter names the shared paper.
            QString name = m.name;
            for (const core::SharedMaterial& s : shared)
                if (s.materials.contains(m.code))
                    name = s.name;
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

std::unique_ptr<QTextDocument> matterLetterDocument(MatterLetterKind kind,
                                                    const MatterLetter& letter)
{
    auto doc = std::make_unique<QTextDocument>();
    doc->setUndoRedoEnabled(false);
    doc->setUseDesignMetrics(true);
    QFont font(documentFontFamily());
    font.setPointSizeF(10.5);
    font.setHintingPreference(QFont::PreferNoHinting);
    doc->setDefaultFont(font);
    doc->setDefaultStyleSheet(
        QStringLiteral("h1 { font-size: 18pt; text-align: center; margin-bottom: 6px; }"
                       "p.number { text-align: right; }"
                       "th { background-color: #e8e8e8; border: 1px solid #555; }"
                       "td { border: 1px solid #555; }"
                       "p.issuer { text-align: right; margin-top: 6px; }"));
    doc->setDocumentMargin(0);
    doc->setHtml(matterLetterHtml(kind, letter));
    const QSizeF page = QPageSize(QPageSize::A4).size(QPageSize::Millimeter);
    doc->setTextWidth(px(page.width() - 2 * kMarginMm));
    return doc;
}

core::Status paintMatterLetter(MatterLetterKind kind, const MatterLetter& letter,
                               QPagedPaintDevice& device)
{
    std::unique_ptr<QTextDocument> doc = matterLetterDocument(kind, letter);
    const QSizeF pageMm = QPageSize(QPageSize::A4).size(QPageSize::Millimeter);
    const qreal bodyW = px(pageMm.width() - 2 * kMarginMm);
    const qreal bodyH = px(pageMm.height() - 2 * kMarginMm);
    doc->setPageSize(QSizeF(bodyW, bodyH));
    device.setPageLayout(
        QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(0, 0, 0, 0)));
    QPainter painter;
    if (!painter.begin(&device))
        return core::Error{
            QStringLiteral("matter.paint"),
            QStringLiteral("无法开始绘制%1（打印机或文件不可用）").arg(matterLetterTitle(kind))};
    const qreal scale = device.logicalDpiY() / kLayoutDpi;
    painter.scale(scale, scale);
    QFont footer(documentFontFamily());
    footer.setPixelSize(11);
    const int pages = doc->pageCount();
    for (int page = 0; page < pages; ++page) {
        if (page > 0)
            device.newPage();
        painter.save();
        painter.translate(px(kMarginMm), px(kMarginMm) - page * bodyH);
        QAbstractTextDocumentLayout::PaintContext context;
        context.clip = QRectF(0, page * bodyH, bodyW, bodyH);
        painter.setClipRect(context.clip);
        doc->documentLayout()->draw(&painter, context);
        painter.restore();
        if (pages > 1) {
            painter.setFont(footer);
            painter.drawText(
                QRectF(0, px(pageMm.height() - kMarginMm * 0.7), px(pageMm.width()), px(6)),
                Qt::AlignHCenter | Qt::AlignTop,
                QStringLiteral("第 %1 页 共 %2 页").arg(page + 1).arg(pages));
        }
    }
    if (!painter.end())
        return core::Error{QStringLiteral("matter.paint"),
                           QStringLiteral("%1未能完成输出").arg(matterLetterTitle(kind))};
    return {};
}

core::Status writeMatterLetterPdf(MatterLetterKind kind, const MatterLetter& letter,
                                  const QString& path)
{
    QPdfWriter writer(path);
    writer.setResolution(300);
    writer.setCreator(QStringLiteral("OneWindow 一窗通办受理工作站"));
    writer.setTitle(matterLetterTitle(kind) + QLatin1Char(' ') + letter.matterNumber);
    if (core::Status s = paintMatterLetter(kind, letter, writer); !s)
        return core::Error{QStringLiteral("matter.pdf"),
                           QStringLiteral("无法写入 PDF 文件 %1：%2").arg(path, s.error().message)};
    if (QFileInfo(path).size() == 0)
        return core::Error{QStringLiteral("matter.pdf"),
                           QStringLiteral("无法写入 PDF 文件 %1").arg(path)};
    return {};
}

} // namespace onewindow::documents
