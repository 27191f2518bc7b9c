#include "documents/FigureReport.h"

#include "core/DateText.h"
#include "documents/Document.h"

#include <QAbstractTextDocumentLayout>
#include <QFileInfo>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QTextDocument>

namespace onewindow::documents {

namespace {

constexpr qreal kLayoutDpi = 96.0;
constexpr qreal kMarginMm = 15.0;

qreal px(qreal mm)
{
    return mm * kLayoutDpi / 25.4;
}

// The report's columns: fewer than the export's, so the table fits a landscape page.
const QStringList kReportColumns{
    QStringLiteral("received"),         QStringLiteral("accepted"),
    QStringLiteral("refused"),          QStringLiteral("notices"),
    QStringLiteral("repeat_notices"),   QStringLiteral("decided"),
    QStringLiteral("on_time_promised"), QStringLiteral("on_time_statutory"),
    QStringLiteral("on_time_rate"),     QStringLiteral("average_days"),
    QStringLiteral("overdue"),          QStringLiteral("satisfaction_rate"),
};

QString columnName(const QString& key)
{
    for (const core::FigureColumn& c : core::figureColumns())
        if (c.key == key)
            return c.name;
    return key;
}

QString rowHtml(const QString& label, const core::FigureSet& f, bool total)
{
    QString html = total ? QStringLiteral("<tr class=\"total\">") : QStringLiteral("<tr>");
    html += QStringLiteral("<td class=\"label\">%1</td>").arg(label.toHtmlEscaped());
    for (const QString& key : kReportColumns) {
        QString text = core::figureText(f, key);
        html += QStringLiteral("<td class=\"n\">%1</td>")
                    .arg(text.isEmpty() ? QStringLiteral("—") : text);
    }
    html += QStringLiteral("<td class=\"n\">%1</td></tr>").arg(f.rated());
    return html;
}

QString matterRowHtml(const QString& label, const core::MatterFigureSet& f, bool total)
{
    QString html = total ? QStringLiteral("<tr class=\"total\">") : QStringLiteral("<tr>");
    html += QStringLiteral("<td class=\"label\">%1</td>").arg(label.toHtmlEscaped());
    for (const auto& c : core::matterFigureColumns())
        html += QStringLiteral("<td class=\"n\">%1</td>").arg(core::matterFigureText(f, c.first));
    return html + QStringLiteral("</tr>");
}

// The matters' table: one row per matter, then one per department, then the hall's total.
QString mattersHtml(const core::MatterFigureTable& t)
{
    QString html = QStringLiteral("<h2>一件事一次办</h2><p>本期受理一件事 %1 件，办结 %2 件，"
                                  "其中一件事承诺时限内办结 %3 件。</p>")
                       .arg(t.total.received)
                       .arg(t.total.finished)
                       .arg(t.total.finishedOnTime);
    html += QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"3\"><tr>"
                           "<th>一件事／部门</th>");
    for (const auto& c : core::matterFigureColumns())
        html += QStringLiteral("<th>%1</th>").arg(c.second);
    html += QStringLiteral("</tr>");
    for (const core::MatterFigureRow& r : t.byMatter)
        html += matterRowHtml(r.label, r.figures, false);
    for (const core::MatterFigureRow& r : t.byDepartment)
        html += matterRowHtml(QStringLiteral("部门：%1").arg(r.label), r.figures, false);
    html += matterRowHtml(QStringLiteral("合计"), t.total, true);
    html +=
        QStringLiteral("</table><p class=\"note\">说明：一件事计入其每个办件所属部门，各部门之和"
                       "不等于合计；一件事在其最后一个办件办结之日办结，按一件事自身的承诺"
                       "时限判断是否按诺办结。</p>");
    return html;
}

QString percent(const std::optional<double>& v)
{
    return v ? QString::number(*v * 100.0, 'f', 1) + QLatin1Char('%') : QStringLiteral("—");
}

} // namespace

QString reportKindKey(ReportKind kind)
{
    switch (kind) {
    case ReportKind::Daily:
        return QStringLiteral("daily");
    case ReportKind::Weekly:
        return QStringLiteral("weekly");
    case ReportKind::Monthly:
        return QStringLiteral("monthly");
    }
    return {};
}

