#include "server/storage/FoldVersions.h"

#include "server/storage/CentralDb.h"

#include <QSqlQuery>

#include <algorithm>

namespace onewindow::server {

namespace {

core::Error foldError(const QString& why)
{
    return {QStringLiteral("db.fold"), QStringLiteral("读写工作站办件规则版本失败：%1").arg(why)};
}

} // namespace

core::Result<int> FoldVersions::floorOf(const QString& hallCode)
{
    QSqlQuery* q = m_db.runKept(QStringLiteral("SELECT fold_floor FROM halls WHERE hall_code = ?"),
                                {hallCode});
    if (!q)
        return foldError(m_db.lastError());
    const int floor = q->next() ? q->value(0).toInt() : 1;
    q->finish();
    return floor;
}

core::Result<int> FoldVersions::hallFold(const QString& hallCode)
{
    QSqlQuery* q = m_db.runKept(
        QStringLiteral("SELECT min(fold_version) FROM devices WHERE hall_code = ? AND revoked_at "
                       "IS NULL AND stopped_reason IS NULL AND retired_at IS NULL"),
        {hallCode});
    if (!q)
        return foldError(m_db.lastError());
    const QVariant oldest = q->next() ? q->value(0) : QVariant();
    q->finish();
    auto floor = floorOf(hallCode);
    if (!floor)
        return floor;
    // A device below the floor is refused before it can pull (fold_behind_hall): it holds
    // nothing back, whatever fold it last named.
    return oldest.isNull() ? *floor : std::max(oldest.toInt(), *floor);
}

core::Status FoldVersions::record(const QString& deviceId, int fold)
{
    QSqlQuery q = m_db.query();
    if (!m_db.run(q,
                  QStringLiteral("UPDATE devices SET fold_version = ? WHERE device_id = ? AND "
                                 "fold_version <> ?"),
                  {fold, deviceId, fold}))
        return foldError(m_db.lastError());
    return {};
}

core::Status FoldVersions::raiseFloor(const QString& hallCode, int fold)
{
    QSqlQuery q = m_db.query();
    if (!m_db.run(q,
                  QStringLiteral("UPDATE halls SET fold_floor = ? WHERE hall_code = ? AND "
                                 "fold_floor < ?"),
                  {fold, hallCode, fold}))
        return foldError(m_db.lastError());
    return {};
}

} // namespace onewindow::server
