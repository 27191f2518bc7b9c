#include "server/storage/WorkingSets.h"

#include "core/EventChecksum.h"
#include "core/HallDigest.h"
#include "core/SyncProtocol.h"
#include "core/WorkingSet.h"
#include "server/Model.h"
#include "server/storage/Ledger.h"

#include <QSet>

#include <algorithm>

namespace onewindow::server {

core::Result<std::optional<WorkingSet>> WorkingSets::find(const QString& hallCode, qint64 at)
{
    QSqlQuery q = m_db.query();
    if (!m_db.run(q,
                  QStringLiteral("SELECT since, cases, events, digest FROM snapshots WHERE "
                                 "hall_code = ? AND at_seq = ?"),
                  {hallCode, at}))
        return databaseError(m_db.lastError());
    if (!q.next()) {
        if (auto failed = stepError(q))
            return *failed;
        return std::optional<WorkingSet>{};
    }
    return std::optional<WorkingSet>{WorkingSet{at, q.value(0).toString(), q.value(1).toLongLong(),
                                                q.value(2).toLongLong(), q.value(3).toString()}};
}

core::Result<WorkingSet> WorkingSets::make(const QString& hallCode, int recentDays)
{
    if (!m_db.begin())
        return databaseError(m_db.lastError());
    auto fail = [this](const QString& why) -> core::Error {
        m_db.rollback();
        return databaseError(why);
    };
    // The hall's counter moves in the transaction that stores its events: every place up to
    // the counter read here is committed, and nothing later has a place at or below it.
    QSqlQuery q = m_db.query();
    if (!m_db.run(q, QStringLiteral("SELECT seq FROM halls WHERE hall_code = ?"), {hallCode}) ||
        !q.next())
        return fail(m_db.lastError());
    const qint64 at = q.value(0).toLongLong();
    q.finish();
    auto kept = find(hallCode, at);
    if (!kept) {
        m_db.rollback();
        return kept.error();
    }
    if (*kept) {
        m_db.rollback();
        return **kept;
    }
    const QDateTime now = m_clock.nowUtc();
    const QString made = QString::fromUtf8(core::canonicalTimeText(now));
    const QString old =
        QString::fromUtf8(core::canonicalTimeText(now.addDays(-core::sync::kSnapshotKeepDays)));
    const QString since = QString::fromUtf8(core::canonicalTimeText(now.addDays(-recentDays)));
    if (!m_db.run(q,
                  QStringLiteral("DELETE FROM snapshot_events WHERE hall_code = ? AND at_seq IN "
                                 "(SELECT at_seq FROM snapshots WHERE hall_code = ? AND made_at "
                                 "< ?)"),
                  {hallCode, hallCode, old}) ||
        !m_db.run(q, QStringLiteral("DELETE FROM snapshots WHERE hall_code = ? AND made_at < ?"),
                  {hallCode, old}))
        return fail(m_db.lastError());
    // Two devices asking at once (PostgreSQL): the second waits on the first's row, then
    // finds it made.
    if (!m_db.run(q,
                  QStringLiteral("INSERT INTO snapshots (hall_code, at_seq, since, made_at, "
                                 "cases, events) VALUES (?, ?, ?, ?, 0, 0) ON CONFLICT DO "
                                 "NOTHING"),
                  {hallCode, at, since, made}))
        return fail(m_db.lastError());
    if (q.numRowsAffected() < 1) {
        m_db.rollback();
        auto other = find(hallCode, at);
        if (!other)
            return other.error();
        if (!*other)
            return databaseError(QStringLiteral("working set %1 vanished").arg(at));
        return **other;
    }
    const QStringList finished = core::sync::finishingTypeKeys();
    // Open: the head (the last accepted event that is not mergeable) does not finish the case.
    // Recent: an event of its own time since `since`. Driven by the cases and the time index,
    // then each case's events by events_by_case (CROSS JOIN keeps SQLite to that order): never
    // a scan of the hall's whole stream.
    if (!m_db.run(q,
                  QStringLiteral(
                      "INSERT INTO snapshot_events (hall_code, at_seq, hall_seq) SELECT "
                      "e.hall_code, ?, e.hall_seq FROM (SELECT c.case_id AS case_id FROM cases c "
                      "JOIN events h ON h.event_id = c.head_event_id AND h.hall_code = "
                      "c.hall_code WHERE c.hall_code = ? AND h.type NOT IN (?, ?, ?, ?, ?) UNION "
                      "SELECT r.case_id AS case_id FROM events r WHERE r.hall_code = ? AND "
                      "r.occurred_at >= ? AND r.hall_seq <= ?) w CROSS JOIN events e WHERE "
                      "e.case_id = w.case_id AND e.hall_code = ? AND e.hall_seq <= ?"),
                  {at, hallCode, finished.value(0), finished.value(1), finished.value(2),
                   finished.value(3), finished.value(4), hallCode, since, at, hallCode, at}))
        return fail(m_db.lastError());
    if (!m_db.run(q,
                  QStringLiteral("SELECT count(DISTINCT e.case_id), count(*) FROM snapshot_events "
                                 "s CROSS JOIN events e WHERE s.hall_code = ? AND s.at_seq = ? "
                                 "AND e.hall_code = s.hall_code AND e.hall_seq = s.hall_seq"),
                  {hallCode, at}) ||
        !q.next())
        return fail(m_db.lastError());
    const WorkingSet set{at, since, q.value(0).toLongLong(), q.value(1).toLongLong(), {}};
    q.finish();
    if (!m_db.run(q,
                  QStringLiteral("UPDATE snapshots SET cases = ?, events = ? WHERE hall_code = ? "
                                 "AND at_seq = ?"),
                  {set.cases, set.events, hallCode, at}))
        return fail(m_db.lastError());
    if (!m_db.commit())
        return databaseError(m_db.lastError());
    return set;
}

core::Result<WorkingSetPage> WorkingSets::page(const QString& hallCode, qint64 at, qint64 after,
                                               int limit)
{
    QSqlQuery q = m_db.query();
    q.setForwardOnly(true);
    if (!m_db.run(q,
                  QStringLiteral("SELECT %1 FROM %2 WHERE e.hall_code = ? AND e.hall_seq IN "
                                 "(SELECT hall_seq FROM snapshot_events WHERE hall_code = ? AND "
                                 "at_seq = ? AND hall_seq > ? ORDER BY hall_seq LIMIT ?) ORDER BY "
                                 "e.hall_seq")
                      .arg(QLatin1String(kPulledColumns), QLatin1String(kPulledFrom)),
                  {hallCode, hallCode, at, after, limit + 1}))
        return databaseError(m_db.lastError());
    WorkingSetPage page;
    page.after = after;
    while (q.next()) {
        if (page.entries.size() == limit) {
            page.more = true;
            break;
        }
        page.entries.append(pulledEntry(q));
        page.after = q.value(0).toLongLong();
    }
    if (auto failed = stepError(q))
        return *failed;
    return page;
}

core::Result<QString> WorkingSets::digest(const QString& hallCode, const WorkingSet& set)
{
    if (!set.digest.isEmpty())
        return set.digest;
    // Streamed (core::HallDigestBuilder): the set's pages in hall order for the first pass, then
    // each case's events by events_by_case, so the process holds the case ids and one page or
    // case, never the set (858 MB for a set of 44,081 cases when it was read whole).
    core::HallDigestBuilder builder;
    QStringList caseIds;
    {
        // The rows alone, not the pull's entries: an accepted event was parsed whole when it was
        // judged, so only a rejected one is parsed here (one set aside as technically bad is
        // stored by no workstation, so it counts in no digest).
        QSet<QString> seen;
        constexpr int kPage = 5000;
        for (qint64 after = 0;;) {
            QSqlQuery* q = m_db.runKept(
                QStringLiteral("SELECT %1 FROM events WHERE hall_code = ? AND hall_seq IN (SELECT "
                               "hall_seq FROM snapshot_events WHERE hall_code = ? AND at_seq = ? "
                               "AND hall_seq > ? ORDER BY hall_seq LIMIT ?) ORDER BY hall_seq")
                    .arg(QLatin1String(kEventColumns)),
                {hallCode, hallCode, set.at, after, kPage});
            if (!q)
                return databaseError(m_db.lastError());
            int rows = 0;
            while (q->next()) {
                ++rows;
                after = q->value(0).toLongLong();
                const bool accepted = q->value(12).toString() == QLatin1String("accepted");
                if (!accepted) {
                    auto wire = core::sync::eventFromWire(wireFromRow(*q));
                    if (!wire || !wire->event)
                        continue;
                }
                const QString caseId = q->value(2).toString();
                builder.addPlacement(after, q->value(1).toString(), accepted);
                if (accepted && !seen.contains(caseId)) {
                    seen.insert(caseId);
                    caseIds.append(caseId);
                }
            }
            if (auto failed = stepError(*q))
                return *failed;
            q->finish();
            if (rows < kPage)
                break;
        }
    }
    // QString's order, not the database's collation (PostgreSQL's may ignore the hyphens): the
    // order every window hashes in.
    std::sort(caseIds.begin(), caseIds.end());
    for (const QString& caseId : std::as_const(caseIds)) {
        auto accepted = acceptedEvents(hallCode, caseId, set.at);
        if (!accepted)
            return accepted.error();
        builder.addCase(caseId, *accepted);
    }
    auto digest = builder.finish();
    if (!digest)
        return digest.error();
    const QString sha = digest->sha256;
    QSqlQuery q = m_db.query();
    if (!m_db.run(q,
                  QStringLiteral("UPDATE snapshots SET digest = ? WHERE hall_code = ? AND at_seq "
                                 "= ?"),
                  {sha, hallCode, set.at}))
        return databaseError(m_db.lastError());
    return sha;
}

core::Result<QList<core::Event>> WorkingSets::acceptedEvents(const QString& hallCode,
                                                             const QString& caseId, qint64 upto)
{
    QSqlQuery* q = m_db.runKept(
        QStringLiteral(
            "SELECT %1 FROM events WHERE case_id = ? AND hall_code = ? AND hall_seq <= ? "
            "AND verdict = 'accepted' ORDER BY hall_seq")
            .arg(QLatin1String(kEventColumns)),
        {caseId, hallCode, upto});
    if (!q)
        return databaseError(m_db.lastError());
    QList<core::Event> out;
    while (q->next())
        if (auto wire = core::sync::eventFromWire(wireFromRow(*q)); wire && wire->event)
            out.append(*wire->event);
    if (auto failed = stepError(*q))
        return *failed;
    q->finish();
    return out;
}

core::Result<QList<QJsonObject>> WorkingSets::caseEvents(const QString& hallCode,
                                                         const QString& caseId, qint64 upto)
{
    QSqlQuery q = m_db.query();
    q.setForwardOnly(true);
    if (!m_db.run(q,
                  QStringLiteral("SELECT %1 FROM %2 WHERE e.hall_code = ? AND e.case_id = ? AND "
                                 "e.hall_seq <= ? ORDER BY e.hall_seq")
                      .arg(QLatin1String(kPulledColumns), QLatin1String(kPulledFrom)),
                  {hallCode, caseId, upto}))
        return databaseError(m_db.lastError());
    QList<QJsonObject> out;
    while (q.next())
        out.append(pulledEntry(q));
    if (auto failed = stepError(q))
        return *failed;
    return out;
}

} // namespace onewindow::server
