#include "support/HallFixture.h"
#include "support/TestSupport.h"

#include "store/CalendarRepository.h"
#include "store/HallConfig.h"
#include "store/InquiryRepository.h"
#include "store/UserRepository.h"
#include "ui/CalendarPage.h"
#include "ui/DeadlinePage.h"
#include "ui/FiguresPage.h"
#include "ui/InquiryModel.h"
#include "ui/InquiryPage.h"
#include "ui/MainWindow.h"
#include "ui/MonthModel.h"
#include "ui/QueuePage.h"
#include "ui/SupervisorPage.h"

#include <QDateEdit>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>

using namespace onewindow;

namespace {

// A hall in Urumqi (UTC+6, no daylight saving) signed in at 2026-12-06T17:30Z: 23:30 on 12-06 in
// Urumqi, already 01:30 on 12-07 in Beijing.
struct UrumqiHall : test::HallFixture
{
    store::HallConfig config;
    store::User admin;

    UrumqiHall() : test::HallFixture(QDateTime(QDate(2026, 12, 6), QTime(17, 30), QTimeZone::utc()))
    {
        config.hallName = QStringLiteral("乌鲁木齐市天山区政务服务中心");
        config.hallCode = QStringLiteral("620102"); // the fixture's device
        config.deviceCode = QStringLiteral("W07");
        config.zone = QTimeZone(QByteArrayLiteral("Asia/Urumqi"));
        REQUIRE(store::HallConfigRepository(*store).save(config).ok());
        auto created = store::UserRepository(*store).create(
            QStringLiteral("admin"), QStringLiteral("管理员"), core::Role::Administrator,
            QStringLiteral("W07"), QStringLiteral("Urumqi-2026!"));
        REQUIRE(created.ok());
        admin = *created;
    }
};

QDate toDate(const QDateEdit* e)
{
    return e->date();
}

} // namespace

TEST_CASE("Today in Urumqi: every page and the case number take the hall's day, and move on at "
          "its midnight")
{
    UrumqiHall h;
    const QDate dec6(2026, 12, 6);
    const QDate dec7(2026, 12, 7);
    REQUIRE(h.clock.todayIn(QTimeZone(QByteArrayLiteral("Asia/Shanghai"))) == dec7);

    // An inquiry of 23:30 Urumqi time belongs to 12-06 at window W07.
    core::Inquiry asked;
    asked.person = QStringLiteral("王女士");
    asked.question = QStringLiteral("营业执照怎么办？");
    asked.answer = QStringLiteral("带身份证到三号窗口");
    asked.clerkId = h.admin.userId;
    asked.windowCode = QStringLiteral("W07");
    REQUIRE(store::InquiryRepository(*h.store).record(asked, h.config.zone).ok());

    auto notices = store::CalendarRepository(*h.store).loadNotices();
    REQUIRE(notices.ok());
    ui::MainWindow window(*h.store, h.clock, core::WorkingCalendar(*notices));
    QSignalSpy dayChanged(&window, &ui::MainWindow::dayChanged);
    window.setSignedIn(h.admin, h.config);
    ui::CalendarPage* calendar = window.calendarPage();
    ui::DeadlinePage* deadline = window.deadlinePage();
    auto* figures = window.tabs()->findChild<ui::FiguresPage*>();
    REQUIRE(figures);
    const QList<QDateEdit*> period = figures->findChildren<QDateEdit*>();
    REQUIRE(period.size() == 2);

    CHECK(window.today() == dec6);
    CHECK(window.queuePage()->today() == dec6);
    CHECK(window.inquiryPage()->model()->rowCount() == 1); // 12-06's list, not Beijing's 12-07
    CHECK(toDate(period[1]) == dec6);
    CHECK(toDate(period[0]) == QDate(2026, 12, 1)); // this month, the default period
    CHECK(calendar->today() == dec6);
    CHECK(calendar->model()->today() == dec6);
    CHECK(calendar->shownMonth() == 12);
    CHECK(deadline->from() == dec6);
    auto* supervision = window.tabs()->findChild<ui::SupervisorPage*>();
    REQUIRE(supervision);
    CHECK(supervision->today() == dec6);

    // A case received now is numbered with the hall's date, by the case store the window uses.
    store::CaseStore cases(*h.store, h.config);
    auto received = cases.receive(h.intake(), h.admin.userId);
    REQUIRE(received.ok());
    CHECK(received->state.caseNumber == QStringLiteral("620102-20261206-W07-0001"));

    // A minute's tick before the hall's midnight changes nothing.
    h.clock.set(QDateTime(QDate(2026, 12, 6), QTime(17, 59), QTimeZone::utc()));
    window.tick();
    CHECK(dayChanged.isEmpty());
    CHECK(calendar->today() == dec6);

    // 00:01 in Urumqi: the next tick moves the same pages on, without rebuilding them.
    h.clock.set(QDateTime(QDate(2026, 12, 6), QTime(18, 1), QTimeZone::utc()));
    window.tick();
    REQUIRE(dayChanged.size() == 1);
    CHECK(dayChanged.first().first().toDate() == dec7);
    CHECK(window.calendarPage() == calendar);
    CHECK(window.deadlinePage() == deadline);
    CHECK(calendar->today() == dec7);
    CHECK(calendar->model()->today() == dec7);
    CHECK(calendar->model()
              ->data(calendar->model()->indexOf(dec7), ui::MonthModel::TodayRole)
              .toBool());
    CHECK_FALSE(calendar->model()
                    ->data(calendar->model()->indexOf(dec6), ui::MonthModel::TodayRole)
                    .toBool());
    CHECK(deadline->from() == dec7);
    CHECK(window.queuePage()->today() == dec7);
    CHECK(window.inquiryPage()->model()->rowCount() == 0); // a new day's list
    CHECK(toDate(period[1]) == dec7);
    CHECK(supervision->today() == dec7);
}

TEST_CASE("At the hall's midnight the calendar follows into the new month, a browsed month and a "
          "chosen deadline start stay")
{
    const core::WorkingCalendar cal;
    ui::CalendarPage calendar(&cal, QDate(2026, 12, 31));
    ui::DeadlinePage deadline(&cal, QDate(2026, 12, 31));
    calendar.setToday(QDate(2027, 1, 1));
    deadline.setToday(QDate(2027, 1, 1));
    CHECK(calendar.shownYear() == 2027);
    CHECK(calendar.shownMonth() == 1);
    CHECK(deadline.from() == QDate(2027, 1, 1));

    calendar.showMonth(2027, 5); // the clerk browses ahead
    deadline.setQuery(QDate(2027, 3, 2), 20);
    calendar.setToday(QDate(2027, 1, 2));
    deadline.setToday(QDate(2027, 1, 2));
    CHECK(calendar.shownMonth() == 5);
    CHECK(calendar.today() == QDate(2027, 1, 2));
    CHECK(deadline.from() == QDate(2027, 3, 2));
}
