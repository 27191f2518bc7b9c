#include "server/storage/CaseSearch.h"

#include <QJsonDocument>
#include <QRegularExpression>

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

} // namespace

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
    const auto field = [&](const char* key) {
        return QStringLiteral("%\"%1\":\"%2\"%").arg(QLatin1String(key), text);
    };
    if (!m_db.run(q,
                  QStringLiteral("SELECT case_id, payload, occurred_at FROM events WHERE "
                                 "hall_code = ? AND type = 'case.received' AND verdict = "
                                 "'accepted' AND (payload LIKE ? OR payload LIKE ? OR payload "
                                 "LIKE ?) ORDER BY hall_seq DESC LIMIT ?"),
                  {hallCode, field("idNumber"), field("phone"), field("name"), kMaxHits}))
        return databaseError(m_db.lastError());
    while (q.next())
        out.append(hit(q.value(0).toString(), q.value(1).toString(), q.value(2).toString()));
    return out;
}

} // namespace onewindow::server
