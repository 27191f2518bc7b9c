#include "server/MasterAuthor.h"

#include "core/CalendarImport.h"
#include "core/CatalogJson.h"
#include "core/HallSettings.h"
#include "core/HallZone.h"
#include "core/HolidayNotice.h"
#include "server/HallRules.h"
#include "server/storage/Registry.h"

#include <QJsonDocument>
#include <QTime>
#include <QTimeZone>
#include <QUuid>

#include <sodium.h>

namespace onewindow::server {

using core::Error;
using core::Result;

namespace {

Error firstOf(const QList<Error>& errors, const QString& fallbackCode)
{
    if (errors.isEmpty())
        return Error{fallbackCode, QStringLiteral("输入有误")};
    QStringList lines;
    for (const Error& e : errors)
        lines.append(e.message);
    return Error{errors.first().code, lines.join(QLatin1Char('\n'))};
}

Error unknownUser(const QString& login)
{
    return Error{QStringLiteral("user.unknown"), QStringLiteral("本大厅没有用户 %1").arg(login)};
}

} // namespace

Result<QString> passwordVerifier(const QString& password)
{
    if (sodium_init() < 0)
        return Error{QStringLiteral("user.crypto"), QStringLiteral("密码组件初始化失败")};
    const QByteArray utf8 = password.toUtf8();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(out, utf8.constData(), static_cast<unsigned long long>(utf8.size()),
                          crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        return Error{QStringLiteral("user.crypto"), QStringLiteral("内存不足，无法计算密码摘要")};
    return QString::fromLatin1(out);
}

Result<QList<MasterRecord>>
MasterAuthor::importCatalog(const QString& hallCode, const QByteArray& json, const QString& source)
{
    const core::CatalogParse parsed = core::parseCatalog(json, source);
    if (!parsed.ok())
        return firstOf(parsed.errors, QStringLiteral("catalog.invalid"));
    QList<MasterChange> changes;
    for (const core::ServiceItem& item : parsed.items)
        changes.append({record::kCatalogItem, item.code, core::itemToJson(item)});
    return m_data.append(hallCode, changes);
}

Result<QList<MasterRecord>> MasterAuthor::importCalendar(const QString& hallCode,
                                                         const QList<QByteArray>& files,
                                                         const QStringList& names)
{
    auto changes = planCalendar(hallCode, files, names);
    if (!changes)
        return changes.error();
    return m_data.append(hallCode, *changes);
}

Result<QList<MasterChange>> MasterAuthor::planCalendar(const QString& hallCode,
                                                       const QList<QByteArray>& files,
                                                       const QStringList& names)
{
    auto stored = m_data.latest(hallCode, record::kCalendarNotice);
    if (!stored)
        return stored.error();
    QList<core::HolidayNotice> notices;
    for (const MasterRecord& r : *stored)
        if (auto n = noticeOf(r))
            notices.append(*n);
    QList<core::CalendarFile> input;
    for (qsizetype i = 0; i < files.size(); ++i)
        input.append({names.value(i), files[i]});
    const core::CalendarImportPlan plan =
        core::planCalendarImport(input, core::WorkingCalendar(notices));
    if (!plan.ok())
        return firstOf(plan.errors, QStringLiteral("calendar.invalid"));
    QList<MasterChange> changes;
    for (const core::HolidayNotice& n : plan.toStore)
        changes.append(calendarRecord(n));
    return changes;
}

std::optional<MasterRecord> MasterAuthor::userByLogin(const QString& hallCode, const QString& login)
{
    auto users = m_data.latest(hallCode, record::kUser);
    if (!users)
        return std::nullopt;
    // A login is one whatever its letters' case: the windows keep their users' logins unique
    // without regard to case (db/local/0005_users.sql, COLLATE NOCASE) and sign in that way, so
    // a second login differing only in case would stop every window's pull (sync.user_conflict).
    for (const MasterRecord& r : *users)
        if (r.body.value(QStringLiteral("login")).toString().compare(login, Qt::CaseInsensitive) ==
            0)
            return r;
    return std::nullopt;
}

Result<MasterRecord> MasterAuthor::addUser(const QString& hallCode, const UserChange& c)
{
    if (core::Status s = core::checkLogin(c.login); !s)
        return s.error();
    if (const std::optional<MasterRecord> held = userByLogin(hallCode, c.login)) {
        const QString heldLogin = held->body.value(QStringLiteral("login")).toString();
        return Error{QStringLiteral("user.exists"),
                     heldLogin == c.login
                         ? QStringLiteral("本大厅已有用户 %1，请换一个登录名").arg(c.login)
                         : QStringLiteral("本大厅已有用户 %1（登录名不区分大小写），请换一个登录名")
                               .arg(heldLogin)};
    }
    if (!c.displayName || !c.role || !c.password)
        return Error{QStringLiteral("user.incomplete"),
                     QStringLiteral("新用户须写明 --name、--role 和 --password-file")};
    UserChange full = c;
    if (!full.window)
        full.window = QString();
    if (!full.active)
        full.active = true;
    if (full.userId.isEmpty())
        full.userId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QJsonObject body{{QStringLiteral("userId"), full.userId}, {QStringLiteral("login"), c.login}};
    return changeUserBody(hallCode, body, full, true);
}

Result<MasterRecord> MasterAuthor::changeUser(const QString& hallCode, const UserChange& c)
{
    const std::optional<MasterRecord> current = userByLogin(hallCode, c.login);
    if (!current)
        return unknownUser(c.login);
    return changeUserBody(hallCode, current->body, c, false);
}

Result<MasterRecord> MasterAuthor::changeUserBody(const QString& hallCode, QJsonObject body,
                                                  const UserChange& c, bool isNew)
{
    if (c.displayName) {
        if (core::Status s = core::checkDisplayName(*c.displayName); !s)
            return s.error();
        body.insert(QStringLiteral("displayName"), c.displayName->trimmed());
    }
    const auto fromRole = core::roleFromKey(body.value(QStringLiteral("role")).toString());
    const bool fromActive = body.value(QStringLiteral("active")).toBool(false);
    if (c.role) {
        if (!core::roleFromKey(*c.role))
            return Error{
                QStringLiteral("user.role"),
                QStringLiteral("--role 应为 clerk、supervisor 或 administrator：%1").arg(*c.role)};
        body.insert(QStringLiteral("role"), *c.role);
    }
    if (c.window) {
        if (core::Status s = core::checkUserWindowCode(*c.window); !s)
            return s.error();
        body.insert(QStringLiteral("window"), *c.window);
    }
    if (c.active)
        body.insert(QStringLiteral("active"), *c.active);
    if (c.password) {
        if (core::Status s = core::checkPasswordStrength(*c.password); !s)
            return s.error();
        auto verifier = passwordVerifier(*c.password);
        if (!verifier)
            return verifier.error();
        body.insert(QStringLiteral("verifier"), *verifier);
    }
    if (!isNew) {
        // The hall keeps an active administrator, as at the workstation (core::checkAccountChange).
        auto users = m_data.latest(hallCode, record::kUser);
        if (!users)
            return users.error();
        int admins = 0;
        for (const MasterRecord& r : *users)
            if (r.body.value(QStringLiteral("active")).toBool() &&
                r.body.value(QStringLiteral("role")).toString() ==
                    core::roleKey(core::Role::Administrator))
                ++admins;
        core::AccountChange change;
        change.fromRole = fromRole.value_or(core::Role::Clerk);
        change.fromActive = fromActive;
        change.toRole = core::roleFromKey(body.value(QStringLiteral("role")).toString())
                            .value_or(core::Role::Clerk);
        change.toActive = body.value(QStringLiteral("active")).toBool();
        change.activeAdministrators = admins;
        if (core::Status s = core::checkAccountChange(change); !s)
            return s.error();
    }
    auto written = m_data.append(
        hallCode, {{record::kUser, body.value(QStringLiteral("userId")).toString(), body}});
    if (!written)
        return written.error();
    if (written->isEmpty())
        return Error{QStringLiteral("user.unchanged"),
                     QStringLiteral("用户 %1 没有变化").arg(c.login)};
    return written->first();
}

Result<MasterRecord> MasterAuthor::setHallSettings(const QString& hallCode,
                                                   const SettingsChange& change)
{
    using core::HallSettings;
    if (!change.any())
        return Error{QStringLiteral("settings.nothing"),
                     QStringLiteral("请给出要修改的设置（--name、--zone、--office-hours、"
                                    "--offline-sign-in-hours、--max-clock-gap-seconds、"
                                    "--idle-lock-minutes 或 --follow-up-days），未作任何改动")};
    if (const auto& n = change.hallName; n && (n->trimmed().isEmpty() || n->trimmed().size() > 100))
        return Error{QStringLiteral("hall.name"),
                     QStringLiteral("大厅名称须为 1–100 个字符，未作任何改动")};
    if (const auto& z = change.zone; z) // F5: the one rule of core/HallSettings.h
        if (core::Status s = core::checkHallZone(*z); !s)
            return Error{s.error().code, s.error().message + QStringLiteral("，未作任何改动")};
    if (const auto h = change.offlineSignInHours; h && (*h < HallSettings::kMinOfflineSignInHours ||
                                                        *h > HallSettings::kMaxOfflineSignInHours))
        return Error{QStringLiteral("hall.offline_sign_in"),
                     QStringLiteral("离线登录时限应为 %1–%2 小时（现为 %3），未作任何改动")
                         .arg(HallSettings::kMinOfflineSignInHours)
                         .arg(HallSettings::kMaxOfflineSignInHours)
                         .arg(*h)};
    if (const auto g = change.maxClockGapSeconds; g && (*g < HallSettings::kMinMaxClockGapSeconds ||
                                                        *g > HallSettings::kMaxMaxClockGapSeconds))
        return Error{QStringLiteral("hall.max_clock_gap"),
                     QStringLiteral("允许的时钟偏差应为 %1–%2 秒（现为 %3），未作任何改动")
                         .arg(HallSettings::kMinMaxClockGapSeconds)
                         .arg(HallSettings::kMaxMaxClockGapSeconds)
                         .arg(*g)};
    if (const auto m = change.idleLockMinutes;
        m && (*m < HallSettings::kMinIdleLockMinutes || *m > HallSettings::kMaxIdleLockMinutes))
        return Error{QStringLiteral("hall.idle_lock"),
                     QStringLiteral("自动锁屏时间应为 %1–%2 分钟（现为 %3），未作任何改动")
                         .arg(HallSettings::kMinIdleLockMinutes)
                         .arg(HallSettings::kMaxIdleLockMinutes)
                         .arg(*m)};
    if (const auto d = change.followUpDays;
        d && (*d < HallSettings::kMinFollowUpDays || *d > HallSettings::kMaxFollowUpDays))
        return Error{QStringLiteral("hall.follow_up"),
                     QStringLiteral("差评整改期限应为 %1–%2 个工作日（现为 %3），未作任何改动")
                         .arg(HallSettings::kMinFollowUpDays)
                         .arg(HallSettings::kMaxFollowUpDays)
                         .arg(*d)};
    const auto held = m_data.latestOf(hallCode, record::kHallSettings, hallCode);
    if (!held)
        return Error{QStringLiteral("hall.unknown"), QStringLiteral("没有大厅 %1").arg(hallCode)};
    QJsonObject body = held->body;
    if (change.officeOpen || change.officeClose) {
        const auto time = [&](const char* key, const std::optional<QString>& given,
                              const QTime& fallback) {
            const QString kept =
                body.value(QLatin1String(key)).toString(fallback.toString(QStringLiteral("HH:mm")));
            return QTime::fromString(given.value_or(kept), QStringLiteral("HH:mm"));
        };
        const QTime open = time("officeOpen", change.officeOpen, HallSettings::defaultOfficeOpen());
        const QTime close =
            time("officeClose", change.officeClose, HallSettings::defaultOfficeClose());
        if (!open.isValid() || !close.isValid() || open >= close)
            return Error{QStringLiteral("hall.hours"),
                         QStringLiteral("办公时间应为 HH:mm-HH:mm，下班晚于上班（如 09:00-17:30），"
                                        "未作任何改动")};
        body.insert(QStringLiteral("officeOpen"), open.toString(QStringLiteral("HH:mm")));
        body.insert(QStringLiteral("officeClose"), close.toString(QStringLiteral("HH:mm")));
    }
    if (change.hallName)
        body.insert(QStringLiteral("hallName"), change.hallName->trimmed());
    if (change.zone)
        body.insert(QStringLiteral("zone"), *change.zone);
    if (change.offlineSignInHours)
        body.insert(QStringLiteral("offlineSignInHours"), *change.offlineSignInHours);
    if (change.maxClockGapSeconds)
        body.insert(QStringLiteral("maxClockGapSeconds"), *change.maxClockGapSeconds);
    if (change.idleLockMinutes)
        body.insert(QStringLiteral("idleLockMinutes"), *change.idleLockMinutes);
    if (change.followUpDays)
        body.insert(QStringLiteral("followUpDays"), *change.followUpDays);
    auto written = m_data.append(hallCode, {{record::kHallSettings, hallCode, body}});
    if (!written)
        return written.error();
    if (written->isEmpty())
        return Error{QStringLiteral("settings.unchanged"),
                     QStringLiteral("大厅 %1 的设置没有变化").arg(hallCode)};
    return written->first();
}

} // namespace onewindow::server
