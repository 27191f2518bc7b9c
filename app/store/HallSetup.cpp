#include "store/HallSetup.h"

#include "store/Ids.h"

#include <QSqlError>
#include <QSqlQuery>

namespace onewindow::store {

Status writeDeviceRow(Store& store, const QString& hallCode, const QString& deviceCode)
{
    QSqlQuery q(store.database());
    if (!q.exec(QStringLiteral("SELECT count(*) FROM device")) || !q.next())
        return sqlError("store.device", QStringLiteral("读取工作站信息"), q.lastError().text());
    if (q.value(0).toInt() > 0)
        return {};
    q.finish();
    q.prepare(QStringLiteral("INSERT INTO device (singleton, device_id, hall_code, device_code, "
                             "next_seq, hlc_wall_ms, hlc_counter) VALUES (1, ?, ?, ?, 1, 0, 0)"));
    q.addBindValue(newUuidV7(store.clock().nowUtc().toMSecsSinceEpoch()));
    q.addBindValue(hallCode);
    q.addBindValue(deviceCode);
    if (!q.exec())
        return sqlError("store.device", QStringLiteral("登记本工作站"), q.lastError().text());
    return {};
}

Result<QList<User>> setUpHall(Store& store, const HallConfig& config,
                              const QList<SetupAccount>& accounts)
{
    if (const QList<core::Error> errors = validateHallConfig(config); !errors.isEmpty())
        return errors.first();
    QList<User> made;
    const Status status = store.transaction([&]() -> Status {
        // Asked inside the transaction: two windows finishing setup at once make one hall.
        if (HallConfigRepository(store).configured())
            return Error{QStringLiteral("hall.already_configured"),
                         QStringLiteral("本工作站已完成首次设置，无需再次设置")};
        if (Status s = writeDeviceRow(store, config.hallCode, config.deviceCode); !s)
            return s;
        UserRepository users(store);
        for (const SetupAccount& a : accounts) {
            auto user = users.create(a.login, a.displayName, a.role, config.deviceCode, a.password,
                                     a.userId);
            if (!user)
                return user.error();
            made.append(*user);
        }
        // Last: a store with settings is a configured hall (HallConfigRepository::configured).
        return HallConfigRepository(store).write(config);
    });
    if (!status)
        return status.error();
    return made;
}

} // namespace onewindow::store
