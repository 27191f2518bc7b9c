#pragma once

#include "ctl/CtlContext.h"

namespace onewindow::ctl {

// deadline FROM N [--explain] | deadline --batch (lines "FROM N" on standard input)
int runDeadlineCommand(CtlContext& ctx);

} // namespace onewindow::ctl
