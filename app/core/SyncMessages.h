#pragma once

#include "core/Error.h"

#include <QDateTime>

namespace onewindow::core::sync {

// The workstation side's own messages (issue 18), composed once in Chinese with stable codes.
Error notEnrolled();
Error offline(const QString& detail);            // sync.offline: no answer, timeout, refused
Error badAnswer(const QString& detail);          // sync.bad_answer: the server said nonsense
Error syncStopped(const QString& serverMessage); // sync.stopped: revoked or stopped earlier
Error badServerUrl(const QString& url);
Error enrolUnreachable(const QString& detail); // sync.offline at enrolment: nothing was changed
// The four-terminal demo (`onewindow --demo --join URL`): the demo hall's server did not answer
// (demo.server_missing), or this store is another terminal already (demo.other_terminal).
Error demoServerMissing(const QString& url, const QString& why);
Error demoOtherTerminal(const QString& joinedAs, const QString& asked);
// A pulled page refused, nothing stored (master data, decision 8):
Error userConflict(const QString& login); // sync.user_conflict: a local account holds the login
Error catalogConflict(const QString& itemCode, int version); // sync.catalog_conflict

// Decision 8, master data has one author: what an enrolled window may not change itself.
enum class MasterKind
{
    Catalog,
    Calendar,
    Users,
    HallSettings
};
// sync.master_on_server: a local change of the catalog, calendar, users or hall settings refused
// at an enrolled window, naming the server (its address) and the command that changes it there.
Error masterOnServer(MasterKind kind, const QString& serverUrl);

// Decision 8, offline sign-in: an enrolled window trusts the verifiers the hall sent down for
// `hours` after its last sync. Allowed while now < lastSyncUtc + hours; a window that never
// synced has no such time and signs no one in. `until` is that end (invalid when never synced).
struct OfflineSignIn
{
    bool allowed = false;
    QDateTime until;
};
OfflineSignIn offlineSignIn(const QDateTime& lastSyncUtc, const QDateTime& nowUtc, int hours);
// sync.not_backoffice: the back office's queue asked of a store not enrolled as a back office.
Error notBackOffice(const QString& role);
// sync.sign_in_stale: the refusal, naming the setting's hours and the last sync (hall's time).
Error signInStale(int hours, const QString& lastSyncText);

} // namespace onewindow::core::sync