QString reportTitle(ReportKind kind)
{
    switch (kind) {
    case ReportKind::Daily:
        return QStringLiteral("日统计");
    case ReportKind::Weekly:
        return QStringLiteral("周通报");
    case ReportKind::Monthly:
        return QStringLiteral("月汇总");
    }
    return {};
}

std::optional<ReportKind> reportKindFromKey(const QString& key)
{
    for (ReportKind k : {ReportKind::Daily, ReportKind::Weekly, ReportKind::Monthly})
        if (reportKindKey(k) == key)
            return k;
    return std::nullopt;
}

core::PeriodKind reportPeriodKind(ReportKind kind)
{
    switch (kind) {
    case ReportKind::Daily:
        return core::PeriodKind::Day;
    case ReportKind::Weekly:
        return core::PeriodKind::Week;
    case ReportKind::Monthly:
        return core::PeriodKind::Month;
    }
    return core::PeriodKind::Month;
}

core::Period reportPeriod(ReportKind kind, const QDate& day)
{
    return core::periodContaining(reportPeriodKind(kind), day);
}

QString figureReportHtml(const FigureReport& r)
{
    const core::FigureTable& t = r.table;
    const core::FigureSet& f = t.total;
    QString html = QStringLiteral("<html><body>");
    html += QStringLiteral("<h1>%1%2</h1>").arg(r.hallName.toHtmlEscaped(), reportTitle(r.kind));
    html += QStringLiteral("<p class=\"period\">统计期间：%1至%2</p>")
                .arg(core::chineseDate(t.from), core::chineseDate(t.to));
    QString summary = QStringLiteral("本期收件 %1 件，受理 %2 件，不予受理 %3 件，出具一次性告知 "
                                     "%4 次（其中重复告知 %5 次）；办结 %6 件，其中承诺时限内办结 "
                                     "%7 件、法定时限内办结 %8 件，按期办结率 %9。")
                          .arg(f.received)
                          .arg(f.accepted)
                          .arg(f.refused)
                          .arg(f.notices)
                          .arg(f.repeatNotices)
                          .arg(f.decided)
                          .arg(f.onTimePromised)
                          .arg(f.onTimeStatutory)
                          .arg(percent(f.onTimeRate()));
    summary += QStringLiteral("收到评价 %1 条，满意率 %2（不满意 %3 条、非常不满意 %4 条）。")
                   .arg(f.rated())
                   .arg(percent(f.satisfactionRate()))
                   .arg(f.ratings[1])
                   .arg(f.ratings[0]);
    if (r.overdueInHall >= 0)
        summary += QStringLiteral("截至%1，全厅超期未办结 %2 件。")
                       .arg(core::chineseDate(t.asOf))
                       .arg(r.overdueInHall);
    html += QStringLiteral("<p>%1</p>").arg(summary);

    html +=
        QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"3\"><tr><th>%1</th>")
            .arg(t.groupBy == core::GroupBy::None ? QStringLiteral("统计期间")
                                                  : core::groupByName(t.groupBy));
    for (const QString& key : kReportColumns)
        html += QStringLiteral("<th>%1</th>").arg(columnName(key));
    html += QStringLiteral("<th>评价</th></tr>");
    if (t.groupBy == core::GroupBy::None) {
        for (const core::FigureRow& row : t.periodTotals)
            html += rowHtml(core::periodLabel(t.kind, row.period), row.figures, false);
    } else {
        for (const core::FigureRow& row : t.groupTotals)
            html += rowHtml(row.label, row.figures, false);
    }
    html += rowHtml(QStringLiteral("合计"), f, true);
    html += QStringLiteral("</table>");
    html += QStringLiteral(
                "<p class=\"note\">说明：按期办结率为承诺时限内办结件数占办结件数的比例；"
                "承诺时限、法定时限内办结按各事项时限本身的单位（工作日或日）判断；"
                "平均办理工作日自受理次日起算至办结日，一律按工作日计，不含中止（除外）时间；"
                "满意率为非常满意、满意、基本满意的评价占全部评价的比例；"
                "当前超期为本期收件中截至%1仍未办结且已过期限的件数。</p>")
                .arg(core::chineseDate(t.asOf));
    if (r.matters)
        html += mattersHtml(*r.matters);
    html +=
        QStringLiteral("<p class=\"issued\">制表日期：%1</p>").arg(core::chineseDate(r.issuedOn));
    html += QStringLiteral("</body></html>");
    return html;
}

