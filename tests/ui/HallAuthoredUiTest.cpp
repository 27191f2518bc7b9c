// Decision 8 at the window: an enrolled window's users and settings are the server's (the users
// dialog shows them, says where to change them and offers no change), its calendar import is
// refused, and its sign-in holds only for the hall's hours after the last sync.
#include "store/CalendarRepository.h"
#include "store/CaseStore.h"
#include "store/HallConfig.h"
#include "store/SyncRepository.h"
#include "store/UserRepository.h"
#include "support/EnrolledStore.h"
#include "support/TempStore.h"
#include "support/TestSupport.h"
#include "ui/MainWindow.h"
#include "ui/SignInDialog.h"
#include "ui/UsersDialog.h"

#include <catch2/catch.hpp>

#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QTest>
#include <QToolButton>

using namespace onewindow;

namespace {

const QDateTime kNow(QDate(2026, 12, 7), QTime(2, 0), Qt::UTC); // 10:00 in Beijing

// An enrolled window whose pull brought the hall's clerk 张三 and an 8-hour sign-in limit.
struct EnrolledWindow
{
    test::TempStore s{kNow};
    store::User admin;
    EnrolledWindow()
    {
        auto made = store::UserRepository(*s.store).create(
            QStringLiteral("admin"), QStringLiteral("王管理"), core::Role::Administrator, QString(),
            QStringLiteral("admin-password-7"));
        REQUIRE(made.ok());
        admin = *made;
        REQUIRE(test::enrolWithoutServer(*s.store).ok());
        store::CaseStore cases(*s.store);
        store::SyncRepository repo(cases);
        store::PulledMaster master;
        store::PulledUser u;
        u.userId = QStringLiteral("0193a000-0000-7000-8000-000000000001");
        u.login = QStringLiteral("zhangsan");
        u.displayName = QStringLiteral("张三");
        u.role = QStringLiteral("clerk");
        u.windowCode = QStringLiteral("W07");
        u.verifier = *store::hashPassword(QStringLiteral("clerk-password-7"));
        u.recordedAtUtc = kNow.toString(Qt::ISODateWithMs);
        master.users = {u};
        store::HallConfig hall = *store::HallConfigRepository(*s.store).load();
        hall.offlineSignInHours = 8;
        master.settings = hall;
        REQUIRE(repo.applyPull({}, 2, master).ok());
        REQUIRE(repo.markSynced(kNow).ok());
    }
};

void type(QWidget* parent, const char* name, const QString& text)
{
    auto* edit = parent->findChild<QLineEdit*>(QString::fromLatin1(name));
    REQUIRE(edit);
    edit->clear();
    QTest::keyClicks(edit, text); // logins and passwords: ASCII
}

} // namespace

TEST_CASE("Decision 8: the users dialog of an enrolled window names the server and offers no "
          "change of users, passwords or settings")
{
    EnrolledWindow w;
    ui::UsersDialog dialog(*w.s.store, w.admin);
    dialog.show();
    CHECK(dialog.status().contains(QStringLiteral("只能在大厅服务器上修改")));
    CHECK(dialog.status().contains(QStringLiteral("http://127.0.0.1:1")));
    CHECK(dialog.status().contains(QStringLiteral("onewindow-server user add")));
    for (const char* name : {"addButton", "editButton", "passwordButton", "activeButton"}) {
        auto* button = dialog.findChild<QToolButton*>(QString::fromLatin1(name));
        REQUIRE(button);
        CHECK_FALSE(button->isEnabled());
    }
    auto* apply = dialog.findChild<QPushButton*>(QStringLiteral("idleApplyButton"));
    REQUIRE(apply);
    CHECK_FALSE(apply->isEnabled());
    // The keys do nothing either: Insert (add) and F2 (edit) open no form.
    QTest::keyClick(dialog.view(), Qt::Key_Insert);
    QTest::keyClick(dialog.view(), Qt::Key_F2);
    auto* editor = dialog.findChild<QGroupBox*>(QStringLiteral("editorBox"));
    REQUIRE(editor);
    CHECK_FALSE(editor->isVisible());
    CHECK(dialog.view()->model()->rowCount() == 2); // the hall's clerk beside the local admin
    dialog.grab().save(test::screenshotPath("users-hall-authored"));
}

TEST_CASE("Decision 8: the calendar import of an enrolled window is refused with the server named "
          "and leaves the calendar as it was")
{
    EnrolledWindow w;
    auto notices = store::CalendarRepository(*w.s.store).loadNotices();
    REQUIRE(notices.ok());
    ui::MainWindow window(*w.s.store, w.s.clock, core::WorkingCalendar(*notices));
    window.setSignedIn(w.admin, *store::HallConfigRepository(*w.s.store).load());
    const ui::MainWindow::ImportOutcome outcome = window.importCalendarFiles(
        {test::sourcePath(QStringLiteral("tests/fixtures/2027-fixture.json"))});
    CHECK_FALSE(outcome.imported);
    REQUIRE(outcome.errors.size() == 1);
    CHECK(outcome.errors.first().contains(QStringLiteral("节假日日历只能在大厅服务器上修改")));
    CHECK(store::CalendarRepository(*w.s.store).loadNotices()->size() == notices->size());
}

TEST_CASE("Decision 8: sign-in at an enrolled window holds for the hall's hours after the last "
          "sync; after them it tries the server and, offline, says why and how long")
{
    EnrolledWindow w;
    w.s.clock.set(kNow.addSecs(7 * 3600)); // 17:00: within the eight hours
    {
        ui::SignInDialog dialog(*w.s.store, QStringLiteral("测试大厅"));
        dialog.show();
        type(&dialog, "loginEdit", QStringLiteral("zhangsan"));
        type(&dialog, "passwordEdit", QStringLiteral("clerk-password-7"));
        REQUIRE(dialog.submit());
        CHECK(dialog.user().displayName == QStringLiteral("张三"));
    }
    w.s.clock.set(kNow.addSecs(9 * 3600)); // 19:00: over; the server (127.0.0.1:1) is away
    ui::SignInDialog dialog(*w.s.store, QStringLiteral("测试大厅"));
    dialog.show();
    type(&dialog, "loginEdit", QStringLiteral("zhangsan"));
    type(&dialog, "passwordEdit", QStringLiteral("clerk-password-7"));
    CHECK_FALSE(dialog.submit());
    CHECK(dialog.message().contains(QStringLiteral("8 小时")));
    CHECK(dialog.message().contains(QStringLiteral("2026-12-07 10:00")));
    CHECK(dialog.message().contains(QStringLiteral("无法连接大厅服务器")));
    CHECK(dialog.result() != QDialog::Accepted);
    dialog.grab().save(test::screenshotPath("sign-in-offline-too-long"));
}
