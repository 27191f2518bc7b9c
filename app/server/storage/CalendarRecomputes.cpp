#include "server/storage/CalendarRecomputes.h"

namespace onewindow::server {

namespace {

const char* const kColumns =
    "hall_code, notice_seq, recorded_at, notices, after_case, cases, made, finished_at";

CalendarRecompute fromRow(const QSqlQuery& q)
{
    return CalendarRecompute{q.value(0).toString(),   q.value(1).toLongLong(),
                             q.value(2).toString(),   q.value(3).toString(),
                             q.value(4).toString(),   q.value(5).toLongLong(),
                             q.value(6).toLongLong(), q.value(7).toString()};
}

} // namespace

core::Status CalendarRecomputes::start(const CalendarRecompute& r)
{
    QSqlQuery q = m_db.query();
    if (!m_db.run(q,
                  QStringLiteral("INSERT INTO calendar_recomputes (%1) VALUES (?, ?, ?, ?, ?, ?, "
                                 "?, ?) ON CONFLICT DO NOTHING")
                      .arg(QLatin1String(kColumns)),
                  {r.hallCode, r.noticeSeq, r.recordedAt, r.notices, r.afterCase, r.cases, r.made,
                   r.finishedAt}))
        return databaseError(m_db.lastError());
    return {};
}

core::Result<QList<CalendarRecompute>> CalendarRecomputes::unfinished(const QString& hallCode)
{
    QSqlQuery q = m_db.query();
    if (!m_db.run(q,
                  QStringLiteral("SELECT %1 FROM calendar_recomputes WHERE hall_code = ? AND "
                                 "finished_at = '' ORDER BY notice_seq")
                      .arg(QLatin1String(kColumns)),
                  {hallCode}))
        return databaseError(m_db.lastError());
    QList<CalendarRecompute> out;
    while (q.next())
        out.append(fromRow(q));
    if (auto failed = stepError(q))
        return *failed;
    return out;
}

core::Result<std::optional<CalendarRecompute>> CalendarRecomputes::find(const QString& hallCode,
                                                                        qint64 noticeSeq)
{
    QSqlQuery q = m_db.query();
    if (!m_db.run(q,
                  QStringLiteral("SELECT %1 FROM calendar_recomputes WHERE hall_code = ? AND "
                                 "notice_seq = ?")
                      .arg(QLatin1String(kColumns)),
                  {hallCode, noticeSeq}))
        return databaseError(m_db.lastError());
    if (!q.next()) {
        if (auto failed = stepError(q))
            return *failed;
        return std::optional<CalendarRecompute>();
    }
    return std::optional<CalendarRecompute>(fromRow(q));
}

core::Status CalendarRecomputes::save(const CalendarRecompute& r)
{
    QSqlQuery q = m_db.query();
    if (!m_db.run(q,
                  QStringLiteral("UPDATE calendar_recomputes SET after_case = ?, cases = ?, made "
                                 "= ?, finished_at = ? WHERE hall_code = ? AND notice_seq = ?"),
                  {r.afterCase, r.cases, r.made, r.finishedAt, r.hallCode, r.noticeSeq}))
        return databaseError(m_db.lastError());
    return {};
}

} // namespace onewindow::server
