#pragma once

#include "ctl/CtlContext.h"

namespace onewindow::ctl {

// catalog import FILE | export FILE | list [--search TEXT] | show CODE [--json] [--version N]
int runCatalogCommand(CtlContext& ctx);

} // namespace onewindow::ctl
