#include "store/SyncRepository.h"

#include "core/EventChecksum.h"
#include "core/SyncProtocol.h"

#include "store/EventRows.h"
#include "store/HallConfig.h"
#include "store/HallSetup.h"
#include "store/LocalMasterHandover.h"
#include "store/TimeFlagRecords.h"

#include <QJsonDocument>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

namespace onewindow::store {

using core::Event;

namespace {

Error readError(const QSqlQuery& q)
{
    return sqlError("store.sync_read", QStringLiteral("读取同步状态"), q.lastError().text());
}

Error writeError(const QSqlQuery& q)
{
    return sqlError("store.sync_write", QStringLiteral("保存同步状态"), q.lastError().text());
}

// A null QString binds as NULL: the columns hold '' for "none".
QString text(const QString& s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

Status writePlacement(QSqlQuery& q, const Placement& p)
{
    q.bindValue(0, p.eventId);
    q.bindValue(1, p.caseId);
    q.bindValue(2, p.hallSeq);
    q.bindValue(3, p.accepted ? QStringLiteral("accepted") : QStringLiteral("rejected"));
    q.bindValue(4, text(p.reasonCode));
    q.bindValue(5, text(p.reason));
    q.bindValue(6, text(p.winner));
    if (!q.exec())
        return writeError(q);
    return {};
}

const QString kInsertPlacement = QStringLiteral(
    "INSERT INTO placement (event_id, case_id, hall_seq, verdict, reason_code, "
    "reason, winner) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING");

} // namespace

bool SyncRepository::enrolled(Store& store)
{
    QSqlQuery q(store.database());
    return q.exec(QStringLiteral("SELECT 1 FROM sync_state")) && q.next();
}

QString SyncRepository::backOfficeDepartment(Store& store)
{
    QSqlQuery q(store.database());
    return q.exec(QStringLiteral("SELECT department FROM sync_state WHERE role = 'backoffice'")) &&
                   q.next()
               ? q.value(0).toString()
               : QString();
}

Result<std::optional<SyncState>> SyncRepository::state() const
{
    QSqlQuery q(m_store.database());
    if (!q.exec(QStringLiteral(
            "SELECT server_url, hall_code, device_id, token, window_code, role, department, "
            "cursor, acked_seq, enrolled_at_utc, last_sync_utc, stopped_code, stopped_message, "
            "COALESCE((SELECT epoch FROM sync_epoch), ''), retired_at_utc, initial_sync, "
            "snapshot_at, snapshot_after, working_set_since, working_set_cases, fetched_cases "
            "FROM sync_state")))
        return readError(q);
    if (!q.next())
        return std::optional<SyncState>{};
    SyncState s;
    s.serverUrl = q.value(0).toString();
    s.hallCode = q.value(1).toString();
    s.deviceId = q.value(2).toString();
    s.token = q.value(3).toString();
    s.windowCode = q.value(4).toString();
    s.role = q.value(5).toString();
    s.department = q.value(6).toString();
    s.cursor = q.value(7).toLongLong();
    s.ackedSeq = q.value(8).toLongLong();
    s.enrolledAtUtc = q.value(9).toString();
    s.lastSyncUtc = q.value(10).toString();
    s.stoppedCode = q.value(11).toString();
    s.stoppedMessage = q.value(12).toString();
    s.epoch = q.value(13).toString();
    s.retiredAtUtc = q.value(14).toString();
    s.initialSync = q.value(15).toString();
    s.snapshotAt = q.value(16).toLongLong();
    s.snapshotAfter = q.value(17).toLongLong();
    s.workingSetSince = q.value(18).toString();
    s.workingSetCases = q.value(19).toLongLong();
    s.fetchedCases = q.value(20).toLongLong();
    return std::optional<SyncState>{s};
}

Status SyncRepository::checkEnrollable() const
{
    QSqlQuery q(m_store.database());
    if (!q.exec(QStringLiteral("SELECT (SELECT count(*) FROM sync_state), "
                               "(SELECT count(*) FROM events)")) ||
        !q.next())
        return readError(q);
    if (q.value(0).toInt() > 0)
        return Error{QStringLiteral("sync.already_enrolled"),
                     QStringLiteral("本工作站已登记到大厅服务器，无需再次登记")};
    if (q.value(1).toInt() > 0)
        return Error{QStringLiteral("sync.store_not_new"),
                     QStringLiteral("本数据文件已有办件记录，不能登记为大厅的窗口；"
                                    "请用新的数据文件（--store）登记")};
    return {};
}

Status SyncRepository::enrol(const Enrolment& e)
{
    return m_store.transaction([&]() -> Status {
        if (Status s = checkEnrollable(); !s)
            return s;
        QSqlQuery q(m_store.database());
        // The device row takes the server's id: every event of this window carries it.
        if (!q.exec(QStringLiteral("DELETE FROM device")))
            return writeError(q);
        q.prepare(QStringLiteral("INSERT INTO device (singleton, device_id, hall_code, "
                                 "device_code, next_seq, hlc_wall_ms, hlc_counter) VALUES (1, ?, "
                                 "?, ?, ?, 0, 0)"));
        q.addBindValue(e.deviceId);
        q.addBindValue(e.hallCode);
        q.addBindValue(e.windowCode);
        q.addBindValue(std::max<qint64>(1, e.nextSeq));
        if (!q.exec())
            return writeError(q);
        HallConfigRepository halls(m_store);
        auto loaded = halls.loadOrDefaults();
        if (!loaded)
            return loaded.error();
        HallConfig config = *loaded;
        config.hallCode = e.hallCode;
        config.hallName = e.hallName;
        config.deviceCode = e.windowCode;
        if (const QTimeZone zone(e.zone.toUtf8()); zone.isValid())
            config.zone = zone;
        if (Status s = halls.write(config); !s)
            return s;
        q.prepare(QStringLiteral("INSERT INTO sync_state (singleton, server_url, hall_code, "
                                 "device_id, token, window_code, role, department, cursor, "
                                 "acked_seq, enrolled_at_utc, initial_sync) VALUES (1, ?, ?, ?, "
                                 "?, ?, ?, ?, 0, ?, ?, ?)"));
        for (const QVariant& v :
             {QVariant(e.serverUrl), QVariant(e.hallCode), QVariant(e.deviceId), QVariant(e.token),
              QVariant(e.windowCode), QVariant(e.role), QVariant(text(e.department)),
              QVariant(std::max<qint64>(1, e.nextSeq)),
              QVariant(QString::fromUtf8(core::canonicalTimeText(m_store.clock().nowUtc()))),
              QVariant(e.snapshot ? QStringLiteral("snapshot") : QStringLiteral("pull"))})
            q.addBindValue(v);
        if (!q.exec())
            return writeError(q);
        // Decision 6: the epoch the hall was in at enrolment.
        q.prepare(QStringLiteral("INSERT OR REPLACE INTO sync_epoch (singleton, epoch) VALUES (1, "
                                 "?)"));
        q.addBindValue(text(e.epoch));
        if (!q.exec())
            return writeError(q);
        return {};
    });
}

Result<QList<Event>> SyncRepository::pending(int maxEvents, qint64 maxBytes) const
{
    QSqlQuery q(m_store.database());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT %1 FROM events WHERE device_id = (SELECT device_id FROM "
                             "sync_state) AND device_seq >= (SELECT acked_seq FROM sync_state) "
                             "ORDER BY device_seq LIMIT ?")
                  .arg(kEventColumns));
    q.addBindValue(maxEvents);
    if (!q.exec())
        return readError(q);
    QList<Event> out;
    qint64 bytes = 64;
    while (q.next()) {
        auto e = eventFromRow(q);
        if (!e)
            return e.error();
        bytes +=
            QJsonDocument(core::sync::eventToWire(*e)).toJson(QJsonDocument::Compact).size() + 1;
        if (!out.isEmpty() && bytes > maxBytes)
            break;
        out.append(*e);
    }
    return out;
}

Result<int> SyncRepository::pendingCount() const
{
    QSqlQuery q(m_store.database());
    if (!q.exec(QStringLiteral("SELECT count(*) FROM events WHERE device_id = (SELECT device_id "
                               "FROM sync_state) AND device_seq >= (SELECT acked_seq FROM "
                               "sync_state)")) ||
        !q.next())
        return readError(q);
    return q.value(0).toInt();
}

Result<qint64> SyncRepository::changeMark() const
{
    QSqlQuery q(m_store.database());
    if (!q.exec(QStringLiteral("PRAGMA data_version")) || !q.next())
        return readError(q);
    return q.value(0).toLongLong();
}

Status SyncRepository::refold(const QStringList& caseIds)
{
    for (const QString& caseId : caseIds) {
        if (Status s = m_cases.reproject(caseId); !s) {
            // A failed write stops the transaction; a case this store cannot fold yet (its item
            // version has not come down) keeps its events and is folded when it can be.
            if (s.error().code.startsWith(QLatin1String("store.")))
                return s;
            qWarning("sync: case %s not folded: %s", qPrintable(caseId),
                     qPrintable(s.error().message));
        }
    }
    return {};
}

Status SyncRepository::recordPush(const QList<Placement>& answers, qint64 nextSeq)
{
    return m_store.transaction([&]() -> Status {
        QSqlQuery place(m_store.database());
        place.prepare(kInsertPlacement);
        QSqlQuery mark(m_store.database());
        mark.prepare(QStringLiteral("UPDATE events SET sync_state = ? WHERE event_id = ? AND "
                                    "case_id = ?"));
        QStringList touched;
        for (const Placement& p : answers) {
            if (Status s = writePlacement(place, p); !s)
                return s;
            mark.addBindValue(p.accepted ? QStringLiteral("synced") : QStringLiteral("rejected"));
            mark.addBindValue(p.eventId);
            mark.addBindValue(p.caseId);
            if (!mark.exec())
                return writeError(mark);
            if (!touched.contains(p.caseId))
                touched.append(p.caseId);
        }
        QSqlQuery q(m_store.database());
        q.prepare(QStringLiteral("UPDATE sync_state SET acked_seq = max(acked_seq, ?)"));
        q.addBindValue(nextSeq);
        if (!q.exec())
            return writeError(q);
        return refold(touched);
    });
}

Result<QStringList> SyncRepository::touchedByMaster(const MasterApplied& applied) const
{
    QStringList out;
    QSqlQuery q(m_store.database());
    for (int year : applied.noticeYears) {
        // Any clock whose counting reaches into the notice's year (or the neighbours it lists),
        // as the calendar import finds them (CaseStore::importCalendar).
        q.prepare(QStringLiteral("SELECT DISTINCT case_id FROM case_clocks WHERE deadline >= ? "
                                 "AND trigger_date <= ?"));
        q.addBindValue(QStringLiteral("%1-01-01").arg(year - 1));
        q.addBindValue(QStringLiteral("%1-12-31").arg(year + 1));
        if (!q.exec())
            return readError(q);
        while (q.next())
            if (const QString id = q.value(0).toString(); !out.contains(id))
                out.append(id);
    }
    if (applied.catalogChanged) {
        if (!q.exec(QStringLiteral("SELECT DISTINCT case_id FROM events WHERE case_id NOT IN "
                                   "(SELECT case_id FROM cases)")))
            return readError(q);
        while (q.next())
            if (const QString id = q.value(0).toString(); !out.contains(id))
                out.append(id);
    }
    return out;
}

Result<int> SyncRepository::applyPull(const QList<PulledEvent>& page, qint64 nextCursor,
                                      const PulledMaster& master,
                                      const std::function<Status()>& alongside)
{
    int inserted = 0;
    m_lastMaster = {};
    const Status status = m_store.transaction([&]() -> Status {
        QSqlDatabase db = m_store.database();
        // Master data first: the page's events are folded with the hall's calendar and catalog.
        QString ownDevice;
        if (!master.revokedDevices.isEmpty()) {
            auto s = state();
            if (!s)
                return s.error();
            ownDevice = *s ? (*s)->deviceId : QString();
        }
        // Decision 8: what this store authored before it joined gives way to the hall's (also
        // in a store enrolled before it did, whose pulls had stopped on the conflict).
        if (auto yielded = yieldLocalCatalog(m_store, master.items); !yielded)
            return yielded.error();
        if (!master.users.isEmpty())
            if (Status s = markLocalUsersYielding(m_store); !s)
                return s;
        auto applied = writePulledMaster(m_store, master, ownDevice);
        if (!applied)
            return applied.error();
        m_lastMaster = *applied;
        if (applied->calendarChanged)
            if (Status s = m_cases.reloadCalendar(); !s)
                return s;
        QSqlQuery insert(db);
        insert.prepare(QStringLiteral("INSERT INTO events (%1, sync_state) VALUES (?, ?, ?, ?, ?, "
                                      "?, ?, ?, ?, ?, ?, ?) "
                                      "ON CONFLICT (device_id, device_seq) DO NOTHING")
                           .arg(kEventWriteColumns));
        QSqlQuery stored(db);
        stored.prepare(
            QStringLiteral("SELECT event_id FROM events WHERE device_id = ? AND device_seq = ?"));
        QSqlQuery place(db), flag(db);
        place.prepare(kInsertPlacement);
        flag.prepare(kInsertTimeFlag);
        QStringList touched;
        for (const PulledEvent& p : page) {
            const Event& e = p.event;
            const core::EventEnvelopeText text = core::envelopeText(e);
            const QVariant values[] = {e.eventId,
                                       e.caseId,
                                       e.deviceId,
                                       e.deviceSeq,
                                       e.hlc,
                                       e.actorId,
                                       QString::fromUtf8(text.occurredAtUtc),
                                       QString::fromUtf8(text.type),
                                       e.typeVersion,
                                       QString::fromUtf8(text.payload),
                                       core::eventChecksum(text),
                                       p.placement.accepted ? QStringLiteral("synced")
                                                            : QStringLiteral("rejected")};
            for (int i = 0; i < 12; ++i)
                insert.bindValue(i, values[i]);
            if (!insert.exec())
                return writeError(insert);
            if (insert.numRowsAffected() < 1) {
                // Same id: already here (our own, or a page pulled before). Another id under
                // the same (device, sequence) is a fork: refused, nothing stored.
                stored.addBindValue(e.deviceId);
                stored.addBindValue(e.deviceSeq);
                if (!stored.exec() || !stored.next())
                    return readError(stored);
                const QString storedId = stored.value(0).toString();
                stored.finish();
                if (storedId != e.eventId)
                    return Error{QStringLiteral("sync.sequence_conflict"),
                                 QStringLiteral("服务器下发的记录与本机记录冲突：设备 %1 的序号 %2 "
                                                "已被另一条记录使用；本页未保存，请联系管理员")
                                     .arg(e.deviceId)
                                     .arg(e.deviceSeq)};
            } else {
                ++inserted;
            }
            if (Status s = writePlacement(place, p.placement); !s)
                return s;
            if (p.timeFlag) // decision 7, beside the placement
                if (Status s = writeTimeFlag(flag, p.placement, *p.timeFlag); !s)
                    return s;
            if (!touched.contains(e.caseId))
                touched.append(e.caseId);
        }
        auto more = touchedByMaster(*applied);
        if (!more)
            return more.error();
        for (const QString& id : std::as_const(*more))
            if (!touched.contains(id))
                touched.append(id);
        QSqlQuery q(db);
        // The cursor never goes back.
        q.prepare(QStringLiteral("UPDATE sync_state SET cursor = max(cursor, ?)"));
        q.addBindValue(nextCursor);
        if (!q.exec())
            return writeError(q);
        if (alongside)
            if (Status s = alongside(); !s)
                return s;
        return m_deferFold ? Status{} : refold(touched);
    });
    if (!status) {
        // Nothing of the page was stored: the calendar in memory is the stored one again.
        if (m_lastMaster.calendarChanged)
            m_cases.reloadCalendar();
        m_lastMaster = {};
        return status.error();
    }
    return inserted;
}

Status SyncRepository::setAckedSeq(qint64 seq)
{
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral("UPDATE sync_state SET acked_seq = ?"));
    q.addBindValue(std::max<qint64>(1, seq));
    if (!q.exec())
        return writeError(q);
    return {};
}

