#include "store/CatalogRepository.h"
#include "store/MasterDataGuard.h"

#include "core/CatalogJson.h"
#include "core/PinyinInitials.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace onewindow::store {

using core::ItemVersion;
using core::ServiceItem;

namespace {

QByteArray payloadOf(const ServiceItem& item)
{
    // QJsonObject keeps its keys sorted, so equal items give equal bytes.
    return QJsonDocument(core::itemToJson(item)).toJson(QJsonDocument::Compact);
}

Result<ItemVersion> versionFromRow(const QSqlQuery& q)
{
    // columns: code, version, payload, created_at_utc, note
    QList<core::Error> errors;
    const QJsonDocument doc = QJsonDocument::fromJson(q.value(2).toString().toUtf8());
    ItemVersion v;
    v.item = core::itemFromJson(doc.object(), errors);
    if (!doc.isObject() || !errors.isEmpty())
        return core::Error{QStringLiteral("store.catalog_damaged"),
                           QStringLiteral("事项 %1 第 %2 版的存储内容已损坏，请从备份恢复")
                               .arg(q.value(0).toString())
                               .arg(q.value(1).toInt())};
    v.version = q.value(1).toInt();
    v.createdAtUtc = q.value(3).toString();
    v.note = q.value(4).toString();
    return v;
}

const QString kVersionColumns = QStringLiteral("code, version, payload, created_at_utc, note");

} // namespace

Result<CatalogImportSummary> CatalogRepository::importItems(const QList<ServiceItem>& items,
                                                            const QString& note)
{
    if (Status refused = refuseIfHallAuthored(m_store, core::sync::MasterKind::Catalog); !refused)
        return refused.error();
    for (const ServiceItem& item : items) {
        const QList<core::Error> errors = core::validateItem(item);
        if (!errors.isEmpty())
            return errors.first();
    }
    return storeItems(items, note);
}

Result<int> CatalogRepository::saveItem(const ServiceItem& item, const QString& note)
{
    auto summary = importItems({item}, note);
    if (!summary)
        return summary.error();
    auto current = currentItem(item.code);
    if (!current)
        return current.error();
    return current->version;
}

Result<CatalogImportSummary> CatalogRepository::storeItems(const QList<ServiceItem>& items,
                                                           const QString& note)
{
    CatalogImportSummary summary;
    const core::Status status =
        m_store.transaction([&]() -> core::Status { return writeItems(items, note, summary); });
    if (!status)
        return status.error();
    return summary;
}

Status CatalogRepository::writeItems(const QList<ServiceItem>& items, const QString& note,
                                     CatalogImportSummary& summary)
{
    const QString now = m_store.clock().nowUtc().toString(Qt::ISODateWithMs);
    QSqlDatabase db = m_store.database();
    QSqlQuery current(db), insertVersion(db), upsert(db);
    current.prepare(QStringLiteral(
        "SELECT v.version, v.sha256 FROM catalog_items i JOIN catalog_item_versions v "
        "ON v.code = i.code AND v.version = i.current_version WHERE i.code = ?"));
    insertVersion.prepare(
        QStringLiteral("INSERT INTO catalog_item_versions (code, version, payload, sha256, "
                       "created_at_utc, note) VALUES (?, ?, ?, ?, ?, ?)"));
    upsert.prepare(QStringLiteral(
        "INSERT INTO catalog_items (code, current_version, name, initials, department, office, "
        "profile, "
        "promised_days) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (code) DO UPDATE SET "
        "current_version = excluded.current_version, name = excluded.name, initials = "
        "excluded.initials, "
        "department = excluded.department, office = excluded.office, profile = "
        "excluded.profile, "
        "promised_days = excluded.promised_days"));
    const QString what = QStringLiteral("保存事项目录");
    for (const ServiceItem& item : items) {
        const QByteArray payload = payloadOf(item);
        const QString sha = QString::fromLatin1(
            QCryptographicHash::hash(payload, QCryptographicHash::Sha256).toHex());
        current.addBindValue(item.code);
        if (!current.exec())
            return sqlError("store.catalog_write", what, current.lastError().text());
        int version = 1;
        if (current.next()) {
            if (current.value(1).toString() == sha) {
                ++summary.unchanged;
                current.finish();
                continue;
            }
            version = current.value(0).toInt() + 1;
            ++summary.changed;
        } else {
            ++summary.added;
        }
        current.finish();
        for (const QVariant& v :
             {QVariant(item.code), QVariant(version), QVariant(QString::fromUtf8(payload)),
              QVariant(sha), QVariant(now), QVariant(note)})
            insertVersion.addBindValue(v);
        if (!insertVersion.exec())
            return sqlError("store.catalog_write", what, insertVersion.lastError().text());
        for (const QVariant& v :
             {QVariant(item.code), QVariant(version), QVariant(item.name),
              QVariant(core::pinyinInitials(item.name)), QVariant(item.department),
              QVariant(item.office), QVariant(core::profileKey(item.profile)),
              QVariant(item.promisedDays)})
            upsert.addBindValue(v);
        if (!upsert.exec())
            return sqlError("store.catalog_write", what, upsert.lastError().text());
    }
    return {};
}

