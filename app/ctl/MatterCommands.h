#pragma once

#include "ctl/CtlContext.h"

namespace onewindow::ctl {

// matter show MATTER_NO: the matter's parts (item, department, case number, state), whether it is
// done and its promised clock. matter print receipt|notice MATTER_NO --pdf OUT.pdf: the matter's
// receipt or its one one-time notice (一件事, issue 20).
int runMatterCommand(CtlContext& ctx);
// matter hand-out MATTER_NO --as LOGIN [--parts CASE_NO,...] [delivery fields]
// (MatterHandOutCommand.cpp).
int runMatterHandOut(CtlContext& ctx, QStringList args);

// Whether the command line asks for `matter print`, which paints pages.
bool isMatterPrintCommand(int argc, char** argv);

} // namespace onewindow::ctl
