#include "store/MatterRepository.h"
#include "store/MasterDataGuard.h"

#include "core/MatterJson.h"
#include "core/PinyinInitials.h"
#include "store/CatalogRepository.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace onewindow::store {

using core::Matter;
using core::MatterVersion;

namespace {

const QString kColumns = QStringLiteral("code, version, payload, created_at_utc, note");

Result<MatterVersion> versionFromRow(const QSqlQuery& q)
{
    QList<core::Error> errors;
    const QJsonDocument doc = QJsonDocument::fromJson(q.value(2).toString().toUtf8());
    MatterVersion v;
    v.matter = core::matterFromJson(doc.object(), errors);
    if (!doc.isObject() || !errors.isEmpty())
        return core::Error{QStringLiteral("store.catalog_damaged"),
                           QStringLiteral("一件事 %1 第 %2 版的存储内容已损坏，请从备份恢复")
                               .arg(q.value(0).toString())
                               .arg(q.value(1).toInt())};
    v.version = q.value(1).toInt();
    v.createdAtUtc = q.value(3).toString();
    v.note = q.value(4).toString();
    return v;
}

Result<QList<MatterVersion>> versions(Store& store, const QString& sql, const QVariantList& binds)
{
    QSqlQuery q(store.database());
    q.setForwardOnly(true);
    q.prepare(sql);
    for (const QVariant& v : binds)
        q.addBindValue(v);
    if (!q.exec())
        return sqlError("store.catalog_read", QStringLiteral("读取一件事"), q.lastError().text());
    QList<MatterVersion> out;
    while (q.next()) {
        auto v = versionFromRow(q);
        if (!v)
            return v.error();
        out.append(*v);
    }
    return out;
}

} // namespace

Result<QList<MatterEntry>> MatterRepository::entries() const
{
    QSqlQuery q(m_store.database());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT code, name, promised_days, current_version, initials "
                               "FROM catalog_matters ORDER BY name")))
        return sqlError("store.catalog_read", QStringLiteral("读取一件事"), q.lastError().text());
    QList<MatterEntry> out;
    while (q.next())
        out.append(MatterEntry{q.value(0).toString(), q.value(1).toString(), q.value(2).toInt(),
                               q.value(3).toInt(), q.value(4).toString()});
    return out;
}

Result<QList<MatterVersion>> MatterRepository::currentMatters() const
{
    return versions(m_store,
                    QStringLiteral("SELECT v.code, v.version, v.payload, v.created_at_utc, v.note "
                                   "FROM catalog_matters m JOIN catalog_matter_versions v ON "
                                   "v.code = m.code AND v.version = m.current_version ORDER BY "
                                   "m.code"),
                    {});
}

Result<MatterVersion> MatterRepository::currentMatter(const QString& code) const
{
    auto found = versions(m_store,
                          QStringLiteral("SELECT v.code, v.version, v.payload, v.created_at_utc, "
                                         "v.note FROM catalog_matters m JOIN "
                                         "catalog_matter_versions v ON v.code = m.code AND "
                                         "v.version = m.current_version WHERE m.code = ?"),
                          {code});
    if (!found)
        return found.error();
    if (found->isEmpty())
        return core::Error{QStringLiteral("catalog.unknown_matter"),
                           QStringLiteral("事项目录中没有编码为 %1 的一件事").arg(code)};
    return found->first();
}

Result<MatterVersion> MatterRepository::matterVersion(const QString& code, int version) const
{
    auto found = versions(
        m_store,
        QStringLiteral("SELECT %1 FROM catalog_matter_versions WHERE code = ? AND version = ?")
            .arg(kColumns),
        {code, version});
    if (!found)
        return found.error();
    if (found->isEmpty())
        return core::Error{QStringLiteral("catalog.unknown_version"),
                           QStringLiteral("一件事 %1 没有第 %2 版").arg(code).arg(version)};
    return found->first();
}

Result<QList<MatterVersion>> MatterRepository::history(const QString& code) const
{
    return versions(
        m_store,
        QStringLiteral("SELECT %1 FROM catalog_matter_versions WHERE code = ? ORDER BY version")
            .arg(kColumns),
        {code});
}

