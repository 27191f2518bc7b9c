#pragma once

#include "core/Users.h"
#include "store/DemoSeeder.h"
#include "store/HallConfig.h"
#include "store/Store.h"

namespace onewindow::store {

// The demo hall `onewindow --demo` opens: its configuration, the demo catalog, demo users whose
// passwords the sign-in screen shows, and seeded cases, so a newcomer sees a living hall at once.
struct DemoAccount
{
    QString login;
    QString password;
    QString displayName;
    core::Role role;
    QString userId; // the actor id the seeded cases use
};
QList<DemoAccount> demoAccounts();
QString demoAccountsText(); // for the sign-in screen

// Sets up an empty store as the demo hall (does nothing to one already set up).
Status prepareDemoHall(Store& store, int cases, const DemoSeeder::Progress& progress = {});

} // namespace onewindow::store
