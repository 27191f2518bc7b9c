#pragma once

#include "ctl/CtlContext.h"

#include <QTimeZone>

namespace onewindow::store {
struct FlaggedRecord;
}

namespace onewindow::ctl {

// sync enrol URL CODE [--name NAME] | sync now | sync status [--json] | sync flags [--json]
// (issue 18).
int runSyncCommand(CtlContext& ctx);
// sync flags [--json] (decision 7, SyncFlagsCommand.cpp): the events the hall's server flagged for
// their time, newest first, as the supervisor's 时间存疑的记录 lists them.
int listTimeFlags(CtlContext& ctx, bool json);
// What `case timeline` says beside a flagged event: the reason and both times, in the words of the
// window timeline's tooltip.
QString timeFlagNote(const store::FlaggedRecord& flagged, const QTimeZone& zone);
// store digest: this store's hall digest (core::hallDigest), as the server's `digest HALL`.
int runStoreDigest(CtlContext& ctx);

} // namespace onewindow::ctl
