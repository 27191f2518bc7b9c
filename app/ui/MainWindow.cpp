#include "ui/MainWindow.h"

#include "store/SyncRepository.h"
#include "ui/SyncStatusWidget.h"

#include "core/CalendarImport.h"
#include "store/CalendarImportService.h"
#include "store/CalendarRepository.h"
#include "store/CaseStore.h"
#include "store/OfficeNumbers.h"
#include "store/Store.h"
#include "store/SupervisionQueries.h"
#include "ui/AboutDialog.h"
#include "ui/CalendarPage.h"
#include "ui/CaseView.h"
#include "ui/CatalogActions.h"
#include "ui/CatalogPage.h"
#include "ui/DeadlinePage.h"
#include "ui/FiguresPage.h"
#include "ui/InquiryPage.h"
#include "ui/IntakeDialog.h"
#include "ui/MatterIntakeDialog.h"
#include "ui/MatterPreview.h"
#include "ui/MatterView.h"
#include "ui/QueuePage.h"
#include "ui/ReadyPage.h"
#include "ui/SignInDialog.h"
#include "ui/StoreHealthBanner.h"
#include "ui/SupervisorPage.h"
#include "ui/TrayNotifier.h"
#include "ui/UsersDialog.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace onewindow::ui {

MainWindow::MainWindow(store::Store& store, const core::Clock& clock,
                       core::WorkingCalendar calendar, QWidget* parent)
    : QMainWindow(parent), m_store(store), m_clock(clock), m_calendar(std::move(calendar))
{
    setWindowTitle(tr("OneWindow Service Workstation"));
    // The hall's settings as set up (defaults before the first-start setup); sign-in reloads.
    if (auto settings = store::HallConfigRepository(m_store).loadOrDefaults())
        m_settings = *settings;
    const QDate today = m_settings.today(m_clock);
    m_shownDay = today;
    m_tabs = new QTabWidget(this);
    m_queuePage = new QueuePage(m_store, m_tabs);
    m_catalogPage = new CatalogPage(m_store, m_tabs);
    m_catalogActions = new CatalogActions(m_store, m_catalogPage, this);
    m_calendarPage = new CalendarPage(&m_calendar, today, m_tabs);
    m_deadlinePage = new DeadlinePage(&m_calendar, today, m_tabs);
    m_tabs->addTab(m_queuePage, tr("&My cases"));
    m_tabs->addTab(m_catalogPage, tr("Service &items"));
    connect(m_queuePage, &QueuePage::openCase, this, &MainWindow::openCase);
    m_tabs->addTab(m_calendarPage, tr("Working-day &calendar"));
    m_tabs->addTab(m_deadlinePage, tr("&Deadline calculator"));
    m_inquiryPage = new InquiryPage(m_store, m_clock, m_settings, m_tabs);
    m_tabs->addTab(m_inquiryPage, tr("First in&quiries"));
    // 综合窗口出件 (issue 18): the results ready for pick-up, whoever took the case in.
    m_readyPage = new ReadyPage(m_store, m_tabs);
    m_readyPage->setZone(m_settings.zone);
    // No Alt letter is free on every page the tab bar shows with: Alt+6 (the View menu) reaches it.
    m_tabs->addTab(m_readyPage, tr("Ready for pick-up"));
    connect(m_readyPage, &ReadyPage::openCase, this, &MainWindow::openCase);
    // A damaged store is told above the pages for as long as the window is open (checked off the
    // UI thread: a big store delays nothing).
    auto* central = new QWidget(this);
    auto* column = new QVBoxLayout(central);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(0);
    column->addWidget(new StoreHealthBanner(m_store, central));
    column->addWidget(m_tabs);
    setCentralWidget(central);
    m_tray = new TrayNotifier(m_store, statusBar(), this);
    // Windows in sync (issue 18): a store enrolled in a hall syncs in the background.
    if (store::SyncRepository::enrolled(m_store)) {
        // A department's back office: its queue is the cases the windows forwarded to it.
        if (const QString department = store::SyncRepository::backOfficeDepartment(m_store);
            !department.isEmpty()) {
            m_queuePage->setBackOffice(department);
            m_tabs->setTabText(m_tabs->indexOf(m_queuePage), tr("&My department's cases"));
            // A back office decides; the windows hand out.
            m_tabs->removeTab(m_tabs->indexOf(m_readyPage));
        }
        auto* sync = new SyncStatusWidget(m_settings.zone, this);
        statusBar()->addPermanentWidget(sync);
        // A holiday notice pulled from the hall: the running window counts with it at once, as
        // after an import here (行政许可法 Art. 82: the hall's working days).
        connect(sync, &SyncStatusWidget::hallCalendarChanged, this, [this] {
            if (m_cases)
                m_cases->reloadCalendar();
            auto notices = store::CalendarRepository(m_store).loadNotices();
            if (!notices)
                return;
            m_calendar = core::WorkingCalendar(*notices);
            m_calendarPage->setCalendar(&m_calendar);
            m_deadlinePage->setCalendar(&m_calendar);
            if (m_cases)
                m_queuePage->refresh();
        });
        // Own records the hall rejected: the clerk is told once (the tray, else the status bar).
        connect(sync, &SyncStatusWidget::rejectedRecords, this, [this] {
            if (m_cases) // signed in: someone to tell
                m_tray->tellRejected(m_clock.nowUtc(), m_settings.zone);
        });
        connect(sync, &SyncStatusWidget::hallCasesChanged, this, [this] {
            if (!m_cases)
                return;
            Q_EMIT hallCasesChanged();
            m_queuePage->refresh();
            if (auto* supervision = m_tabs->findChild<SupervisorPage*>())
                supervision->refresh();
        });
        connect(sync, &SyncStatusWidget::hallSettingsChanged, this, &MainWindow::takeHallSettings);
        // Decision 11: the queue's search also asks the hall's server, for cases older than the
        // working set this store holds (its own thread and store connection).
        m_queuePage->offerHallSearch(m_store.path(), m_clock, m_settings);
        sync->startService(m_store.path(), m_clock, m_settings);
    }
    buildMenus();
    statusBar()->showMessage(tr("Store: %1").arg(m_store.path()));
    resize(1000, 700);
}

