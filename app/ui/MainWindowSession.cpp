// The main window's sessions: the lock (Ctrl+L, Win+L, idle), a supervisor's takeover of a locked
// window, signing in, signing out or switching user, and quitting with something unsaved.
#include "ui/MainWindow.h"

#include "store/CaseStore.h"
#include "store/DraftRepository.h"
#include "store/HallConfig.h"
#include "store/SyncRepository.h"
#include "ui/FiguresPage.h"
#include "ui/InquiryPage.h"
#include "ui/QueuePage.h"
#include "ui/ReadyPage.h"
#include "ui/SignInDialog.h"
#include "ui/SupervisorPage.h"
#include "ui/SyncStatusWidget.h"
#include "ui/UiState.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDialog>
#include <QMenu>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>

namespace onewindow::ui {

void MainWindow::addSessionActions(QMenu* file)
{
    m_lockAction = file->addAction(tr("&Lock"));
    m_lockAction->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::Key_L), QKeySequence(Qt::META | Qt::Key_L)});
    connect(m_lockAction, &QAction::triggered, this, &MainWindow::lock);
    m_signOutAction = file->addAction(tr("Sign &out / switch user..."));
    connect(m_signOutAction, &QAction::triggered, this, &MainWindow::signOut);
}

QString MainWindow::unsavedWork() const
{
    QStringList what;
    for (QWidget* top : QApplication::topLevelWidgets())
        if (auto* dialog = qobject_cast<QDialog*>(top); dialog && dialog->isVisible())
            what.append(tr("the open window “%1”").arg(dialog->windowTitle()));
    if (m_inquiryPage->hasUnsavedInput())
        what.append(tr("a first inquiry typed but not recorded"));
    return what.join(tr(", "));
}

bool MainWindow::confirmDropping(const QString& title, const QString& what)
{
    QMessageBox box(QMessageBox::Question, title,
                    tr("Not saved: %1. An intake is kept as a draft; anything else typed is "
                       "lost.")
                        .arg(what),
                    QMessageBox::NoButton, this);
    box.setObjectName(QStringLiteral("confirmDropping"));
    QPushButton* go = box.addButton(title, QMessageBox::DestructiveRole);
    QPushButton* back = box.addButton(tr("&Go back"), QMessageBox::RejectRole);
    box.setDefaultButton(back); // Enter does not drop anything
    box.setEscapeButton(back);
    box.exec();
    return box.clickedButton() == go;
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (const QString what = unsavedWork(); !what.isEmpty() && !confirmDropping(tr("Quit"), what)) {
        event->ignore();
        return;
    }
    uistate::saveWindow(this);
    event->accept();
}

void MainWindow::showAtRememberedSize()
{
    if (uistate::restoreWindow(this))
        show();
    else
        showMaximized();
}

void MainWindow::closeSession(QWidget* keep)
{
    // done(), not reject(): an intake's Esc goes a step back or asks to clear what was typed;
    // here its draft is what keeps the clerk's work.
    for (QWidget* top : QApplication::topLevelWidgets())
        if (auto* dialog = qobject_cast<QDialog*>(top);
            dialog && dialog != keep && dialog->isVisible())
            dialog->done(QDialog::Rejected);
    m_inquiryPage->clearForm();
}

void MainWindow::lock()
{
    if (m_user.userId.isEmpty())
        return;
    centralWidget()->hide();
    // An open dialog (an intake half done, a case) keeps running under the lock with its contents
    // hidden: hiding the dialog itself would end its exec() and drop the clerk's work.
    QList<QPointer<QWidget>> covered;
    for (QWidget* top : QApplication::topLevelWidgets()) {
        if (top == this || !top->isVisible())
            continue;
        for (QWidget* child : top->findChildren<QWidget*>(Qt::FindDirectChildrenOnly))
            if (child->isVisible()) {
                child->hide();
                covered.append(child);
            }
    }
    store::User next;
    bool tookOver = false;
    for (;;) {
        SignInDialog unlock(m_store, m_settings.hallName, QString(), m_user, this);
        if (unlock.exec() == QDialog::Accepted) {
            next = unlock.user();
            tookOver = unlock.tookOver();
            break;
        }
    }
    for (const QPointer<QWidget>& child : std::as_const(covered))
        if (child)
            child->show();
    if (tookOver) {
        const QString was = m_user.displayName;
        closeSession();
        setSignedIn(next, m_settings);
        statusBar()->showMessage(tr("%1 took over this window; the session of %2 was closed (an "
                                    "intake in progress is kept as their draft).")
                                     .arg(next.displayName, was),
                                 30000);
    }
    centralWidget()->show();
}

