#pragma once

#include "core/Users.h"
#include "store/HallConfig.h"
#include "store/UserRepository.h"

namespace onewindow::store {

// One account that the hall's setup creates (the first administrator; the demo hall's users).
struct SetupAccount
{
    QString login;
    QString displayName;
    core::Role role = core::Role::Administrator;
    QString password;
    QString userId; // empty: a new UUIDv7
};

// The first start of a hall, all or nothing: the device row, the accounts and then the hall's
// settings (what configured() looks at) in one transaction. A crash or a refused account leaves
// the store unconfigured, so the setup is simply asked for again; never a hall nobody can sign in
// to. Used by the setup dialog and the demo hall. Returns the accounts as created.
Result<QList<User>> setUpHall(Store& store, const HallConfig& config,
                              const QList<SetupAccount>& accounts);

// Records this workstation (hall and window code) unless it already is; no transaction of its own.
Status writeDeviceRow(Store& store, const QString& hallCode, const QString& deviceCode);

} // namespace onewindow::store
