#include "store/SyncMasterData.h"

#include "core/CatalogJson.h"
#include "core/PinyinInitials.h"
#include "core/SyncMessages.h"
#include "core/SyncProtocol.h"

#include "store/BackOfficeRepository.h"
#include "store/CalendarRepository.h"
#include "store/HallConfig.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace onewindow::store {

namespace {

Error readError(const QSqlQuery& q)
{
    return sqlError("store.sync_read", QStringLiteral("读取同步状态"), q.lastError().text());
}

Error writeError(const QSqlQuery& q)
{
    return sqlError("store.sync_write", QStringLiteral("保存大厅下发的主数据"),
                    q.lastError().text());
}

// The hall's user records in hall order (a later version replaces an earlier): inserted or
// replacing the local row of the same id (its sign-in failures kept), with the record's hall
// order. A local account holding the login under another id is a conflict: the page is refused,
// nothing stored. Unless that account came from a history a failover lost (lost_epoch, set by
// SyncRepository::rebase): the promoted server never had it and now names another user so
// (decision 8: the server is the one author of the hall's users), so the lost account gives
// way. It stays for the timelines of what it did, switched off and with a login nobody can
// type (core::checkLogin takes no '~'), so it can never sign in.
Status applyUsers(QSqlDatabase db, const QList<PulledUser>& users)
{
    QSqlQuery other(db);
    other.prepare(
        QStringLiteral("SELECT user_id, lost_epoch FROM users WHERE login = ? AND user_id <> ?"));
    QSqlQuery giveWay(db);
    giveWay.prepare(QStringLiteral("UPDATE users SET active = 0, login = login || '~' || "
                                   "user_id WHERE user_id = ? AND lost_epoch = 1"));
    QSqlQuery upsert(db);
    upsert.prepare(QStringLiteral(
        "INSERT INTO users (user_id, login, display_name, role, window_code, password_hash, "
        "active, created_at_utc, pulled_seq, lost_epoch) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0) "
        "ON CONFLICT (user_id) DO UPDATE SET login = excluded.login, "
        "display_name = excluded.display_name, role = excluded.role, "
        "window_code = excluded.window_code, password_hash = excluded.password_hash, "
        "active = excluded.active, pulled_seq = excluded.pulled_seq, lost_epoch = 0"));
    for (const PulledUser& u : users) {
        other.addBindValue(u.login);
        other.addBindValue(u.userId);
        if (!other.exec())
            return readError(other);
        if (other.next()) {
            const QString heldId = other.value(0).toString();
            const bool lost = other.value(1).toInt() == 1;
            other.finish();
            if (!lost)
                return core::sync::userConflict(u.login);
            giveWay.addBindValue(heldId);
            if (!giveWay.exec())
                return writeError(giveWay);
        }
        other.finish();
        const QVariant values[] = {
            u.userId,         u.login,         u.displayName,
            u.role,           u.windowCode,    u.verifier,
            u.active ? 1 : 0, u.recordedAtUtc, u.hallSeq > 0 ? QVariant(u.hallSeq) : QVariant()};
        for (int i = 0; i < 9; ++i)
            upsert.bindValue(i, values[i]);
        if (!upsert.exec())
            return writeError(upsert);
    }
    return {};
}

// The hall's calendar (行政许可法 Art. 82: working days are the hall's): a year's notice is
// replaced when its days or papers differ from the one held; the same notice is left alone.
Result<QList<int>> applyNotices(Store& store, const QList<core::HolidayNotice>& notices)
{
    if (notices.isEmpty())
        return QList<int>{};
    auto held = CalendarRepository(store).loadNotices();
    if (!held)
        return held.error();
    QHash<int, core::HolidayNotice> latest; // a later version of a year replaces an earlier
    for (const core::HolidayNotice& n : notices)
        latest.insert(n.year, n);
    QList<core::HolidayNotice> changed;
    for (const core::HolidayNotice& n : std::as_const(latest)) {
        const auto same = std::find_if(held->cbegin(), held->cend(), [&](const auto& h) {
            return h.year == n.year && h.days == n.days && h.papers == n.papers;
        });
        if (same == held->cend())
            changed.append(n);
    }
    std::sort(changed.begin(), changed.end(),
              [](const auto& a, const auto& b) { return a.year < b.year; });
    if (Status s = CalendarRepository(store).writeNotices(changed); !s)
        return s.error();
    QList<int> years;
    for (const core::HolidayNotice& n : std::as_const(changed))
        years.append(n.year);
    return years;
}

// Catalog versions as the server numbered them: immutable, each stored once; an item's current
// version is its newest. The bytes are the catalog repository's (compact itemToJson), so the same
// item imported locally and pulled is recognised as the same version.
Result<bool> applyItems(Store& store, const QList<PulledItem>& items)
{
    QSqlDatabase db = store.database();
    QSqlQuery held(db), insert(db), current(db), upsert(db);
    held.prepare(
        QStringLiteral("SELECT sha256 FROM catalog_item_versions WHERE code = ? AND version = ?"));
    insert.prepare(QStringLiteral("INSERT INTO catalog_item_versions (code, version, payload, "
                                  "sha256, created_at_utc, note) VALUES (?, ?, ?, ?, ?, ?)"));
    current.prepare(QStringLiteral("SELECT current_version FROM catalog_items WHERE code = ?"));
    upsert.prepare(QStringLiteral(
        "INSERT INTO catalog_items (code, current_version, name, initials, department, office, "
        "profile, promised_days) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (code) DO UPDATE SET "
        "current_version = excluded.current_version, name = excluded.name, "
        "initials = excluded.initials, department = excluded.department, "
        "office = excluded.office, profile = excluded.profile, "
        "promised_days = excluded.promised_days"));
    bool changed = false;
    for (const PulledItem& p : items) {
        const QByteArray payload =
            QJsonDocument(core::itemToJson(p.item)).toJson(QJsonDocument::Compact);
        const QString sha = QString::fromLatin1(
            QCryptographicHash::hash(payload, QCryptographicHash::Sha256).toHex());
        held.addBindValue(p.item.code);
        held.addBindValue(p.version);
        if (!held.exec())
            return readError(held);
        if (held.next()) {
            const bool same = held.value(0).toString() == sha;
            held.finish();
            if (!same)
                return core::sync::catalogConflict(p.item.code, p.version);
        } else {
            held.finish();
            for (const QVariant& v :
                 {QVariant(p.item.code), QVariant(p.version), QVariant(QString::fromUtf8(payload)),
                  QVariant(sha), QVariant(p.recordedAtUtc),
                  QVariant(QStringLiteral("大厅服务器下发"))})
                insert.addBindValue(v);
            if (!insert.exec())
                return writeError(insert);
            changed = true;
        }
        current.addBindValue(p.item.code);
        if (!current.exec())
            return readError(current);
        const int currentVersion = current.next() ? current.value(0).toInt() : 0;
        current.finish();
        if (currentVersion >= p.version)
            continue;
        for (const QVariant& v :
             {QVariant(p.item.code), QVariant(p.version), QVariant(p.item.name),
              QVariant(core::pinyinInitials(p.item.name)), QVariant(p.item.department),
              QVariant(p.item.office), QVariant(core::profileKey(p.item.profile)),
              QVariant(p.item.promisedDays)})
            upsert.addBindValue(v);
        if (!upsert.exec())
            return writeError(upsert);
        changed = true;
    }
    return changed;
}

} // namespace

