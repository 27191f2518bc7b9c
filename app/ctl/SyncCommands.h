#pragma once

#include "ctl/CtlContext.h"

namespace onewindow::ctl {

// sync enrol URL CODE [--name NAME] | sync now | sync status [--json] (issue 18).
int runSyncCommand(CtlContext& ctx);
// store digest: this store's hall digest (core::hallDigest), as the server's `digest HALL`.
int runStoreDigest(CtlContext& ctx);

} // namespace onewindow::ctl
