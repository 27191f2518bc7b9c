// Decision 6, failover (docs/sync-protocol.md "Failover"): a new epoch of the hall undoes here
// what the server may have lost. Everything at or below the epoch's base is the same history on
// both sides; what this store holds placed above it came from the old epoch.
#include "store/SyncRepository.h"

#include <QSqlError>
#include <QSqlQuery>

namespace onewindow::store {

namespace {

Error rebaseError(const QSqlQuery& q)
{
    return sqlError("store.sync_write", QStringLiteral("切换大厅纪元"), q.lastError().text());
}

} // namespace

Result<std::optional<Rebased>> SyncRepository::rebase(const QString& epoch, qint64 base)
{
    auto current = state();
    if (!current)
        return current.error();
    if (!*current)
        return Error{QStringLiteral("sync.not_enrolled"), QStringLiteral("本工作站未登记到大厅")};
    const SyncState& s = **current;
    if (s.epoch == epoch)
        return std::optional<Rebased>{};
    Rebased done;
    done.base = std::max<qint64>(0, base);
    done.cursorBefore = s.cursor;
    const Status status = m_store.transaction([&]() -> Status {
        QSqlQuery q(m_store.database());
        QStringList touched;
        q.prepare(QStringLiteral("SELECT DISTINCT case_id FROM placement WHERE hall_seq > ?"));
        q.addBindValue(done.base);
        if (!q.exec())
            return rebaseError(q);
        while (q.next())
            touched.append(q.value(0).toString());
        // The earliest own event placed above the base: from it on, the server holds none of
        // ours (a standby's history is a prefix of the primary's), so they are pushed again.
        q.prepare(QStringLiteral("SELECT min(e.device_seq) FROM placement p CROSS JOIN events e "
                                 "ON e.case_id = p.case_id AND e.event_id = p.event_id WHERE "
                                 "p.hall_seq > ? AND e.device_id = ?"));
        q.addBindValue(done.base);
        q.addBindValue(s.deviceId);
        if (!q.exec() || !q.next())
            return rebaseError(q);
        const QVariant firstLost = q.value(0);
        q.finish();
        q.prepare(QStringLiteral("DELETE FROM placement WHERE hall_seq > ?"));
        q.addBindValue(done.base);
        if (!q.exec())
            return rebaseError(q);
        done.placementsDropped = q.numRowsAffected();
        // Decision 7: a flag stands beside its placement, and goes with it.
        q.prepare(QStringLiteral("DELETE FROM placement_time_flags WHERE hall_seq > ?"));
        q.addBindValue(done.base);
        if (!q.exec())
            return rebaseError(q);
        qint64 acked = s.ackedSeq;
        if (!firstLost.isNull() && firstLost.toLongLong() < acked) {
            acked = firstLost.toLongLong();
            q.prepare(QStringLiteral("UPDATE events SET sync_state = 'pending' WHERE device_id = "
                                     "? AND device_seq >= ? AND sync_state <> 'pending'"));
            q.addBindValue(s.deviceId);
            q.addBindValue(acked);
            if (!q.exec())
                return rebaseError(q);
            done.ownPending = q.numRowsAffected();
        }
        // The users pulled above the base may be unknown to the promoted server: their logins
        // give way if it names another user so (store/SyncMasterData.cpp, applyUsers). Those it
        // holds come down again and are whole again (lost_epoch 0).
        q.prepare(QStringLiteral("UPDATE users SET lost_epoch = 1 WHERE pulled_seq > ?"));
        q.addBindValue(done.base);
        if (!q.exec())
            return rebaseError(q);
        done.usersInDoubt = q.numRowsAffected();
        q.prepare(QStringLiteral("INSERT OR REPLACE INTO sync_epoch (singleton, epoch) VALUES "
                                 "(1, ?)"));
        q.addBindValue(epoch);
        if (!q.exec())
            return rebaseError(q);
        q.prepare(QStringLiteral("UPDATE sync_state SET cursor = min(cursor, ?), acked_seq = ?"));
        q.addBindValue(done.base);
        q.addBindValue(std::max<qint64>(1, acked));
        if (!q.exec())
            return rebaseError(q);
        return refold(touched);
    });
    if (!status)
        return status.error();
    return std::optional<Rebased>{done};
}

} // namespace onewindow::store
