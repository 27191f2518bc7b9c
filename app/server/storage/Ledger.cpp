#include "server/storage/Ledger.h"

#include "core/DeviceRetirement.h"

#include "core/ClockOffset.h"
#include "server/storage/Epochs.h"
#include "server/storage/FoldVersions.h"
#include "server/storage/TimeFlags.h"

#include "core/EventChecksum.h"
#include "core/ServerLimits.h"
#include "server/HallRules.h"
#include "server/Judge.h"
#include "server/ServerMade.h"
#include "server/storage/MasterData.h"
#include "server/storage/Registry.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonDocument>
#include <QTimeZone>

#include <algorithm>

namespace onewindow::server {

using core::sync::WireEvent;

const char* const kEventColumns =
    "hall_seq, event_id, case_id, device_id, device_seq, hlc, actor_id, occurred_at, type, "
    "type_version, payload, checksum, verdict, reason_code, reason, winner_event_id";

const char* const kPulledColumns =
    "e.hall_seq, e.event_id, e.case_id, e.device_id, e.device_seq, e.hlc, e.actor_id, "
    "e.occurred_at, e.type, e.type_version, e.payload, e.checksum, e.verdict, e.reason_code, "
    "e.reason, e.winner_event_id, f.reason_code, f.received_at, f.last_contact_at, "
    "d.window_code";
// A flag's row is found by its primary key, and its device (a window code) by its own.
const char* const kPulledFrom =
    "events e LEFT JOIN time_flags f ON f.hall_code = e.hall_code AND f.hall_seq = e.hall_seq "
    "LEFT JOIN devices d ON d.device_id = f.device_id";

namespace {

EventAnswer answerFromRow(const QSqlQuery& q)
{
    EventAnswer a;
    a.hallSeq = q.value(0).toLongLong();
    a.eventId = q.value(1).toString();
    a.deviceSeq = q.value(4).toLongLong();
    a.accepted = q.value(12).toString() == QLatin1String("accepted");
    a.reasonCode = q.value(13).toString();
    a.reason = q.value(14).toString();
    a.winner = q.value(15).toString();
    return a;
}

} // namespace

QJsonObject wireFromRow(const QSqlQuery& q)
{
    return QJsonObject{{QStringLiteral("event_id"), q.value(1).toString()},
                       {QStringLiteral("case_id"), q.value(2).toString()},
                       {QStringLiteral("device_id"), q.value(3).toString()},
                       {QStringLiteral("device_seq"), q.value(4).toLongLong()},
                       {QStringLiteral("hlc"), q.value(5).toString()},
                       {QStringLiteral("actor_id"), q.value(6).toString()},
                       {QStringLiteral("occurred_at"), q.value(7).toString()},
                       {QStringLiteral("type"), q.value(8).toString()},
                       {QStringLiteral("type_version"), q.value(9).toInt()},
                       {QStringLiteral("payload"), q.value(10).toString()},
                       {QStringLiteral("checksum"), q.value(11).toString()}};
}

QJsonObject pulledEntry(const QSqlQuery& q)
{
    QJsonObject entry = answerFromRow(q).toJson();
    entry.remove(QStringLiteral("device_seq"));
    entry.remove(QStringLiteral("event_id"));
    entry.insert(QStringLiteral("event"), wireFromRow(q));
    const QString flag = q.value(16).toString();
    if (!flag.isEmpty()) // decision 7: absent means no flag (protocol 1 reads on as before)
        entry.insert(QLatin1String(core::sync::kTimeFlagKey),
                     core::sync::timeFlagToJson({flag, core::sync::eventTimeFlagText(flag),
                                                 q.value(19).toString(), q.value(17).toString(),
                                                 q.value(18).toString()}));
    return entry;
}

namespace {

Verdict rejectedAs(const core::Error& why)
{
    return Verdict{false, why.code, why.message, {}, false};
}

// Decision 9: an event of the device's own sequence recorded after the device was retired. A
// system event (outside every sequence) is the case's fact whoever sends it: judged as usual.
bool retiredBefore(const Device& device, const WireEvent& w)
{
    if (device.retiredAt.isEmpty() || w.deviceId != device.deviceId || !w.event)
        return false;
    return w.event->occurredAtUtc > QDateTime::fromString(device.retiredAt, Qt::ISODateWithMs);
}

PushOutcome refused(core::Error error, qint64 expected = 0)
{
    PushOutcome o;
    o.error = std::move(error);
    o.expectedSeq = expected;
    return o;
}

} // namespace

QJsonObject EventAnswer::toJson() const
{
    QJsonObject o{{QStringLiteral("event_id"), eventId},
                  {QStringLiteral("device_seq"), deviceSeq},
                  {QStringLiteral("verdict"),
                   accepted ? QStringLiteral("accepted") : QStringLiteral("rejected")},
                  {QStringLiteral("hall_seq"), hallSeq}};
    if (!accepted) {
        o.insert(QStringLiteral("reason_code"), reasonCode);
        o.insert(QStringLiteral("reason"), reason);
        o.insert(QStringLiteral("winner"), winner);
    }
    return o;
}

bool Ledger::step(const char* sql)
{
    QSqlQuery q = m_db.query();
    return m_db.run(q, QString::fromLatin1(sql));
}

PushOutcome Ledger::push(const QString& deviceId, const QList<WireEvent>& events)
{
    QElapsedTimer phase;
    phase.start();
    // In a group (setGrouped) the batch is a savepoint of the group's transaction, whole or not
    // at all like a transaction of its own, and committed with the group.
    if (!(m_grouped ? step("SAVEPOINT push") : m_db.begin()))
        return refused(databaseError(m_db.lastError()));
    auto abandon = [this](PushOutcome out) {
        if (!m_grouped)
            m_db.rollback();
        else if (!step("ROLLBACK TO SAVEPOINT push") || !step("RELEASE SAVEPOINT push"))
            m_groupBroken = true; // part of the batch may stand: the group must not commit
        return out;
    };
    // The device row first: a batch resent while its first copy still runs waits here, then
    // finds the events stored and gets the stored answers.
    QSqlQuery* q = m_db.runKept(QStringLiteral("SELECT %1 FROM devices WHERE device_id = ?")
                                        .arg(QLatin1String(kDeviceColumns)) +
                                    m_db.dialect().lockSuffix,
                                {deviceId});
    if (!q || !q->next())
        return abandon(refused(core::sync::unauthorized()));
    const Device device = deviceFromRow(*q);
    if (!device.revokedAt.isEmpty())
        return abandon(refused(core::sync::deviceRevoked()));
    if (!device.stoppedReason.isEmpty())
        return abandon(refused(core::sync::deviceStopped()));
    const qint64 lockNs = phase.nsecsElapsed();
    PushOutcome out = pushLocked(device, events);
    out.lockNs = lockNs;
    if (out.error) {
        out = abandon(std::move(out));
        if (out.error->code == core::sync::code::kSequenceReused)
            stopDevice(device.deviceId);
        return out;
    }
    // Decision 6: the answer names the epoch its hall orders count in (read under the lock).
    auto epoch = Epochs(m_db).of(device.hallCode);
    if (!epoch)
        return abandon(refused(epoch.error()));
    out.epoch = *epoch;
    out.judgeNs = phase.nsecsElapsed() - lockNs;
    if (m_grouped ? !step("RELEASE SAVEPOINT push") : !m_db.commit())
        return abandon(refused(databaseError(m_db.lastError())));
    out.commitNs = phase.nsecsElapsed() - lockNs - out.judgeNs;
    return out;
}

core::Result<std::optional<CaseRecord>> loadCase(CentralDb& db, const QString& caseId)
{
    QSqlQuery* c = db.runKept(
        QStringLiteral("SELECT hall_code, head_event_id FROM cases WHERE case_id = ?"), {caseId});
    if (!c)
        return databaseError(db.lastError());
    if (!c->next()) {
        c->finish();
        return std::optional<CaseRecord>();
    }
    CaseRecord record{c->value(0).toString(), c->value(1).toString(), {}};
    c->finish();
    QSqlQuery* a = db.runKept(QStringLiteral("SELECT %1 FROM events WHERE case_id = ? AND "
                                             "verdict = 'accepted' ORDER BY hall_seq")
                                  .arg(QLatin1String(kEventColumns)),
                              {caseId});
    if (!a)
        return databaseError(db.lastError());
    while (a->next()) {
        const auto stored = core::sync::eventFromWire(wireFromRow(*a));
        if (stored && stored->event)
            record.accepted.append(*stored->event);
    }
    if (auto failed = stepError(*a))
        return *failed; // a case judged on part of its history would be judged wrong
    a->finish();
    return std::optional<CaseRecord>(std::move(record));
}

PushOutcome Ledger::pushLocked(const Device& device, const QList<WireEvent>& events)
{
    PushOutcome out;
    qint64 expected = device.nextSeq;
    QList<const WireEvent*> fresh;
    QList<std::optional<EventAnswer>> slots(events.size());
    QList<qsizetype> freshSlots;
    for (qsizetype i = 0; i < events.size(); ++i) {
        const WireEvent& w = events[i];
        if (w.deviceId != device.deviceId) {
            // A system event (decision 4): outside every device's sequence, known by its
            // name-based id. The hall's acceptance of it stands (the same one from two devices
            // is one event); else this device's own refusal (a resent batch); else it is judged.
            auto known = systemAnswer(device, w.eventId);
            if (!known)
                return refused(known.error());
            if (*known) {
                slots[i] = **known;
            } else {
                fresh.append(&w);
                freshSlots.append(i);
            }
            continue;
        }
        if (w.deviceSeq < device.nextSeq) {
            // Seen before: the same event gets its stored answer; other content under a used
            // sequence is a device restored from a backup or a cloned disk (decision 2).
            QSqlQuery* q = m_db.runKept(
                QStringLiteral("SELECT %1 FROM events WHERE device_id = ? AND device_seq = ?")
                    .arg(QLatin1String(kEventColumns)),
                {device.deviceId, w.deviceSeq});
            if (!q || !q->next())
                return refused(databaseError(m_db.lastError()));
            if (q->value(1).toString() != w.eventId || q->value(11).toString() != w.checksum)
                return refused(core::sync::sequenceReused(w.deviceSeq));
            slots[i] = answerFromRow(*q);
            continue;
        }
        if (w.deviceSeq != expected)
            return refused(core::sync::sequenceGap(expected), expected);
        fresh.append(&w);
        freshSlots.append(i);
        ++expected;
    }
    out.nextSeq = expected;

    if (!fresh.isEmpty()) {
        // The hall's commit counter, taken inside this transaction: its row stays locked until
        // the commit, so hall orders are handed out, and committed, one push after another.
        QSqlQuery* q = m_db.runKept(
            QStringLiteral(
                "UPDATE halls SET seq = seq + ? WHERE hall_code = ? RETURNING seq, zone"),
            {qint64(fresh.size()), device.hallCode});
        if (!q || !q->next())
            return refused(databaseError(m_db.lastError()));
        const qint64 reservedTop = q->value(0).toLongLong();
        qint64 hallSeq = reservedTop - fresh.size();
        const QTimeZone zone(q->value(1).toString().toUtf8());
        q->finish(); // SQLite completes an UPDATE ... RETURNING only when its rows are done
        const QDateTime received = m_clock.nowUtc();
        const QString receivedAt = QString::fromUtf8(core::canonicalTimeText(received));
        // Decision 7: each event's own time against [last contact - ε, receipt + ε].
        TimeFlags flags(m_db, m_clock);
        auto contact = flags.lastContact(device.deviceId);
        if (!contact)
            return refused(contact.error());
        const QDateTime lastContact = QDateTime::fromString(*contact, Qt::ISODateWithMs);
        MasterData master(m_db, m_clock);
        HallRules rules(master, device.hallCode);
        // Decision 10: the oldest fold among the hall's active devices bounds the types it takes.
        FoldVersions folds(m_db);
        auto hallFold = folds.hallFold(device.hallCode);
        if (!hallFold)
            return refused(hallFold.error());

        // The batch's cases as they stand after each of its events: a case's later events in
        // this batch are judged without reading and parsing its events again.
        QHash<QString, std::optional<CaseRecord>> cases;
        for (qsizetype k = 0; k < fresh.size(); ++k) {
            const WireEvent* w = fresh[k];
            const qint64 placed = hallSeq + 1; // its place, unless it takes none (below)
            const bool system = w->deviceId != device.deviceId;
            if (system) { // decided since the first look, by an earlier event of this batch?
                auto known = systemAnswer(device, w->eventId);
                if (!known)
                    return refused(known.error());
                if (*known) {
                    slots[freshSlots[k]] = **known;
                    continue;
                }
            }
            auto cached = cases.find(w->caseId);
            if (cached == cases.end()) {
                auto loaded = loadCase(m_db, w->caseId);
                if (!loaded)
                    return refused(loaded.error());
                cached = cases.insert(w->caseId, std::move(*loaded));
            }
            std::optional<CaseRecord>* record = &*cached;
            // What the event is judged against: the hall's master data at the event's time, on
            // the calendar the event records (decision 8).
            core::FoldContext context;
            context.zone = zone;
            bool unknownCalendar = false;
            context.calendar = &rules.calendarFor(
                w->occurredAt, w->event ? core::sync::calendarVersionOf(*w->event) : QString(),
                &unknownCalendar);
            const core::Event* receipt =
                *record && !(*record)->accepted.isEmpty() ? &(*record)->accepted.first()
                : w->event && w->event->type == core::EventType::Received ? &*w->event
                                                                          : nullptr;
            if (receipt)
                context.item =
                    rules.item(receipt->payload.value(QStringLiteral("itemCode")).toString(),
                               receipt->payload.value(QStringLiteral("itemVersion")).toInt());
            const ActorRecord actor = w->event && !core::isSystemEvent(w->event->type)
                                          ? rules.actorAt(w->actorId, w->occurredAt)
                                          : ActorRecord();
            const int needs = w->event ? core::sync::foldIntroducing(w->event->type) : 1;
            // Decision 9: a retired device's own events are drained, up to its retirement.
            Verdict v = retiredBefore(device, *w)
                            ? rejectedAs(core::sync::deviceRetired(device.retiredAt))
                            : judge(*record, device.hallCode, *w, actor, context, device.deviceId);
            if (v.accepted &&
                needs > *hallFold) { // set aside, visibly, until every device folds it
                const core::Error e = core::sync::typeNotEnabled(w->event->type, needs, *hallFold);
                v = Verdict{false, e.code, e.message, {}, false};
            }
            if (v.accepted) {
                // Event ids are unique per hall (migration 0010): a second one is set aside.
                QSqlQuery* dup =
                    m_db.runKept(QStringLiteral("SELECT 1 FROM events WHERE hall_code = ? AND "
                                                "event_id = ? AND verdict = 'accepted'"),
                                 {device.hallCode, w->eventId});
                if (!dup)
                    return refused(databaseError(m_db.lastError()));
                const bool known = dup->next();
                dup->finish();
                if (known) {
                    const core::Error e = core::sync::duplicateEventId();
                    v = Verdict{false, e.code, e.message, w->eventId, false};
                }
            }
            if (system && !v.accepted) { // decision 4: refused, it takes no place
                auto answer = refuseSystemCopy(device, *w, v, receivedAt);
                if (!answer)
                    return refused(answer.error());
                slots[freshSlots[k]] = *answer;
                continue;
            }
            if (v.accepted) {
                auto numbered = issueNumbers(device, *w->event);
                if (!numbered)
                    return refused(numbered.error());
                if (!numbered->isEmpty()) { // decision 5: a number is issued once per hall
                    const core::Error e = duplicateNumber(*w->event);
                    v = Verdict{false, e.code, e.message, *numbered, false};
                }
            }
            if (core::Status s = store(device, *w, placed, v, receivedAt, record->has_value()); !s)
                return refused(s.error());
            if (v.accepted && needs > 1) // from now on, older devices are told to upgrade
                if (core::Status s = folds.raiseFloor(device.hallCode, needs); !s)
                    return refused(s.error());
            if (w->event && !core::isSystemEvent(w->event->type)) {
                auto flag = core::sync::eventTimeFlag(
                    QDateTime::fromString(w->occurredAt, Qt::ISODateWithMs), lastContact, received,
                    m_toleranceSeconds);
                if (!flag && unknownCalendar) // decision 8: one flag an event, its time first
                    flag = QString::fromLatin1(core::sync::kUnknownCalendar);
                if (flag)
                    if (core::Status s =
                            flags.flag(device.hallCode, placed, w->eventId, device.deviceId, *flag,
                                       w->occurredAt, receivedAt, *contact);
                        !s)
                        return refused(s.error());
            }
            // As loadCase would read it now: the case row exists once an event moved its head.
            if (v.accepted && w->event) {
                if (*record) {
                    (*record)->accepted.append(*w->event);
                    if (v.movesHead)
                        (*record)->head = w->eventId;
                } else if (v.movesHead) {
                    *record = CaseRecord{device.hallCode, w->eventId, {*w->event}};
                }
            }
            slots[freshSlots[k]] = EventAnswer{w->eventId,   w->deviceSeq, v.accepted, placed,
                                               v.reasonCode, v.reason,     v.winner};
            hallSeq = placed;
        }
        // The places refused system events did not take go back: still under the hall row's
        // lock, so the hall's orders stay contiguous.
        if (hallSeq < reservedTop &&
            !m_db.runKept(QStringLiteral("UPDATE halls SET seq = ? WHERE hall_code = ?"),
                          {hallSeq, device.hallCode}))
            return refused(databaseError(m_db.lastError()));
        // Decision 4: a holder that worked past a held case's due day has pushed what it served
        // on that day; the server makes the case's due facts now (server/ServerMade.h).
        if (core::Status s =
                ServerMade(m_db, m_clock, device.hallCode).afterPush(device.deviceId, zone, fresh);
            !s)
            return refused(s.error());
        if (!m_db.runKept(QStringLiteral("UPDATE devices SET next_seq = ? WHERE device_id = ?"),
                          {expected, device.deviceId}))
            return refused(databaseError(m_db.lastError()));
        m_db.notifyHallMoved(device.hallCode); // heard by every server process at the commit
        out.hallMoved = true;
    }
    for (const auto& slot : slots)
        out.answers.append(*slot);
    return out;
}

core::Status Ledger::store(const Device& device, const WireEvent& w, qint64 hallSeq,
                           const Verdict& v, const QString& receivedAt, bool caseKnown)
{
    if (!m_db.runKept(QStringLiteral("INSERT INTO events (hall_code, hall_seq, event_id, case_id, "
                                     "device_id, device_seq, hlc, actor_id, occurred_at, type, "
                                     "type_version, payload, checksum, verdict, reason_code, "
                                     "reason, winner_event_id, received_at) VALUES (?, ?, ?, ?, ?, "
                                     "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                      {device.hallCode, hallSeq, w.eventId, w.caseId, w.deviceId, w.deviceSeq,
                       w.hlc, w.actorId, w.occurredAt, w.type, w.typeVersion,
                       QString::fromUtf8(w.payloadText), w.checksum,
                       v.accepted ? QStringLiteral("accepted") : QStringLiteral("rejected"),
                       v.reasonCode, v.reason, v.winner, receivedAt}))
        return databaseError(m_db.lastError());
    if (!v.accepted || !v.movesHead)
        return {};
    const bool ok =
        caseKnown
            ? m_db.runKept(QStringLiteral("UPDATE cases SET head_event_id = ? WHERE case_id = ?"),
                           {w.eventId, w.caseId})
            : m_db.runKept(QStringLiteral("INSERT INTO cases (case_id, hall_code, head_event_id) "
                                          "VALUES (?, ?, ?)"),
                           {w.caseId, device.hallCode, w.eventId});
    if (!ok)
        return databaseError(m_db.lastError());
    return {};
}

void Ledger::stopDevice(const QString& deviceId)
{
    // Decision 2: stopped until re-enrolled as a new device, in a transaction of its own or
    // the group's (the batch was rolled back).
    QSqlQuery q = m_db.query();
    m_db.run(q, QStringLiteral("UPDATE devices SET stopped_reason = ? WHERE device_id = ?"),
             {core::sync::code::kSequenceReused, deviceId});
}

} // namespace onewindow::server