MainWindow::~MainWindow() = default;

int MainWindow::tick()
{
    if (!m_cases)
        return 0;
    const QDate today = m_settings.today(m_clock);
    auto produced = m_cases->produceDueSystemEvents(today);
    if (!produced) {
        statusBar()->showMessage(produced.error().message, 15000);
        return 0;
    }
    if (*produced > 0 || today != m_lastTickDay) {
        m_lastTickDay = today;
        m_queuePage->setClerk(m_user, today);
        if (*produced > 0)
            statusBar()->showMessage(tr("%n case(s) reached the end of a statutory period and were "
                                        "recorded as the law says.",
                                        nullptr, *produced),
                                     15000);
    }
    if (today != m_shownDay)
        applyToday(today);
    m_tray->check(m_user, m_calendar, today);
    m_tray->tellRejected(m_clock.nowUtc(), m_settings.zone);
    return *produced;
}

void MainWindow::applyToday(const QDate& today)
{
    m_shownDay = today;
    m_calendarPage->setToday(today);
    m_deadlinePage->setToday(today);
    m_inquiryPage->refresh();
    if (auto* supervision = m_tabs->findChild<SupervisorPage*>())
        supervision->refresh();
    if (auto* figures = m_tabs->findChild<FiguresPage*>())
        figures->setToday(today);
    Q_EMIT dayChanged(today);
}

