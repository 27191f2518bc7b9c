#include "core/HallSettings.h"

#include "core/Identifiers.h"

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
    if (!c.zone.isValid())
        fail("hall.zone", QStringLiteral("时区无效"));
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

QByteArrayList hallTimeZones()
{
    return {QByteArrayLiteral("Asia/Shanghai"), QByteArrayLiteral("Asia/Urumqi"),
            QByteArrayLiteral("Asia/Hong_Kong"), QByteArrayLiteral("Asia/Macau")};
}

} // namespace onewindow::core
