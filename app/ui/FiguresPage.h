#pragma once

#include "core/Clock.h"
#include "core/Error.h"
#include "core/Figures.h"
#include "core/HallSettings.h"
#include "core/WorkingCalendar.h"
#include "documents/FigureReport.h"
#include "exporting/TableExport.h"

#include "store/StatsQueries.h"

#include <QWidget>

#include <functional>
#include <memory>
#include <optional>

class QComboBox;
class QDateEdit;
class QLabel;
class QProgressDialog;
class QPushButton;
class QTabWidget;
class QTableView;
class QTimer;
template <typename T>
class QFutureWatcher;

QT_BEGIN_NAMESPACE
class QChartView;
QT_END_NAMESPACE

namespace onewindow::store {
class Store;
}

namespace onewindow::ui {

class DisclosureAnnualPanel;
class FigureTableModel;
class MatterFiguresTable;

// 统计: the hall supervisor's figures (core/Figures.h) for a range split into days, weeks,
// months, quarters or years, for the whole hall or by window, clerk, department or item; charts
// beside the table (on-time rate over time, cases by department, ratings); export of the figures
// and of the range's case list as CSV or XLSX (in a worker thread, with progress and Cancel); and
// the printed report (日统计 / 周通报 / 月汇总) through a print preview. A second part shows the
// disclosure annual report's table 三 for a chosen year (DisclosureAnnualPanel).
// Counting and exporting run on worker threads with connections of their own; the UI thread never
// waits for them (no nested event loop: the tick and the idle lock fire as usual) and hears of
// their end through a QFutureWatcher.
class FiguresPage : public QWidget
{
    Q_OBJECT
public:
    FiguresPage(store::Store& store, const core::Clock& clock,
                const core::WorkingCalendar& calendar, core::HallSettings settings,
                QWidget* parent = nullptr);

    // The hall (its name on printed reports, its zone for "today"), as signed in.
    void setSettings(const core::HallSettings& settings);
    // The hall's day turned: a period still on its default (this month up to today) follows.
    void setToday(const QDate& today);
    // Sets the controls (does not count: call refresh()).
    void setQuery(core::PeriodKind kind, const QDate& from, const QDate& to, core::GroupBy by);
    // Starts counting the figures for the controls' query on a worker thread and returns at once;
    // counted() says when the table (or a problem, on the page and in lastCount()) is shown. While
    // a count runs, Count is disabled and another Enter or F5 starts nothing: a changed query is
    // counted once the running count ends, whose result is then dropped, so the page always shows
    // the latest request's figures.
    void refresh();
    bool counting() const { return m_counting; }
    core::Status lastCount() const { return m_lastCount; }
    // Test seam: runs on the worker thread before each count (a test holds the count there).
    void setBeforeCount(std::function<void()> hook) { m_beforeCount = std::move(hook); }

    FigureTableModel* model() const { return m_model; }
    MatterFiguresTable* matterFigures() const { return m_matters; }
    QTableView* view() const { return m_view; }
    QString message() const;
    QChartView* onTimeChart() const { return m_onTimeChart; }
    QChartView* departmentChart() const { return m_departmentChart; }
    QChartView* ratingChart() const { return m_ratingChart; }
    QString tableNote() const; // under the table, empty when there is nothing to say
    // The second part: the disclosure annual report's table 三 for a chosen year.
    DisclosureAnnualPanel* disclosurePanel() const { return m_disclosure; }
    QTabWidget* parts() const { return m_parts; }

    // Starts writing the figures (or the case list of the range) to `path`, CSV or XLSX by its
    // suffix, on a worker thread behind a window-modal progress dialog with Cancel; returns at
    // once: an error if it could not start, else exported() says when it is done, cancelled or
    // failed (lastExport(); the page's message says which).
    core::Status exportFigures(const QString& path);
    core::Status exportCaseList(const QString& path);
    bool exporting() const { return m_exporting; }
    core::Status lastExport() const { return m_lastExport; }
    // The report the Print button previews, for the counted range.
    documents::FigureReport report() const;

Q_SIGNALS:
    void counted();
    void exported();

protected:
    void showEvent(QShowEvent* event) override; // the first look counts this month at once

private:
    struct Count;
    struct ExportRun;
    void startCount(const store::FigureQuery& query);
    void countFinished();
    void showCount(const core::Result<Count>& result);
    store::FigureQuery currentQuery() const;
    void chooseAndExport(bool caseList, const QString& suffix);
    void printReport();
    void updateCharts();
    core::Status runExport(const QString& title,
                           std::function<core::Status(const exporting::ExportProgress&)> work);
    void exportFinished();
    core::Status exportBusy() const;
    void setExportButtonsEnabled(bool enabled);

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
    QLabel* m_tableNote; // under the table: why 受理 may exceed 收件 in a row
    MatterFiguresTable* m_matters = nullptr; // 一件事: the matters' figures of the range
    FigureTableModel* m_model;
    QTableView* m_view;
    QChartView* m_onTimeChart;
    QChartView* m_departmentChart;
    QChartView* m_ratingChart;
    QTabWidget* m_parts;
    DisclosureAnnualPanel* m_disclosure;

    // The running count: its query, the query asked for since (counted next), where the worker
    // leaves its result.
    QFutureWatcher<void>* m_countWatcher;
    bool m_counting = false;
    store::FigureQuery m_running;
    std::optional<store::FigureQuery> m_pending;
    std::shared_ptr<std::optional<core::Result<Count>>> m_countResult;
    std::function<void()> m_beforeCount;
    core::Status m_lastCount;

    QFutureWatcher<void>* m_exportWatcher;
    bool m_exporting = false;
    bool m_hasCount = false; // the exports and the report need a counted table
    std::shared_ptr<ExportRun> m_export;
    QString m_exportPath;
    QProgressDialog* m_exportProgress = nullptr;
    QTimer* m_exportTick;
    core::Status m_lastExport;
};

} // namespace onewindow::ui
