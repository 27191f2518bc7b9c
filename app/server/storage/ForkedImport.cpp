#include "server/storage/ForkedImport.h"

#include "server/Credentials.h"
#include "server/storage/Ledger.h"
#include "server/storage/Registry.h"

#include "core/EventChecksum.h"
#include "core/SyncProtocol.h"

#include <QCryptographicHash>
#include <QHash>
#include <QJsonArray>

namespace onewindow::server {

namespace {

using core::Error;
using core::sync::WireEvent;

constexpr int kChunk = 200; // events per push: well under the protocol's 500

Error refusal(const char* code, const QString& message)
{
    return Error{QString::fromLatin1(code), message};
}

// Every string of `value` that names a re-keyed event names its new id: case heads, the event a
// document evidences, the order an answer answers.
QJsonValue rekeyed(const QJsonValue& value, const QHash<QString, QString>& ids)
{
    if (value.isString()) {
        const auto it = ids.constFind(value.toString());
        return it == ids.constEnd() ? value : QJsonValue(*it);
    }
    if (value.isArray()) {
        QJsonArray out;
        for (const QJsonValue& v : value.toArray())
            out.append(rekeyed(v, ids));
        return out;
    }
    if (value.isObject()) {
        QJsonObject out;
        const QJsonObject o = value.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            out.insert(it.key(), rekeyed(it.value(), ids));
        return out;
    }
    return value;
}

} // namespace

core::Result<ForkedImport::Plan> ForkedImport::plan(const QString& sourceDeviceId,
                                                    const core::sync::PendingExport& file,
                                                    const QByteArray& fileSha256)
{
    Plan p;
    QSqlQuery q = m_db.query();
    if (!m_db.run(q,
                  QStringLiteral("SELECT %1 FROM devices WHERE device_id = ?")
                      .arg(QLatin1String(kDeviceColumns)),
                  {sourceDeviceId}))
        return databaseError(m_db.lastError());
    if (!q.next())
        return refusal(
            "import.device_unknown",
            QStringLiteral("没有编号为 %1 的设备（用 device list 查看）").arg(sourceDeviceId));
    p.source = deviceFromRow(q);
    q.finish();
    if (p.source.revokedAt.isEmpty() && p.source.stoppedReason.isEmpty() &&
        p.source.retiredAt.isEmpty())
        return refusal("import.device_active",
                       QStringLiteral("设备 %1 仍在使用：它待上传的记录由它自己同步上传，不必导入")
                           .arg(sourceDeviceId));
    if (file.deviceId != sourceDeviceId)
        return refusal("import.wrong_device", QStringLiteral("文件是设备 %1 导出的，不是设备 %2 的")
                                                  .arg(file.deviceId, sourceDeviceId));
    if (file.hallCode != p.source.hallCode)
        return refusal("import.wrong_hall",
                       QStringLiteral("文件属于大厅 %1，设备 %2 属于大厅 %3")
                           .arg(file.hallCode, sourceDeviceId, p.source.hallCode));
    p.importDeviceId =
        QStringLiteral("import-") +
        QString::fromLatin1(QCryptographicHash::hash(sourceDeviceId.toUtf8() + ':' + fileSha256,
                                                     QCryptographicHash::Sha256)
                                .toHex()
                                .left(20));
    ImportReport& r = p.report;
    r.importDeviceId = p.importDeviceId;
    r.sourceDeviceId = sourceDeviceId;
    r.hallCode = p.source.hallCode;
    r.inFile = static_cast<int>(file.events.size());

    const auto stored = [&](const QString& eventId) -> core::Result<std::optional<QStringList>> {
        QSqlQuery s = m_db.query();
        if (!m_db.run(s,
                      QStringLiteral("SELECT checksum, verdict, hall_seq, reason_code, reason, "
                                     "winner_event_id FROM events WHERE hall_code = ? AND "
                                     "event_id = ? ORDER BY hall_seq LIMIT 1"),
                      {p.source.hallCode, eventId}))
            return databaseError(m_db.lastError());
        if (!s.next())
            return std::optional<QStringList>();
        QStringList row;
        for (int c = 0; c < 6; ++c)
            row.append(s.value(c).toString());
        return std::optional<QStringList>(row);
    };
    const auto fill = [](ImportedEvent& e, const QStringList& row) {
        e.state = row[1];
        e.hallSeq = row[2].toLongLong();
        e.reasonCode = row[3];
        e.reason = row[4];
        e.winner = row[5];
    };

    QHash<QString, QString> ids; // original id -> id in the hall, for what the hall lacks
    QList<WireEvent> read;
    qint64 lastSeq = 0;
    for (qsizetype i = 0; i < file.events.size(); ++i) {
        auto w = core::sync::eventFromWire(file.events[i]);
        if (!w)
            return refusal(
                "import.bad_file",
                QStringLiteral("第 %1 条记录无法读取：%2").arg(i + 1).arg(w.error().message));
        if (w->fault)
            return refusal("import.bad_file", QStringLiteral("第 %1 条记录（%2）：%3")
                                                  .arg(i + 1)
                                                  .arg(w->eventId, w->fault->message));
        const bool system = core::isSystemDevice(w->deviceId);
        if (!system && w->deviceId != sourceDeviceId)
            return refusal("import.bad_file",
                           QStringLiteral("第 %1 条记录是设备 %2 的，不是设备 %3 的")
                               .arg(i + 1)
                               .arg(w->deviceId, sourceDeviceId));
        if (!system) {
            if (w->deviceSeq <= lastSeq)
                return refusal("import.bad_file",
                               QStringLiteral("第 %1 条记录的设备序号 %2 未按顺序排列")
                                   .arg(i + 1)
                                   .arg(w->deviceSeq));
            lastSeq = w->deviceSeq;
        }
        ImportedEvent e;
        e.sourceSeq = system ? 0 : w->deviceSeq;
        e.sourceEventId = w->eventId;
        e.eventId = w->eventId;
        e.type = w->type;
        e.caseId = w->caseId;
        auto held = stored(w->eventId);
        if (!held)
            return held.error();
        if (*held) {
            if ((**held)[0] != w->checksum)
                return refusal("import.conflict",
                               QStringLiteral("第 %1 条记录（%2）与大厅已有的同一记录内容不同："
                                              "文件被改动过，不能导入")
                                   .arg(i + 1)
                                   .arg(w->eventId));
            fill(e, **held);
            e.state = QStringLiteral("held");
            ++r.alreadyHeld;
        } else if (!system) {
            e.eventId = core::nameBasedEventId(QStringLiteral("fork/") + w->eventId);
            ids.insert(w->eventId, e.eventId);
            auto before = stored(e.eventId); // imported by an earlier run of this import
            if (!before)
                return before.error();
            if (*before)
                fill(e, **before);
        }
        if (e.state.isEmpty()) {
            e.state = QStringLiteral("new");
            if (system) {
                p.system.append(*w);
                p.systemSlots.append(r.events.size());
            } else {
                p.fresh.append(*w->event);
                p.freshSlots.append(r.events.size());
            }
        } else if (e.state == QLatin1String("accepted")) {
            ++r.accepted;
        } else if (e.state == QLatin1String("rejected")) {
            ++r.rejected;
        }
        r.events.append(e);
    }
    for (qsizetype k = 0; k < p.fresh.size(); ++k) {
        core::Event& e = p.fresh[k];
        QJsonObject payload = rekeyed(e.payload, ids).toObject();
        payload.insert(QStringLiteral("importedFrom"),
                       QJsonObject{{QStringLiteral("eventId"), e.eventId},
                                   {QStringLiteral("deviceId"), e.deviceId},
                                   {QStringLiteral("deviceSeq"), e.deviceSeq}});
        e.payload = payload;
        e.eventId = ids.value(e.eventId);
        e.deviceId = p.importDeviceId;
    }
    return p;
}

core::Result<ImportReport> ForkedImport::check(const QString& sourceDeviceId,
                                               const core::sync::PendingExport& file,
                                               const QByteArray& fileSha256)
{
    auto p = plan(sourceDeviceId, file, fileSha256);
    if (!p)
        return p.error();
    return p->report;
}

core::Result<Device> ForkedImport::importDevice(const Plan& p, const QByteArray& fileSha256,
                                                const QString& by, const QString& reason)
{
    if (!m_db.begin())
        return databaseError(m_db.lastError());
    const auto fail = [&]() -> core::Error {
        const QString why = m_db.lastError();
        m_db.rollback();
        return databaseError(why);
    };
    QSqlQuery q = m_db.query();
    if (!m_db.run(q,
                  QStringLiteral("SELECT %1 FROM devices WHERE device_id = ?")
                      .arg(QLatin1String(kDeviceColumns)),
                  {p.importDeviceId}))
        return fail();
    if (q.next()) { // an earlier run of this import stopped half-way: go on where it stopped
        Device d = deviceFromRow(q);
        q.finish();
        m_db.rollback();
        return d;
    }
    q.finish();
    const QString at = QString::fromUtf8(core::canonicalTimeText(m_clock.nowUtc()));
    if (!m_db.run(q, QStringLiteral("SELECT last_contact_at FROM devices WHERE device_id = ?"),
                  {p.source.deviceId}) ||
        !q.next())
        return fail();
    // The source's last contact: the forked events were recorded after it, and are not flagged
    // for that (decision 7); they are flagged only when recorded after the import itself.
    const QString contact = q.value(0).toString();
    q.finish();
    Device d = p.source;
    d.deviceId = p.importDeviceId;
    d.name = QStringLiteral("导入：%1").arg(p.source.name);
    d.enrolledAt = at;
    d.revokedAt.clear();
    d.stoppedReason.clear();
    d.retiredAt.clear();
    d.retiredBy.clear();
    d.nextSeq = 1;
    d.foldVersion = core::sync::kFoldVersion;
    if (!m_db.run(q,
                  QStringLiteral("INSERT INTO devices (device_id, hall_code, window_code, role, "
                                 "department, name, token_hash, enrolled_at, next_seq, "
                                 "last_contact_at, fold_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
                                 "1, ?, ?)"),
                  {d.deviceId, d.hallCode, d.windowCode, d.role, d.department, d.name,
                   hashSecret(newDeviceToken()), at, contact, d.foldVersion}) ||
        !m_db.run(q,
                  QStringLiteral("INSERT INTO device_imports (import_device_id, hall_code, "
                                 "source_device_id, imported_by, reason, file_sha256, "
                                 "started_at, events_in_file) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
                  {d.deviceId, d.hallCode, p.source.deviceId, by, reason,
                   QString::fromLatin1(fileSha256), at, p.report.inFile}))
        return fail();
    if (!m_db.commit())
        return databaseError(m_db.lastError());
    return d;
}

core::Status ForkedImport::finish(const Plan& p, const ImportReport& r)
{
    QSqlQuery q = m_db.query();
    if (!m_db.run(q,
                  QStringLiteral("UPDATE device_imports SET finished_at = ?, already_held = ?, "
                                 "accepted = ?, rejected = ? WHERE import_device_id = ?"),
                  {QString::fromUtf8(core::canonicalTimeText(m_clock.nowUtc())), r.alreadyHeld,
                   r.accepted, r.rejected, p.importDeviceId}))
        return databaseError(m_db.lastError());
    return {};
}

core::Result<ImportReport> ForkedImport::run(const QString& sourceDeviceId,
                                             const core::sync::PendingExport& file,
                                             const QByteArray& fileSha256, const QString& by,
                                             const QString& reason)
{
    if (by.trimmed().isEmpty() || reason.trimmed().isEmpty())
        return refusal("import.unsigned",
                       QStringLiteral("导入须写明办理人（--by）和理由（--reason），以备审计"));
    auto p = plan(sourceDeviceId, file, fileSha256);
    if (!p)
        return p.error();
    ImportReport report = p->report;
    if (p->fresh.isEmpty() && p->system.isEmpty())
        return report; // nothing the hall lacks: nothing written
    auto device = importDevice(*p, fileSha256, by.trimmed(), reason.trimmed());
    if (!device)
        return device.error();

    // The file's order, the import device's sequence continuing where it stands.
    QList<std::pair<qsizetype, WireEvent>> batch;
    qint64 seq = device->nextSeq;
    qsizetype f = 0, s = 0;
    while (f < p->fresh.size() || s < p->system.size()) {
        const bool takeSystem =
            f >= p->fresh.size() || (s < p->system.size() && p->systemSlots[s] < p->freshSlots[f]);
        if (takeSystem) {
            batch.append({p->systemSlots[s], p->system[s]});
            ++s;
            continue;
        }
        core::Event e = p->fresh[f];
        e.deviceSeq = seq++;
        auto w = core::sync::eventFromWire(core::sync::eventToWire(e));
        if (!w)
            return w.error();
        batch.append({p->freshSlots[f], *w});
        ++f;
    }
    Ledger ledger(m_db, m_clock);
    for (qsizetype from = 0; from < batch.size(); from += kChunk) {
        QList<WireEvent> chunk;
        QHash<QString, qsizetype> slotOf;
        for (qsizetype i = from; i < std::min(batch.size(), from + kChunk); ++i) {
            chunk.append(batch[i].second);
            slotOf.insert(batch[i].second.eventId, batch[i].first);
        }
        PushOutcome out = ledger.push(device->deviceId, chunk);
        if (out.error)
            return *out.error; // what went in stays in; the same command goes on from there
        for (const EventAnswer& a : out.answers) {
            ImportedEvent& e = report.events[slotOf.value(a.eventId)];
            e.eventId = a.eventId;
            e.state = a.accepted ? QStringLiteral("accepted") : QStringLiteral("rejected");
            e.hallSeq = a.hallSeq;
            e.reasonCode = a.reasonCode;
            e.reason = a.reason;
            e.winner = a.winner;
            ++(a.accepted ? report.accepted : report.rejected);
        }
    }
    // Its work done, the import's device takes nothing more (and hands on what it holds).
    Registry registry(m_db, m_clock);
    if (core::Status retired = registry.retire(device->deviceId);
        !retired && retired.error().code != QLatin1String("device.unknown"))
        return retired.error();
    if (core::Status done = finish(*p, report); !done)
        return done.error();
    m_db.notifyHallMoved(report.hallCode);
    return report;
}

core::Result<QList<ImportRecord>> ForkedImport::list(const QString& hallCode)
{
    QSqlQuery q = m_db.query();
    if (!m_db.run(q,
                  QStringLiteral("SELECT import_device_id, hall_code, source_device_id, "
                                 "imported_by, reason, file_sha256, started_at, finished_at, "
                                 "events_in_file, already_held, accepted, rejected FROM "
                                 "device_imports WHERE ? = '' OR hall_code = ? ORDER BY "
                                 "started_at, import_device_id"),
                  {hallCode, hallCode}))
        return databaseError(m_db.lastError());
    QList<ImportRecord> out;
    while (q.next()) {
        ImportRecord r;
        r.importDeviceId = q.value(0).toString();
        r.hallCode = q.value(1).toString();
        r.sourceDeviceId = q.value(2).toString();
        r.importedBy = q.value(3).toString();
        r.reason = q.value(4).toString();
        r.fileSha256 = q.value(5).toString();
        r.startedAt = q.value(6).toString();
        r.finishedAt = q.value(7).toString();
        r.inFile = q.value(8).toInt();
        r.alreadyHeld = q.value(9).toInt();
        r.accepted = q.value(10).toInt();
        r.rejected = q.value(11).toInt();
        out.append(r);
    }
    return out;
}

} // namespace onewindow::server
