#include "sync/MasterRecords.h"

#include "core/BackOffices.h"
#include "core/CatalogJson.h"
#include "core/HallZone.h"
#include "core/SyncMessages.h"

#include <QJsonDocument>

namespace onewindow::sync {

namespace {

const QString kUser = QStringLiteral("user");
const QString kCalendar = QStringLiteral("calendar.notice");
const QString kItem = QStringLiteral("catalog.item");
const QString kSettings = QStringLiteral("hall.settings");
const QString kRevoked = QStringLiteral("device.revoked");
const QString kBackOffices = QStringLiteral("hall.back_offices");

core::Status readUser(const QJsonObject& record, const QJsonObject& b, qint64 hallSeq,
                      store::PulledMaster& into)
{
    store::PulledUser u;
    u.hallSeq = hallSeq;
    u.userId = b.value(QStringLiteral("userId")).toString();
    u.login = b.value(QStringLiteral("login")).toString();
    u.displayName = b.value(QStringLiteral("displayName")).toString();
    u.role = b.value(QStringLiteral("role")).toString();
    u.windowCode = b.value(QStringLiteral("window")).toString();
    u.verifier = b.value(QStringLiteral("verifier")).toString();
    u.active = b.value(QStringLiteral("active")).toBool(true);
    u.recordedAtUtc = record.value(QStringLiteral("recorded_at")).toString();
    if (u.userId.isEmpty() || u.login.isEmpty() ||
        !QStringList{QStringLiteral("clerk"), QStringLiteral("supervisor"),
                     QStringLiteral("administrator")}
             .contains(u.role))
        return core::sync::badAnswer(
            QStringLiteral("用户记录 %1 缺少编号、登录名或角色").arg(u.userId));
    into.users.append(u);
    return {};
}

core::Status readNotice(const QJsonObject& record, const QJsonObject& b, store::PulledMaster& into)
{
    const QString source = b.value(QStringLiteral("source")).toString();
    const core::NoticeParse parsed = core::parseHolidayNotice(
        QJsonDocument(b.value(QStringLiteral("notice")).toObject()).toJson(),
        source.isEmpty() ? QStringLiteral("大厅服务器") : source);
    if (!parsed.ok())
        return core::sync::badAnswer(QStringLiteral("节假日通知记录 %1 无法读取：%2")
                                         .arg(record.value(QStringLiteral("key")).toString(),
                                              parsed.errors.first().message));
    // A notice "not published" (no papers, no days) never replaces the prediction or a notice.
    if (parsed.notice.published())
        into.notices.append(parsed.notice);
    return {};
}

core::Status readItem(const QJsonObject& record, const QJsonObject& b, store::PulledMaster& into)
{
    QList<core::Error> errors;
    store::PulledItem p;
    p.item = core::itemFromJson(b, errors);
    if (errors.isEmpty())
        errors = core::validateItem(p.item);
    p.version = record.value(QStringLiteral("version")).toInt(0);
    p.recordedAtUtc = record.value(QStringLiteral("recorded_at")).toString();
    if (!errors.isEmpty())
        return core::sync::badAnswer(
            QStringLiteral("事项记录 %1 无法读取：%2")
                .arg(record.value(QStringLiteral("key")).toString(), errors.first().message));
    if (p.version < 1 || p.item.code != record.value(QStringLiteral("key")).toString())
        return core::sync::badAnswer(
            QStringLiteral("事项记录 %1 缺少版本号或编码不符").arg(p.item.code));
    into.items.append(p);
    return {};
}

// The hall's fields of a settings record onto the window's settings; the window code stays its
// own. Keys absent keep what the window holds.
core::Status readSettings(const QJsonObject& b, const core::HallSettings& window,
                          store::PulledMaster& into)
{
    core::HallSettings s = into.settings.value_or(window);
    const QString& hallCode = window.hallCode;
    const QString code = b.value(QStringLiteral("hallCode")).toString();
    if (!code.isEmpty() && code != hallCode)
        return core::sync::badAnswer(
            QStringLiteral("下发了另一大厅（%1）的设置，本工作站属于 %2").arg(code, hallCode));
    if (b.contains(QStringLiteral("hallName")))
        s.hallName = b.value(QStringLiteral("hallName")).toString();
    if (b.contains(QStringLiteral("zone"))) { // F5: checked as written, before Qt reads it
        const QString zone = b.value(QStringLiteral("zone")).toString();
        if (core::Status z = core::checkHallZone(zone); !z)
            return core::sync::badAnswer(
                QStringLiteral("大厅设置记录无法采用：%1").arg(z.error().message));
        s.zone = QTimeZone(zone.toUtf8());
    }
    const auto time = [&](const char* key, QTime& out) {
        if (b.contains(QLatin1String(key)))
            out =
                QTime::fromString(b.value(QLatin1String(key)).toString(), QStringLiteral("HH:mm"));
    };
    time("officeOpen", s.officeOpen);
    time("officeClose", s.officeClose);
    const auto number = [&](const char* key, int& out) {
        if (b.contains(QLatin1String(key)))
            out = b.value(QLatin1String(key)).toInt(-1);
    };
    number("idleLockMinutes", s.idleLockMinutes);
    number("followUpDays", s.followUpDays);
    number("offlineSignInHours", s.offlineSignInHours);
    number("maxClockGapSeconds", s.maxClockGapSeconds);
    if (const QList<core::Error> errors = core::validateHallSettings(s); !errors.isEmpty())
        return core::sync::badAnswer(
            QStringLiteral("大厅设置记录无法采用：%1").arg(errors.first().message));
    into.settings = s;
    return {};
}

} // namespace

bool isMasterKind(const QString& kind)
{
    return kind == kUser || kind == kCalendar || kind == kItem || kind == kSettings ||
           kind == kRevoked || kind == kBackOffices;
}

core::Status readMasterRecord(const QJsonObject& record, qint64 hallSeq,
                              const core::HallSettings& window, store::PulledMaster& into)
{
    const QString kind = record.value(QStringLiteral("kind")).toString();
    const QJsonObject body = record.value(QStringLiteral("body")).toObject();
    if (kind == kUser)
        return readUser(record, body, hallSeq, into);
    if (kind == kCalendar)
        return readNotice(record, body, into);
    if (kind == kItem)
        return readItem(record, body, into);
    if (kind == kSettings)
        return readSettings(body, window, into);
    if (kind == kRevoked) {
        QString id = body.value(QStringLiteral("deviceId")).toString();
        if (id.isEmpty())
            id = record.value(QStringLiteral("key")).toString();
        into.revokedDevices.append(id);
        return {};
    }
    if (kind == kBackOffices) { // the whole list: a later version on the page replaces it
        auto names = core::backOfficesFromJson(body);
        if (!names)
            return core::sync::badAnswer(names.error().message);
        into.backOffices = *names;
        return {};
    }
    return core::sync::badAnswer(QStringLiteral("未知的主数据类型 %1").arg(kind));
}

} // namespace onewindow::sync