bool MainWindow::signOut()
{
    if (m_user.userId.isEmpty())
        return false;
    if (const QString what = unsavedWork();
        !what.isEmpty() && !confirmDropping(tr("Sign out"), what))
        return false;
    closeSession();
    m_user = store::User();
    m_intakeAction->setEnabled(false);
    centralWidget()->hide();
    setWindowTitle(tr("OneWindow Service Workstation"));
    SignInDialog signIn(m_store, m_settings.hallName, QString(), std::nullopt, this);
    if (signIn.exec() != QDialog::Accepted) {
        close(); // nobody signs in: the workstation ends, as at the first sign-in
        return true;
    }
    setSignedIn(signIn.user(), m_settings); // it chooses the start page
    centralWidget()->show();
    return true;
}

void MainWindow::setSignedIn(const store::User& user, const store::HallConfig& config)
{
    m_user = user;
    m_settings = config;
    showWho();
    m_cases = std::make_unique<store::CaseStore>(m_store, config);
    m_inquiryPage->setCases(m_cases.get()); // an inquiry about a case goes into its record
    m_intakeAction->setEnabled(true);
    applyRole();
    m_lastTickDay = QDate(); // the first tick fills the queue
    m_inquiryPage->setSettings(m_settings);
    m_readyPage->setZone(m_settings.zone);
    m_inquiryPage->setClerk(user);
    if (!m_ticker) {
        m_ticker = new QTimer(this);
        m_ticker->setInterval(60 * 1000);
        connect(m_ticker, &QTimer::timeout, this, &MainWindow::tick);
        m_ticker->start();
    }
    tick();
    // Each starts where their work is: a clerk on 我的办件, a supervisor on the board.
    auto* supervision = m_tabs->findChild<SupervisorPage*>();
    if (user.role == core::Role::Supervisor && supervision)
        m_tabs->setCurrentWidget(supervision);
    else
        m_tabs->setCurrentWidget(m_queuePage);
    // An intake cut off is offered back, a case's and then a matter's, one after the other.
    const store::DraftRepository drafts(m_store);
    const bool single = drafts.exists(user.userId);
    const bool matter = drafts.matterExists(user.userId);
    if (single || matter)
        QTimer::singleShot(0, this, [this, single, matter] {
            if (single)
                startIntake();
            if (matter)
                startMatterIntake();
        });
}

void MainWindow::showWho()
{
    // A department's back office is no window (its clerk is no window clerk there): the station
    // and the department it decides for are named instead.
    if (const QString department = store::SyncRepository::backOfficeDepartment(m_store);
        !department.isEmpty()) {
        setWindowTitle(tr("%1 - %2, back office %3")
                           .arg(m_settings.hallName, m_user.displayName, m_settings.deviceCode));
        statusBar()->showMessage(
            tr("%1 (deciding for %2) at back-office station %3 · store %4")
                .arg(m_user.displayName, department, m_settings.deviceCode, m_store.path()));
        return;
    }
    setWindowTitle(tr("%1 - %2, window %3")
                       .arg(m_settings.hallName, m_user.displayName, m_settings.deviceCode));
    statusBar()->showMessage(tr("%1 (%2) at window %3 · store %4")
                                 .arg(m_user.displayName, core::roleName(m_user.role),
                                      m_settings.deviceCode, m_store.path()));
}

void MainWindow::takeHallSettings()
{
    auto config = store::HallConfigRepository(m_store).load();
    if (!config) {
        statusBar()->showMessage(config.error().message, 15000);
        return;
    }
    const bool idleChanged = config->idleLockMinutes != m_settings.idleLockMinutes;
    m_settings = *config;
    if (auto* sync = findChild<SyncStatusWidget*>())
        sync->setZone(m_settings.zone);
    m_inquiryPage->setSettings(m_settings);
    m_readyPage->setZone(m_settings.zone);
    m_queuePage->setHallSettings(m_settings); // the hall search names the hall
    if (auto* figures = m_tabs->findChild<FiguresPage*>())
        figures->setSettings(m_settings);
    if (idleChanged)
        Q_EMIT idleMinutesChanged(m_settings.idleLockMinutes);
    if (!m_cases)
        return; // nobody signed in: the next sign-in takes them (setSignedIn)
    m_cases->setSettings(m_settings);
    showWho();
    // "Today" in the hall's zone: the queue, the calendar, the deadline pages and the board.
    m_lastTickDay = QDate();
    m_shownDay = QDate();
    tick();
}

} // namespace onewindow::ui
