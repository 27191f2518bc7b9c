#pragma once

#include "core/SyncMessages.h"
#include "store/Store.h"

namespace onewindow::store {

// Decision 8, master data has one author (docs/sync-workstation.md): once
// this store is a window of a hall (it has a sync state), its catalog, calendar, users and
// passwords and hall settings change only at the server and come down the pull
// (store/SyncMasterData writes them, past this guard). Every local way of changing them asks
// here first: refused with sync.master_on_server, naming the server, and nothing is written.
// A store that is not enrolled (a standalone hall) answers ok.
Status refuseIfHallAuthored(Store& store, core::sync::MasterKind kind);

// Decision 8, offline sign-in: an enrolled window signs a clerk in only for the hall setting's
// offlineSignInHours after its last sync with the server (core::sync::offlineSignIn), otherwise
// sync.sign_in_stale naming the hours and the last sync in the hall's time. A standalone store
// answers ok.
Status checkOfflineSignIn(Store& store);

} // namespace onewindow::store