DocumentPrinting MainWindow::documentPrinting() const
{
    DocumentPrinting printing;
    printing.cases = m_cases.get();
    printing.clock = &m_clock;
    const documents::HallProfileLoad loaded =
        documents::loadHallProfile(documents::defaultConfigDir());
    printing.hall = loaded.profile;
    if (!loaded.warnings.isEmpty()) {
        QStringList lines;
        for (const core::Error& w : loaded.warnings) {
            qWarning("hall profile: %s: %s", qPrintable(w.code), qPrintable(w.message));
            lines.append(w.message);
        }
        statusBar()->showMessage(
            tr("The hall's configuration has problems; documents are printed with the defaults "
               "for them. Ask the administrator to correct hall.json: %1")
                .arg(lines.join(QStringLiteral("；"))),
            30000);
    }
    // The name given at first-start setup, where hall.json gives none (as the ctl does).
    if ((printing.hall.name.isEmpty() ||
         printing.hall.name == documents::defaultHallProfile().name) &&
        !m_settings.hallName.isEmpty())
        printing.hall.name = m_settings.hallName;
    // A hall whose letters carry no name or no seal is told so on screen, not only on stderr.
    const bool unnamed =
        printing.hall.name.isEmpty() || printing.hall.name == documents::defaultHallProfile().name;
    if (unnamed || printing.hall.sealImage.isEmpty()) {
        const QString missing = unnamed && printing.hall.sealImage.isEmpty()
                                    ? tr("the hall's name and seal image")
                                    : (unnamed ? tr("the hall's name") : tr("the seal image"));
        const QString text =
            tr("Documents are printed without %1: ask the administrator to set them in hall.json "
               "(%2).")
                .arg(missing, documents::defaultConfigDir());
        auto* label = statusBar()->findChild<QLabel*>(QStringLiteral("hallProfileWarning"));
        if (!label) {
            label = new QLabel(statusBar());
            label->setObjectName(QStringLiteral("hallProfileWarning"));
            label->setStyleSheet(QStringLiteral("color:#a40000"));
            statusBar()->addPermanentWidget(label);
        }
        // Short on the bar, whose room the sync status and the tray's notices share; the whole
        // of it on the pointer.
        label->setText(tr("Documents are printed without %1").arg(missing));
        label->setToolTip(text);
    } else if (auto* label =
                   statusBar()->findChild<QLabel*>(QStringLiteral("hallProfileWarning"))) {
        label->clear(); // configured since: no stale warning
        label->setToolTip(QString());
    }
    if (printing.cases) { // the offices' 文号 (hall.json departments)
        const auto prefixes = documents::officeDocPrefixes(printing.hall);
        printing.cases->setOfficeDocPrefixes(prefixes);
        // Decision 5: at an enrolled window the year's first 文号 block of each office is asked
        // for now, so the background sync has it before the first letter is printed.
        QStringList series = prefixes.values();
        series.removeDuplicates();
        store::OfficeNumbers(printing.cases->store())
            .prepare(series, m_settings.today(m_clock).year());
    }
    printing.actor = m_user.userId;
    return printing;
}

void MainWindow::openCase(const QString& caseId)
{
    if (!m_cases)
        return;
    // The lists are read again only when the log moved meanwhile (an act, a print, a pull).
    const store::SupervisionQueries log(m_store, m_cases->calendar());
    const auto before = log.eventMark();
    CaseView view(*m_cases, m_user, caseId, today(), this);
    view.setPrinting(documentPrinting());
    connect(this, &MainWindow::hallCasesChanged, &view, &CaseView::refreshFromHall);
    view.exec();
    const auto after = log.eventMark();
    if (before && after && *before == *after)
        return;
    m_queuePage->refresh();
    m_readyPage->refresh(); // handed out: off the queue
}

void MainWindow::openMatter(const QString& number)
{
    if (!m_cases)
        return;
    QString asked = number;
    if (asked.isEmpty()) {
        bool ok = false;
        asked = QInputDialog::getText(this, tr("Open matter"),
                                      tr("Matter number (e.g. 620102-20261206-W07-0042-J):"),
                                      QLineEdit::Normal, QString(), &ok)
                    .trimmed()
                    .toUpper();
        if (!ok || asked.isEmpty())
            return;
    }
    MatterView view(*m_cases, m_user, asked, today(), this);
    view.setPrinting(documentPrinting());
    view.exec();
    m_queuePage->refresh();
}

QString MainWindow::startIntake()
{
    if (!m_cases)
        return QString();
    IntakeDialog intake(m_store, *m_cases, m_user, today(), this);
    intake.offerDraft();
    if (intake.exec() != QDialog::Accepted)
        return QString();
    statusBar()->showMessage(tr("Case %1 recorded.").arg(intake.caseNumber()), 15000);
    m_queuePage->refresh();
    m_queuePage->selectCase(intake.caseId()); // the case just taken in is the current row
    // Intake ends with the written certificate (行政许可法 Art. 32): acceptance, notice or refusal.
    if (auto state = m_cases->state(intake.caseId())) {
        const core::DocumentKind kind = state->status == core::CaseStatus::Refused
                                            ? core::DocumentKind::Refusal
                                        : state->status == core::CaseStatus::AwaitingCorrection
                                            ? core::DocumentKind::Notice
                                            : core::DocumentKind::Acceptance;
        previewDocument(this, documentPrinting(), intake.caseId(), kind);
    }
    return intake.caseNumber();
}

