#include "core/HallSettings.h"

#include "core/HallZone.h"
#include "core/Identifiers.h"

#include <QTimeZone>

#include <algorithm>

namespace onewindow::core {

QList<Error> validateHallSettings(const HallSettings& c)
{
    QList<Error> errors;
    const auto fail = [&](const char* code, const QString& message) {
        errors.append(Error{QString::fromLatin1(code), message});
    };
    if (c.hallName.trimmed().isEmpty())
        fail("hall.name", QStringLiteral("请填写大厅名称"));
    if (Status hall = checkHallCode(c.hallCode); !hall)
        errors.append(hall.error());
    if (Status window = checkWindowCode(c.deviceCode); !window)
        fail("hall.device_code", window.error().message);
    if (Status zone = checkHallZone(QString::fromUtf8(c.zone.id())); !zone)
        errors.append(zone.error());
    if (!c.officeOpen.isValid() || !c.officeClose.isValid() || c.officeOpen >= c.officeClose)
        fail("hall.hours", QStringLiteral("办公时间无效：下班时间应晚于上班时间"));
    if (c.idleLockMinutes < HallSettings::kMinIdleLockMinutes ||
        c.idleLockMinutes > HallSettings::kMaxIdleLockMinutes)
        fail("hall.idle_lock", QStringLiteral("自动锁屏时间应为 %1–%2 分钟")
                                   .arg(HallSettings::kMinIdleLockMinutes)
                                   .arg(HallSettings::kMaxIdleLockMinutes));
    if (c.followUpDays < HallSettings::kMinFollowUpDays ||
        c.followUpDays > HallSettings::kMaxFollowUpDays)
        fail("hall.follow_up", QStringLiteral("差评整改期限应为 %1–%2 个工作日")
                                   .arg(HallSettings::kMinFollowUpDays)
                                   .arg(HallSettings::kMaxFollowUpDays));
    if (c.offlineSignInHours < HallSettings::kMinOfflineSignInHours ||
        c.offlineSignInHours > HallSettings::kMaxOfflineSignInHours)
        fail("hall.offline_sign_in", QStringLiteral("离线登录时限应为 %1–%2 小时")
                                         .arg(HallSettings::kMinOfflineSignInHours)
                                         .arg(HallSettings::kMaxOfflineSignInHours));
    if (c.maxClockGapSeconds < HallSettings::kMinMaxClockGapSeconds ||
        c.maxClockGapSeconds > HallSettings::kMaxMaxClockGapSeconds)
        fail("hall.max_clock_gap", QStringLiteral("允许的时钟偏差应为 %1–%2 秒")
                                       .arg(HallSettings::kMinMaxClockGapSeconds)
                                       .arg(HallSettings::kMaxMaxClockGapSeconds));
    return errors;
}

Status checkHallZone(const QString& zone)
{
    if (zone.trimmed().isEmpty())
        return Error{QStringLiteral("hall.zone"),
                     QStringLiteral("请写明大厅的时区（IANA 时区名，北京时间请用 Asia/Shanghai）")};
    // A digit, a plus or a colon means an offset (UTC+8, GMT+8, +08:00, Etc/GMT-8, UTC+08:00):
    // no IANA region name has one (a hyphen alone is a name's: America/Port-au-Prince).
    const bool offset = std::any_of(zone.cbegin(), zone.cend(), [](QChar c) {
        return c.isDigit() || c == QLatin1Char('+') || c == QChar(0x2212) || c == QLatin1Char(':');
    });
    if (offset)
        return Error{
            QStringLiteral("hall.zone"),
            QStringLiteral("时区“%1”无效：不接受 UTC+8、GMT+8、+08:00 这类偏移写法（UTC+8 会被"
                           "读成比 UTC 晚 8 小时，日期差一天），请写 IANA 时区名，北京时间请用 "
                           "Asia/Shanghai")
                .arg(zone)};
    if (zone != zone.trimmed() || !QTimeZone::isTimeZoneIdAvailable(zone.toUtf8()))
        return Error{QStringLiteral("hall.zone"),
                     QStringLiteral("时区“%1”无效（应为本机认得的 IANA 时区名，如 Asia/Shanghai）")
                         .arg(zone)};
    return {};
}

QByteArrayList hallTimeZones()
{
    return {QByteArrayLiteral("Asia/Shanghai"), QByteArrayLiteral("Asia/Urumqi"),
            QByteArrayLiteral("Asia/Hong_Kong"), QByteArrayLiteral("Asia/Macau")};
}

} // namespace onewindow::core
