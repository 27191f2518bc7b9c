#pragma once

#include "core/Clock.h"
#include "core/Error.h"
#include "core/Figures.h"
#include "core/HallSettings.h"
#include "core/WorkingCalendar.h"
#include "documents/FigureReport.h"
#include "exporting/TableExport.h"

#include <QWidget>

#include <functional>

class QComboBox;
class QDateEdit;
class QLabel;
class QPushButton;
class QTableView;

QT_BEGIN_NAMESPACE
class QChartView;
QT_END_NAMESPACE

namespace onewindow::store {
class Store;
}

namespace onewindow::ui {

class FigureTableModel;

// 统计: the hall supervisor's figures (core/Figures.h) for a range split into days, weeks,
// months, quarters or years, for the whole hall or by window, clerk, department or item; charts
// beside the table (on-time rate over time, cases by department, ratings); export of the figures
// and of the range's case list as CSV or XLSX (in a worker thread, with progress and Cancel); and
// the printed report (日统计 / 周通报 / 月汇总) through a print preview.
class FiguresPage : public QWidget
{
    Q_OBJECT
public:
    FiguresPage(store::Store& store, const core::Clock& clock,
                const core::WorkingCalendar& calendar, core::HallSettings settings,
                QWidget* parent = nullptr);

    // The hall (its name on printed reports, its zone for "today"), as signed in.
    void setSettings(const core::HallSettings& settings) { m_settings = settings; }
    // The hall's day turned: a period still on its default (this year up to today) follows.
    void setToday(const QDate& today);
    // Sets the controls (does not count: call refresh()).
    void setQuery(core::PeriodKind kind, const QDate& from, const QDate& to, core::GroupBy by);
    // Counts the figures for the controls' query; a problem is shown on the page and returned.
    core::Status refresh();

    FigureTableModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }
    QString message() const;
    QChartView* onTimeChart() const { return m_onTimeChart; }
    QChartView* departmentChart() const { return m_departmentChart; }
    QChartView* ratingChart() const { return m_ratingChart; }

    // Writes the figures (or the case list of the range) to `path`, CSV or XLSX by its suffix, in
    // a worker thread behind a progress dialog; returns when done, cancelled or failed.
    core::Status exportFigures(const QString& path);
    core::Status exportCaseList(const QString& path);
    // The report the Print button previews, for the counted range.
    documents::FigureReport report() const;

private:
    void chooseAndExport(bool caseList, const QString& suffix);
    void printReport();
    void updateCharts();
    void runBusy(const QString& title, const std::function<void()>& work);
    core::Status
    runExport(const QString& title,
              const std::function<core::Status(const exporting::ExportProgress&)>& work);

    store::Store& m_store;
    const core::Clock& m_clock;
    const core::WorkingCalendar& m_calendar;
    core::HallSettings m_settings;
    QDate m_today;                    // the day the default period was made for
    core::FigureTable m_byDepartment; // for the chart and the report
    qint64 m_overdueInHall = -1;

    QComboBox* m_kind;
    QDateEdit* m_from;
    QDateEdit* m_to;
    QComboBox* m_groupBy;
    QPushButton* m_count;
    QPushButton* m_exportCsv;
    QPushButton* m_exportXlsx;
    QPushButton* m_exportCases;
    QPushButton* m_print;
    QLabel* m_message;
    FigureTableModel* m_model;
    QTableView* m_view;
    QChartView* m_onTimeChart;
    QChartView* m_departmentChart;
    QChartView* m_ratingChart;
};

} // namespace onewindow::ui
