#include "support/ClerkHall.h"
#include "support/TestSupport.h"

#include "core/CasePayloads.h"
#include "core/Clock.h"
#include "demo/DemoCatalog.h"
#include "demo/DemoHall.h"
#include "store/CalendarRepository.h"
#include "store/CaseQueries.h"
#include "store/CaseStore.h"
#include "store/CatalogRepository.h"
#include "store/HallConfig.h"
#include "store/Store.h"
#include "store/UserRepository.h"
#include "ui/MainWindow.h"
#include "ui/TrayNotifier.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QStatusBar>
#include <QTemporaryDir>

using namespace onewindow;

namespace {

// A demo hall with one case of 张三's accepted on Friday 2026-09-18; the clock moves by days.
struct Hall : test::ClerkHall
{
    core::WorkingCalendar calendar{*store::CalendarRepository(*store).loadNotices()};
    store::CaseRow row;

    Hall()
    {
        core::ReceivedInput in;
        in.itemCode = item.code;
        in.itemVersion = 1;
        in.applicant.name = QStringLiteral("王五");
        in.applicant.idNumber = QStringLiteral("11010519491231002X");
        in.materials = core::checklistFor(item);
        auto received = cases->receive(in, clerk.userId);
        REQUIRE(received.ok());
        REQUIRE(cases
                    ->append(received->event.caseId, core::EventType::Accepted,
                             core::payload::accepted(), clerk.userId)
                    .ok());
        auto rows = store::CaseQueries(*store).byCaseNumber(received->state.caseNumber);
        REQUIRE(rows.ok());
        REQUIRE(rows->size() == 1);
        row = rows->first();
        REQUIRE(row.yellowFrom.isValid());
        REQUIRE(row.dueDate > row.yellowFrom);
    }

    void setDay(const QDate& day, QTime hallTime = QTime(10, 0))
    {
        clock.set(QDateTime(day, hallTime, QTimeZone(QByteArrayLiteral("Asia/Shanghai"))));
    }
};

} // namespace

TEST_CASE("Tray notifications: yellow, then red after the deadline day, each told once")
{
    Hall h;
    QStatusBar bar;
    ui::TrayNotifier tray(*h.store, &bar);
    QSignalSpy told(&tray, &ui::TrayNotifier::notified);
    CHECK_FALSE(tray.usesTray()); // offscreen has no tray: the status bar tells instead

    h.setDay(h.row.yellowFrom.addDays(-1));
    CHECK(tray.check(h.clerk, h.calendar, h.today()).isEmpty());

    // The day turns: just after midnight the case is yellow.
    h.setDay(h.row.yellowFrom, QTime(0, 1));
    const QStringList yellow = tray.check(h.clerk, h.calendar, h.today());
    REQUIRE(yellow.size() == 1);
    const int left = *h.calendar.workingDaysBetween(h.row.yellowFrom, h.row.dueDate);
    REQUIRE(left > 0);
    CHECK(yellow.first().contains(h.row.caseNumber));
    CHECK(yellow.first().contains(QStringLiteral("食品经营许可")));
    CHECK(yellow.first().contains(QString::number(left)));
    CHECK(bar.currentMessage() == yellow.first());
    REQUIRE(told.size() == 1);
    CHECK(told.first().first().toString() == yellow.first());

    // Every minute that day, and the days after while it stays yellow: nothing more.
    for (int minute = 0; minute < 3; ++minute) {
        h.clock.advanceSeconds(60);
        CHECK(tray.check(h.clerk, h.calendar, h.today()).isEmpty());
    }
    h.setDay(h.row.dueDate);
    CHECK(tray.check(h.clerk, h.calendar, h.today()).isEmpty());

    // The deadline day passes unfinished: red, told once.
    h.setDay(h.row.dueDate.addDays(1), QTime(0, 1));
    const QStringList red = tray.check(h.clerk, h.calendar, h.today());
    REQUIRE(red.size() == 1);
    CHECK(red.first().contains(h.row.caseNumber));
    CHECK(red.first() != yellow.first());
    CHECK(tray.check(h.clerk, h.calendar, h.today()).isEmpty());
    CHECK(told.size() == 2);

    // A restart the same day: what was told is remembered in the store, nothing is told again.
    ui::TrayNotifier restarted(*h.store, &bar);
    CHECK(restarted.check(h.clerk, h.calendar, h.today()).isEmpty());
    // Two working days later it was already red on the previous working day: no news.
    h.setDay(h.calendar.nthWorkingDayAfter(h.row.dueDate, 2)->date);
    ui::TrayNotifier later(*h.store, &bar);
    CHECK(later.check(h.clerk, h.calendar, h.today()).isEmpty());
}

TEST_CASE("Tray notifications: a message names the case, its item and the days")
{
    core::WarningAlert a{QStringLiteral("id"),
                         QStringLiteral("620102-20261122-W07-0042"),
                         QStringLiteral("食品经营许可"),
                         core::WarningLevel::Yellow,
                         2,
                         0};
    const QString yellow = ui::TrayNotifier::alertText(a);
    CHECK(yellow.contains(QStringLiteral("620102-20261122-W07-0042")));
    CHECK(yellow.contains(QStringLiteral("食品经营许可")));
    CHECK(yellow.contains(QStringLiteral("2")));
    a.workingDaysLeft = 0;
    CHECK(ui::TrayNotifier::alertText(a) != yellow); // due today reads differently
    a.level = core::WarningLevel::Red;
    a.overdueDays = 3;
    const QString red = ui::TrayNotifier::alertText(a);
    CHECK(red.contains(QStringLiteral("3")));
    CHECK(red != yellow);
}

TEST_CASE("Tray notifications: the main window's tick tells the signed-in clerk")
{
    Hall h;
    h.setDay(h.row.yellowFrom.addDays(-1));
    ui::MainWindow window(*h.store, h.clock, h.calendar);
    QSignalSpy told(window.trayNotifier(), &ui::TrayNotifier::notified);
    window.setSignedIn(h.clerk, *store::HallConfigRepository(*h.store).load());
    CHECK(told.isEmpty());
    h.setDay(h.row.yellowFrom, QTime(0, 1));
    window.tick();
    REQUIRE(told.size() == 1);
    CHECK(told.first().first().toString().contains(h.row.caseNumber));
    window.tick();
    CHECK(told.size() == 1);
    CHECK(window.statusBar()->currentMessage().contains(h.row.caseNumber));
}

TEST_CASE("A tray check whose queue cannot be read tells the clerk to look for themselves")
{
    Hall h;
    QStatusBar bar;
    ui::TrayNotifier tray(*h.store, &bar);
    QSignalSpy problem(&tray, &ui::TrayNotifier::problem);
    QSignalSpy told(&tray, &ui::TrayNotifier::notified);
    h.setDay(h.row.yellowFrom, QTime(0, 1)); // a day with a yellow case to tell
    {
        // The clerk's open cases cannot be read (as with a damaged file).
        QSqlQuery q(h.store->database());
        REQUIRE(q.exec(QStringLiteral("ALTER TABLE cases RENAME TO cases_unreadable")));
    }
    CHECK(tray.check(h.clerk, h.calendar, h.today()).isEmpty());
    REQUIRE(problem.size() == 1);
    CHECK(told.isEmpty());
    const QString text = problem.first().first().toString();
    CHECK(text.contains(QStringLiteral("办件预警无法检查")));
    CHECK(text.contains(QStringLiteral("我的办件")));
    CHECK(bar.currentMessage() == text);
}
