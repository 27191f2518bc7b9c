#include "documents/DisclosureAnnualReport.h"

#include "documents/Document.h"

#include <QFileInfo>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QTextDocument>

namespace onewindow::documents {

QString disclosureAnnualHtml(const core::AnnualTable& t, const QString& office)
{
    const QList<core::AnnualRowLabel> labels = core::annualRowLabels();
    const int total = core::kAnnualColumns - 1;
    QString html = QStringLiteral("<html><body><h1>三、收到和处理政府信息公开申请情况</h1>"
                                  "<p class=\"period\">%1　%2年度</p>")
                       .arg(office.toHtmlEscaped())
                       .arg(t.year);
    html += QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"3\">");
    // The template's head: 申请人情况 over 自然人, 法人或其他组织 (five kinds) and 总计.
    html += QStringLiteral("<tr><th rowspan=\"3\" colspan=\"2\" width=\"52%\">（本列数据的勾稽"
                           "关系为：第一项加第二项之和，等于第三项加第四项之和）</th>"
                           "<th colspan=\"7\">申请人情况</th></tr><tr><th rowspan=\"2\" "
                           "width=\"6%\">自然人</th><th colspan=\"5\">法人或其他组织</th>"
                           "<th rowspan=\"2\" width=\"6%\">总计</th></tr><tr>");
    for (int c = 1; c <= 5; ++c)
        html += QStringLiteral("<th width=\"7%\">%1</th>").arg(core::annualColumnName(c));
    html += QStringLiteral("</tr>");
    for (int r = 0; r < core::AnnualTable::kRows; ++r) {
        const core::AnnualRowLabel& l = labels.at(r);
        html += QStringLiteral("<tr>");
        if (l.group.isEmpty())
            html += QStringLiteral("<td colspan=\"2\" width=\"52%\">%1</td>")
                        .arg(l.part.toHtmlEscaped());
        else
            html += QStringLiteral("<td width=\"10%\">%1</td><td width=\"42%\">%2</td>")
                        .arg(r == 2 ? l.part.toHtmlEscaped() : QString(),
                             (l.group + l.item).toHtmlEscaped());
        for (int c = 0; c < core::kAnnualColumns; ++c)
            html += QStringLiteral("<td class=\"n\" width=\"6%\">%1</td>").arg(t.cells[r][c]);
        html += QStringLiteral("</tr>");
    }
    html += QStringLiteral("</table>");
    html += QStringLiteral("<p class=\"note\">核对：新收 %1 + 上年结转 %2 = 办理结果总计 %3 + "
                           "结转下年度 %4，%5。数据依办件记录统计。</p></body></html>")
                .arg(t.newApplications(total))
                .arg(t.carriedOver(total))
                .arg(t.processed(total))
                .arg(t.carriedForward(total))
                .arg(t.balances() ? QStringLiteral("相符") : QStringLiteral("不符"));
    return html;
}

core::Status printDisclosureAnnual(const core::AnnualTable& table, const QString& office,
                                   QPagedPaintDevice& device)
{
    if (!device.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait,
                                          QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter)))
        return core::Error{QStringLiteral("report.page"),
                           QStringLiteral("打印机不支持 A4 纵向页面，请换一台打印机或选择打印到 "
                                          "PDF 文件")};
    QTextDocument doc;
    doc.setUndoRedoEnabled(false);
    QFont font(documentFontFamily());
    font.setPointSizeF(7.5);
    font.setHintingPreference(QFont::PreferNoHinting);
    doc.setDefaultFont(font);
    doc.setDefaultStyleSheet(QStringLiteral(
        "h1 { font-size: 14pt; text-align: center; }"
        "p.period { text-align: center; margin-bottom: 6px; }"
        "th { background-color: #e8e8e8; border: 1px solid #555; font-weight: bold; }"
        "td { border: 1px solid #555; }"
        "td.n { text-align: right; }"
        "p.note { margin-top: 8px; }"));
    doc.setHtml(disclosureAnnualHtml(table, office));
    doc.print(&device);
    return {};
}

core::Status writeDisclosureAnnualPdf(const core::AnnualTable& table, const QString& office,
                                      const QString& path)
{
    QPdfWriter writer(path);
    writer.setResolution(300);
    writer.setCreator(QStringLiteral("OneWindow 一窗通办受理工作站"));
    writer.setTitle(QStringLiteral("%1年政府信息公开工作年度报告 表三").arg(table.year));
    if (core::Status s = printDisclosureAnnual(table, office, writer); !s)
        return s;
    if (QFileInfo(path).size() == 0)
        return core::Error{QStringLiteral("report.pdf"),
                           QStringLiteral("无法写入 PDF 文件 %1").arg(path)};
    return {};
}

} // namespace onewindow::documents
