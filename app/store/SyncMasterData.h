#pragma once

#include "core/Catalog.h"
#include "core/HallSettings.h"
#include "core/HolidayNotice.h"
#include "store/Store.h"

#include <QList>
#include <QStringList>

#include <optional>

namespace onewindow::store {

// A `user` record of the hall's master data (docs/sync-protocol.md), its latest version: the
// server is the author of a hall's users, the window keeps a copy so its clerks sign in offline.
struct PulledUser
{
    QString userId;
    QString login;
    QString displayName;
    QString role; // clerk, supervisor, administrator
    QString windowCode;
    QString verifier; // libsodium Argon2id, the store's own format
    QString recordedAtUtc;
    bool active = true;
    qint64 hallSeq = 0; // the hall order of the record (0: not known)
};

// A `catalog.item` record: one version of an item, numbered by the server (the `itemVersion` a
// receipt records), so a case keeps the version it was taken under at every window.
struct PulledItem
{
    core::ServiceItem item;
    int version = 0;
    QString recordedAtUtc;
};

// The master records of one pulled page (decision 8: the server is their one author), applied in
// the page's transaction (SyncRepository::applyPull), each kind in hall order.
struct PulledMaster
{
    QList<PulledUser> users;
    QList<core::HolidayNotice> notices; // calendar.notice: replaces the year's notice
    QList<PulledItem> items;            // catalog.item
    // hall.settings: the window's settings with the hall's fields of the record applied (the
    // window's own code kept), already validated by the caller.
    std::optional<core::HallSettings> settings;
    QStringList revokedDevices; // device.revoked: device ids
    // hall.back_offices: the hall's whole list of back offices (its latest version on the page).
    std::optional<QStringList> backOffices;
    bool isEmpty() const
    {
        return users.isEmpty() && notices.isEmpty() && items.isEmpty() && !settings &&
               revokedDevices.isEmpty() && !backOffices;
    }
};

// What applying a page's master records changed, so the caller refolds what depends on it.
struct MasterApplied
{
    bool calendarChanged = false;
    bool catalogChanged = false;
    bool settingsChanged = false;
    bool ownDeviceRevoked = false;
    bool backOfficesChanged = false;
    QList<int> noticeYears; // the years whose notice changed
};

// Writes the master records inside the caller's transaction (store/SyncMasterData.cpp). Users:
// inserted or replacing the local row of that id; a local account holding the login under
// another id refuses the page (sync.user_conflict), unless that account was pulled in a history
// a failover lost (users.lost_epoch): then it gives way, switched off with its login freed.
// Calendar notices: a year's notice replaced when its days or papers differ. Catalog items: the
// server's version inserted under its number and made current when it is the item's newest; the
// same content already held is skipped, other content under that number refuses the page
// (sync.catalog_conflict). Settings: written. Back offices: the list replaced. `ownDeviceId`
// revoked: sync stopped with core's reason.
Result<MasterApplied> writePulledMaster(Store& store, const PulledMaster& master,
                                        const QString& ownDeviceId);

} // namespace onewindow::store
