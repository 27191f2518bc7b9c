#pragma once

#include "core/Clock.h"
#include "core/Error.h"
#include "core/WorkingCalendar.h"

#include <QMainWindow>

#include <memory>

class QTabWidget;

namespace onewindow::store {
class Store;
}

namespace onewindow::ui {

class CalendarPage;
class CatalogActions;
class CatalogPage;
class DeadlinePage;

// The workstation's main window. For now: the service catalog, the working-day calendar and the
// deadline calculator.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    MainWindow(store::Store& store, const core::Clock& clock, core::WorkingCalendar calendar,
               QWidget* parent = nullptr);
    ~MainWindow() override;

    struct ImportOutcome
    {
        bool imported = false;
        QStringList errors; // nothing was stored when not empty
        QStringList warnings;
        QStringList done; // one line per imported notice, and notes
    };
    // Imports holiday notice files all-or-nothing and refreshes every page (the menu's action,
    // without its file dialog, so tests can drive it).
    ImportOutcome importCalendarFiles(const QStringList& paths);

    CatalogPage* catalogPage() const { return m_catalogPage; }
    CatalogActions* catalogActions() const { return m_catalogActions; }
    CalendarPage* calendarPage() const { return m_calendarPage; }
    DeadlinePage* deadlinePage() const { return m_deadlinePage; }
    QTabWidget* tabs() const { return m_tabs; }
    const core::WorkingCalendar& calendar() const { return m_calendar; }

private:
    void buildMenus();
    void onImportCalendar();

    store::Store& m_store;
    const core::Clock& m_clock;
    core::WorkingCalendar m_calendar;
    QTabWidget* m_tabs;
    CatalogPage* m_catalogPage;
    CatalogActions* m_catalogActions;
    CalendarPage* m_calendarPage;
    DeadlinePage* m_deadlinePage;
};

} // namespace onewindow::ui
