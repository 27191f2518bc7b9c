#include "support/TempStore.h"
#include "support/TestSupport.h"

#include "demo/DemoHall.h"
#include "store/CalendarRepository.h"
#include "store/HallConfig.h"
#include "store/Store.h"
#include "store/UserRepository.h"
#include "ui/IdleLock.h"
#include "ui/MainWindow.h"
#include "ui/Startup.h"
#include "ui/UserListModel.h"
#include "ui/UsersDialog.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QLineEdit>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTimer>
#include <QToolButton>

using namespace onewindow;
using Editor = ui::UsersDialog::Editor;

namespace {

// The demo hall: zhangsan (clerk), lisi (supervisor) and admin, its only administrator.
struct Hall : test::TempStore
{
    store::User admin;

    Hall() : test::TempStore(QDateTime(QDate(2026, 11, 20), QTime(1, 30), QTimeZone::utc()))
    {
        REQUIRE(demo::prepareDemoHall(*store).ok());
        admin = *users().signIn(QStringLiteral("admin"), QStringLiteral("demo-admin"));
    }
    store::UserRepository users() { return store::UserRepository(*store); }
    QString idOf(const char* login)
    {
        const auto all = users().users();
        REQUIRE(all.ok());
        for (const store::User& u : all.value())
            if (u.login == QLatin1String(login))
                return u.userId;
        return QString();
    }
};

// The dialog as the administrator opens it: shown, active, the list in focus.
struct Screen
{
    ui::UsersDialog dialog;
    QAbstractItemModelTester tester;

    explicit Screen(Hall& h)
        : dialog(*h.store, h.admin),
          tester(dialog.model(), QAbstractItemModelTester::FailureReportingMode::Fatal)
    {
        dialog.show();
        dialog.activateWindow();
        REQUIRE(QTest::qWaitForWindowActive(&dialog));
    }
    template <typename W>
    W* find(const char* name)
    {
        auto* w = dialog.findChild<W*>(QString::fromLatin1(name));
        REQUIRE(w);
        return w;
    }
    void key(const char* selectLogin, int key, Qt::KeyboardModifiers mods = Qt::NoModifier)
    {
        for (int row = 0; row < dialog.model()->rowCount(); ++row)
            if (dialog.model()->accountAt(row)->user.login == QLatin1String(selectLogin))
                dialog.selectUser(dialog.model()->accountAt(row)->user.userId);
        dialog.view()->setFocus();
        QTest::keyClick(dialog.view(), static_cast<Qt::Key>(key), mods);
    }
    const store::UserAccount& account(const QString& userId)
    {
        const int row = dialog.model()->rowOf(userId);
        REQUIRE(row >= 0);
        return *dialog.model()->accountAt(row);
    }
};

void type(QLineEdit* edit, const QString& text)
{
    edit->setFocus();
    edit->selectAll();
    edit->del();
    if (std::all_of(text.begin(), text.end(), [](QChar c) { return c.unicode() < 128; })) {
        QTest::keyClicks(edit, text);
    } else { // Chinese arrives through the input method, as on a real desk
        QInputMethodEvent commit;
        commit.setCommitString(text);
        QCoreApplication::sendEvent(edit, &commit);
    }
}

} // namespace

