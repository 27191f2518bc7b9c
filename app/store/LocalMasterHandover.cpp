#include "store/LocalMasterHandover.h"

#include "core/CatalogJson.h"

#include <QCryptographicHash>
#include <QHash>
#include <QJsonDocument>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

namespace onewindow::store {

namespace {

// The note store/SyncMasterData.cpp gives every version it writes from the pull; once a store is
// enrolled nothing else writes a version (store/MasterDataGuard.h), so a version with another
// note was authored here before the enrolment.
const QString kPulledNote = QStringLiteral("大厅服务器下发");

Error readError(const QSqlQuery& q)
{
    return sqlError("store.sync_read", QStringLiteral("读取本机事项目录"), q.lastError().text());
}

Error writeError(const QSqlQuery& q)
{
    return sqlError("store.sync_write", QStringLiteral("以大厅的事项目录取代本机导入的事项目录"),
                    q.lastError().text());
}

// The bytes SyncMasterData compares: the catalog repository's compact itemToJson.
QString contentSha(const core::ServiceItem& item)
{
    const QByteArray payload = QJsonDocument(core::itemToJson(item)).toJson(QJsonDocument::Compact);
    return QString::fromLatin1(
        QCryptographicHash::hash(payload, QCryptographicHash::Sha256).toHex());
}

} // namespace

Result<int> yieldLocalCatalog(Store& store, const QList<PulledItem>& items)
{
    if (items.isEmpty())
        return 0;
    // What the page brings, per item: version -> content.
    QHash<QString, QHash<int, QString>> pulled;
    for (const PulledItem& p : items)
        pulled[p.item.code].insert(p.version, contentSha(p.item));
    QSqlDatabase db = store.database();
    QSqlQuery local(db);
    local.prepare(QStringLiteral(
        "SELECT v.version, v.sha256 FROM catalog_item_versions v WHERE v.code = ? AND v.note <> ? "
        "AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.item_code = v.code AND "
        "c.item_version = v.version)"));
    QList<std::pair<QString, int>> doomed;
    for (auto it = pulled.cbegin(); it != pulled.cend(); ++it) {
        local.addBindValue(it.key());
        local.addBindValue(kPulledNote);
        if (!local.exec())
            return readError(local);
        while (local.next()) {
            const int version = local.value(0).toInt();
            if (it->value(version) != local.value(1).toString())
                doomed.append({it.key(), version});
        }
        local.finish();
    }
    if (doomed.isEmpty())
        return 0;
    // Versions are kept forever once a case may name them (0002_catalog.sql); these were never
    // the hall's and no case names them. The guard is lifted for these deletes only, inside the
    // caller's transaction, and put back as the schema has it.
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND "
                               "name = 'catalog_item_versions_kept'")))
        return readError(q);
    const QString guard = q.next() ? q.value(0).toString() : QString();
    q.finish();
    if (!guard.isEmpty() && !q.exec(QStringLiteral("DROP TRIGGER catalog_item_versions_kept")))
        return writeError(q);
    QSqlQuery current(db), version(db);
    current.prepare(
        QStringLiteral("DELETE FROM catalog_items WHERE code = ? AND current_version = ?"));
    version.prepare(
        QStringLiteral("DELETE FROM catalog_item_versions WHERE code = ? AND version = ?"));
    for (const auto& [code, number] : std::as_const(doomed)) {
        for (QSqlQuery* step : {&current, &version}) {
            step->addBindValue(code);
            step->addBindValue(number);
            if (!step->exec())
                return writeError(*step);
        }
    }
    if (!guard.isEmpty() && !q.exec(guard))
        return writeError(q);
    return static_cast<int>(doomed.size());
}

Status markLocalUsersYielding(Store& store)
{
    QSqlQuery q(store.database());
    if (!q.exec(QStringLiteral("UPDATE users SET lost_epoch = 1 WHERE pulled_seq IS NULL AND "
                               "lost_epoch = 0")))
        return sqlError("store.sync_write", QStringLiteral("让本机账户让位于大厅的账户"),
                        q.lastError().text());
    return {};
}

} // namespace onewindow::store