Result<MasterApplied> writePulledMaster(Store& store, const PulledMaster& master,
                                        const QString& ownDeviceId)
{
    MasterApplied applied;
    if (Status s = applyUsers(store.database(), master.users); !s)
        return s.error();
    auto years = applyNotices(store, master.notices);
    if (!years)
        return years.error();
    applied.noticeYears = *years;
    applied.calendarChanged = !years->isEmpty();
    auto items = applyItems(store, master.items);
    if (!items)
        return items.error();
    applied.catalogChanged = *items;
    if (master.settings) {
        HallConfigRepository halls(store);
        auto held = halls.loadOrDefaults();
        if (!held)
            return held.error();
        const core::HallSettings& s = *master.settings;
        const core::HallSettings& h = *held;
        applied.settingsChanged =
            s.hallName != h.hallName || s.hallCode != h.hallCode || s.zone != h.zone ||
            s.officeOpen != h.officeOpen || s.officeClose != h.officeClose ||
            s.idleLockMinutes != h.idleLockMinutes || s.followUpDays != h.followUpDays ||
            s.offlineSignInHours != h.offlineSignInHours ||
            s.maxClockGapSeconds != h.maxClockGapSeconds;
        if (applied.settingsChanged)
            if (Status w = halls.write(s); !w)
                return w.error();
    }
    if (master.backOffices) {
        auto changed = BackOfficeRepository(store).replace(*master.backOffices);
        if (!changed)
            return changed.error();
        applied.backOfficesChanged = *changed;
    }
    if (!ownDeviceId.isEmpty() && master.revokedDevices.contains(ownDeviceId)) {
        // This window was revoked at the hall: sync stops here and says why (decision 9).
        const core::Error why = core::sync::deviceRevoked();
        QSqlQuery q(store.database());
        q.prepare(QStringLiteral("UPDATE sync_state SET stopped_code = ?, stopped_message = ?"));
        q.addBindValue(why.code);
        q.addBindValue(why.message);
        if (!q.exec())
            return writeError(q);
        applied.ownDeviceRevoked = true;
    }
    return applied;
}

} // namespace onewindow::store
