#include "server/storage/CaseSearch.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QStringList>

#include <algorithm>
#include <tuple>

namespace onewindow::server {

namespace {

QJsonObject hit(const QString& caseId, const QString& payloadText, const QString& at)
{
    const QJsonObject p = QJsonDocument::fromJson(payloadText.toUtf8()).object();
    return {{QStringLiteral("case_id"), caseId},
            {QStringLiteral("case_number"), p.value(QStringLiteral("caseNumber")).toString()},
            {QStringLiteral("applicant"),
             p.value(QStringLiteral("applicant")).toObject().value(QStringLiteral("name"))},
            {QStringLiteral("item_code"), p.value(QStringLiteral("itemCode")).toString()},
            {QStringLiteral("received_at"), at}};
}

// The texts a receipt can be found by: the applicant's (and the agent's) keys, each once.
QStringList applicantKeys(const QString& payloadText)
{
    const QJsonObject applicant = QJsonDocument::fromJson(payloadText.toUtf8())
                                      .object()
                                      .value(QStringLiteral("applicant"))
                                      .toObject();
    QStringList keys;
    for (const char* field : {"idNumber", "phone", "name", "uscc", "agentName", "agentIdNumber"}) {
        const QString key = applicant.value(QLatin1String(field)).toString().trimmed();
        if (!key.isEmpty() && key.size() <= 64 && !keys.contains(key))
            keys.append(key);
    }
    return keys;
}

} // namespace

core::Result<qint64> CaseSearch::catchUp(const QString& hallCode)
{
    qint64 total = 0;
    for (;;) {
        qint64 upTo = 0;
        if (!m_db.begin())
            return databaseError(m_db.lastError());
        auto indexed = indexRange(hallCode, upTo);
        if (!indexed || !m_db.commit()) {
            const core::Error e = indexed ? databaseError(m_db.lastError()) : indexed.error();
            m_db.rollback();
            return e;
        }
        total += *indexed;
        if (upTo == 0)
            return total; // up to the hall's counter
    }
}

core::Result<qint64> CaseSearch::indexRange(const QString& hallCode, qint64& upTo)
{
    // Hall orders up to the counter read here are committed (each push takes its places under the
    // hall's row and commits them with it), so no receipt below it can come later.
    QSqlQuery q = m_db.query();
    if (!m_db.run(q,
                  QStringLiteral("SELECT h.seq, COALESCE((SELECT indexed_seq FROM applicant_index "
                                 "a WHERE a.hall_code = h.hall_code), 0) FROM halls h WHERE "
                                 "h.hall_code = ?"),
                  {hallCode}))
        return databaseError(m_db.lastError());
    if (!q.next())
        return qint64(0);
    const qint64 counter = q.value(0).toLongLong();
    const qint64 from = q.value(1).toLongLong();
    if (from >= counter)
        return qint64(0);
    const qint64 to = std::min(counter, from + m_range);
    if (!m_db.run(
            q,
            QStringLiteral("SELECT hall_seq, case_id, payload FROM events WHERE hall_code = ? "
                           "AND hall_seq > ? AND hall_seq <= ? AND type = 'case.received' "
                           "AND verdict = 'accepted'"),
            {hallCode, from, to}))
        return databaseError(m_db.lastError());
    QList<std::tuple<qint64, QString, QStringList>> receipts;
    while (q.next())
        receipts.append(
            {q.value(0).toLongLong(), q.value(1).toString(), applicantKeys(q.value(2).toString())});
    if (auto failed = stepError(q))
        return *failed;
    for (const auto& [seq, caseId, keys] : receipts)
        for (const QString& key : keys) // prepared once: a first search inserts ~3 per receipt
            if (!m_db.runKept(QStringLiteral("INSERT INTO applicant_keys (hall_code, key_text, "
                                             "hall_seq, case_id) VALUES (?, ?, ?, ?) ON "
                                             "CONFLICT DO NOTHING"),
                              {hallCode, key, seq, caseId}))
                return databaseError(m_db.lastError());
    // Two searches at once index the same range alike; the counter only moves forward.
    if (!m_db.run(q,
                  QStringLiteral("INSERT INTO applicant_index (hall_code, indexed_seq) VALUES (?, "
                                 "?) ON CONFLICT (hall_code) DO UPDATE SET indexed_seq = "
                                 "excluded.indexed_seq WHERE applicant_index.indexed_seq < "
                                 "excluded.indexed_seq"),
                  {hallCode, to}))
        return databaseError(m_db.lastError());
    upTo = to < counter ? to : 0;
    return qint64(receipts.size());
}

core::Result<QList<QJsonObject>> CaseSearch::find(const QString& hallCode, const QString& raw)
{
    const QString text = raw.trimmed();
    static const QRegularExpression unsafe(QStringLiteral("[%_\"\\\\]"));
    if (text.isEmpty() || text.size() > 64 || text.contains(unsafe))
        return core::Error{QStringLiteral("search.bad_query"),
                           QStringLiteral("请输入办件编号、申请人证件号码、电话或姓名（至多 64 "
                                          "个字符，不含 % _ \" \\）")};
    QList<QJsonObject> out;
    QSqlQuery q = m_db.query();
    if (!m_db.run(q,
                  QStringLiteral("SELECT e.case_id, e.payload, e.occurred_at FROM issued_numbers i "
                                 "JOIN events e ON e.hall_code = i.hall_code AND e.event_id = "
                                 "i.event_id WHERE i.hall_code = ? AND i.kind = 'case' AND "
                                 "i.number = ?"),
                  {hallCode, text}))
        return databaseError(m_db.lastError());
    while (q.next())
        out.append(hit(q.value(0).toString(), q.value(1).toString(), q.value(2).toString()));
    if (!out.isEmpty())
        return out;
    if (auto indexed = catchUp(hallCode); !indexed)
        return indexed.error();
    if (!m_db.run(q,
                  QStringLiteral("SELECT e.case_id, e.payload, e.occurred_at FROM applicant_keys k "
                                 "JOIN events e ON e.hall_code = k.hall_code AND e.hall_seq = "
                                 "k.hall_seq WHERE k.hall_code = ? AND k.key_text = ? ORDER BY "
                                 "k.hall_seq DESC LIMIT ?"),
                  {hallCode, text, kMaxHits}))
        return databaseError(m_db.lastError());
    while (q.next())
        out.append(hit(q.value(0).toString(), q.value(1).toString(), q.value(2).toString()));
    if (auto failed = stepError(q))
        return *failed;
    return out;
}

} // namespace onewindow::server