QString MainWindow::startMatterIntake()
{
    if (!m_cases)
        return QString();
    MatterIntakeDialog intake(m_store, *m_cases, m_user, this);
    intake.offerDraft(); // a matter intake cut off (closed, locked, taken over) is offered back
    if (intake.exec() != QDialog::Accepted)
        return QString();
    statusBar()->showMessage(
        tr("Matter %1 recorded: %2.")
            .arg(intake.matterNumber(), intake.caseNumbers().join(QStringLiteral("、"))),
        30000);
    m_queuePage->refresh();
    if (!intake.caseIds().isEmpty())
        m_queuePage->selectCase(intake.caseIds().first());
    // One receipt listing every part, and one notice of everything missing across them.
    previewMatterLetters(this, documentPrinting(), intake.matterNumber());
    return intake.matterNumber();
}

void MainWindow::applyRole()
{
    const core::Role role = m_user.role;
    const bool admin = role == core::Role::Administrator;
    m_catalogPage->setEditable(admin);
    m_usersAction->setEnabled(admin); // a hidden menu alone would leave its shortcut working
    m_adminMenu->menuAction()->setVisible(admin);
    // The hall supervisor's workspace: a tab for supervisors and administrators only.
    auto* supervision = m_tabs->findChild<SupervisorPage*>();
    if (!supervision && role != core::Role::Clerk) {
        supervision = new SupervisorPage(m_store, m_tabs);
        m_tabs->addTab(supervision, tr("Hall s&upervision"));
        connect(supervision, &SupervisorPage::openCase, this, &MainWindow::openCase);
    }
    if (supervision) {
        m_tabs->setTabVisible(m_tabs->indexOf(supervision), role != core::Role::Clerk);
        supervision->setSupervisor(*m_cases, m_user, documentPrinting()); // a clerk: it lets go
    }
    // The figures: read by supervisors and administrators; a clerk's window does without the tab.
    auto* figures = m_tabs->findChild<FiguresPage*>();
    if (!figures && role != core::Role::Clerk) {
        figures = new FiguresPage(m_store, m_clock, m_calendar, m_settings, m_tabs);
        m_tabs->addTab(figures, tr("Fi&gures"));
    }
    if (figures) {
        m_tabs->setTabVisible(m_tabs->indexOf(figures), role != core::Role::Clerk);
        figures->setSettings(m_settings);
    }
}

void MainWindow::openUsers()
{
    if (m_user.role != core::Role::Administrator)
        return;
    UsersDialog users(m_store, m_user, this);
    connect(&users, &UsersDialog::idleMinutesChanged, this, &MainWindow::idleMinutesChanged);
    users.exec();
    // An administrator may have handed their own role to another one: what this session offers
    // (menus, the catalog's editing, the supervisor's tabs) follows at once.
    if (auto me = store::UserRepository(m_store).byId(m_user.userId)) {
        m_user = *me;
        applyRole();
    }
}

