#pragma once

#include "ctl/CtlContext.h"

namespace onewindow::ctl {

// inquiry add --as LOGIN --person NAME --question TEXT [--phone P] [--case CASE_NO]
//   [--answer TEXT] [--referred-to TEXT] | inquiry list [--case CASE_NO] [--json]
// (首问负责; decision 1 for an inquiry about a case): the first-inquiry log as the window's form
// keeps it, through the same store functions, checks and messages.
int runInquiryCommand(CtlContext& ctx);

} // namespace onewindow::ctl
