#pragma once

#include "ctl/CtlContext.h"

namespace onewindow::ctl {

// print KIND CASE_NO [--pdf OUT.pdf] [--printer NAME] [--format a4|80mm] [--copies N]
//       [--config DIR]
// KIND: receipt, acceptance, notice, refusal, extension, suspension, ready, supervision.
// Writes the document as PDF and/or sends it to a CUPS queue; the number and the
// document-printed event are taken in the same action. A kind that does not fit the case's
// state is refused (exit 1).
int runPrintCommand(CtlContext& ctx);

// Whether the command line asks for `print`, which paints pages and so needs a (headless)
// QGuiApplication rather than a QCoreApplication.
bool isPrintCommand(int argc, char** argv);

} // namespace onewindow::ctl
