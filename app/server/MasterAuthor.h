#pragma once

#include "core/Error.h"
#include "core/Users.h"
#include "server/storage/MasterData.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace onewindow::server {

// Decision 8: the server is the one author of a hall's master data. Each operation checks its
// input with core's own parsers and validators (CatalogJson, HolidayNotice, CalendarImport,
// Users) and writes new versions of records into the hall's stream; bad input changes nothing
// and says why in Chinese.
class MasterAuthor
{
public:
    explicit MasterAuthor(MasterData& data) : m_data(data) {}

    // A catalog file (resources/catalog/FORMAT.md): every item whose content changed becomes its
    // next version. The records written.
    core::Result<QList<MasterRecord>> importCatalog(const QString& hallCode, const QByteArray& json,
                                                    const QString& source);
    // Holiday notices (holiday-cn format), checked against each other and the hall's calendar.
    core::Result<QList<MasterRecord>> importCalendar(const QString& hallCode,
                                                     const QList<QByteArray>& files,
                                                     const QStringList& names);
    // The records such an import writes, for a caller that writes them in its own transaction
    // (`calendar import`, which then records the deadlines the notices moved; CalendarCommand.h).
    core::Result<QList<MasterChange>>
    planCalendar(const QString& hallCode, const QList<QByteArray>& files, const QStringList& names);

    struct UserChange
    {
        QString login;
        std::optional<QString> displayName;
        std::optional<QString> role; // clerk, supervisor, administrator
        std::optional<QString> window;
        std::optional<bool> active;
        std::optional<QString> password;
        QString userId; // for a new user; empty: a new UUID
    };
    // A new user of the hall (login, name, role and password required).
    core::Result<MasterRecord> addUser(const QString& hallCode, const UserChange& change);
    // A change of an existing user: a role changed from now on, switched on or off, a new
    // password. The hall keeps an active administrator.
    core::Result<MasterRecord> changeUser(const QString& hallCode, const UserChange& change);

    // The hall's settings from now on (decision 7 and 8): the offline sign-in hours and the
    // clock gap a window may have, each checked against core::HallSettings's range; the next
    // version of the hall's `hall.settings` record, the rest of it kept. Nothing given, or
    // nothing changed: refused, nothing written.
    struct SettingsChange
    {
        std::optional<int> offlineSignInHours;
        std::optional<int> maxClockGapSeconds;
        // The hall's name, time zone (IANA) and office hours (HH:mm), which a running window
        // takes at once with the pull that brings them (issue 18).
        std::optional<QString> hallName;
        std::optional<QString> zone;
        std::optional<QString> officeOpen;
        std::optional<QString> officeClose;
        // The screen lock after idle minutes, and the bad rating's follow-up period in working
        // days (好差评: 差评整改).
        std::optional<int> idleLockMinutes;
        std::optional<int> followUpDays;
        bool any() const
        {
            return offlineSignInHours || maxClockGapSeconds || hallName || zone || officeOpen ||
                   officeClose || idleLockMinutes || followUpDays;
        }
    };
    core::Result<MasterRecord> setHallSettings(const QString& hallCode,
                                               const SettingsChange& change);

private:
    std::optional<MasterRecord> userByLogin(const QString& hallCode, const QString& login);
    core::Result<MasterRecord> changeUserBody(const QString& hallCode, QJsonObject body,
                                              const UserChange& change, bool isNew);

    MasterData& m_data;
};

// The Argon2id verifier of a password in libsodium's crypto_pwhash_str format at its INTERACTIVE
// limits: the format the workstation's store keeps (store::hashPassword), so a user's verifier
// pulled from the server lets the clerk sign in offline.
core::Result<QString> passwordVerifier(const QString& password);

} // namespace onewindow::server
