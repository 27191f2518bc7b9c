#pragma once

#include "core/Users.h"
#include "store/HallConfig.h"
#include "store/Store.h"

namespace onewindow::demo {

// The demo hall `onewindow --demo` opens: its configuration, the demo catalog and demo users
// whose passwords the sign-in screen shows (buildDemoStore, DemoBuild.h, adds its seeded cases),
// so a newcomer sees a living hall at once. None of it is in the production store library.
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
store::HallConfig demoHallConfig();

// Sets up an empty store as the demo hall, without cases: the demo catalog, then the hall, its
// window and the demo accounts in one step (store::setUpHall). Does nothing to one already set up.
core::Status prepareDemoHall(store::Store& store);

} // namespace onewindow::demo