TEST_CASE("An administrator adds a clerk from the keyboard; the form keeps bad input; the clerk "
          "signs in")
{
    Hall h;
    Screen s(h);
    CHECK(s.dialog.model()->rowCount() == 3);
    CHECK(s.find<QToolButton>("addButton")
              ->toolTip()
              .contains(QKeySequence(Qt::Key_Insert).toString(QKeySequence::NativeText)));
    CHECK(s.find<QToolButton>("activeButton")
              ->toolTip()
              .contains(QKeySequence(Qt::Key_Delete).toString(QKeySequence::NativeText)));

    s.key("zhangsan", Qt::Key_Insert);
    REQUIRE(s.dialog.editor() == Editor::Add);
    auto* login = s.find<QLineEdit>("loginEdit");
    CHECK(QApplication::focusWidget() == login);
    type(login, QStringLiteral("王五")); // logins are Latin
    type(s.find<QLineEdit>("nameEdit"), QStringLiteral("王五"));
    type(s.find<QLineEdit>("windowEdit"), QStringLiteral("w09"));
    type(s.find<QLineEdit>("passwordEdit"), QStringLiteral("clerk-pass-1"));
    auto* repeat = s.find<QLineEdit>("repeatEdit");
    type(repeat, QStringLiteral("clerk-pass-2"));
    QTest::keyClick(repeat, Qt::Key_Return);
    REQUIRE(s.dialog.problems().size() == 2);
    CHECK(s.dialog.problems()[0].contains(QStringLiteral("登录名")));
    CHECK(s.dialog.problems()[1] == QStringLiteral("两次输入的密码不一致"));
    CHECK(QApplication::focusWidget() == login); // the first field to correct
    CHECK(s.dialog.editor() == Editor::Add);
    CHECK(*h.users().count() == 3); // nothing stored
    s.dialog.resize(820, 600);
    s.dialog.grab().save(test::screenshotPath("users"));

    type(login, QStringLiteral("wangwu"));
    CHECK(s.dialog.problems().size() == 1); // corrected fields lose their message as typed
    type(repeat, QStringLiteral("clerk-pass-1"));
    QTest::keyClick(repeat, Qt::Key_Return);
    CHECK(s.dialog.problems().isEmpty());
    REQUIRE(s.dialog.editor() == Editor::None);
    CHECK(s.dialog.status().contains(QStringLiteral("wangwu")));
    CHECK(s.dialog.model()->rowCount() == 4);
    CHECK(s.dialog.currentUserId() == h.idOf("wangwu"));
    CHECK(QApplication::focusWidget() == s.dialog.view());

    auto in = h.users().signIn(QStringLiteral("wangwu"), QStringLiteral("clerk-pass-1"));
    REQUIRE(in.ok());
    CHECK(in->role == core::Role::Clerk);
    CHECK(in->displayName == QStringLiteral("王五"));
    CHECK(in->windowCode == QStringLiteral("W09")); // typed lower case, kept upper

    // A login already taken is told beside the field; Esc leaves the form, then nothing changed.
    s.key("wangwu", Qt::Key_Insert);
    type(login, QStringLiteral("ZhangSan"));
    type(s.find<QLineEdit>("nameEdit"), QStringLiteral("另一个张三"));
    type(s.find<QLineEdit>("passwordEdit"), QStringLiteral("clerk-pass-3"));
    type(repeat, QStringLiteral("clerk-pass-3"));
    QTest::keyClick(repeat, Qt::Key_Return);
    REQUIRE(s.dialog.problems().size() == 1);
    CHECK(s.dialog.problems()[0].contains(QStringLiteral("已被使用")));
    QTest::keyClick(repeat, Qt::Key_Escape);
    CHECK(s.dialog.editor() == Editor::None);
    CHECK(s.dialog.isVisible()); // the first Esc closes the form only
    CHECK(*h.users().count() == 4);
}

TEST_CASE("Demoting the last administrator is refused with the reason shown, and nothing changes")
{
    Hall h;
    Screen s(h);
    s.key("admin", Qt::Key_F2);
    REQUIRE(s.dialog.editor() == Editor::Edit);
    CHECK(s.find<QLineEdit>("loginEdit")->isReadOnly());
    auto* role = s.find<QComboBox>("roleCombo");
    role->setCurrentIndex(role->findData(int(core::Role::Supervisor)));
    QTest::keyClick(s.find<QLineEdit>("nameEdit"), Qt::Key_Return);
    CHECK(s.dialog.status().contains(QStringLiteral("最后一名在用的系统管理员")));
    CHECK(s.dialog.editor() == Editor::Edit); // the form stays for another choice
    CHECK(h.users().byId(h.admin.userId)->role == core::Role::Administrator);
    CHECK(s.account(h.admin.userId).user.role == core::Role::Administrator);

    // A name change of the same account is fine.
    role->setCurrentIndex(role->findData(int(core::Role::Administrator)));
    type(s.find<QLineEdit>("nameEdit"), QStringLiteral("王大管"));
    QTest::keyClick(s.find<QLineEdit>("nameEdit"), Qt::Key_Return);
    CHECK(s.dialog.editor() == Editor::None);
    CHECK(h.users().byId(h.admin.userId)->displayName == QStringLiteral("王大管"));
}

