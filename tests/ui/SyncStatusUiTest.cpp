// The status bar's sync state (issue 18): what the window shows of its place in the hall.
#include "ui/SyncStatusWidget.h"

#include "store/CalendarRepository.h"
#include "store/CaseStore.h"
#include "store/HallConfig.h"
#include "store/SyncRepository.h"
#include "store/UserRepository.h"
#include "support/TempStore.h"
#include "ui/MainWindow.h"

#include <catch2/catch.hpp>

#include <QPushButton>
#include <QSignalSpy>
#include <QTimeZone>
#include <QUuid>

using namespace onewindow;

TEST_CASE("Sync status: offline since the hall's time, records to upload, last sync, sync now")
{
    ui::SyncStatusWidget w(QTimeZone(QByteArrayLiteral("Asia/Shanghai")));
    sync::SyncStatus s;
    s.enrolled = true;
    s.offlineSinceUtc = QDateTime(QDate(2026, 12, 7), QTime(2, 42), Qt::UTC); // 10:42 in Beijing
    s.pending = 3;
    s.lastSyncUtc = QDateTime(QDate(2026, 12, 7), QTime(2, 30), Qt::UTC);
    w.showStatus(s);
    CHECK(w.text().contains(QStringLiteral("10:42")));
    CHECK(w.text().contains(QStringLiteral("3")));
    CHECK(w.text().contains(QStringLiteral("10:30")));
    CHECK_FALSE(w.text().contains(QStringLiteral("Online")));

    s.online = true;
    s.offlineSinceUtc = {};
    s.pending = 0;
    w.showStatus(s);
    CHECK_FALSE(w.text().contains(QStringLiteral("10:42")));
    // Decision 11: a store holding the hall's working set names it.
    s.workingSetMessage =
        QStringLiteral("本机只保存工作集：未办结的办件和 2026-09-08 以来有记录的办件，共 2 件");
    w.showStatus(s);
    CHECK(w.text().contains(s.workingSetMessage));
    s.workingSetMessage.clear();

    // Other windows' events came down (a sync or a poke): the window's lists are told; a sync
    // that brought none does not redraw them.
    QSignalSpy cases(&w, &ui::SyncStatusWidget::hallCasesChanged);
    w.showStatus(s);
    CHECK(cases.count() == 0);
    s.pulled = 2;
    w.showStatus(s);
    CHECK(cases.count() == 1);
    s.pulled = 0;

    QSignalSpy requested(&w, &ui::SyncStatusWidget::syncRequested);
    auto* button = w.findChild<QPushButton*>();
    REQUIRE(button);
    CHECK(button->isEnabled());
    button->click();
    CHECK(requested.count() == 1);

    // Revoked: it says why, and there is nothing to sync now.
    s.stoppedMessage = QStringLiteral("本设备已被吊销，不能再同步；请联系管理员");
    w.showStatus(s);
    CHECK(w.text().contains(QStringLiteral("吊销")));
    CHECK_FALSE(button->isEnabled());
}

TEST_CASE("行政许可法 Art. 82: a holiday notice pulled by the background sync reaches the running "
          "window's calendar at once")
{
    test::TempStore s(QDateTime(QDate(2026, 12, 7), QTime(2, 0), Qt::UTC));
    // The administrator made before enrolment (afterwards users come from the server only).
    auto admin = store::UserRepository(*s.store).create(
        QStringLiteral("admin"), QStringLiteral("王管理"), core::Role::Administrator, QString(),
        QStringLiteral("admin-password-7"));
    REQUIRE(admin.ok());
    {
        store::CaseStore cases(*s.store);
        store::Enrolment e;
        e.serverUrl = QStringLiteral("http://127.0.0.1:1"); // nobody there: the service is offline
        e.deviceId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        e.token = QStringLiteral("token");
        e.windowCode = QStringLiteral("W07");
        e.role = QStringLiteral("window");
        e.hallCode = QStringLiteral("620102");
        e.hallName = QStringLiteral("测试大厅");
        e.zone = QStringLiteral("Asia/Shanghai");
        REQUIRE(store::SyncRepository(cases).enrol(e).ok());
    }
    auto config = store::HallConfigRepository(*s.store).load();
    REQUIRE(config.ok());
    auto notices = store::CalendarRepository(*s.store).loadNotices();
    REQUIRE(notices.ok());
    ui::MainWindow window(*s.store, s.clock, core::WorkingCalendar(*notices));
    window.setSignedIn(*admin, *config);
    CHECK(window.calendar().isWorkingDay(QDate(2027, 1, 4))); // 2027: predicted, a Monday

    // A pull stored the hall's 2027 notice (SyncRepository::applyPull) and the service says so.
    core::HolidayNotice n2027;
    n2027.year = 2027;
    n2027.papers = {QStringLiteral("https://www.gov.cn/2027")};
    n2027.source = QStringLiteral("2027.json");
    n2027.days = {{QDate(2027, 1, 1), QStringLiteral("元旦"), true},
                  {QDate(2027, 1, 4), QStringLiteral("元旦"), true}};
    store::CalendarRepository calendars(*s.store);
    REQUIRE(s.store->transaction([&] { return calendars.writeNotices({n2027}); }).ok());
    auto* widget = window.findChild<ui::SyncStatusWidget*>();
    REQUIRE(widget);
    sync::SyncStatus pulled;
    pulled.enrolled = true;
    pulled.online = true;
    widget->showStatus(pulled); // nothing new: the window keeps what it has
    CHECK(window.calendar().isWorkingDay(QDate(2027, 1, 4)));
    pulled.calendarChanged = true;
    widget->showStatus(pulled);
    CHECK_FALSE(window.calendar().isWorkingDay(QDate(2027, 1, 4)));
    CHECK_FALSE(window.calendar().isProvisionalYear(2027));
}
