#pragma once

#include "core/Error.h"
#include "core/Figures.h"
#include "core/MatterFigures.h"

#include <QDate>
#include <QString>

#include <memory>

class QPagedPaintDevice;
class QTextDocument;

namespace onewindow::documents {

// The supervisor's reports: 日统计 (a day), 周通报 (a week), 月汇总 (a month). Not a case
// document: no number, no seal; a title, the hall, the period, a summary in words and the table of
// figures by group with its total, then the matters' figures, on A4 landscape in the documents'
// font.
enum class ReportKind
{
    Daily,
    Weekly,
    Monthly,
};
QString reportKindKey(ReportKind kind); // daily, weekly, monthly
QString reportTitle(ReportKind kind);   // 日统计, 周通报, 月汇总
std::optional<ReportKind> reportKindFromKey(const QString& key);
core::PeriodKind reportPeriodKind(ReportKind kind);
// The period a report on `day` covers: that day, its week (Monday to Sunday), its month.
core::Period reportPeriod(ReportKind kind, const QDate& day);

struct FigureReport
{
    ReportKind kind = ReportKind::Monthly;
    QString hallName;
    core::FigureTable table;   // the report's period, grouped (department by default)
    qint64 overdueInHall = -1; // every open case overdue today; negative: not shown
    // 一件事一次办 of the same period (core/MatterFigures.h): the hall, each matter, each
    // department, after the cases' table; not shown when absent.
    std::optional<core::MatterFigureTable> matters;
    QDate issuedOn;
};

QString figureReportHtml(const FigureReport& report);
std::unique_ptr<QTextDocument> figureReportDocument(const FigureReport& report);
// Paints the report on `device` (a printer or a PDF writer), A4 landscape, pages numbered.
core::Status paintFigureReport(const FigureReport& report, QPagedPaintDevice& device);
core::Status writeFigureReportPdf(const FigureReport& report, const QString& path);

} // namespace onewindow::documents