TEST_CASE("Del deactivates a user and activates them again; nobody deactivates themselves")
{
    Hall h;
    Screen s(h);
    const QString clerk = h.idOf("zhangsan");
    s.key("zhangsan", Qt::Key_Delete);
    CHECK_FALSE(s.account(clerk).user.active);
    CHECK(s.dialog.status().contains(QStringLiteral("张三")));
    CHECK(h.users().signIn(QStringLiteral("zhangsan"), QStringLiteral("demo-clerk")).error().code ==
          QStringLiteral("user.inactive"));
    s.key("zhangsan", Qt::Key_Delete);
    CHECK(s.account(clerk).user.active);
    CHECK(h.users().signIn(QStringLiteral("zhangsan"), QStringLiteral("demo-clerk")).ok());

    s.key("admin", Qt::Key_Delete);
    CHECK(s.dialog.status().contains(QStringLiteral("不能停用自己")));
    CHECK(s.account(h.admin.userId).user.active);
}

TEST_CASE("A user locked out by failed sign-ins shows as such and is unlocked with Ctrl+L")
{
    Hall h;
    for (int i = 0; i < 6; ++i) {
        h.clock.advanceSeconds(60);
        h.users().signIn(QStringLiteral("lisi"), QStringLiteral("wrong"));
    }
    const QString lisi = h.idOf("lisi");
    Screen s(h);
    const int row = s.dialog.model()->rowOf(lisi);
    CHECK(s.dialog.model()->index(row, 0).data(ui::UserListModel::LockedOutRole).toBool());
    CHECK_FALSE(s.dialog.model()
                    ->index(row, ui::UserListModel::SignInColumn)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .isEmpty());
    s.key("zhangsan", Qt::Key_L, Qt::ControlModifier); // nothing to unlock: the action is off
    CHECK(s.dialog.status().isEmpty());
    s.key("lisi", Qt::Key_L, Qt::ControlModifier);
    CHECK_FALSE(s.account(lisi).lockedOut());
    CHECK(s.account(lisi).failures == 0);
    CHECK(s.dialog.status().contains(QStringLiteral("李四")));
    CHECK(h.users().signIn(QStringLiteral("lisi"), QStringLiteral("demo-supervisor")).ok());
}

TEST_CASE("Ctrl+P gives a user a new password under the same rules")
{
    Hall h;
    Screen s(h);
    s.key("zhangsan", Qt::Key_P, Qt::ControlModifier);
    REQUIRE(s.dialog.editor() == Editor::Password);
    CHECK_FALSE(s.find<QLineEdit>("loginEdit")->isVisible());
    type(s.find<QLineEdit>("passwordEdit"), QStringLiteral("short"));
    QTest::keyClick(s.find<QLineEdit>("passwordEdit"), Qt::Key_Return);
    CHECK(s.dialog.problems() == QStringList{QStringLiteral("密码至少 8 位")});
    type(s.find<QLineEdit>("passwordEdit"), QStringLiteral("new clerk pass"));
    type(s.find<QLineEdit>("repeatEdit"), QStringLiteral("new clerk pass"));
    QTest::keyClick(s.find<QLineEdit>("repeatEdit"), Qt::Key_Return);
    CHECK(s.dialog.editor() == Editor::None);
    CHECK(h.users().signIn(QStringLiteral("zhangsan"), QStringLiteral("new clerk pass")).ok());
}

