#pragma once

#include "core/Clock.h"
#include "core/DisclosureAnnual.h"
#include "core/Error.h"
#include "core/HallSettings.h"

#include <QWidget>

#include <memory>
#include <optional>

class QLabel;
class QPagedPaintDevice;
class QPushButton;
class QSpinBox;
class QStandardItemModel;
class QTableView;
template <typename T>
class QFutureWatcher;

namespace onewindow::store {
class Store;
}

namespace onewindow::ui {

// The figures page's 政府信息公开 part: the annual report's table 三 (政府信息公开条例 Art. 50;
// 国办公开办函〔2021〕30号) for a chosen year, counted from the events by store::DisclosureQueries
// on a worker thread, shown with the template's rows and columns as onewindowctl prints them (a
// kind's column headed in two lines) and
// the balance check stated; exported to CSV or XLSX and printed through the code the ctl uses
// (exporting::DisclosureAnnualSource, documents::printDisclosureAnnual).
class DisclosureAnnualPanel : public QWidget
{
    Q_OBJECT
public:
    DisclosureAnnualPanel(store::Store& store, const core::Clock& clock,
                          core::HallSettings settings, QWidget* parent = nullptr);

    void setSettings(const core::HallSettings& settings) { m_settings = settings; }
    void setYear(int year);
    int year() const;
    // Counts the chosen year on a worker thread and returns at once; counted() when shown. A
    // request while counting is counted after it (the latest year wins).
    void refresh();
    bool counting() const { return m_counting; }
    core::Status lastCount() const { return m_lastCount; }
    const std::optional<core::AnnualTable>& table() const { return m_table; }

    QTableView* view() const { return m_view; }
    QString balanceText() const; // the check under the table, empty before a count
    QString message() const;

    // The counted table to `path` (.csv or .xlsx), as onewindowctl writes it.
    core::Status exportTable(const QString& path);
    // The counted table painted as onewindowctl prints it (a printer, or a PDF writer in tests).
    core::Status paint(QPagedPaintDevice& device) const;

Q_SIGNALS:
    void counted();

protected:
    void showEvent(QShowEvent* event) override; // the first look counts the current year

private:
    void countFinished();
    void showTable(const core::AnnualTable& table);
    void chooseAndExport(const QString& suffix);
    void printTable();
    QString office() const;

    store::Store& m_store;
    const core::Clock& m_clock;
    core::HallSettings m_settings;

    QSpinBox* m_year;
    QPushButton* m_count;
    QPushButton* m_exportCsv;
    QPushButton* m_exportXlsx;
    QPushButton* m_print;
    QLabel* m_message;
    QLabel* m_balance;
    QStandardItemModel* m_model;
    QTableView* m_view;

    QFutureWatcher<void>* m_watcher;
    bool m_counting = false;
    int m_running = 0;
    std::optional<int> m_pending;
    std::shared_ptr<std::optional<core::Result<core::AnnualTable>>> m_result;
    std::optional<core::AnnualTable> m_table;
    core::Status m_lastCount;
};

} // namespace onewindow::ui
