// The status bar's sync state (issue 18): what the window shows of its place in the hall.
#include "ui/SyncStatusWidget.h"

#include <catch2/catch.hpp>

#include <QPushButton>
#include <QSignalSpy>
#include <QTimeZone>

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
