#pragma once

#include "ctl/CtlContext.h"

namespace onewindow::ctl {

// stats --from DATE --to DATE [--period day|week|month|quarter|year]
//       [--by window|clerk|department|item] [--format text|csv|xlsx|json|pdf] [--out FILE]
//       [--report daily|weekly|monthly]
int runStatsCommand(CtlContext& ctx);

// Does this command line paint (stats ... --format pdf / --out X.pdf / --report)? It then needs a
// QGuiApplication for fonts.
bool isStatsPdfCommand(int argc, char** argv);

} // namespace onewindow::ctl
