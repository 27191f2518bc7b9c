#pragma once

#include "ctl/CtlContext.h"

namespace onewindow::ctl {

// case list [--state STATE] [--overdue] [--limit N] [--json] | case show CASE_NO [--json] |
// case timeline CASE_NO
int runCaseCommand(CtlContext& ctx);
// case act CASE_NO ACTION --as LOGIN [--FIELD VALUE]... (CaseActCommand.cpp)
int actOnCase(CtlContext& ctx, QStringList args);

// store check | store rebuild | store backup DEST
int runStoreCommand(CtlContext& ctx);

} // namespace onewindow::ctl
