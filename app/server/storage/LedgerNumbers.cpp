// Decision 5: the numbers the hall's accepted events issue (issued_numbers), each issued once.
#include "server/storage/Ledger.h"

#include "core/SyncProtocol.h"

namespace onewindow::server {

std::optional<std::pair<QString, QString>> numberIssuedBy(const core::Event& e)
{
    QString kind;
    QString number;
    if (e.type == core::EventType::Received) {
        kind = QStringLiteral("case");
        number = e.payload.value(QStringLiteral("caseNumber")).toString();
    } else if (e.type == core::EventType::DocumentPrinted) {
        kind = e.payload.value(QStringLiteral("kind")).toString();
        number = e.payload.value(QStringLiteral("number")).toString();
    }
    if (kind.isEmpty() || number.isEmpty())
        return std::nullopt;
    return std::pair{kind, number};
}

core::Result<QString> Ledger::issueNumbers(const Device& device, const core::Event& e)
{
    const auto issued = numberIssuedBy(e);
    if (!issued)
        return QString();
    const auto& [kind, number] = *issued;
    QSqlQuery* q =
        m_db.runKept(QStringLiteral("SELECT event_id FROM issued_numbers WHERE hall_code = ? AND "
                                    "kind = ? AND number = ?"),
                     {device.hallCode, kind, number});
    if (!q)
        return databaseError(m_db.lastError());
    if (q->next()) { // a case number twice is refused; a reprint keeps its document's number
        const QString holder = q->value(0).toString();
        q->finish();
        if (e.type == core::EventType::Received)
            return holder;
        // A document number another case's document holds: a restored or cloned PC numbering
        // again from where its copy stood (decision 2) issued it twice.
        QSqlQuery* c = m_db.runKept(
            QStringLiteral("SELECT case_id FROM events WHERE hall_code = ? AND event_id = ?"),
            {device.hallCode, holder});
        if (!c)
            return databaseError(m_db.lastError());
        const QString holderCase = c->next() ? c->value(0).toString() : QString();
        c->finish();
        return holderCase == e.caseId ? QString() : holder;
    }
    q->finish();
    if (!m_db.runKept(QStringLiteral("INSERT INTO issued_numbers (hall_code, kind, number, "
                                     "window_code, event_id) VALUES (?, ?, ?, ?, ?)"),
                      {device.hallCode, kind, number, device.windowCode, e.eventId}))
        return databaseError(m_db.lastError());
    return QString();
}

core::Error duplicateNumber(const core::Event& e)
{
    if (e.type == core::EventType::Received)
        return core::sync::duplicateCaseNumber(
            e.payload.value(QStringLiteral("caseNumber")).toString());
    return core::sync::duplicateDocumentNumber(
        e.payload.value(QStringLiteral("number")).toString());
}

} // namespace onewindow::server
