// Issue 16, the window from the keyboard: the queue's search within reach, the lock, signing out
// and a supervisor's takeover, and --store honoured with --demo.
#include "ui/KeysFixture.h"

#include "support/TestSupport.h"

#include "core/Users.h"
#include "store/CalendarRepository.h"
#include "store/CaseStore.h"
#include "store/DraftRepository.h"
#include "store/Store.h"
#include "ui/CaseRowModel.h"
#include "ui/InquiryPage.h"
#include "ui/IntakeDialog.h"
#include "ui/MainWindow.h"
#include "ui/QueuePage.h"
#include "ui/SignInDialog.h"
#include "ui/Startup.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

using namespace onewindow;

namespace {

struct KeysWindow
{
    test::KeysDesk d;
    std::unique_ptr<ui::MainWindow> window;

    explicit KeysWindow(const store::User* user = nullptr)
    {
        auto notices = store::CalendarRepository(*d.store).loadNotices();
        REQUIRE(notices.ok());
        window =
            std::make_unique<ui::MainWindow>(*d.store, d.clock, core::WorkingCalendar(*notices));
        window->setSignedIn(user ? *user : d.clerk, d.config);
        window->resize(1200, 800);
        window->show();
        REQUIRE(QTest::qWaitForWindowExposed(window.get()));
        QApplication::setActiveWindow(window.get());
    }
};

} // namespace

TEST_CASE("The queue's search is within reach: Alt+1 puts the cursor in it, typing on the list "
          "goes into it, Ctrl+F and F3 reach it from any page, and the list has a current row")
{
    KeysWindow w;
    const QString first = w.d.receive();
    const QString second = w.d.receive();
    w.window->queuePage()->refresh();
    ui::QueuePage* queue = w.window->queuePage();
    QTableView* list = queue->view();
    CHECK(list->currentIndex().isValid()); // ↓ and Enter work at once

    // Alt+3 (another page), then Alt+1: typing goes into the search box.
    QTest::keyClick(w.window.get(), Qt::Key_3, Qt::AltModifier);
    CHECK(w.window->tabs()->currentIndex() == 2);
    QTest::keyClick(w.window.get(), Qt::Key_1, Qt::AltModifier);
    CHECK(w.window->tabs()->currentWidget() == queue);
    CHECK(QApplication::focusWidget() == queue->searchEdit());
    // Typing on the list goes to the search box.
    list->setFocus();
    QTest::keyClicks(list, QStringLiteral("620"));
    CHECK(queue->searchEdit()->text() == QStringLiteral("620"));
    CHECK(QApplication::focusWidget() == queue->searchEdit());
    // Ctrl+F and F3 from another page: the search box, its text selected for the next search.
    for (const QKeySequence& keys :
         {QKeySequence(Qt::CTRL | Qt::Key_F), QKeySequence(Qt::Key_F3)}) {
        w.window->tabs()->setCurrentIndex(1);
        QTest::keySequence(w.window.get(), keys);
        CHECK(w.window->tabs()->currentWidget() == queue);
        CHECK(QApplication::focusWidget() == queue->searchEdit());
        CHECK(queue->searchEdit()->selectedText() == QStringLiteral("620"));
    }
    // The case just taken in becomes the current row (what startIntake does after the intake).
    REQUIRE(queue->selectCase(first));
    CHECK(queue->model()->rowAt(list->currentIndex().row())->caseId == first);
    REQUIRE(queue->selectCase(second));
    CHECK(queue->model()->rowAt(list->currentIndex().row())->caseId == second);
    w.window->grab().save(test::screenshotPath("keys-queue-search"));
}