TEST_CASE("Administration → Users is an administrator's; a new idle time reaches the running lock")
{
    Hall h;
    auto notices = store::CalendarRepository(*h.store).loadNotices();
    REQUIRE(notices.ok());
    auto config = store::HallConfigRepository(*h.store).load();
    REQUIRE(config.ok());
    ui::MainWindow window(*h.store, h.clock, core::WorkingCalendar(*notices));
    ui::IdleLock lock(config->idleLockMinutes);
    ui::connectIdleLock(window, lock);
    CHECK(lock.idleMinutes() == 10);

    window.setSignedIn(*h.users().byId(h.idOf("zhangsan")), *config);
    CHECK_FALSE(window.usersAction()->isEnabled());
    window.setSignedIn(h.admin, *config);
    REQUIRE(window.usersAction()->isEnabled());
    CHECK(window.usersAction()->shortcut() == QKeySequence(Qt::CTRL | Qt::Key_U));

    bool applied = false;
    QTimer::singleShot(0, [&] {
        // No REQUIRE in here: it would throw through the dialog's exec() and Qt's event loop.
        auto* dialog = qobject_cast<ui::UsersDialog*>(QApplication::activeModalWidget());
        if (!dialog) {
            if (QWidget* modal = QApplication::activeModalWidget())
                modal->close();
            return;
        }
        dialog->activateWindow();
        if (!QTest::qWaitForWindowActive(dialog)) {
            dialog->QDialog::reject();
            return;
        }
        auto* tabs = dialog->findChild<QTabWidget*>(QStringLiteral("tabs"));
        tabs->setCurrentIndex(1);
        auto* spin = dialog->findChild<QSpinBox*>(QStringLiteral("idleSpin"));
        CHECK(spin->value() == 10);
        spin->setValue(200); // clamped to the range the hall allows
        CHECK(spin->value() == 120);
        spin->setFocus();
        spin->selectAll();
        QTest::keyClicks(spin, QStringLiteral("25"));
        QTest::keyClick(spin, Qt::Key_Return); // Enter applies
        applied = dialog->status().contains(QStringLiteral("25"));
        dialog->QDialog::reject();
    });
    window.usersAction()->trigger();
    CHECK(applied);
    CHECK(lock.idleMinutes() == 25);
    CHECK(store::HallConfigRepository(*h.store).load()->idleLockMinutes == 25);
}

TEST_CASE("An administrator who hands their role on loses the supervisor's tabs and the "
          "administration at once, not at the next sign-in")
{
    Hall h;
    auto notices = store::CalendarRepository(*h.store).loadNotices();
    auto config = store::HallConfigRepository(*h.store).load();
    REQUIRE(config.ok());
    ui::MainWindow window(*h.store, h.clock, core::WorkingCalendar(*notices));
    window.setSignedIn(h.admin, *config);
    QTabWidget* tabs = window.tabs();
    const auto visibleTabs = [tabs] {
        QStringList out;
        for (int i = 0; i < tabs->count(); ++i)
            if (tabs->isTabVisible(i))
                out.append(QString::fromLatin1(tabs->widget(i)->metaObject()->className()));
        return out;
    };
    REQUIRE(visibleTabs().contains(QStringLiteral("onewindow::ui::SupervisorPage")));
    REQUIRE(visibleTabs().contains(QStringLiteral("onewindow::ui::FiguresPage")));
    bool handedOn = false;
    QTimer::singleShot(0, [&] {
        auto* dialog = qobject_cast<ui::UsersDialog*>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        // What the dialog's form does: lisi becomes an administrator, then admin a clerk.
        store::UserRepository users(*h.store);
        const store::User lisi = *users.byId(h.idOf("lisi"));
        handedOn =
            users.update(lisi.userId, lisi.displayName, core::Role::Administrator, lisi.windowCode)
                .ok() &&
            users
                .update(h.admin.userId, h.admin.displayName, core::Role::Clerk,
                        QStringLiteral("W07"))
                .ok();
        dialog->QDialog::reject();
    });
    window.usersAction()->trigger();
    REQUIRE(handedOn);
    CHECK_FALSE(visibleTabs().contains(QStringLiteral("onewindow::ui::SupervisorPage")));
    CHECK_FALSE(visibleTabs().contains(QStringLiteral("onewindow::ui::FiguresPage")));
    CHECK_FALSE(window.usersAction()->isEnabled());
}
