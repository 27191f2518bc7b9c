#include "store/RejectedRecords.h"

#include "core/RecallClose.h"
#include "store/EventRows.h"

#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

namespace onewindow::store {

namespace {

Error readError(const QSqlQuery& q)
{
    return sqlError("store.rejected_read", QStringLiteral("读取未生效记录"), q.lastError().text());
}

} // namespace

// The rejected event's columns (kEventColumns, prefixed), then its placement and case number.
// From the few rejected placements to the log by case (events_case): the log has no index by
// event id, and a join by id alone was planned as a scan of the whole log.
QString rejectedRecordsSql(const QString& where)
{
    return QStringLiteral(
               "SELECT e.event_id, e.case_id, e.device_id, e.device_seq, e.hlc, "
               "e.actor_id, e.occurred_at_utc, e.type, e.type_version, e.payload, "
               "p.hall_seq, p.reason_code, p.reason, p.winner, "
               "COALESCE(c.case_number, ''), "
               "e.device_id = (SELECT device_id FROM sync_state) "
               "FROM placement p CROSS JOIN events e ON e.case_id = p.case_id AND e.event_id = "
               "p.event_id "
               "LEFT JOIN cases c ON c.case_id = p.case_id "
               "WHERE p.verdict = 'rejected' %1")
        .arg(where);
}

namespace {

bool prepareAndRun(QSqlQuery& q, const QString& sql, const QVariantList& binds)
{
    q.setForwardOnly(true);
    if (!q.prepare(sql))
        return false;
    for (int i = 0; i < binds.size(); ++i)
        q.addBindValue(binds[i]);
    return q.exec();
}

} // namespace

core::EventAuthor RejectedRecords::author(const QString& actorId) const
{
    if (auto it = m_authors.constFind(actorId); it != m_authors.constEnd())
        return *it;
    core::EventAuthor a{actorId == core::kSystemActor ? QStringLiteral("系统") : actorId, {}};
    QSqlQuery q(m_store.database());
    if (prepareAndRun(
            q, QStringLiteral("SELECT display_name, window_code FROM users WHERE user_id = ?"),
            {actorId}) &&
        q.next())
        a = core::EventAuthor{q.value(0).toString(), q.value(1).toString()};
    m_authors.insert(actorId, a);
    return a;
}

Result<std::optional<core::Event>> RejectedRecords::eventById(const QString& eventId) const
{
    if (eventId.isEmpty())
        return std::optional<core::Event>();
    QSqlQuery q(m_store.database());
    if (!prepareAndRun(q,
                       // Through the winner's placement to its case (events_case): the log has no
                       // index by event id, and a scan of a big hall's log takes seconds.
                       QStringLiteral("SELECT %1 FROM events WHERE case_id IN (SELECT case_id FROM "
                                      "placement WHERE event_id = ?) AND event_id = ?")
                           .arg(kEventColumns),
                       {eventId, eventId}))
        return readError(q);
    if (!q.next())
        return std::optional<core::Event>();
    auto e = eventFromRow(q);
    if (!e)
        return e.error();
    return std::optional<core::Event>(*e);
}

Result<QList<RejectedRecord>> RejectedRecords::select(const QString& where,
                                                      const QVariantList& binds) const
{
    QList<RejectedRecord> out;
    {
        QSqlQuery q(m_store.database());
        if (!prepareAndRun(q, rejectedRecordsSql(where), binds))
            return readError(q);
        while (q.next()) {
            auto e = eventFromRow(q);
            if (!e)
                return e.error();
            RejectedRecord r;
            r.event = *e;
            r.hallSeq = q.value(10).toLongLong();
            r.reasonCode = q.value(11).toString();
            r.reason = q.value(12).toString();
            r.winnerId = q.value(13).toString();
            r.caseNumber = q.value(14).toString();
            r.own = q.value(15).toInt() == 1;
            out.append(r);
        }
    }
    for (RejectedRecord& r : out) {
        r.by = author(r.event.actorId);
        auto winner = eventById(r.winnerId);
        if (!winner)
            return winner.error();
        r.winner = *winner;
        if (r.winner)
            r.winnerBy = author(r.winner->actorId);
    }
    return out;
}

Result<QList<RejectedRecord>> RejectedRecords::ofCase(const QString& caseId) const
{
    return select(QStringLiteral("AND p.case_id = ? ORDER BY p.hall_seq DESC"), {caseId});
}

Result<QList<RejectedRecord>> RejectedRecords::all(int limit) const
{
    return select(QStringLiteral("ORDER BY p.hall_seq DESC LIMIT ?"), {limit});
}

Result<QList<RejectedRecord>> RejectedRecords::untoldOwn() const
{
    return select(QStringLiteral("AND e.device_id = (SELECT device_id FROM sync_state) AND NOT "
                                 "EXISTS (SELECT 1 FROM rejection_notices n WHERE n.event_id = "
                                 "p.event_id) ORDER BY p.hall_seq"),
                  {});
}

Status RejectedRecords::markTold(const QStringList& eventIds, const QDateTime& nowUtc)
{
    if (eventIds.isEmpty())
        return {};
    return m_store.transaction([&]() -> Status {
        QSqlQuery q(m_store.database());
        if (!q.prepare(QStringLiteral("INSERT OR IGNORE INTO rejection_notices (event_id, "
                                      "told_at_utc) VALUES (?, ?)")))
            return readError(q);
        for (const QString& id : eventIds) {
            q.addBindValue(id);
            q.addBindValue(nowUtc.toUTC().toString(Qt::ISODateWithMs));
            if (!q.exec())
                return sqlError("store.rejected_write", QStringLiteral("保存未生效记录的提示"),
                                q.lastError().text());
        }
        return {};
    });
}

Result<QList<VoidedDocument>> RejectedRecords::voidedDocuments(const QString& caseId) const
{
    // From the few rejected placements (placement_rejected) to the prints of their case
    // (events_case) whose source is the rejected act. A print whose output failed bore no paper.
    QSqlQuery q(m_store.database());
    const QString sql = QStringLiteral(
        "SELECT d.event_id, d.case_id, COALESCE(c.case_number, ''), "
        "json_extract(d.payload, '$.kind'), json_extract(d.payload, '$.number'), "
        "d.occurred_at_utc, d.actor_id, p.event_id, p.reason, p.hall_seq "
        "FROM placement p CROSS JOIN events d ON d.case_id = p.case_id "
        "AND d.type = 'case.document_printed' AND json_extract(d.payload, '$.source') = p.event_id "
        "LEFT JOIN cases c ON c.case_id = p.case_id "
        "WHERE p.verdict = 'rejected' %1 AND NOT EXISTS (SELECT 1 FROM events f WHERE "
        "f.case_id = d.case_id AND f.type = 'case.document_print_failed' AND "
        "json_extract(f.payload, '$.printed') = d.event_id) "
        "ORDER BY p.hall_seq DESC, d.hlc, d.device_id, d.device_seq");
    const bool one = !caseId.isEmpty();
    if (!prepareAndRun(q, sql.arg(one ? QStringLiteral("AND p.case_id = ?") : QString()),
                       one ? QVariantList{caseId} : QVariantList{}))
        return readError(q);
    QList<VoidedDocument> out;
    QSet<QString> numbers;
    while (q.next()) {
        VoidedDocument d;
        d.printedEventId = q.value(0).toString();
        d.caseId = q.value(1).toString();
        d.caseNumber = q.value(2).toString();
        d.kind = q.value(3).toString();
        d.number = q.value(4).toString();
        d.printedAtUtc = QDateTime::fromString(q.value(5).toString(), Qt::ISODateWithMs);
        d.printedBy.name = q.value(6).toString();
        d.sourceEventId = q.value(7).toString();
        d.reason = q.value(8).toString();
        d.hallSeq = q.value(9).toLongLong();
        // A reprint is the same document: one entry per number, its first print.
        if (numbers.contains(d.kind + QLatin1Char('/') + d.number))
            continue;
        numbers.insert(d.kind + QLatin1Char('/') + d.number);
        out.append(d);
    }
    q.finish();
    QHash<QString, QHash<QString, core::Event>> closings; // by case, then by document
    for (VoidedDocument& d : out) {
        if (!closings.contains(d.caseId)) {
            auto of = closingsOf(d.caseId);
            if (!of)
                return of.error();
            closings.insert(d.caseId, *of);
        }
        if (auto c = closings[d.caseId].constFind(core::recallKey(d.kind, d.number));
            c != closings[d.caseId].constEnd()) {
            d.closed = *c;
            d.closedBy = author(c->actorId);
        }
        d.printedBy = author(d.printedBy.name);
        auto source = eventById(d.sourceEventId);
        if (!source)
            return source.error();
        if (*source)
            d.reason =
                core::voidedDocumentReason(**source, author((*source)->actorId), d.reason, m_zone);
    }
    return out;
}

Result<QHash<QString, core::Event>> RejectedRecords::closingsOf(const QString& caseId) const
{
    // The case's recall closings the hall did not reject (a pending one counts: it is this
    // window's own record until the hall judges it), the first of each document.
    QSqlQuery q(m_store.database());
    if (!prepareAndRun(q,
                       QStringLiteral("SELECT %1 FROM events e WHERE e.case_id = ? AND e.type = "
                                      "'case.recall_closed' AND NOT EXISTS (SELECT 1 FROM "
                                      "placement p WHERE p.case_id = e.case_id AND p.event_id = "
                                      "e.event_id AND p.verdict = 'rejected') "
                                      "ORDER BY e.hlc, e.device_id, e.device_seq")
                           .arg(kEventColumns),
                       {caseId}))
        return readError(q);
    QHash<QString, core::Event> out;
    while (q.next()) {
        auto e = eventFromRow(q);
        if (!e)
            return e.error();
        const QString key = core::recallKey(e->payload.value(QStringLiteral("kind")).toString(),
                                            e->payload.value(QStringLiteral("number")).toString());
        if (!out.contains(key))
            out.insert(key, *e);
    }
    return out;
}

QString VoidedDocument::followUp(const QTimeZone& zone) const
{
    if (!closed)
        return recallTask();
    return QStringLiteral("%1 %2").arg(recallTask(),
                                       core::recallClosedText(*closed, closedBy.name, zone));
}

} // namespace onewindow::store
