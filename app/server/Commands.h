#pragma once

#include "core/Clock.h"

#include <QStringList>
#include <QTextStream>

namespace onewindow::server {

// onewindow-server's command line: [--store PATH | --database URL] COMMAND ... (--help on each).
// Exit status 0 done, 1 failed (nothing changed), 2 bad usage. `serve` runs the event loop of the
// QCoreApplication the caller made.
int runCommand(const QStringList& args, QTextStream& out, QTextStream& err,
               const core::Clock& clock);

} // namespace onewindow::server
