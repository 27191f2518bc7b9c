#include "store/DraftRepository.h"

#include <QSqlError>
#include <QSqlQuery>

namespace onewindow::store {

Status DraftRepository::save(const QString& clerkId, const core::IntakeDraft& draft)
{
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral(
        "INSERT INTO intake_drafts (clerk_id, saved_at_utc, content) VALUES (?, ?, ?) "
        "ON CONFLICT (clerk_id) DO UPDATE SET saved_at_utc = excluded.saved_at_utc, "
        "content = excluded.content"));
    q.addBindValue(clerkId);
    q.addBindValue(m_store.clock().nowUtc().toString(Qt::ISODateWithMs));
    q.addBindValue(QString::fromUtf8(draft.toJson()));
    if (!q.exec())
        return sqlError("store.drafts", QStringLiteral("保存收件草稿"), q.lastError().text());
    return {};
}

Result<std::optional<StoredDraft>> DraftRepository::load(const QString& clerkId) const
{
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral("SELECT saved_at_utc, content FROM intake_drafts WHERE clerk_id = ?"));
    q.addBindValue(clerkId);
    if (!q.exec())
        return sqlError("store.drafts", QStringLiteral("读取收件草稿"), q.lastError().text());
    if (!q.next())
        return std::optional<StoredDraft>();
    auto draft = core::IntakeDraft::fromJson(q.value(1).toString().toUtf8());
    if (!draft)
        return draft.error();
    QDateTime saved = QDateTime::fromString(q.value(0).toString(), Qt::ISODateWithMs);
    saved.setTimeZone(QTimeZone::utc());
    return std::optional<StoredDraft>(StoredDraft{std::move(draft).value(), saved});
}

bool DraftRepository::exists(const QString& clerkId) const
{
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral("SELECT 1 FROM intake_drafts WHERE clerk_id = ?"));
    q.addBindValue(clerkId);
    return q.exec() && q.next();
}

Status DraftRepository::discard(const QString& clerkId)
{
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral("DELETE FROM intake_drafts WHERE clerk_id = ?"));
    q.addBindValue(clerkId);
    if (!q.exec())
        return sqlError("store.drafts", QStringLiteral("清除收件草稿"), q.lastError().text());
    return {};
}

Status DraftRepository::saveMatter(const QString& clerkId, const core::MatterIntakeDraft& draft)
{
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral(
        "INSERT INTO matter_intake_drafts (clerk_id, saved_at_utc, content) VALUES (?, ?, ?) "
        "ON CONFLICT (clerk_id) DO UPDATE SET saved_at_utc = excluded.saved_at_utc, "
        "content = excluded.content"));
    q.addBindValue(clerkId);
    q.addBindValue(m_store.clock().nowUtc().toString(Qt::ISODateWithMs));
    q.addBindValue(QString::fromUtf8(draft.toJson()));
    if (!q.exec())
        return sqlError("store.drafts", QStringLiteral("保存一件事收件草稿"), q.lastError().text());
    return {};
}

Result<std::optional<std::pair<core::MatterIntakeDraft, QDateTime>>>
DraftRepository::loadMatter(const QString& clerkId) const
{
    using Found = std::optional<std::pair<core::MatterIntakeDraft, QDateTime>>;
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral(
        "SELECT saved_at_utc, content FROM matter_intake_drafts WHERE clerk_id = ?"));
    q.addBindValue(clerkId);
    if (!q.exec())
        return sqlError("store.drafts", QStringLiteral("读取一件事收件草稿"), q.lastError().text());
    if (!q.next())
        return Found();
    auto draft = core::MatterIntakeDraft::fromJson(q.value(1).toString().toUtf8());
    if (!draft)
        return draft.error();
    QDateTime saved = QDateTime::fromString(q.value(0).toString(), Qt::ISODateWithMs);
    saved.setTimeZone(QTimeZone::utc());
    return Found(std::pair{std::move(draft).value(), saved});
}

bool DraftRepository::matterExists(const QString& clerkId) const
{
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral("SELECT 1 FROM matter_intake_drafts WHERE clerk_id = ?"));
    q.addBindValue(clerkId);
    return q.exec() && q.next();
}

Status DraftRepository::discardMatter(const QString& clerkId)
{
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral("DELETE FROM matter_intake_drafts WHERE clerk_id = ?"));
    q.addBindValue(clerkId);
    if (!q.exec())
        return sqlError("store.drafts", QStringLiteral("清除一件事收件草稿"), q.lastError().text());
    return {};
}

} // namespace onewindow::store
