#pragma once

#include "ctl/CtlContext.h"

namespace onewindow::ctl {

// calendar import FILE... | calendar show YEAR
int runCalendarCommand(CtlContext& ctx);

} // namespace onewindow::ctl
