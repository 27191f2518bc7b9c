#include "store/MasterDataGuard.h"

#include "store/HallConfig.h"

#include <QSqlError>
#include <QSqlQuery>

namespace onewindow::store {

namespace {

struct Enrolled
{
    bool enrolled = false;
    QString serverUrl;
    QDateTime lastSyncUtc;
};

Result<Enrolled> enrolment(Store& store)
{
    QSqlQuery q(store.database());
    if (!q.exec(QStringLiteral("SELECT server_url, last_sync_utc FROM sync_state")))
        return sqlError("store.sync_read", QStringLiteral("读取同步状态"), q.lastError().text());
    Enrolled e;
    if (q.next()) {
        e.enrolled = true;
        e.serverUrl = q.value(0).toString();
        e.lastSyncUtc = QDateTime::fromString(q.value(1).toString(), Qt::ISODateWithMs);
    }
    return e;
}

} // namespace

Status refuseIfHallAuthored(Store& store, core::sync::MasterKind kind)
{
    auto e = enrolment(store);
    if (!e)
        return e.error();
    if (!e->enrolled)
        return {};
    return core::sync::masterOnServer(kind, e->serverUrl);
}

Status checkOfflineSignIn(Store& store)
{
    auto e = enrolment(store);
    if (!e)
        return e.error();
    if (!e->enrolled)
        return {};
    auto config = HallConfigRepository(store).loadOrDefaults();
    if (!config)
        return config.error();
    const int hours = config->offlineSignInHours;
    const core::sync::OfflineSignIn gate =
        core::sync::offlineSignIn(e->lastSyncUtc, store.clock().nowUtc(), hours);
    if (gate.allowed)
        return {};
    const QString last =
        e->lastSyncUtc.isValid()
            ? e->lastSyncUtc.toTimeZone(config->zone).toString(QStringLiteral("yyyy-MM-dd HH:mm"))
            : QStringLiteral("从未同步");
    return core::sync::signInStale(hours, last);
}

} // namespace onewindow::store
