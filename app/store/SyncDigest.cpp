// The store's digest (`store digest`, and the check of a working set, decision 11 in
// docs/sync-protocol.md), streamed: the placements are read once in hall order for the first
// pass, then each case's accepted events by the case's own index, so the memory it takes is the
// case ids and one case, not the store's events (965 MB for a set of 44,081 cases before).
#include "store/SyncRepository.h"

#include "store/EventRows.h"

#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

namespace onewindow::store {

namespace {

Error readError(const QSqlQuery& q)
{
    return sqlError("store.sync_read", QStringLiteral("读取同步状态"), q.lastError().text());
}

} // namespace

Result<core::HallDigest> SyncRepository::digest() const
{
    core::HallDigestBuilder builder;
    QStringList caseIds;
    {
        QSqlQuery q(m_store.database());
        q.setForwardOnly(true);
        if (!q.exec(QStringLiteral("SELECT p.event_id, p.case_id, p.hall_seq, p.verdict FROM "
                                   "placement p JOIN events e ON e.event_id = p.event_id AND "
                                   "e.case_id = p.case_id ORDER BY p.hall_seq")))
            return readError(q);
        QSet<QString> seen;
        while (q.next()) {
            const bool accepted = q.value(3).toString() == QLatin1String("accepted");
            builder.addPlacement(q.value(2).toLongLong(), q.value(0).toString(), accepted);
            if (accepted) {
                const QString caseId = q.value(1).toString();
                if (!seen.contains(caseId)) {
                    seen.insert(caseId);
                    caseIds.append(caseId);
                }
            }
        }
        if (q.lastError().isValid())
            return readError(q);
    }
    // QString's order, not the store's collation: the order the hall's server hashes in.
    std::sort(caseIds.begin(), caseIds.end());
    QSqlQuery q(m_store.database());
    q.setForwardOnly(true);
    // The columns as kEventColumns names them (eventFromRow's order), taken from `e`.
    if (!q.prepare(QStringLiteral("SELECT e.event_id, e.case_id, e.device_id, e.device_seq, "
                                  "e.hlc, e.actor_id, e.occurred_at_utc, e.type, e.type_version, "
                                  "e.payload FROM placement p JOIN events e ON e.event_id = "
                                  "p.event_id AND e.case_id = p.case_id WHERE p.case_id = ? AND "
                                  "p.verdict = 'accepted' ORDER BY p.hall_seq")))
        return readError(q);
    QList<core::Event> events;
    for (const QString& caseId : std::as_const(caseIds)) {
        q.bindValue(0, caseId);
        if (!q.exec())
            return readError(q);
        events.clear();
        while (q.next()) {
            auto e = eventFromRow(q);
            if (!e)
                return e.error();
            events.append(*e);
        }
        q.finish();
        builder.addCase(caseId, events);
    }
    auto finished = builder.finish();
    if (!finished)
        return finished.error();
    core::HallDigest d = *finished;
    auto s = state();
    if (!s)
        return s.error();
    if (*s)
        d.cursor = (*s)->cursor;
    return d;
}

} // namespace onewindow::store
