#include "server/storage/CaseLookup.h"

#include "core/EventChecksum.h"
#include "core/SyncProtocol.h"

namespace onewindow::server {

std::optional<CaseLookup::Found> CaseLookup::byNumber(const QString& caseNumber)
{
    QSqlQuery q = m_db.query();
    if (!m_db.run(
            q,
            QStringLiteral("SELECT i.hall_code, h.zone, h.name, e.case_id FROM issued_numbers "
                           "i JOIN events e ON e.event_id = i.event_id AND e.hall_code = "
                           "i.hall_code JOIN halls h ON h.hall_code = i.hall_code WHERE "
                           "i.kind = 'case' AND i.number = ?"),
            {caseNumber}) ||
        !q.next())
        return std::nullopt;
    Found found{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), {}};
    const QString caseId = q.value(3).toString();
    QSqlQuery a = m_db.query();
    if (!m_db.run(a,
                  QStringLiteral("SELECT event_id, case_id, device_id, device_seq, hlc, actor_id, "
                                 "occurred_at, type, type_version, payload, checksum FROM events "
                                 "WHERE case_id = ? AND hall_code = ? AND verdict = 'accepted' "
                                 "ORDER BY hall_seq"),
                  {caseId, found.hallCode}))
        return std::nullopt;
    while (a.next()) {
        const QJsonObject wire{{QStringLiteral("event_id"), a.value(0).toString()},
                               {QStringLiteral("case_id"), a.value(1).toString()},
                               {QStringLiteral("device_id"), a.value(2).toString()},
                               {QStringLiteral("device_seq"), a.value(3).toLongLong()},
                               {QStringLiteral("hlc"), a.value(4).toString()},
                               {QStringLiteral("actor_id"), a.value(5).toString()},
                               {QStringLiteral("occurred_at"), a.value(6).toString()},
                               {QStringLiteral("type"), a.value(7).toString()},
                               {QStringLiteral("type_version"), a.value(8).toInt()},
                               {QStringLiteral("payload"), a.value(9).toString()},
                               {QStringLiteral("checksum"), a.value(10).toString()}};
        const auto w = core::sync::eventFromWire(wire);
        if (w && w->event)
            found.accepted.append(*w->event);
    }
    if (stepError(a))
        return std::nullopt; // a status page from part of the case's history would mislead
    return found;
}

int CaseLookup::failures(const QString& caseNumber, qint64 windowSeconds)
{
    const QString since =
        QString::fromUtf8(core::canonicalTimeText(m_clock.nowUtc().addSecs(-windowSeconds)));
    QSqlQuery q = m_db.query();
    if (!m_db.run(q,
                  QStringLiteral("SELECT failures FROM query_failures WHERE case_number = ? AND "
                                 "window_start > ?"),
                  {caseNumber, since}) ||
        !q.next())
        return 0;
    return q.value(0).toInt();
}

void CaseLookup::recordFailure(const QString& caseNumber, qint64 windowSeconds)
{
    const QString now = QString::fromUtf8(core::canonicalTimeText(m_clock.nowUtc()));
    const QString since =
        QString::fromUtf8(core::canonicalTimeText(m_clock.nowUtc().addSecs(-windowSeconds)));
    // A window that has passed starts again from this failure.
    QSqlQuery q = m_db.query();
    m_db.run(q,
             QStringLiteral("INSERT INTO query_failures (case_number, failures, window_start) "
                            "VALUES (?, 1, ?) ON CONFLICT (case_number) DO UPDATE SET failures = "
                            "CASE WHEN query_failures.window_start > ? THEN "
                            "query_failures.failures + 1 ELSE 1 END, window_start = CASE WHEN "
                            "query_failures.window_start > ? THEN query_failures.window_start "
                            "ELSE excluded.window_start END"),
             {caseNumber, now, since, since});
}

} // namespace onewindow::server
