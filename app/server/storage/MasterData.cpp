#include "server/storage/MasterData.h"

#include "core/EventChecksum.h"

#include <QJsonDocument>

namespace onewindow::server {

using core::Result;

namespace {

const char* const kColumns = "kind, record_key, version, hall_seq, body, recorded_at";
// recorded_at is canonical UTC text: it sorts as the times do, and every time is before this.
const QString kEverything = QStringLiteral("9999");

MasterRecord fromRow(const QSqlQuery& q)
{
    return MasterRecord{q.value(0).toString(),
                        q.value(1).toString(),
                        q.value(2).toInt(),
                        q.value(3).toLongLong(),
                        QJsonDocument::fromJson(q.value(4).toString().toUtf8()).object(),
                        q.value(5).toString()};
}

// The records a statement of kColumns selects, in its order; a row that cannot be read fails the
// whole list (a judgement on part of the master data would be wrong).
Result<QList<MasterRecord>> recordsOf(CentralDb& db, const QString& sql,
                                      std::initializer_list<QVariant> values)
{
    QSqlQuery q = db.query();
    if (!db.run(q, sql, values))
        return databaseError(db.lastError());
    QList<MasterRecord> out;
    while (q.next())
        out.append(fromRow(q));
    if (auto failed = stepError(q))
        return *failed;
    return out;
}

QString bodyText(const QJsonObject& body)
{
    return QString::fromUtf8(QJsonDocument(body).toJson(QJsonDocument::Compact));
}

} // namespace

QJsonObject MasterRecord::toJson() const
{
    return QJsonObject{{QStringLiteral("kind"), kind},
                       {QStringLiteral("key"), key},
                       {QStringLiteral("version"), version},
                       {QStringLiteral("recorded_at"), recordedAt},
                       {QStringLiteral("body"), body}};
}

Result<QList<MasterRecord>> MasterData::appendLocked(const QString& hallCode,
                                                     const QList<MasterChange>& changes)
{
    QList<MasterRecord> written;
    const QString now = QString::fromUtf8(core::canonicalTimeText(m_clock.nowUtc()));
    for (const MasterChange& c : changes) {
        const std::optional<MasterRecord> current = latestOf(hallCode, c.kind, c.key);
        if (current && bodyText(current->body) == bodyText(c.body))
            continue; // unchanged: no new version
        QSqlQuery q = m_db.query();
        if (!m_db.run(q,
                      QStringLiteral("UPDATE halls SET seq = seq + 1 WHERE hall_code = ? "
                                     "RETURNING seq"),
                      {hallCode}) ||
            !q.next())
            return databaseError(m_db.lastError());
        const MasterRecord r{
            c.kind, c.key, current ? current->version + 1 : 1, q.value(0).toLongLong(),
            c.body, now};
        if (!m_db.run(q,
                      QStringLiteral("INSERT INTO master_records (hall_code, hall_seq, kind, "
                                     "record_key, version, body, recorded_at) VALUES (?, ?, ?, ?, "
                                     "?, ?, ?)"),
                      {hallCode, r.hallSeq, r.kind, r.key, r.version, bodyText(r.body), now}))
            return databaseError(m_db.lastError());
        // F15: the hall's name and zone also stand in its halls row (the status page, the
        // judge's zone read it there): both change with the settings record, in its transaction.
        // A record without one of them leaves that column as it was.
        if (c.kind == record::kHallSettings &&
            !m_db.run(q,
                      QStringLiteral("UPDATE halls SET name = CASE WHEN ? = '' THEN name ELSE ? "
                                     "END, zone = CASE WHEN ? = '' THEN zone ELSE ? END WHERE "
                                     "hall_code = ?"),
                      {c.body.value(QStringLiteral("hallName")).toString(),
                       c.body.value(QStringLiteral("hallName")).toString(),
                       c.body.value(QStringLiteral("zone")).toString(),
                       c.body.value(QStringLiteral("zone")).toString(), hallCode}))
            return databaseError(m_db.lastError());
        written.append(r);
    }
    if (!written.isEmpty())
        m_db.notifyHallMoved(hallCode);
    return written;
}

Result<QList<MasterRecord>> MasterData::append(const QString& hallCode,
                                               const QList<MasterChange>& changes)
{
    if (!m_db.begin())
        return databaseError(m_db.lastError());
    auto written = appendLocked(hallCode, changes);
    if (!written) {
        m_db.rollback();
        return written;
    }
    if (!m_db.commit())
        return databaseError(m_db.lastError());
    return written;
}

Result<QList<MasterRecord>> MasterData::latest(const QString& hallCode, const QString& kind,
                                               const QString& asOf)
{
    const QString until = asOf.isEmpty() ? kEverything : asOf;
    return recordsOf(
        m_db,
        QStringLiteral("SELECT %1 FROM master_records m WHERE hall_code = ? AND kind = ? "
                       "AND version = (SELECT MAX(version) FROM master_records n WHERE "
                       "n.hall_code = m.hall_code AND n.kind = m.kind AND n.record_key "
                       "= m.record_key AND n.recorded_at <= ?) ORDER BY record_key")
            .arg(QLatin1String(kColumns)),
        {hallCode, kind, until});
}

std::optional<QString> MasterData::latestVersions(const QString& hallCode, const QString& kind,
                                                  const QString& asOf)
{
    QSqlQuery* q = m_db.runKept(
        QStringLiteral("SELECT record_key, MAX(version) FROM master_records WHERE hall_code = ? "
                       "AND kind = ? AND recorded_at <= ? GROUP BY record_key ORDER BY record_key"),
        {hallCode, kind, asOf.isEmpty() ? kEverything : asOf});
    if (!q)
        return std::nullopt;
    QString out;
    while (q->next())
        out +=
            q->value(0).toString() + QLatin1Char(':') + q->value(1).toString() + QLatin1Char(',');
    q->finish(); // a kept statement left open would hold this connection's read snapshot
    return out;
}

Result<QList<MasterRecord>> MasterData::history(const QString& hallCode, const QString& kind,
                                                const QString& key)
{
    QSqlQuery* q = m_db.runKept( // once per actor and push: kept prepared
        QStringLiteral("SELECT %1 FROM master_records WHERE hall_code = ? AND kind = ? AND "
                       "record_key = ? ORDER BY version")
            .arg(QLatin1String(kColumns)),
        {hallCode, kind, key});
    if (!q)
        return databaseError(m_db.lastError());
    QList<MasterRecord> out;
    while (q->next())
        out.append(fromRow(*q));
    if (auto failed = stepError(*q))
        return *failed;
    q->finish();
    return out;
}

Result<QStringList> MasterData::recordedTimes(const QString& hallCode, const QString& kind)
{
    return textColumn(
        m_db,
        QStringLiteral("SELECT DISTINCT recorded_at FROM master_records WHERE hall_code "
                       "= ? AND kind = ? ORDER BY recorded_at DESC"),
        {hallCode, kind});
}

std::optional<MasterRecord> MasterData::latestOf(const QString& hallCode, const QString& kind,
                                                 const QString& key, const QString& asOf)
{
    QSqlQuery* q = m_db.runKept( // once for every event's actor: kept prepared
        QStringLiteral("SELECT %1 FROM master_records WHERE hall_code = ? AND kind = ? AND "
                       "record_key = ? AND recorded_at <= ? ORDER BY version DESC LIMIT 1")
            .arg(QLatin1String(kColumns)),
        {hallCode, kind, key, asOf.isEmpty() ? kEverything : asOf});
    if (!q || !q->next())
        return std::nullopt;
    MasterRecord record = fromRow(*q);
    q->finish(); // callers outside a transaction (enrolment) must not keep a read snapshot open
    return record;
}

std::optional<MasterRecord> MasterData::version(const QString& hallCode, const QString& kind,
                                                const QString& key, int version)
{
    QSqlQuery q = m_db.query();
    if (!m_db.run(q,
                  QStringLiteral("SELECT %1 FROM master_records WHERE hall_code = ? AND kind = ? "
                                 "AND record_key = ? AND version = ?")
                      .arg(QLatin1String(kColumns)),
                  {hallCode, kind, key, version}) ||
        !q.next())
        return std::nullopt;
    return fromRow(q);
}

Result<QList<MasterRecord>> MasterData::after(const QString& hallCode, qint64 cursor, int limit)
{
    return recordsOf(
        m_db,
        QStringLiteral("SELECT %1 FROM master_records WHERE hall_code = ? AND hall_seq > "
                       "? ORDER BY hall_seq LIMIT ?")
            .arg(QLatin1String(kColumns)),
        {hallCode, cursor, limit});
}

Result<QList<MasterRecord>> MasterData::asOf(const QString& hallCode, qint64 at)
{
    return recordsOf(
        m_db,
        QStringLiteral("SELECT %1 FROM master_records m WHERE hall_code = ? AND hall_seq "
                       "<= ? AND (kind = ? OR version = (SELECT max(version) FROM "
                       "master_records n WHERE n.hall_code = m.hall_code AND n.kind = "
                       "m.kind AND n.record_key = m.record_key AND n.hall_seq <= ?)) "
                       "ORDER BY hall_seq")
            .arg(QLatin1String(kColumns)),
        {hallCode, at, record::kCatalogItem, at});
}

} // namespace onewindow::server