Result<QHash<QString, Matter>> MatterRepository::currentByCode() const
{
    auto all = currentMatters();
    if (!all)
        return all.error();
    QHash<QString, Matter> out;
    for (const MatterVersion& v : *all)
        out.insert(v.matter.code, v.matter);
    return out;
}

Status MatterRepository::writeMatters(const QList<Matter>& matters, const QString& note,
                                      CatalogImportSummary& summary)
{
    for (const Matter& m : matters)
        if (const QList<core::Error> errors = core::validateMatter(m); !errors.isEmpty())
            return errors.first();
    // The references hold in the catalog as it will be: the stored items (the file's among them
    // by now) and every stored matter, the file's replacing theirs.
    auto stored = currentByCode();
    if (!stored)
        return stored.error();
    QHash<QString, Matter> after = *stored;
    for (const Matter& m : matters)
        after.insert(m.code, m);
    auto items = CatalogRepository(m_store).currentItems();
    if (!items)
        return items.error();
    QHash<QString, core::ServiceItem> byCode;
    for (const core::ItemVersion& v : *items)
        byCode.insert(v.item.code, v.item);
    if (const QList<core::Error> errors = core::checkMatterReferences(after.values(), byCode);
        !errors.isEmpty())
        return errors.first();

    const QString now = m_store.clock().nowUtc().toString(Qt::ISODateWithMs);
    QSqlDatabase db = m_store.database();
    QSqlQuery current(db), insert(db), upsert(db);
    current.prepare(QStringLiteral(
        "SELECT v.version, v.sha256 FROM catalog_matters m JOIN catalog_matter_versions v "
        "ON v.code = m.code AND v.version = m.current_version WHERE m.code = ?"));
    insert.prepare(QStringLiteral("INSERT INTO catalog_matter_versions (code, version, payload, "
                                  "sha256, created_at_utc, note) VALUES (?, ?, ?, ?, ?, ?)"));
    upsert.prepare(QStringLiteral(
        "INSERT INTO catalog_matters (code, current_version, name, initials, promised_days) "
        "VALUES (?, ?, ?, ?, ?) ON CONFLICT (code) DO UPDATE SET current_version = "
        "excluded.current_version, name = excluded.name, initials = excluded.initials, "
        "promised_days = excluded.promised_days"));
    const QString what = QStringLiteral("保存一件事");
    for (const Matter& m : matters) {
        // QJsonObject keeps its keys sorted, so equal matters give equal bytes.
        const QByteArray payload =
            QJsonDocument(core::matterToJson(m)).toJson(QJsonDocument::Compact);
        const QString sha = QString::fromLatin1(
            QCryptographicHash::hash(payload, QCryptographicHash::Sha256).toHex());
        current.addBindValue(m.code);
        if (!current.exec())
            return sqlError("store.catalog_write", what, current.lastError().text());
        int version = 1;
        if (current.next()) {
            if (current.value(1).toString() == sha) {
                ++summary.mattersUnchanged;
                current.finish();
                continue;
            }
            version = current.value(0).toInt() + 1;
            ++summary.mattersChanged;
        } else {
            ++summary.mattersAdded;
        }
        current.finish();
        for (const QVariant& v :
             {QVariant(m.code), QVariant(version), QVariant(QString::fromUtf8(payload)),
              QVariant(sha), QVariant(now), QVariant(note)})
            insert.addBindValue(v);
        if (!insert.exec())
            return sqlError("store.catalog_write", what, insert.lastError().text());
        for (const QVariant& v : {QVariant(m.code), QVariant(version), QVariant(m.name),
                                  QVariant(core::pinyinInitials(m.name)), QVariant(m.promisedDays)})
            upsert.addBindValue(v);
        if (!upsert.exec())
            return sqlError("store.catalog_write", what, upsert.lastError().text());
    }
    return {};
}

