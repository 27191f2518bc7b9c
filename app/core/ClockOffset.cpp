#include "core/ClockOffset.h"

namespace onewindow::core::sync {

std::optional<qint64> measureOffsetMs(qint64 sentMs, qint64 receivedMs, qint64 serverMs)
{
    const qint64 roundTrip = receivedMs - sentMs;
    if (roundTrip < 0 || roundTrip > kMaxMeasuredRoundTripMs || serverMs <= 0)
        return std::nullopt;
    return serverMs - (sentMs + roundTrip / 2);
}

std::optional<qint64> parseServerTime(const QByteArray& header)
{
    bool ok = false;
    const qint64 ms = header.trimmed().toLongLong(&ok);
    if (!ok || ms <= 0)
        return std::nullopt;
    return ms;
}

bool clockGapExceeded(qint64 offsetMs, int maxGapSeconds)
{
    return qAbs(offsetMs) > qint64(maxGapSeconds) * 1000;
}

QString gapText(qint64 milliseconds)
{
    const qint64 seconds = qAbs(milliseconds) / 1000;
    const qint64 hours = seconds / 3600;
    const qint64 minutes = seconds % 3600 / 60;
    QString text;
    if (hours > 0)
        text += QStringLiteral("%1 小时 ").arg(hours);
    if (hours > 0 || minutes > 0)
        text += QStringLiteral("%1 分 ").arg(minutes);
    return text + QStringLiteral("%1 秒").arg(seconds % 60);
}

Error clockGap(qint64 offsetMs, int maxGapSeconds)
{
    // offset = server - machine: positive, the machine is behind (slow).
    const QString way = offsetMs > 0 ? QStringLiteral("慢") : QStringLiteral("快");
    return {
        QStringLiteral("clock.gap"),
        // Which clock is wrong is not known here: the server's is the hall's time (decision 7),
        // but a server without time sync stops every window of the hall, and each clerk would
        // then be sent to "correct" a clock that is right.
        QStringLiteral("本机时钟比大厅服务器%1 %2，超过大厅允许的 %3（%4 秒），本次未作任何改动："
                       "请核对本机的日期和时间：本机不准，请校正本机（设为自动与时间服务器同步）；"
                       "本机准确，则是大厅服务器的时钟不准，请联系管理员校正服务器时间。校正后再"
                       "同步一次（立即同步，或 onewindowctl sync now），时钟相差在允许范围内后即可"
                       "继续办理")
            .arg(way, gapText(offsetMs), gapText(qint64(maxGapSeconds) * 1000))
            .arg(maxGapSeconds)};
}

bool remoteTimeUsable(qint64 remoteWallMs, qint64 nowMs, int maxGapSeconds)
{
    return remoteWallMs <= nowMs + qint64(maxGapSeconds) * 1000;
}

std::optional<QString> eventTimeFlag(const QDateTime& occurredAt, const QDateTime& lastContact,
                                     const QDateTime& receivedAt, int toleranceSeconds)
{
    if (!occurredAt.isValid())
        return std::nullopt;
    if (receivedAt.isValid() && occurredAt > receivedAt.addSecs(toleranceSeconds))
        return QString::fromLatin1(kTimeAfterReceipt);
    if (lastContact.isValid() && occurredAt < lastContact.addSecs(-toleranceSeconds))
        return QString::fromLatin1(kTimeBeforeContact);
    return std::nullopt;
}

QJsonObject timeFlagToJson(const EventTimeFlag& flag)
{
    return QJsonObject{{QStringLiteral("code"), flag.code},
                       {QStringLiteral("reason"), flag.reason},
                       {QStringLiteral("window"), flag.window},
                       {QStringLiteral("received_at"), flag.receivedAt},
                       {QStringLiteral("last_contact_at"), flag.lastContactAt}};
}

std::optional<EventTimeFlag> timeFlagFromJson(const QJsonObject& entry)
{
    const QJsonObject o = entry.value(QLatin1String(kTimeFlagKey)).toObject();
    const QString code = o.value(QStringLiteral("code")).toString();
    if (code.isEmpty())
        return std::nullopt;
    EventTimeFlag flag{code, o.value(QStringLiteral("reason")).toString(),
                       o.value(QStringLiteral("window")).toString(),
                       o.value(QStringLiteral("received_at")).toString(),
                       o.value(QStringLiteral("last_contact_at")).toString()};
    if (flag.reason.isEmpty())
        flag.reason = eventTimeFlagText(code);
    return flag;
}

ClockGapStanding clockGapStanding(qint64 offsetMs, int maxGapSeconds)
{
    if (clockGapExceeded(offsetMs, maxGapSeconds))
        return ClockGapStanding::Over;
    // Over half: 2 |offset| > max, in ms without rounding.
    if (2 * qAbs(offsetMs) > qint64(maxGapSeconds) * 1000)
        return ClockGapStanding::Near;
    return ClockGapStanding::Within;
}

bool uncheckedClockMatters(qint64 offsetMs, const QDateTime& measuredAtUtc, const QDateTime& nowUtc,
                           int maxGapSeconds)
{
    if (!measuredAtUtc.isValid())
        return false;
    return clockGapStanding(offsetMs, maxGapSeconds) != ClockGapStanding::Within ||
           measuredAtUtc.secsTo(nowUtc) > qint64(kUncheckedClockHours) * 3600;
}

QString eventTimeFlagText(const QString& code)
{
    if (code == QLatin1String(kTimeAfterReceipt))
        return QStringLiteral("记录时间晚于服务器收到的时间：工作站时钟可能偏快");
    if (code == QLatin1String(kTimeBeforeContact))
        return QStringLiteral("记录时间早于该工作站上次联系服务器的时间：工作站时钟可能偏慢");
    if (code == QLatin1String(kUnknownCalendar))
        return QStringLiteral("记录所依据的日历不是本大厅用过的任何一版（工作站的日历可能未经大厅"
                              "服务器导入）：已按记录时大厅的日历判断");
    return code;
}

} // namespace onewindow::core::sync
