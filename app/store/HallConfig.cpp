#include "store/HallConfig.h"
#include "store/MasterDataGuard.h"

#include <QSqlError>
#include <QSqlQuery>

namespace onewindow::store {

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
    HallConfig c; // a key never saved keeps its default
    c.hallName = v.value(QStringLiteral("hall_name"));
    c.hallCode = v.value(QStringLiteral("hall_code"));
    c.deviceCode = v.value(QStringLiteral("device_code"));
    if (v.contains(QStringLiteral("time_zone")))
        c.zone = QTimeZone(v.value(QStringLiteral("time_zone")).toLatin1());
    const auto time = [&](const char* key, QTime& into) {
        if (v.contains(QLatin1String(key)))
            into = QTime::fromString(v.value(QLatin1String(key)), QStringLiteral("HH:mm"));
    };
    time("office_open", c.officeOpen);
    time("office_close", c.officeClose);
    const auto number = [&](const char* key, int& into) {
        if (v.contains(QLatin1String(key)))
            into = v.value(QLatin1String(key)).toInt();
    };
    number("idle_lock_minutes", c.idleLockMinutes);
    number("follow_up_days", c.followUpDays);
    number("offline_sign_in_hours", c.offlineSignInHours);
    number("max_clock_gap_seconds", c.maxClockGapSeconds);
    return c;
}

Result<HallConfig> HallConfigRepository::loadOrDefaults() const
{
    if (!configured())
        return HallConfig{};
    return load();
}

Status HallConfigRepository::save(const HallConfig& c)
{
    if (Status refused = refuseIfHallAuthored(m_store, core::sync::MasterKind::HallSettings);
        !refused)
        return refused;
    const QList<core::Error> errors = validateHallConfig(c);
    if (!errors.isEmpty())
        return errors.first();
    return m_store.transaction([&]() -> Status { return write(c); });
}

Status HallConfigRepository::write(const HallConfig& c)
{
    const QList<core::Error> errors = validateHallConfig(c);
    if (!errors.isEmpty())
        return errors.first();
    {
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
            {QStringLiteral("offline_sign_in_hours"), QString::number(c.offlineSignInHours)},
            {QStringLiteral("max_clock_gap_seconds"), QString::number(c.maxClockGapSeconds)},
        };
        for (const auto& [key, value] : values) {
            q.addBindValue(key);
            q.addBindValue(value);
            if (!q.exec())
                return sqlError("store.settings", QStringLiteral("保存大厅设置"),
                                q.lastError().text());
        }
        return {};
    }
}

} // namespace onewindow::store
