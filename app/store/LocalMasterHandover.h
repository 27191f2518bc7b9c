#pragma once

#include "store/Store.h"
#include "store/SyncMasterData.h"

namespace onewindow::store {

// Decision 8 when a store joins a hall (docs/sync-workstation.md, "Joining with master data of
// its own"): what the store authored itself before it was enrolled (a catalog imported locally,
// the first-start setup's accounts) gives way to the hall's, so a window never stops syncing on a
// conflict with its own past.

// The catalog, before a pulled page's master records are written (writePulledMaster), in the
// page's transaction: for every item the page brings, each version this store authored before
// its enrolment (not pulled from the hall) that no case names is removed unless the page brings
// the same content under the same number (a local import of the hall's own file is kept as it
// is); the item's current row goes with the version it pointed at. The hall's versions then come
// in as into a new store. A version a case was taken under stays, and a different hall version of
// its number still refuses the page (sync.catalog_conflict). Returns how many were removed.
Result<int> yieldLocalCatalog(Store& store, const QList<PulledItem>& items);

// The accounts, before a pulled page's users are written, in the page's transaction: every
// account not pulled from the hall (made at this store before its enrolment: afterwards the
// server is their one author) is marked to give way (users.lost_epoch, as after a failover):
// when the hall names its login for one of the hall's users, the local account is switched off
// with its login freed instead of refusing the pull (sync.user_conflict). A row pulled by a
// program from before users.pulled_seq is marked too: the hall's record of that login wins.
Status markLocalUsersYielding(Store& store);

} // namespace onewindow::store