TEST_CASE("Ctrl+L locks at once; the lock names its user and says only the password was wrong; a "
          "clerk cannot take the window over, a supervisor can, and the clerk's intake stays a "
          "draft")
{
    KeysWindow w;
    REQUIRE(store::UserRepository(*w.d.store)
                .create(QStringLiteral("zhaoliu"), QStringLiteral("赵六"), core::Role::Clerk,
                        QStringLiteral("W07"), QStringLiteral("another-clerk-1"))
                .ok());
    ui::IntakeDialog intake(*w.d.store, *w.d.cases, w.d.clerk, w.d.today(), w.window.get());
    intake.show();
    REQUIRE(QTest::qWaitForWindowExposed(&intake));
    auto* search = intake.findChild<QLineEdit*>(QStringLiteral("itemSearchEdit"));
    REQUIRE(search);
    QTest::keyClicks(search, QStringLiteral("spjy"));
    QTest::keyClick(search, Qt::Key_Return); // the item: its step saves the draft

    QString wrongPassword;
    QString clerkRefused;
    bool supervisorIn = false;
    test::onNextModal(w.window.get(), [&](QWidget* modal) {
        auto* lock = qobject_cast<ui::SignInDialog*>(modal);
        if (!lock) {
            modal->close();
            return;
        }
        lock->setCredentials(QString(), QStringLiteral("wrong-password"));
        lock->submit();
        wrongPassword = lock->message();
        auto* other = lock->findChild<QPushButton*>(QStringLiteral("otherUserButton"));
        if (!other) {
            lock->reject();
            return;
        }
        other->click(); // 其他用户: the login field opens
        lock->setCredentials(QStringLiteral("zhaoliu"), QStringLiteral("another-clerk-1"));
        lock->submit();
        clerkRefused = lock->message();
        lock->grab().save(test::screenshotPath("keys-lock-takeover"));
        lock->setCredentials(QStringLiteral("lisi"), QStringLiteral("demo-supervisor"));
        supervisorIn = lock->submit();
        if (lock->isVisible())
            lock->reject();
    });
    QApplication::setActiveWindow(w.window.get()); // the key is the main window's
    QTest::keySequence(w.window.get(), QKeySequence(Qt::CTRL | Qt::Key_L));
    CHECK(wrongPassword == core::wrongPassword().message);
    CHECK_FALSE(wrongPassword.contains(QStringLiteral("用户名")));
    CHECK(clerkRefused.contains(QStringLiteral("大厅主管或管理员")));
    REQUIRE(supervisorIn);
    CHECK(w.window->user().role != core::Role::Clerk);
    CHECK(w.window->user().userId != w.d.clerk.userId);
    CHECK_FALSE(intake.isVisible()); // the clerk's session is closed ...
    CHECK(store::DraftRepository(*w.d.store).exists(w.d.clerk.userId)); // ... the work kept
    CHECK(w.window->centralWidget()->isVisible());
}

TEST_CASE("Signing out or quitting asks first when something is unsaved; another user then signs "
          "in at the same window")
{
    KeysWindow w;
    w.window->tabs()->setCurrentWidget(w.window->inquiryPage());
    auto* person = w.window->inquiryPage()->findChildren<QLineEdit*>().first();
    person->setText(QStringLiteral("王女士")); // QTest types ASCII only
    REQUIRE_FALSE(w.window->unsavedWork().isEmpty());

    // Ctrl+Q: asked, Enter goes back, the window stays.
    QString asked;
    test::onNextModal(w.window.get(), [&](QWidget* box) {
        if (auto* m = qobject_cast<QMessageBox*>(box))
            asked = m->text();
        QTest::keyClick(box, Qt::Key_Return);
    });
    QApplication::setActiveWindow(w.window.get());
    QTest::keySequence(w.window.get(), QKeySequence(Qt::CTRL | Qt::Key_Q));
    CHECK(asked.contains(QStringLiteral("首问")));
    CHECK(w.window->isVisible());

    // 注销/切换用户: asked, agreed, and the supervisor signs in.
    bool signedIn = false;
    test::onNextModal(w.window.get(), [&](QWidget* box) {
        for (QAbstractButton* b : box->findChildren<QAbstractButton*>())
            if (auto* m = qobject_cast<QMessageBox*>(box);
                m && m->buttonRole(b) == QMessageBox::DestructiveRole) {
                test::onNextModal(box, [&](QWidget* modal) {
                    if (auto* signIn = qobject_cast<ui::SignInDialog*>(modal)) {
                        signIn->setCredentials(QStringLiteral("lisi"),
                                               QStringLiteral("demo-supervisor"));
                        signedIn = signIn->submit();
                    }
                    if (modal->isVisible())
                        modal->close();
                });
                b->click();
                return;
            }
        box->close();
    });
    REQUIRE(w.window->signOutAction());
    w.window->signOutAction()->trigger();
    CHECK(signedIn);
    CHECK(w.window->user().login == QStringLiteral("lisi"));
    CHECK(w.window->unsavedWork().isEmpty()); // the dropped inquiry is gone
    CHECK(w.window->isVisible());
}

TEST_CASE("onewindow --demo --store PATH opens the demo hall in PATH, never the one in the home "
          "folder")
{
    const QString path = QStringLiteral("/tmp/somewhere/hall.sqlite");
    CHECK(ui::storePathFor(
              ui::parseStartupOptions({QStringLiteral("onewindow"), QStringLiteral("--demo"),
                                       QStringLiteral("--store"), path})) == path);
    const ui::StartupOptions demo =
        ui::parseStartupOptions({QStringLiteral("onewindow"), QStringLiteral("--demo")});
    CHECK(demo.demo);
    CHECK(ui::storePathFor(demo) == ui::demoStorePath());
    CHECK(ui::storePathFor(ui::parseStartupOptions({QStringLiteral("onewindow")})) ==
          store::Store::defaultPath());
    CHECK(ui::storePathFor(ui::parseStartupOptions(
              {QStringLiteral("onewindow"), QStringLiteral("--store"), path})) == path);
}