Result<QList<core::CatalogEntry>> CatalogRepository::entries() const
{
    QSqlQuery q(m_store.database());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral(
            "SELECT code, name, department, office, profile, promised_days, current_version, "
            "initials FROM catalog_items ORDER BY name")))
        return sqlError("store.catalog_read", QStringLiteral("读取事项目录"), q.lastError().text());
    QList<core::CatalogEntry> out;
    while (q.next()) {
        out.append(core::CatalogEntry{
            q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
            q.value(3).toString(),
            core::profileFromKey(q.value(4).toString()).value_or(core::ProcedureProfile::Licence),
            q.value(5).toInt(), q.value(6).toInt(), q.value(7).toString()});
    }
    return out;
}

Result<QList<ItemVersion>> CatalogRepository::currentItems() const
{
    QSqlQuery q(m_store.database());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral(
            "SELECT v.code, v.version, v.payload, v.created_at_utc, v.note FROM catalog_items i "
            "JOIN catalog_item_versions v ON v.code = i.code AND v.version = i.current_version "
            "ORDER BY i.code")))
        return sqlError("store.catalog_read", QStringLiteral("读取事项目录"), q.lastError().text());
    QList<ItemVersion> out;
    while (q.next()) {
        auto v = versionFromRow(q);
        if (!v)
            return v.error();
        out.append(*v);
    }
    return out;
}

Result<ItemVersion> CatalogRepository::currentItem(const QString& code) const
{
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral("SELECT current_version FROM catalog_items WHERE code = ?"));
    q.addBindValue(code);
    if (!q.exec())
        return sqlError("store.catalog_read", QStringLiteral("读取事项"), q.lastError().text());
    if (!q.next())
        return core::Error{QStringLiteral("catalog.unknown_item"),
                           QStringLiteral("事项目录中没有实施编码为 %1 的事项").arg(code)};
    return itemVersion(code, q.value(0).toInt());
}

Result<ItemVersion> CatalogRepository::itemVersion(const QString& code, int version) const
{
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral("SELECT %1 FROM catalog_item_versions WHERE code = ? AND version = ?")
                  .arg(kVersionColumns));
    q.addBindValue(code);
    q.addBindValue(version);
    if (!q.exec())
        return sqlError("store.catalog_read", QStringLiteral("读取事项"), q.lastError().text());
    if (!q.next())
        return core::Error{QStringLiteral("catalog.unknown_version"),
                           QStringLiteral("事项 %1 没有第 %2 版").arg(code).arg(version)};
    return versionFromRow(q);
}

Result<QList<ItemVersion>> CatalogRepository::history(const QString& code) const
{
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral("SELECT %1 FROM catalog_item_versions WHERE code = ? ORDER BY version")
                  .arg(kVersionColumns));
    q.addBindValue(code);
    if (!q.exec())
        return sqlError("store.catalog_read", QStringLiteral("读取事项版本"), q.lastError().text());
    QList<ItemVersion> out;
    while (q.next()) {
        auto v = versionFromRow(q);
        if (!v)
            return v.error();
        out.append(*v);
    }
    return out;
}

Result<int> CatalogRepository::itemCount() const
{
    QSqlQuery q(m_store.database());
    if (!q.exec(QStringLiteral("SELECT count(*) FROM catalog_items")) || !q.next())
        return sqlError("store.catalog_read", QStringLiteral("读取事项目录"), q.lastError().text());
    return q.value(0).toInt();
}

} // namespace onewindow::store
