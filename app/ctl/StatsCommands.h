#pragma once

#include "ctl/CtlContext.h"

namespace onewindow::ctl {

// stats --from DATE --to DATE [--period day|week|month|quarter|year]
//       [--by window|clerk|department|item] [--format text|csv|xlsx|json|pdf] [--out FILE]
//       [--report daily|weekly|monthly]
int runStatsCommand(CtlContext& ctx);

// stats --report disclosure-annual --year YYYY [--format text|csv|xlsx|pdf] [--out FILE]: the
// annual report's table 三 of 政府信息公开 (DisclosureReportCommand.cpp).
bool isDisclosureAnnualCommand(const QStringList& args);
int runDisclosureAnnualCommand(CtlContext& ctx);

// stats --matters --from DATE --to DATE [--format text|json]: the figures of matters
// (MatterStatsCommand.cpp).
bool isMatterStatsCommand(const QStringList& args);
int runMatterStatsCommand(CtlContext& ctx);

// Does this command line paint (stats ... --format pdf / --out X.pdf / --report)? It then needs a
// QGuiApplication for fonts.
bool isStatsPdfCommand(int argc, char** argv);

} // namespace onewindow::ctl
