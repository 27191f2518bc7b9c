#include "server/storage/AuditedImport.h"

#include "server/storage/FoldVersions.h"

#include "core/CaseNumber.h"
#include "core/EventChecksum.h"
#include "core/SyncProtocol.h"

namespace onewindow::server {

namespace {

core::Status importOne(CentralDb& db, const QString& hallCode, const core::Event& e, qint64 hallSeq,
                       const QString& reasonCode, const QString& at)
{
    const QJsonObject w = core::sync::eventToWire(e);
    QSqlQuery q = db.query();
    if (!db.run(q,
                QStringLiteral("INSERT INTO events (hall_code, hall_seq, event_id, case_id, "
                               "device_id, device_seq, hlc, actor_id, occurred_at, type, "
                               "type_version, payload, checksum, verdict, reason_code, reason, "
                               "winner_event_id, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
                               "?, ?, ?, ?, 'accepted', ?, '', '', ?)"),
                {hallCode, hallSeq, e.eventId, e.caseId, e.deviceId, e.deviceSeq, e.hlc, e.actorId,
                 w.value(QStringLiteral("occurred_at")).toString(),
                 w.value(QStringLiteral("type")).toString(), e.typeVersion,
                 w.value(QStringLiteral("payload")).toString(),
                 w.value(QStringLiteral("checksum")).toString(), reasonCode, at}))
        return databaseError(db.lastError());
    if (core::sync::movesHead(e.type)) {
        const bool ok =
            e.type == core::EventType::Received
                ? db.run(q,
                         QStringLiteral("INSERT INTO cases (case_id, hall_code, head_event_id) "
                                        "VALUES (?, ?, ?)"),
                         {e.caseId, hallCode, e.eventId})
                : db.run(q, QStringLiteral("UPDATE cases SET head_event_id = ? WHERE case_id = ?"),
                         {e.eventId, e.caseId});
        if (!ok)
            return databaseError(db.lastError());
    }
    if (const auto number = caseNumberImportedBy(e))
        if (!db.run(q,
                    QStringLiteral("INSERT INTO issued_numbers (hall_code, kind, number, "
                                   "window_code, event_id) VALUES (?, 'case', ?, ?, ?)"),
                    {hallCode, number->first, number->second, e.eventId}))
            return databaseError(db.lastError());
    return {};
}

} // namespace

std::optional<std::pair<QString, QString>> caseNumberImportedBy(const core::Event& e)
{
    if (e.type != core::EventType::Received)
        return std::nullopt;
    const QString number = e.payload.value(QStringLiteral("caseNumber")).toString();
    const auto parsed = core::CaseNumber::parse(number);
    return std::pair{number, parsed ? parsed->windowCode : QString()};
}

core::Result<qint64> importAccepted(CentralDb& db, const core::Clock& clock,
                                    const QString& hallCode, const QList<core::Event>& events,
                                    const QString& reasonCode, int batch)
{
    const QString at = QString::fromUtf8(core::canonicalTimeText(clock.nowUtc()));
    qint64 imported = 0;
    for (qsizetype from = 0; from < events.size(); from += batch) {
        if (!db.begin())
            return databaseError(db.lastError());
        QList<const core::Event*> fresh;
        for (qsizetype i = from; i < std::min(events.size(), from + batch); ++i) {
            QSqlQuery q = db.query();
            if (!db.run(q,
                        QStringLiteral("SELECT 1 FROM events WHERE hall_code = ? AND event_id = ?"),
                        {hallCode, events[i].eventId})) {
                const QString why = db.lastError();
                db.rollback();
                return databaseError(why);
            }
            if (!q.next())
                fresh.append(&events[i]);
        }
        QSqlQuery q = db.query();
        if (!db.run(q,
                    QStringLiteral("UPDATE halls SET seq = seq + ? WHERE hall_code = ? RETURNING "
                                   "seq"),
                    {qint64(fresh.size()), hallCode}) ||
            !q.next()) {
            const QString why = db.lastError();
            db.rollback();
            return databaseError(why);
        }
        qint64 hallSeq = q.value(0).toLongLong() - fresh.size();
        q.finish(); // SQLite commits nothing while a statement is still open
        int needs = 1;
        for (const core::Event* e : fresh) {
            if (core::Status s = importOne(db, hallCode, *e, ++hallSeq, reasonCode, at); !s) {
                db.rollback();
                return s.error();
            }
            needs = std::max(needs, core::sync::foldIntroducing(e->type));
        }
        // Decision 10: imported records raise the hall's floor as pushed ones do, so no device
        // of an older fold pulls them.
        if (needs > 1)
            if (core::Status s = FoldVersions(db).raiseFloor(hallCode, needs); !s) {
                db.rollback();
                return s.error();
            }
        if (!fresh.isEmpty())
            db.notifyHallMoved(hallCode); // waiting pulls of the hall answer at the commit
        if (!db.commit())
            return databaseError(db.lastError());
        imported += fresh.size();
    }
    return imported;
}

} // namespace onewindow::server
