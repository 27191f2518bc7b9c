#pragma once

#include "core/Clock.h"
#include "core/Error.h"
#include "core/WorkingCalendar.h"
#include "store/HallConfig.h"
#include "store/UserRepository.h"
#include "ui/DocumentPreview.h"

#include <QMainWindow>

#include <memory>

class QMenu;
class QTabWidget;
class QTimer;

namespace onewindow::store {
class Store;
class CaseStore;
} // namespace onewindow::store

namespace onewindow::ui {

class CalendarPage;
class QueuePage;
class ReadyPage;
class CatalogActions;
class CatalogPage;
class DeadlinePage;
class InquiryPage;
class TrayNotifier;

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

    // Who works at this window now; what they may do follows from their role.
    void setSignedIn(const store::User& user, const store::HallConfig& config);
    // The hall's settings as the store holds them now (a pull brought new ones): the title, the
    // status bar, "today" in the hall's zone with every page that shows it, and the folds (office
    // hours, clock gap) follow at once, without signing in again. MainWindowSession.cpp.
    void takeHallSettings();
    // Shows the window at the size it had when it was last closed, else maximised (a hall's
    // screen is the workstation's: no 1000×700 window in a corner of it).
    void showAtRememberedSize();
    const store::User& user() const { return m_user; }
    // The lock (Ctrl+L, Win+L, and the idle lock): hides the work until the signed-in user's
    // password is given again, or a supervisor takes the window over: then the locked session
    // is closed (an intake kept as its clerk's draft) and the supervisor's begins.
    void lock();
    // 注销/切换用户: asks first when something is unsaved, closes the session (open dialogs
    // closed, an intake kept as a draft) and signs someone in. False when the person went back.
    bool signOut();
    // What quitting or signing out would lose: an open dialog (an intake, a case's form) or a
    // first inquiry typed and not recorded. Empty when nothing.
    QString unsavedWork() const;
    QAction* lockAction() const { return m_lockAction; }
    QAction* signOutAction() const { return m_signOutAction; }
    QAction* findAction() const { return m_findAction; }
    // Intake at this window (F2): returns the new case number, empty when cancelled.
    QString startIntake();
    // One intake for a whole matter (一件事, Shift+F2); returns the matter's number.
    QString startMatterIntake();
    // The clocks tick while the app runs: once a minute, and at once when the day turns, the queue
    // is recoloured and clocks that have run out produce their system events (deemed acceptance,
    // deemed abandonment), once. Returns how many such events this workstation produced.
    // When the hall's day has turned, every page showing "today" moves on (dayChanged).
    int tick();
    // The hall's settings (zone, codes, hours ...): one object for every page.
    const core::HallSettings& settings() const { return m_settings; }
    // Today at the hall: the clock's civil date in the hall's zone.
    QDate today() const { return m_settings.today(m_clock); }
    // Administration → Users (administrators only): the hall's users and the idle lock.
    void openUsers();
    // Help → About (Alt+J, A): the version and the commit this build came from.
    void showAbout();

    QueuePage* queuePage() const { return m_queuePage; }
    void openCase(const QString& caseId);
    // Cases → Open matter (Ctrl+J): a matter's view by its number (asked when not given).
    void openMatter(const QString& number = {});
    DocumentPrinting documentPrinting() const;
    CatalogPage* catalogPage() const { return m_catalogPage; }
    CatalogActions* catalogActions() const { return m_catalogActions; }
    CalendarPage* calendarPage() const { return m_calendarPage; }
    DeadlinePage* deadlinePage() const { return m_deadlinePage; }
    InquiryPage* inquiryPage() const { return m_inquiryPage; }
    ReadyPage* readyPage() const { return m_readyPage; }
    TrayNotifier* trayNotifier() const { return m_tray; }
    QTabWidget* tabs() const { return m_tabs; }
    const core::WorkingCalendar& calendar() const { return m_calendar; }
    QAction* usersAction() const { return m_usersAction; }

Q_SIGNALS:
    // The administrator changed the hall's idle-lock minutes; the running IdleLock takes them.
    void idleMinutesChanged(int minutes);
    // The hall's civil date turned (its midnight, in its zone), seen at a tick.
    void dayChanged(const QDate& today);
    // A sync brought the hall's events: an open case view reads its case again.
    void hallCasesChanged();

protected:
    void closeEvent(QCloseEvent* event) override; // Ctrl+Q and the window's close: ask first

private:
    void addSessionActions(QMenu* file); // MainWindowSession.cpp
    // Ends the signed-in user's session: every open dialog closed without its Esc questions (an
    // intake's draft stays), then the window is nobody's until setSignedIn.
    void closeSession(QWidget* keep = nullptr);
    // Asks whether to drop `what`; true to go on.
    bool confirmDropping(const QString& title, const QString& what);
    // What the signed-in user's role offers: menus, the catalog's editing, the supervisor's tabs.
    void applyRole();
    void showWho(); // title and status bar: hall, user, window
    void buildMenus();
    void onImportCalendar();
    // Moves every page that shows "today" on to `today`.
    void applyToday(const QDate& today);

    store::Store& m_store;
    const core::Clock& m_clock;
    core::WorkingCalendar m_calendar;
    QTabWidget* m_tabs;
    QueuePage* m_queuePage;
    CatalogPage* m_catalogPage;
    CatalogActions* m_catalogActions;
    CalendarPage* m_calendarPage;
    DeadlinePage* m_deadlinePage;
    InquiryPage* m_inquiryPage;
    ReadyPage* m_readyPage;
    TrayNotifier* m_tray;
    store::User m_user;
    std::unique_ptr<store::CaseStore> m_cases;
    QAction* m_intakeAction = nullptr;
    QAction* m_usersAction = nullptr;
    QAction* m_lockAction = nullptr;
    QAction* m_signOutAction = nullptr;
    QAction* m_findAction = nullptr;
    QMenu* m_adminMenu = nullptr;
    QTimer* m_ticker = nullptr;
    QDate m_lastTickDay;
    QDate m_shownDay; // the day the pages show as today
    core::HallSettings m_settings;
};

} // namespace onewindow::ui