void MainWindow::buildMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* import = file->addAction(tr("&Import holiday notice..."));
    import->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    connect(import, &QAction::triggered, this, &MainWindow::onImportCalendar);
    file->addSeparator();
    m_catalogActions->addTo(file);
    file->addSeparator();
    addSessionActions(file);
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"));
    // Ctrl+Q whatever the platform theme says (some have no Quit binding at all).
    quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    connect(quit, &QAction::triggered, this, &QWidget::close);

    QMenu* cases = menuBar()->addMenu(tr("&Cases"));
    m_intakeAction = cases->addAction(tr("&Intake..."));
    m_intakeAction->setShortcut(QKeySequence(Qt::Key_F2));
    m_intakeAction->setEnabled(false); // once someone has signed in
    connect(m_intakeAction, &QAction::triggered, this, &MainWindow::startIntake);
    QAction* matterIntake = cases->addAction(tr("&Matter intake (一件事)..."));
    matterIntake->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F2));
    connect(m_intakeAction, &QAction::changed, matterIntake,
            [this, matterIntake] { matterIntake->setEnabled(m_intakeAction->isEnabled()); });
    matterIntake->setEnabled(false);
    connect(matterIntake, &QAction::triggered, this, &MainWindow::startMatterIntake);
    QAction* openMatterAction = cases->addAction(tr("&Open matter..."));
    openMatterAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_J));
    connect(m_intakeAction, &QAction::changed, openMatterAction, [this, openMatterAction] {
        openMatterAction->setEnabled(m_intakeAction->isEnabled());
    });
    openMatterAction->setEnabled(false);
    connect(openMatterAction, &QAction::triggered, this, [this] { openMatter(); });
    // The queue's search from anywhere in the window: Ctrl+F, and F3 as in most search boxes.
    m_findAction = cases->addAction(tr("&Find case..."));
    m_findAction->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_F), QKeySequence(Qt::Key_F3)});
    connect(m_findAction, &QAction::triggered, this, [this] {
        m_tabs->setCurrentWidget(m_queuePage);
        m_queuePage->focusSearch();
    });

    m_adminMenu = menuBar()->addMenu(tr("&Administration"));
    m_adminMenu->menuAction()->setVisible(false); // for a signed-in administrator only
    m_usersAction = m_adminMenu->addAction(tr("&Users..."));
    m_usersAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_U));
    m_usersAction->setEnabled(false);
    connect(m_usersAction, &QAction::triggered, this, &MainWindow::openUsers);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    for (int i = 0; i < m_tabs->count(); ++i) {
        QAction* go = view->addAction(m_tabs->tabText(i));
        go->setShortcut(QKeySequence(Qt::ALT | static_cast<Qt::Key>(Qt::Key_1 + i)));
        connect(go, &QAction::triggered, this, [this, i] {
            m_tabs->setCurrentIndex(i);
            // Typing goes on at once: into the page's own place for it (the queue: its search).
            if (QWidget* page = m_tabs->currentWidget(); page && page->focusProxy())
                page->setFocus(Qt::ShortcutFocusReason);
        });
    }

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    QAction* about = help->addAction(tr("&About OneWindow..."));
    connect(about, &QAction::triggered, this, &MainWindow::showAbout);
}

void MainWindow::showAbout()
{
    AboutDialog about(this);
    about.exec();
}

MainWindow::ImportOutcome MainWindow::importCalendarFiles(const QStringList& paths)
{
    ImportOutcome outcome;
    // The one import (store/CalendarImportService): the notices stored and every case they touch
    // recomputed, with its timeline entry, in one transaction.
    std::unique_ptr<store::CaseStore> own;
    store::CaseStore* cases = m_cases.get();
    if (!cases) {
        own = std::make_unique<store::CaseStore>(m_store);
        cases = own.get();
    }
    const store::CalendarImportOutcome done = store::importCalendarFiles(*cases, paths);
    for (const core::Error& e : done.plan.errors)
        outcome.errors.append(e.message);
    for (const core::Error& w : done.plan.warnings)
        outcome.warnings.append(w.message);
    if (!done.imported)
        return outcome;
    // The running window counts with the new calendar at once: every page and every clock.
    m_calendar = cases->calendar();
    m_calendarPage->setCalendar(&m_calendar);
    m_deadlinePage->setCalendar(&m_calendar);
    if (m_cases)
        m_queuePage->refresh();
    outcome.done = done.doneLines();
    outcome.imported = true;
    return outcome;
}

void MainWindow::onImportCalendar()
{
    const QStringList paths =
        QFileDialog::getOpenFileNames(this, tr("Import State Council holiday notices"), QString(),
                                      tr("Holiday notices (*.json);;All files (*)"));
    if (paths.isEmpty())
        return;
    const ImportOutcome outcome = importCalendarFiles(paths);
    QMessageBox box(this);
    box.setWindowTitle(tr("Import holiday notices"));
    if (!outcome.errors.isEmpty()) {
        box.setIcon(QMessageBox::Warning);
        box.setText(tr("Nothing was imported; the stored calendar is unchanged. Correct the "
                       "files and import them again."));
        box.setDetailedText((outcome.errors + outcome.warnings).join(QLatin1Char('\n')));
    } else {
        box.setIcon(outcome.warnings.isEmpty() ? QMessageBox::Information : QMessageBox::Warning);
        box.setText(outcome.done.join(QLatin1Char('\n')));
        if (!outcome.warnings.isEmpty())
            box.setDetailedText(outcome.warnings.join(QLatin1Char('\n')));
        statusBar()->showMessage(outcome.done.join(QStringLiteral("；")), 10000);
    }
    box.exec();
}

} // namespace onewindow::ui
