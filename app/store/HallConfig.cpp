#include "store/HallConfig.h"

#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

namespace onewindow::store {

QList<core::Error> validateHallConfig(const HallConfig& c)
{
    QList<core::Error> errors;
    const auto fail = [&](const char* code, const QString& message) {
        errors.append(core::Error{QString::fromLatin1(code), message});
    };
    if (c.hallName.trimmed().isEmpty())
        fail("hall.name", QStringLiteral("请填写大厅名称"));
    if (!QRegularExpression(QStringLiteral("^[0-9]{6}$")).match(c.hallCode).hasMatch())
        fail("hall.code", QStringLiteral("大厅编码应为 6 位行政区划代码，如 620102"));
    if (!QRegularExpression(QStringLiteral("^[A-Z][A-Z0-9]{1,5}$")).match(c.deviceCode).hasMatch())
        fail("hall.device_code", QStringLiteral("窗口号应为大写字母开头的 2–6 位字母数字，如 W07"));
    if (!c.zone.isValid())
        fail("hall.zone", QStringLiteral("时区无效"));
    if (!c.officeOpen.isValid() || !c.officeClose.isValid() || c.officeOpen >= c.officeClose)
        fail("hall.hours", QStringLiteral("办公时间无效：下班时间应晚于上班时间"));
    if (c.idleLockMinutes < 1 || c.idleLockMinutes > 120)
        fail("hall.idle_lock", QStringLiteral("自动锁屏时间应为 1–120 分钟"));
    if (c.followUpDays < 5 || c.followUpDays > 15)
        fail("hall.follow_up", QStringLiteral("差评整改期限应为 5–15 个工作日"));
    return errors;
}

bool HallConfigRepository::configured() const
{
    QSqlQuery q(m_store.database());
    return q.exec(QStringLiteral("SELECT count(*) FROM hall_settings WHERE key = 'hall_code'")) &&
           q.next() && q.value(0).toInt() == 1;
}

Result<HallConfig> HallConfigRepository::load() const
{
    QSqlQuery q(m_store.database());
    if (!q.exec(QStringLiteral("SELECT key, value FROM hall_settings")))
        return sqlError("store.settings", QStringLiteral("读取大厅设置"), q.lastError().text());
    QHash<QString, QString> v;
    while (q.next())
        v.insert(q.value(0).toString(), q.value(1).toString());
    if (!v.contains(QStringLiteral("hall_code")))
        return core::Error{QStringLiteral("hall.not_configured"),
                           QStringLiteral("本工作站尚未完成首次设置")};
    HallConfig c;
    c.hallName = v.value(QStringLiteral("hall_name"));
    c.hallCode = v.value(QStringLiteral("hall_code"));
    c.deviceCode = v.value(QStringLiteral("device_code"));
    c.zone =
        QTimeZone(v.value(QStringLiteral("time_zone"), QStringLiteral("Asia/Shanghai")).toLatin1());
    c.officeOpen = QTime::fromString(
        v.value(QStringLiteral("office_open"), QStringLiteral("09:00")), QStringLiteral("HH:mm"));
    c.officeClose = QTime::fromString(
        v.value(QStringLiteral("office_close"), QStringLiteral("17:30")), QStringLiteral("HH:mm"));
    c.idleLockMinutes = v.value(QStringLiteral("idle_lock_minutes"), QStringLiteral("10")).toInt();
    c.followUpDays = v.value(QStringLiteral("follow_up_days"), QStringLiteral("5")).toInt();
    return c;
}

Status HallConfigRepository::save(const HallConfig& c)
{
    const QList<core::Error> errors = validateHallConfig(c);
    if (!errors.isEmpty())
        return errors.first();
    return m_store.transaction([&]() -> Status {
        QSqlQuery q(m_store.database());
        q.prepare(QStringLiteral("INSERT INTO hall_settings (key, value) VALUES (?, ?) "
                                 "ON CONFLICT (key) DO UPDATE SET value = excluded.value"));
        const QList<std::pair<QString, QString>> values{
            {QStringLiteral("hall_name"), c.hallName.trimmed()},
            {QStringLiteral("hall_code"), c.hallCode},
            {QStringLiteral("device_code"), c.deviceCode},
            {QStringLiteral("time_zone"), QString::fromLatin1(c.zone.id())},
            {QStringLiteral("office_open"), c.officeOpen.toString(QStringLiteral("HH:mm"))},
            {QStringLiteral("office_close"), c.officeClose.toString(QStringLiteral("HH:mm"))},
            {QStringLiteral("idle_lock_minutes"), QString::number(c.idleLockMinutes)},
            {QStringLiteral("follow_up_days"), QString::number(c.followUpDays)},
        };
        for (const auto& [key, value] : values) {
            q.addBindValue(key);
            q.addBindValue(value);
            if (!q.exec())
                return sqlError("store.settings", QStringLiteral("保存大厅设置"),
                                q.lastError().text());
        }
        return {};
    });
}

} // namespace onewindow::store