Status SyncRepository::markStopped(const QString& code, const QString& message)
{
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral("UPDATE sync_state SET stopped_code = ?, stopped_message = ?"));
    q.addBindValue(text(code));
    q.addBindValue(text(message));
    if (!q.exec())
        return writeError(q);
    return {};
}

Status SyncRepository::markSynced(const QDateTime& atUtc)
{
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral("UPDATE sync_state SET last_sync_utc = ?"));
    q.addBindValue(QString::fromUtf8(core::canonicalTimeText(atUtc)));
    if (!q.exec())
        return writeError(q);
    return {};
}

Status SyncRepository::markRetired(const QString& atUtc)
{
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral("UPDATE sync_state SET retired_at_utc = ?"));
    q.addBindValue(text(atUtc));
    if (!q.exec())
        return writeError(q);
    return {};
}

Result<QList<Placement>> SyncRepository::rejectedOwn() const
{
    QSqlQuery q(m_store.database());
    if (!q.exec(
            QStringLiteral("SELECT p.event_id, p.case_id, p.hall_seq, p.reason_code, p.reason, "
                           "p.winner FROM placement p CROSS JOIN events e ON e.case_id = p.case_id "
                           "AND e.event_id = p.event_id "
                           "WHERE p.verdict = 'rejected' AND e.device_id = (SELECT device_id "
                           "FROM sync_state) ORDER BY p.hall_seq DESC")))
        return readError(q);
    QList<Placement> out;
    while (q.next())
        out.append(Placement{q.value(0).toString(), q.value(1).toString(), q.value(2).toLongLong(),
                             false, q.value(3).toString(), q.value(4).toString(),
                             q.value(5).toString()});
    return out;
}

} // namespace onewindow::store
