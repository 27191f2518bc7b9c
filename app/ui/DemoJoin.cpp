#include "ui/DemoJoin.h"

#include "core/SyncMessages.h"
#include "demo/DemoHall.h"
#include "store/CaseStore.h"
#include "store/SyncRepository.h"
#include "store/UserRepository.h"
#include "sync/SyncClient.h"

namespace onewindow::ui {

core::Status joinDemoHall(store::Store& st, const QString& serverUrl,
                          const demo::DemoTerminal& terminal)
{
    store::CaseStore cases(st);
    sync::SyncTimeouts timeouts;
    timeouts.connectMs = 5000; // the demo's server is on this machine or the next
    sync::SyncClient client(cases, timeouts);
    auto state = client.repository().state();
    if (!state)
        return state.error();
    if (*state) {
        if ((*state)->windowCode != terminal.name)
            return core::sync::demoOtherTerminal((*state)->windowCode, terminal.name);
    } else {
        const QString code = demo::demoEnrolCode(demo::demoHallConfig().hallCode, terminal.name);
        const core::Status enrolled =
            client.enrol(serverUrl, code, QStringLiteral("演示终端 %1").arg(terminal.name));
        if (!enrolled) {
            if (enrolled.error().code == QLatin1String("sync.offline"))
                return core::sync::demoServerMissing(serverUrl, client.lastFailure());
            return enrolled;
        }
    }
    // The hall's users come down with the first pull: until then nobody can sign in here.
    auto users = store::UserRepository(st).count();
    if (!users)
        return users.error();
    if (*users > 0)
        return {};
    // Enrolled now, whatever the pull does: a failed pull is told as the queue's offline (kept
    // here, tried again at the next start).
    auto pulled = client.syncNow();
    if (!pulled)
        return pulled.error();
    return {};
}

} // namespace onewindow::ui
