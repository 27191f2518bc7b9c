#include "server/storage/Registry.h"

#include "server/storage/BackOfficeList.h"

#include "core/EventChecksum.h"
#include "core/HallZone.h"
#include "core/HolidayNotice.h"
#include "core/Identifiers.h"
#include "core/SyncProtocol.h"
#include "server/Credentials.h"
#include "server/ServerMade.h"
#include "server/storage/FoldVersions.h"
#include "server/storage/MasterData.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QTimeZone>
#include <QUuid>

namespace onewindow::server {

using core::Error;
using core::Result;

const char* const kDeviceColumns =
    "device_id, hall_code, window_code, role, department, name, enrolled_at, "
    "COALESCE(revoked_at, ''), COALESCE(stopped_reason, ''), next_seq, fold_version, "
    "COALESCE(retired_at, ''), retired_by";

Device deviceFromRow(const QSqlQuery& q)
{
    Device d;
    d.deviceId = q.value(0).toString();
    d.hallCode = q.value(1).toString();
    d.windowCode = q.value(2).toString();
    d.role = q.value(3).toString();
    d.department = q.value(4).toString();
    d.name = q.value(5).toString();
    d.enrolledAt = q.value(6).toString();
    d.revokedAt = q.value(7).toString();
    d.stoppedReason = q.value(8).toString();
    d.nextSeq = q.value(9).toLongLong();
    d.foldVersion = q.value(10).toInt();
    d.retiredAt = q.value(11).toString();
    d.retiredBy = q.value(12).toString();
    return d;
}

QString Registry::now() const
{
    return QString::fromUtf8(core::canonicalTimeText(m_clock.nowUtc()));
}

Result<Hall> Registry::createHall(const QString& code, const QString& name, const QString& zone)
{
    if (core::Status s = core::checkHallCode(code); !s)
        return s.error();
    if (name.trimmed().isEmpty())
        return Error{QStringLiteral("hall.name"), QStringLiteral("请用 --name 写明大厅名称")};
    if (core::Status z = core::checkHallZone(zone); !z) // F5: the one rule, core/HallSettings.h
        return z.error();
    if (hall(code))
        return Error{QStringLiteral("hall.exists"), QStringLiteral("大厅 %1 已存在").arg(code)};
    // The hall starts with its settings and the shipped calendars as the first records of its
    // stream (decision 8), in the transaction that creates it.
    QList<MasterChange> seed{{record::kHallSettings, code,
                              QJsonObject{{QStringLiteral("hallCode"), code},
                                          {QStringLiteral("hallName"), name.trimmed()},
                                          {QStringLiteral("zone"), zone}}}};
    auto shipped = shippedCalendarRecords();
    if (!shipped)
        return shipped.error();
    seed.append(*shipped);
    if (!m_db.begin())
        return databaseError(m_db.lastError());
    QSqlQuery q = m_db.query();
    if (!m_db.run(q,
                  QStringLiteral("INSERT INTO halls (hall_code, name, zone, seq, created_at) "
                                 "VALUES (?, ?, ?, 0, ?)"),
                  {code, name.trimmed(), zone, now()})) {
        const QString why = m_db.lastError();
        m_db.rollback();
        return databaseError(why);
    }
    auto seeded = MasterData(m_db, m_clock).appendLocked(code, seed);
    if (!seeded) {
        m_db.rollback();
        return seeded.error();
    }
    if (!m_db.commit())
        return databaseError(m_db.lastError());
    return Hall{code, name.trimmed(), zone, qint64(seeded->size())};
}

std::optional<Hall> Registry::hall(const QString& code)
{
    QSqlQuery q = m_db.query();
    if (!m_db.run(
            q, QStringLiteral("SELECT hall_code, name, zone, seq FROM halls WHERE hall_code = ?"),
            {code}) ||
        !q.next())
        return std::nullopt;
    return Hall{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                q.value(3).toLongLong()};
}

Result<std::pair<QString, QString>> Registry::createEnrolCode(const CodeRequest& r,
                                                              const QString& fixedCode)
{
    if (!hall(r.hallCode))
        return Error{QStringLiteral("hall.unknown"), QStringLiteral("没有大厅 %1").arg(r.hallCode)};
    if (core::Status s = core::checkWindowCode(r.windowCode); !s)
        return s.error();
    static const QStringList roles{QStringLiteral("window"), QStringLiteral("backoffice"),
                                   QStringLiteral("supervisor")};
    if (!roles.contains(r.role))
        return Error{
            QStringLiteral("enrol.role"),
            QStringLiteral("--role 应为 window、backoffice 或 supervisor：%1").arg(r.role)};
    if (r.role == QLatin1String("backoffice") && r.department.trimmed().isEmpty())
        return Error{QStringLiteral("enrol.department"),
                     QStringLiteral("后台设备须用 --department 写明所属部门")};
    const QString code = fixedCode.isEmpty() ? newEnrolCode() : fixedCode;
    if (normaliseEnrolCode(code).size() < 8)
        return Error{QStringLiteral("enrol.code"), QStringLiteral("登记码至少须有 8 个字母或数字")};
    const QString expires =
        QString::fromUtf8(core::canonicalTimeText(m_clock.nowUtc().addSecs(r.validSeconds)));
    if (!m_db.begin())
        return databaseError(m_db.lastError());
    // A back office's department joins the hall's list with its code, so the windows can forward
    // to it before its PC is enrolled (core/BackOffices.h); a name refused writes no code.
    if (r.role == QLatin1String("backoffice")) {
        MasterData data(m_db, m_clock);
        if (auto listed = BackOfficeList(data).ensureLocked(r.hallCode, r.department); !listed) {
            m_db.rollback();
            return listed.error();
        }
    }
    QSqlQuery q = m_db.query();
    if (!m_db.run(
            q,
            QStringLiteral("INSERT INTO enrol_codes (code_hash, hall_code, window_code, role, "
                           "department, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)"),
            {hashSecret(normaliseEnrolCode(code)), r.hallCode, r.windowCode, r.role,
             r.department.trimmed(), now(), expires}) ||
        !m_db.commit()) {
        const QString why = m_db.lastError();
        m_db.rollback();
        return databaseError(why);
    }
    return std::pair{code, expires};
}

Result<Enrolment> Registry::enrol(const QString& code, const QString& deviceName, int fold)
{
    if (deviceName.trimmed().isEmpty() || deviceName.size() > 200)
        return core::sync::badRequest(QStringLiteral("device_name 须为 1–200 个字符"));
    if (!m_db.begin())
        return databaseError(m_db.lastError());
    QSqlQuery q = m_db.query();
    // The code's row is locked: two enrolments with one code cannot both see it unused.
    if (!m_db.run(q,
                  QStringLiteral("SELECT hall_code, window_code, role, department, expires_at, "
                                 "COALESCE(used_at, '') FROM enrol_codes WHERE code_hash = ?") +
                      m_db.dialect().lockSuffix,
                  {hashSecret(normaliseEnrolCode(code))})) {
        m_db.rollback();
        return databaseError(m_db.lastError());
    }
    // An unknown code and a used one answer alike: no oracle for guessing.
    if (!q.next() || !q.value(5).toString().isEmpty()) {
        m_db.rollback();
        return core::sync::codeInvalid();
    }
    if (q.value(4).toString() <= now()) {
        m_db.rollback();
        return core::sync::codeExpired();
    }
    // Decision 10: a fold older than what the hall holds is told to upgrade, its code kept.
    const QString hallCode = q.value(0).toString();
    auto floor = FoldVersions(m_db).floorOf(hallCode);
    if (!floor || fold < *floor) {
        m_db.rollback();
        return floor ? core::sync::foldBehindHall(fold, *floor) : floor.error();
    }
    Enrolment e;
    e.device.deviceId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    e.device.hallCode = q.value(0).toString();
    e.device.windowCode = q.value(1).toString();
    e.device.role = q.value(2).toString();
    e.device.department = q.value(3).toString();
    e.device.name = deviceName.trimmed();
    e.device.enrolledAt = now();
    e.token = newDeviceToken();
    QSqlQuery w = m_db.query();
    // Decision 5: one active device per window code. The window's device until now is retired in
    // this transaction (decision 9): what it recorded before now is still taken, nothing later,
    // and the server takes back its holds.
    if (!m_db.run(
            w,
            QStringLiteral("UPDATE devices SET retired_at = ?, retired_by = ? WHERE "
                           "hall_code = ? AND window_code = ? AND revoked_at IS NULL AND "
                           "retired_at IS NULL RETURNING device_id"),
            {e.device.enrolledAt, e.device.deviceId, e.device.hallCode, e.device.windowCode})) {
        m_db.rollback();
        return databaseError(m_db.lastError());
    }
    QStringList replaced;
    while (w.next())
        replaced.append(w.value(0).toString());
    w.finish();
    if (core::Status s = releaseHolds(e.device.hallCode, replaced, QStringLiteral("停用")); !s) {
        m_db.rollback();
        return s.error();
    }
    const bool ok =
        m_db.run(
            w,
            QStringLiteral("UPDATE enrol_codes SET used_at = ?, device_id = ? WHERE code_hash = ?"),
            {now(), e.device.deviceId, hashSecret(normaliseEnrolCode(code))}) &&
        m_db.run(w,
                 QStringLiteral("INSERT INTO devices (device_id, hall_code, window_code, role, "
                                "department, name, token_hash, enrolled_at, next_seq, "
                                "last_contact_at, fold_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
                                "1, ?, ?)"),
                 {e.device.deviceId, e.device.hallCode, e.device.windowCode, e.device.role,
                  e.device.department, e.device.name, hashSecret(e.token), e.device.enrolledAt,
                  e.device.enrolledAt, fold});
    e.device.foldVersion = fold;
    if (!ok) {
        const QString why = m_db.lastError();
        m_db.rollback();
        return databaseError(why);
    }
    if (!m_db.commit())
        return databaseError(m_db.lastError());
    e.hall = *hall(e.device.hallCode);
    // Decision 5: the highest case and document numbers this window has issued, so a window
    // enrolled again (a new PC) never issues one of them twice.
    auto numbers = issuedNumbers(e.hall.code, e.device.windowCode);
    if (!numbers)
        return numbers.error();
    e.numbers = *numbers;
    if (auto settings =
            MasterData(m_db, m_clock).latestOf(e.hall.code, record::kHallSettings, e.hall.code))
        e.profile = settings->body;
    return e;
}

std::optional<Device> Registry::deviceByToken(const QString& token)
{
    QSqlQuery q = m_db.query();
    if (!m_db.run(q,
                  QStringLiteral("SELECT %1 FROM devices WHERE token_hash = ?")
                      .arg(QLatin1String(kDeviceColumns)),
                  {hashSecret(token)}) ||
        !q.next())
        return std::nullopt;
    return deviceFromRow(q);
}

Result<QList<Device>> Registry::devices(const QString& hallCode)
{
    QSqlQuery q = m_db.query();
    const QString order = QStringLiteral(" ORDER BY hall_code, window_code, enrolled_at");
    const QString all = QStringLiteral("SELECT %1 FROM devices").arg(QLatin1String(kDeviceColumns));
    const bool ok =
        hallCode.isEmpty()
            ? m_db.run(q, all + order)
            : m_db.run(q, all + QStringLiteral(" WHERE hall_code = ?") + order, {hallCode});
    if (!ok)
        return databaseError(m_db.lastError());
    QList<Device> out;
    while (q.next())
        out.append(deviceFromRow(q));
    if (auto failed = stepError(q))
        return *failed;
    return out;
}

core::Status Registry::revoke(const QString& deviceId)
{
    // The revocation is a record of the hall's stream too, so every window of the hall learns it
    // on its next pull (decision 9).
    if (!m_db.begin())
        return databaseError(m_db.lastError());
    const QString at = now();
    QSqlQuery q = m_db.query();
    if (!m_db.run(q,
                  QStringLiteral("UPDATE devices SET revoked_at = ? WHERE device_id = ? AND "
                                 "revoked_at IS NULL RETURNING hall_code, window_code"),
                  {at, deviceId}) ||
        !q.next()) {
        const QString why = m_db.lastError();
        m_db.rollback();
        if (!why.isEmpty())
            return databaseError(why);
        return Error{QStringLiteral("device.unknown"),
                     QStringLiteral("没有未吊销的设备 %1（用 device list 查看）").arg(deviceId)};
    }
    const QString hallCode = q.value(0).toString();
    const QJsonObject body{{QStringLiteral("deviceId"), deviceId},
                           {QStringLiteral("window"), q.value(1).toString()},
                           {QStringLiteral("revokedAt"), at}};
    q.finish();
    auto written = MasterData(m_db, m_clock)
                       .appendLocked(hallCode, {{record::kDeviceRevoked, deviceId, body}});
    if (!written) {
        m_db.rollback();
        return written.error();
    }
    // Decision 9: its holds are taken back in the same transaction.
    if (core::Status s = releaseHolds(hallCode, {deviceId}, QStringLiteral("吊销")); !s) {
        m_db.rollback();
        return s;
    }
    if (!m_db.commit())
        return databaseError(m_db.lastError());
    return {};
}

core::Status Registry::retire(const QString& deviceId)
{
    if (!m_db.begin())
        return databaseError(m_db.lastError());
    QSqlQuery q = m_db.query();
    if (!m_db.run(q,
                  QStringLiteral("UPDATE devices SET retired_at = ?, retired_by = '' WHERE "
                                 "device_id = ? AND revoked_at IS NULL AND retired_at IS NULL "
                                 "RETURNING hall_code"),
                  {now(), deviceId})) {
        const QString why = m_db.lastError();
        m_db.rollback();
        return databaseError(why);
    }
    if (!q.next()) {
        m_db.rollback();
        return Error{QStringLiteral("device.unknown"),
                     QStringLiteral("没有在用的设备 %1（已停用或已吊销的设备不能再停用；用 device "
                                    "list 查看）")
                         .arg(deviceId)};
    }
    const QString hallCode = q.value(0).toString();
    q.finish();
    // Decision 9: its holds are taken back in the same transaction.
    if (core::Status s = releaseHolds(hallCode, {deviceId}, QStringLiteral("停用")); !s) {
        m_db.rollback();
        return s;
    }
    if (!m_db.commit())
        return databaseError(m_db.lastError());
    return {};
}

core::Status Registry::releaseHolds(const QString& hallCode, const QStringList& deviceIds,
                                    const QString& gone)
{
    m_lastReleased.clear();
    ServerMade made(m_db, m_clock, hallCode);
    for (const QString& id : deviceIds) {
        ServerMade::Report report;
        if (core::Status s = made.releaseHolds(id, gone, report); !s)
            return s;
        m_lastReleased += report.made;
    }
    return {};
}

core::Result<QJsonObject> Registry::issuedNumbers(const QString& hallCode, const QString& window)
{
    QSqlQuery q = m_db.query();
    if (!m_db.run(q,
                  QStringLiteral("SELECT kind, MAX(number) FROM issued_numbers WHERE hall_code = ? "
                                 "AND window_code = ? GROUP BY kind ORDER BY kind"),
                  {hallCode, window}))
        return databaseError(m_db.lastError());
    QJsonObject out;
    while (q.next())
        out.insert(q.value(0).toString(), q.value(1).toString());
    if (auto failed = stepError(q))
        return *failed; // numbers handed down short would be issued again
    return out;
}

core::Result<QList<MasterChange>> shippedCalendarRecords()
{
    QList<MasterChange> out;
    const QDir dir(QStringLiteral(":/resources/calendars"));
    for (const QString& file : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
        QFile f(dir.filePath(file));
        if (!f.open(QIODevice::ReadOnly))
            return Error{
                QStringLiteral("hall.shipped_calendar"),
                QStringLiteral("无法读取程序自带的节假日日历 %1，程序安装可能已损坏").arg(file)};
        const core::NoticeParse parsed = core::parseHolidayNotice(f.readAll(), file);
        if (!parsed.ok())
            return Error{QStringLiteral("hall.shipped_calendar"),
                         QStringLiteral("程序自带的节假日日历 %1 有误（%2）")
                             .arg(file, parsed.errors.first().message)};
        if (parsed.notice.published())
            out.append(calendarRecord(parsed.notice));
    }
    return out;
}

MasterChange calendarRecord(const core::HolidayNotice& notice)
{
    const QJsonObject body{{QStringLiteral("source"), notice.source},
                           {QStringLiteral("notice"),
                            QJsonDocument::fromJson(core::holidayNoticeToJson(notice)).object()}};
    return MasterChange{record::kCalendarNotice, QString::number(notice.year), body};
}

} // namespace onewindow::server
