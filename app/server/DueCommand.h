#pragma once

#include "core/Clock.h"

#include <QStringList>
#include <QTextStream>

namespace onewindow::server {

class CentralDb;

// onewindow-server due HALL [--dry-run] (decision 4, the hall's timer; docs/operations.md): the
// time-driven facts that fell due, made by the server for the cases no window made them for
// (server/ServerMade.h), in pages of cases, each page in a transaction that locks the hall.
int dueCommand(CentralDb& db, const QStringList& words, bool dryRun, QTextStream& out,
               QTextStream& err, const core::Clock& clock);

} // namespace onewindow::server
