// Decision 11 (docs/sync-protocol.md, initial sync): the working set's pages, its end, and the
// older cases fetched on demand, kept beside the sync state (db/local/0027_working_set.sql).
#include "store/SyncRepository.h"

#include <QSqlError>
#include <QSqlQuery>

namespace onewindow::store {

namespace {

Error writeError(const QSqlQuery& q)
{
    return sqlError("store.sync_write", QStringLiteral("保存同步状态"), q.lastError().text());
}

} // namespace

Result<int> SyncRepository::applySnapshotPage(const QList<PulledEvent>& page,
                                              const PulledMaster& master, const SnapshotMark& mark)
{
    // The cursor stays where it is (0) until the set is whole: a pull never starts from a
    // half-taken set. The page and the snapshot's place are one transaction, so a sync killed
    // between pages resumes after the last page stored.
    m_deferFold = true;
    auto applied = applyPull(page, 0, master, [&]() -> Status {
        QSqlQuery q(m_store.database());
        q.prepare(QStringLiteral("UPDATE sync_state SET snapshot_at = ?, snapshot_after = ?, "
                                 "working_set_since = ?, working_set_cases = ?"));
        q.addBindValue(mark.at);
        q.addBindValue(mark.after);
        q.addBindValue(mark.since.isNull() ? QStringLiteral("") : mark.since);
        q.addBindValue(mark.cases);
        if (!q.exec())
            return writeError(q);
        return {};
    });
    m_deferFold = false;
    return applied;
}

Status SyncRepository::finishSnapshot(qint64 at)
{
    QStringList caseIds;
    {
        QSqlQuery all(m_store.database());
        all.setForwardOnly(true);
        if (!all.exec(QStringLiteral("SELECT DISTINCT case_id FROM events")))
            return sqlError("store.sync_read", QStringLiteral("读取同步状态"),
                            all.lastError().text());
        while (all.next())
            caseIds.append(all.value(0).toString());
    }
    // A thousand cases a transaction: the window's own writes are not held up for long.
    for (qsizetype from = 0; from < caseIds.size(); from += 1000)
        if (Status s = m_store.transaction([&] { return refold(caseIds.mid(from, 1000)); }); !s)
            return s;
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral("UPDATE sync_state SET initial_sync = 'working_set', cursor = "
                             "max(cursor, ?), snapshot_after = snapshot_at"));
    q.addBindValue(at);
    if (!q.exec())
        return writeError(q);
    return {};
}

Status SyncRepository::restartSnapshot()
{
    QSqlQuery q(m_store.database());
    if (!q.exec(QStringLiteral("UPDATE sync_state SET initial_sync = 'snapshot', snapshot_at = 0, "
                               "snapshot_after = 0")))
        return writeError(q);
    return {};
}

Result<QStringList> SyncRepository::missingCases(const QStringList& caseIds) const
{
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral("SELECT 1 FROM events WHERE case_id = ? LIMIT 1"));
    QStringList out;
    for (const QString& id : caseIds) {
        q.bindValue(0, id);
        if (!q.exec())
            return sqlError("store.sync_read", QStringLiteral("读取同步状态"),
                            q.lastError().text());
        if (!q.next())
            out.append(id);
        q.finish();
    }
    return out;
}

Status SyncRepository::addFetchedCases(int cases)
{
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral("UPDATE sync_state SET fetched_cases = fetched_cases + ?"));
    q.addBindValue(cases);
    if (!q.exec())
        return writeError(q);
    return {};
}

} // namespace onewindow::store
