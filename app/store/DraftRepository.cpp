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

} // namespace onewindow::store
