// GET /v1/pull: the hall's events and master records after a cursor, merged by hall order
// (docs/sync-protocol.md, "GET /v1/pull").
#include "server/storage/Ledger.h"

#include "server/storage/Epochs.h"
#include "server/storage/MasterData.h"

#include <algorithm>

namespace onewindow::server {

core::Result<PullPage> Ledger::pull(const QString& hallCode, qint64 cursor, int limit)
{
    QSqlQuery q = m_db.query();
    if (!m_db.run(q,
                  QStringLiteral("SELECT %1 FROM %2 WHERE e.hall_code = ? AND e.hall_seq > ? "
                                 "ORDER BY e.hall_seq LIMIT ?")
                      .arg(QLatin1String(kPulledColumns), QLatin1String(kPulledFrom)),
                  {hallCode, cursor, limit + 1}))
        return databaseError(m_db.lastError());
    // Master data comes down the same road (decision 8): its records hold places of the same
    // counter, so the two are merged by hall order.
    auto records = MasterData(m_db, m_clock).after(hallCode, cursor, limit + 1);
    if (!records)
        return records.error();
    QList<std::pair<qint64, QJsonObject>> entries;
    while (q.next())
        entries.append({q.value(0).toLongLong(), pulledEntry(q)});
    if (auto failed = stepError(q))
        return *failed;
    for (const MasterRecord& r : *records)
        entries.append({r.hallSeq, QJsonObject{{QStringLiteral("hall_seq"), r.hallSeq},
                                               {QStringLiteral("record"), r.toJson()}}});
    std::sort(entries.begin(), entries.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    PullPage page;
    page.hall = hallCode;
    page.nextCursor = cursor;
    auto epoch = Epochs(m_db).of(hallCode);
    if (!epoch)
        return epoch.error();
    page.epoch = *epoch;
    for (const auto& [seq, entry] : entries) {
        if (page.events.size() == limit) {
            page.more = true;
            break;
        }
        // The hall order has no holes: every place of the counter is an event or a master
        // record, committed with it. A hole is a damaged store (a page SQLite cannot read): a
        // window must never take the history after it as whole (onewindow-server check).
        if (seq != page.nextCursor + 1)
            return core::Error{QStringLiteral("db.hall_order_gap"),
                               QStringLiteral("中央数据库缺少大厅 %1 序号 %2 的记录，数据库可能已"
                                              "损坏：请运行 onewindow-server check 并从备份恢复")
                                   .arg(hallCode)
                                   .arg(page.nextCursor + 1)};
        page.events.append(entry);
        page.nextCursor = seq;
    }
    return page;
}

} // namespace onewindow::server