std::unique_ptr<QTextDocument> figureReportDocument(const FigureReport& report)
{
    auto doc = std::make_unique<QTextDocument>();
    doc->setUndoRedoEnabled(false);
    doc->setUseDesignMetrics(true);
    QFont font(documentFontFamily());
    font.setPointSizeF(9);
    font.setHintingPreference(QFont::PreferNoHinting);
    doc->setDefaultFont(font);
    doc->setDefaultStyleSheet(QStringLiteral(
        "h1 { font-size: 16pt; text-align: center; margin-bottom: 4px; }"
        "p.period { text-align: center; margin-bottom: 8px; }"
        "h2 { font-size: 12pt; margin-top: 12px; margin-bottom: 4px; }"
        "th { background-color: #e8e8e8; border: 1px solid #555; font-weight: bold; }"
        "td { border: 1px solid #555; }"
        "td.n { text-align: right; }"
        "tr.total td { font-weight: bold; }"
        "p.note { font-size: 8pt; color: #333; margin-top: 8px; }"
        "p.issued { text-align: right; margin-top: 12px; }"));
    doc->setDocumentMargin(0);
    doc->setHtml(figureReportHtml(report));
    const QSizeF page = QPageSize(QPageSize::A4).size(QPageSize::Millimeter).transposed();
    doc->setTextWidth(px(page.width() - 2 * kMarginMm));
    return doc;
}

core::Status paintFigureReport(const FigureReport& report, QPagedPaintDevice& device)
{
    std::unique_ptr<QTextDocument> doc = figureReportDocument(report);
    const QSizeF pageMm = QPageSize(QPageSize::A4).size(QPageSize::Millimeter).transposed();
    const qreal bodyW = px(pageMm.width() - 2 * kMarginMm);
    const qreal bodyH = px(pageMm.height() - 2 * kMarginMm);
    doc->setPageSize(QSizeF(bodyW, bodyH));
    device.setPageLayout(
        QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Landscape, QMarginsF(0, 0, 0, 0)));
    QPainter painter;
    if (!painter.begin(&device))
        return core::Error{
            QStringLiteral("report.paint"),
            QStringLiteral("无法开始绘制%1（打印机或文件不可用）").arg(reportTitle(report.kind))};
    const qreal scale = device.logicalDpiY() / kLayoutDpi;
    painter.scale(scale, scale);
    QFont footer(documentFontFamily());
    footer.setPixelSize(11); // in layout pixels: the painter is scaled to 96 per inch
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
        painter.setFont(footer);
        painter.drawText(
            QRectF(0, px(pageMm.height() - kMarginMm * 0.7), px(pageMm.width()), px(6)),
            Qt::AlignHCenter | Qt::AlignTop,
            QStringLiteral("第 %1 页 共 %2 页").arg(page + 1).arg(pages));
    }
    if (!painter.end())
        return core::Error{QStringLiteral("report.paint"),
                           QStringLiteral("%1未能完成输出").arg(reportTitle(report.kind))};
    return {};
}

core::Status writeFigureReportPdf(const FigureReport& report, const QString& path)
{
    QPdfWriter writer(path);
    writer.setResolution(300);
    writer.setCreator(QStringLiteral("OneWindow 一窗通办受理工作站"));
    writer.setTitle(report.hallName + reportTitle(report.kind));
    if (core::Status s = paintFigureReport(report, writer); !s)
        return core::Error{QStringLiteral("report.pdf"),
                           QStringLiteral("无法写入 PDF 文件 %1：%2").arg(path, s.error().message)};
    if (QFileInfo(path).size() == 0)
        return core::Error{QStringLiteral("report.pdf"),
                           QStringLiteral("无法写入 PDF 文件 %1").arg(path)};
    return {};
}

} // namespace onewindow::documents
