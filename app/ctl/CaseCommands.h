#pragma once

#include "ctl/CtlContext.h"

namespace onewindow::ctl {

// case list [--state STATE] [--overdue] [--limit N] [--json] | case show CASE_NO [--json] |
// case timeline CASE_NO
int runCaseCommand(CtlContext& ctx);

// store check | store rebuild | store backup DEST
int runStoreCommand(CtlContext& ctx);

} // namespace onewindow::ctl
