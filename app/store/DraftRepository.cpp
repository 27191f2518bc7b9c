#include "store/DraftRepository.h"

#include <QSqlError>
#include <QSqlQuery>

namespace onewindow::store {

// A case's intake and a matter's keep their drafts alike, each in its own table (intake_drafts,
// matter_intake_drafts): one row per clerk, the content the draft's own JSON.
namespace {

struct DraftTable
{
    const char* table;
    const char* what; // 收件草稿, 一件事收件草稿: in the refusals
};

const DraftTable kCase{"intake_drafts", "收件草稿"};
const DraftTable kMatter{"matter_intake_drafts", "一件事收件草稿"};

QString sql(const char* pattern, const DraftTable& t)
{
    return QString::fromLatin1(pattern).arg(QLatin1String(t.table));
}

Status saveIn(Store& store, const DraftTable& t, const QString& clerkId, const QByteArray& json)
{
    QSqlQuery q(store.database());
    q.prepare(sql("INSERT INTO %1 (clerk_id, saved_at_utc, content) VALUES (?, ?, ?) ON CONFLICT "
                  "(clerk_id) DO UPDATE SET saved_at_utc = excluded.saved_at_utc, content = "
                  "excluded.content",
                  t));
    q.addBindValue(clerkId);
    q.addBindValue(store.clock().nowUtc().toString(Qt::ISODateWithMs));
    q.addBindValue(QString::fromUtf8(json));
    if (!q.exec())
        return sqlError("store.drafts", QStringLiteral("保存") + QString::fromUtf8(t.what),
                        q.lastError().text());
    return {};
}

// The stored content and when it was saved; nothing stored: an empty optional.
Result<std::optional<std::pair<QByteArray, QDateTime>>> loadFrom(Store& store, const DraftTable& t,
                                                                 const QString& clerkId)
{
    using Found = std::optional<std::pair<QByteArray, QDateTime>>;
    QSqlQuery q(store.database());
    q.prepare(sql("SELECT saved_at_utc, content FROM %1 WHERE clerk_id = ?", t));
    q.addBindValue(clerkId);
    if (!q.exec())
        return sqlError("store.drafts", QStringLiteral("读取") + QString::fromUtf8(t.what),
                        q.lastError().text());
    if (!q.next())
        return Found();
    QDateTime saved = QDateTime::fromString(q.value(0).toString(), Qt::ISODateWithMs);
    saved.setTimeZone(QTimeZone::utc());
    return Found(std::pair{q.value(1).toString().toUtf8(), saved});
}

bool existsIn(Store& store, const DraftTable& t, const QString& clerkId)
{
    QSqlQuery q(store.database());
    q.prepare(sql("SELECT 1 FROM %1 WHERE clerk_id = ?", t));
    q.addBindValue(clerkId);
    return q.exec() && q.next();
}

Status discardIn(Store& store, const DraftTable& t, const QString& clerkId)
{
    QSqlQuery q(store.database());
    q.prepare(sql("DELETE FROM %1 WHERE clerk_id = ?", t));
    q.addBindValue(clerkId);
    if (!q.exec())
        return sqlError("store.drafts", QStringLiteral("清除") + QString::fromUtf8(t.what),
                        q.lastError().text());
    return {};
}

} // namespace

Status DraftRepository::save(const QString& clerkId, const core::IntakeDraft& draft)
{
    return saveIn(m_store, kCase, clerkId, draft.toJson());
}

Result<std::optional<StoredDraft>> DraftRepository::load(const QString& clerkId) const
{
    auto found = loadFrom(m_store, kCase, clerkId);
    if (!found)
        return found.error();
    if (!found->has_value())
        return std::optional<StoredDraft>();
    auto draft = core::IntakeDraft::fromJson((*found)->first);
    if (!draft)
        return draft.error();
    return std::optional<StoredDraft>(StoredDraft{std::move(draft).value(), (*found)->second});
}

bool DraftRepository::exists(const QString& clerkId) const
{
    return existsIn(m_store, kCase, clerkId);
}

Status DraftRepository::discard(const QString& clerkId)
{
    return discardIn(m_store, kCase, clerkId);
}

Status DraftRepository::saveMatter(const QString& clerkId, const core::MatterIntakeDraft& draft)
{
    return saveIn(m_store, kMatter, clerkId, draft.toJson());
}

Result<std::optional<std::pair<core::MatterIntakeDraft, QDateTime>>>
DraftRepository::loadMatter(const QString& clerkId) const
{
    using Found = std::optional<std::pair<core::MatterIntakeDraft, QDateTime>>;
    auto found = loadFrom(m_store, kMatter, clerkId);
    if (!found)
        return found.error();
    if (!found->has_value())
        return Found();
    auto draft = core::MatterIntakeDraft::fromJson((*found)->first);
    if (!draft)
        return draft.error();
    return Found(std::pair{std::move(draft).value(), (*found)->second});
}

bool DraftRepository::matterExists(const QString& clerkId) const
{
    return existsIn(m_store, kMatter, clerkId);
}

Status DraftRepository::discardMatter(const QString& clerkId)
{
    return discardIn(m_store, kMatter, clerkId);
}

} // namespace onewindow::store
