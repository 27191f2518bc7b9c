#pragma once

#include "core/Clock.h"
#include "core/Error.h"

#include <QByteArrayList>
#include <QDate>
#include <QList>
#include <QString>
#include <QTime>
#include <QTimeZone>

namespace onewindow::core {

// One hall, one set of settings: what the first-start setup records about the hall and this
// window, with every default in this one place. store::HallConfigRepository loads and saves it;
// every page and command takes "today" from it (today(clock)), a civil date in the hall's zone.
struct HallSettings
{
    // The defaults of a hall that has not said otherwise.
    static QTimeZone defaultZone() { return QTimeZone(QByteArrayLiteral("Asia/Shanghai")); }
    static QTime defaultOfficeOpen() { return QTime(9, 0); }
    static QTime defaultOfficeClose() { return QTime(17, 30); }
    static constexpr int kDefaultIdleLockMinutes = 10;
    static constexpr int kDefaultFollowUpDays = 5;
    static constexpr int kMinIdleLockMinutes = 1;
    static constexpr int kMaxIdleLockMinutes = 120;
    static constexpr int kMinFollowUpDays = 5; // bad-rating follow-up: a local setting, 5 to 15
    static constexpr int kMaxFollowUpDays = 15;
    // An enrolled window signs its clerks in from the verifiers the hall sent down for this
    // long after its last sync with the hall's server (decision 8); a hall setting.
    static constexpr int kDefaultOfflineSignInHours = 72;
    static constexpr int kMinOfflineSignInHours = 1;
    static constexpr int kMaxOfflineSignInHours = 720;
    // Decision 7: online, an enrolled window refuses actions while its clock is further than
    // this from the hall server's (the measured offset); a hall setting, in seconds.
    static constexpr int kDefaultMaxClockGapSeconds = 300;
    static constexpr int kMinMaxClockGapSeconds = 30;
    static constexpr int kMaxMaxClockGapSeconds = 3600;

    QString hallName;   // 兰州市城关区政务服务中心
    QString hallCode;   // 620102: the first part of every case number
    QString deviceCode; // W07: this window
    QTimeZone zone = defaultZone();
    QTime officeOpen = defaultOfficeOpen();
    QTime officeClose = defaultOfficeClose();
    int idleLockMinutes = kDefaultIdleLockMinutes; // the screen locks after this long idle
    int followUpDays = kDefaultFollowUpDays;       // bad-rating follow-up period, working days
    int offlineSignInHours = kDefaultOfflineSignInHours; // enrolled: sign-in after the last sync
    int maxClockGapSeconds = kDefaultMaxClockGapSeconds; // enrolled: the clock gap allowed online

    // "Now" and "today" at this hall: the civil date in its zone, whatever the machine's zone.
    QDateTime now(const Clock& clock) const { return clock.nowIn(zone); }
    QDate today(const Clock& clock) const { return clock.todayIn(zone); }
};

// Every problem of a hall's settings (codes, zone, hours, ranges), each with a Chinese message
// for the setup form; empty when they can be saved.
QList<Error> validateHallSettings(const HallSettings& settings);

// The zones offered at setup: the civil times of the halls this workstation serves.
QByteArrayList hallTimeZones();

} // namespace onewindow::core
