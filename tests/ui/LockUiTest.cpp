#include "support/ClerkHall.h"
#include "support/TestSupport.h"

#include "demo/DemoHall.h"
#include "store/CalendarRepository.h"
#include "store/CaseStore.h"
#include "store/HallConfig.h"
#include "store/UserRepository.h"
#include "ui/IntakeDialog.h"
#include "ui/MainWindow.h"
#include "ui/SignInDialog.h"

#include <QApplication>
#include <QLineEdit>
#include <QTest>
#include <QTimer>

using namespace onewindow;

TEST_CASE("The idle lock hides an intake half done and gives it back, untouched, to the same "
          "clerk's password")
{
    test::ClerkHall s(QDateTime(QDate(2026, 11, 20), QTime(1, 30), QTimeZone::utc()));
    const store::User* clerk = &s.clerk;
    auto config = store::HallConfigRepository(*s.store).load();
    auto notices = store::CalendarRepository(*s.store).loadNotices();
    REQUIRE(config.ok());
    REQUIRE(notices.ok());
    ui::MainWindow window(*s.store, s.clock, core::WorkingCalendar(*notices));
    window.setSignedIn(*clerk, *config);
    window.show();
    store::CaseStore cases(*s.store, *config);
    ui::IntakeDialog intake(*s.store, cases, *clerk, QDate(2026, 11, 20), &window);
    intake.show();
    auto* search = intake.findChild<QLineEdit*>(QStringLiteral("itemSearchEdit"));
    REQUIRE(search);
    QTest::keyClicks(search, QStringLiteral("bdc"));
    REQUIRE(search->isVisible());

    bool workHidden = false;
    bool intakeHidden = false;
    bool wrongPasswordRefused = false;
    bool unlocked = false;
    QTimer::singleShot(0, [&] {
        workHidden = !window.centralWidget()->isVisible();
        intakeHidden = intake.isVisible() && !search->isVisible();
        auto* lock = qobject_cast<ui::SignInDialog*>(QApplication::activeModalWidget());
        if (!lock) { // never leave the test waiting on a dialog nobody answers
            if (QWidget* modal = QApplication::activeModalWidget())
                modal->close();
            return;
        }
        lock->setCredentials(QString(), QStringLiteral("demo-supervisor"));
        wrongPasswordRefused = !lock->submit();
        lock->setCredentials(QString(), QStringLiteral("demo-clerk"));
        unlocked = lock->submit();
    });
    window.lock();

    CHECK(workHidden);
    CHECK(intakeHidden);
    CHECK(wrongPasswordRefused);
    CHECK(unlocked);
    CHECK(window.centralWidget()->isVisible());
    CHECK(intake.isVisible());
    CHECK(search->isVisible());
    CHECK(search->text() == QStringLiteral("bdc"));
}
