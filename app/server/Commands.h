#pragma once

#include "core/Clock.h"
#include "core/Error.h"
#include "core/HallDigest.h"

#include <QStringList>
#include <QTextStream>

namespace onewindow::server {

// onewindow-server's command line: [--store PATH | --database URL] COMMAND ... (--help on each).
// Exit status 0 done, 1 failed (nothing changed), 2 bad usage. `serve` runs the event loop of the
// QCoreApplication the caller made.
class CentralDb;
// A hall's digest (core::hallDigest over its events in hall order with their verdicts): equal to
// a workstation's `store digest` when both hold the same hall and nothing is pending.
core::Result<core::HallDigest> hallDigestOf(CentralDb& db, const core::Clock& clock,
                                            const QString& hallCode);

int runCommand(const QStringList& args, QTextStream& out, QTextStream& err,
               const core::Clock& clock);

} // namespace onewindow::server