Result<QStringList> MatterRepository::partCaseIds(const QString& matterNumber) const
{
    QSqlQuery q(m_store.database());
    q.setForwardOnly(true);
    // Parts received with the matter and cases joined to it later, each through its own
    // partial index (migrations 0015 and 0016), in the order they became parts. An event the
    // hall's server rejected makes no part, as the fold skips it (a join set aside, decision 10).
    const QString accepted = QStringLiteral(
        " AND NOT EXISTS (SELECT 1 FROM placement p WHERE p.event_id = events.event_id AND "
        "p.verdict = 'rejected')");
    q.prepare(QStringLiteral(
                  "SELECT case_id, hlc, device_id, device_seq FROM events WHERE type = "
                  "'case.received' AND json_extract(payload, '$.matter.number') = ?%1 UNION ALL "
                  "SELECT case_id, hlc, device_id, device_seq FROM events WHERE type = "
                  "'case.matter_joined' AND json_extract(payload, '$.matter.number') = ?%1 "
                  "ORDER BY 2, 3, 4")
                  .arg(accepted));
    q.addBindValue(matterNumber);
    q.addBindValue(matterNumber);
    if (!q.exec())
        return sqlError("store.case_read", QStringLiteral("读取一件事的办件"),
                        q.lastError().text());
    QStringList out;
    while (q.next())
        if (!out.contains(q.value(0).toString()))
            out.append(q.value(0).toString());
    return out;
}

} // namespace onewindow::store

// CatalogRepository::importCatalog lives here, beside the matters it writes.
namespace onewindow::store {

Result<CatalogImportSummary> CatalogRepository::importCatalog(const QList<core::ServiceItem>& items,
                                                              const QList<core::Matter>& matters,
                                                              const QString& note)
{
    if (Status refused = refuseIfHallAuthored(m_store, core::sync::MasterKind::Catalog); !refused)
        return refused.error();
    for (const core::ServiceItem& item : items)
        if (const QList<core::Error> errors = core::validateItem(item); !errors.isEmpty())
            return errors.first();
    CatalogImportSummary summary;
    const Status status = m_store.transaction([&]() -> Status {
        if (Status s = writeItems(items, note, summary); !s)
            return s;
        return MatterRepository(m_store).writeMatters(matters, note, summary);
    });
    if (!status)
        return status.error();
    return summary;
}

namespace {

Result<QStringList> numbersOf(Store& store, const QString& sql, const QVariantList& binds)
{
    QSqlQuery q(store.database());
    q.setForwardOnly(true);
    q.prepare(sql);
    for (const QVariant& v : binds)
        q.addBindValue(v);
    if (!q.exec())
        return sqlError("store.case_read", QStringLiteral("读取一件事"), q.lastError().text());
    QStringList out;
    while (q.next())
        out.append(q.value(0).toString());
    return out;
}

} // namespace

QString openMattersSql()
{
    // 一件事: a matter is done when its last part is (decided, refused or closed), so one not done
    // has a part with none of these. The cases projection names each part's matter (migration
    // 0022); its partial index holds only the unfinished parts, and a decided part waiting to be
    // collected takes its matter off the board as the board always did.
    // Named: without statistics the planner took refused_date IS NULL to a seek of the refusals'
    // index, which holds every matter part.
    return QStringLiteral("SELECT DISTINCT matter_number FROM cases INDEXED BY cases_matter_open "
                          "WHERE matter_number > '' AND "
                          "is_open = 1 AND decided_date IS NULL AND refused_date IS NULL "
                          "ORDER BY 1");
}

QString mattersTouchingSql()
{
    // A matter counts in [from, to] as received (its first part's day: a part received in the
    // period; a matter started from an earlier case takes in new parts that day) or as finished
    // (its last part's decision, refusal or closing in the period). Four seeks of the matter
    // parts' partial indexes, never every matter the store ever held.
    QStringList seeks;
    for (const char* column : {"received_date", "decided_date", "refused_date", "closed_date"})
        seeks.append(QStringLiteral("SELECT matter_number FROM cases WHERE matter_number > '' "
                                    "AND %1 BETWEEN ? AND ?")
                         .arg(QLatin1String(column)));
    return QStringLiteral("SELECT matter_number FROM (%1) GROUP BY 1 ORDER BY 1")
        .arg(seeks.join(QStringLiteral(" UNION ALL ")));
}

Result<QStringList> MatterRepository::openMatterNumbers() const
{
    return numbersOf(m_store, openMattersSql(), {});
}

Result<QStringList> MatterRepository::matterNumbersTouching(const QDate& from,
                                                            const QDate& to) const
{
    const QString f = from.toString(Qt::ISODate);
    const QString t = to.toString(Qt::ISODate);
    return numbersOf(m_store, mattersTouchingSql(), {f, t, f, t, f, t, f, t});
}

} // namespace onewindow::store
