// The status bar's sync state (issue 18): what the window shows of its place in the hall.
#include "ui/SyncStatusWidget.h"

#include "store/CalendarRepository.h"
#include "store/CaseStore.h"
#include "store/HallConfig.h"
#include "store/SyncRepository.h"
#include "store/UserRepository.h"
#include "support/TempStore.h"
#include "support/TestSupport.h"
#include "ui/MainWindow.h"

#include <catch2/catch.hpp>

#include <QLabel>
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

TEST_CASE("Decision 7: the status bar names the clock gap before an act: red over the hall's "
          "allowance with what to do, calmer over half of it, nothing within; offline, since when "
          "the clock went unchecked when that matters")
{
    ui::SyncStatusWidget w(QTimeZone(QByteArrayLiteral("Asia/Shanghai")));
    w.resize(1200, 30);
    auto* clock = w.findChild<QLabel*>(QStringLiteral("syncClock"));
    REQUIRE(clock);
    sync::SyncStatus s;
    s.enrolled = true;
    s.online = true;
    s.nowUtc = QDateTime(QDate(2026, 12, 7), QTime(3, 0), Qt::UTC); // 11:00 in Beijing
    s.lastSyncUtc = s.nowUtc;
    s.clockMeasured = true;
    s.clockOnline = true;
    s.clockMeasuredAtUtc = s.nowUtc;
    s.maxClockGapSeconds = 300;

    SECTION("over the allowance: red, the figures, that acts are refused and what to do")
    {
        s.clockOffsetMs = -(12 * 60 + 5) * 1000; // this PC 12 min 5 s ahead of the server
        w.showStatus(s);
        CHECK(w.clockText() == QStringLiteral("本机时钟比大厅服务器快 12 分 5 秒，超过允许的 5 分 "
                                              "0 秒：办理将被拒绝，请校正本机时间后立即同步"));
        CHECK(clock->styleSheet().contains(QStringLiteral("#b00020")));
        CHECK(w.clockToolTip().contains(QStringLiteral("管理员")));
        w.grab().save(test::screenshotPath("status-clock-over"));
        s.clockOffsetMs = 301 * 1000; // behind
        w.showStatus(s);
        CHECK(w.clockText().startsWith(
            QStringLiteral("本机时钟比大厅服务器慢 5 分 1 秒，超过允许的")));
    }
    SECTION("over half of it: a calmer warning, not red")
    {
        s.clockOffsetMs = 200 * 1000;
        w.showStatus(s);
        CHECK(w.clockText() == QStringLiteral("本机时钟比大厅服务器慢 3 分 20 秒（允许 5 分 0 "
                                              "秒）：请及早校正本机时间，超过即不能办理"));
        CHECK_FALSE(clock->styleSheet().contains(QStringLiteral("#b00020")));
        CHECK(clock->styleSheet().contains(QStringLiteral("#8a5300")));
        w.grab().save(test::screenshotPath("status-clock-near"));
    }
    SECTION("within half: nothing; and the next sync's status clears a warning shown before")
    {
        s.clockOffsetMs = -200 * 1000;
        w.showStatus(s);
        CHECK_FALSE(w.clockText().isEmpty());
        s.clockOffsetMs = 150 * 1000; // exactly half: within
        w.showStatus(s);
        CHECK(w.clockText().isEmpty());
        CHECK(clock->isHidden());
    }
    SECTION("offline: the rule rests; said only when the last gap was near or over, or the clock "
            "went a day unchecked")
    {
        s.online = false;
        s.clockOnline = false;
        s.offlineSinceUtc = s.nowUtc.addSecs(-600);
        s.clockMeasuredAtUtc = s.nowUtc.addSecs(-600); // 10:50
        s.clockOffsetMs = -400 * 1000;                 // over: offline, no refusal to announce
        w.showStatus(s);
        CHECK(w.clockText() ==
              QStringLiteral("本机时钟自 10:50 起未与大厅服务器核对，当时相差 6 分 "
                             "40 秒（允许 5 分 0 秒）：请校正本机时间"));
        CHECK_FALSE(w.clockText().contains(QStringLiteral("拒绝")));
        s.clockOffsetMs = 2000;
        w.showStatus(s);
        CHECK(w.clockText().isEmpty());
        s.clockMeasuredAtUtc = s.nowUtc.addSecs(-(24 * 3600 + 60)); // yesterday 10:59
        w.showStatus(s);
        CHECK(w.clockText() == QStringLiteral("本机时钟自 2026-12-06 10:59 起未与大厅服务器核对"));
    }
    SECTION("never measured, or sync stopped: nothing")
    {
        s.clockOffsetMs = -400 * 1000;
        s.clockMeasured = false;
        w.showStatus(s);
        CHECK(w.clockText().isEmpty());
        s.clockMeasured = true;
        s.stoppedMessage = QStringLiteral("本设备已被吊销，不能再同步；请联系管理员");
        w.showStatus(s);
        CHECK(w.clockText().isEmpty());
    }
}
