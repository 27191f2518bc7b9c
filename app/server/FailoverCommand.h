#pragma once

#include "core/Clock.h"

#include <QMap>
#include <QStringList>
#include <QTextStream>

namespace onewindow::server {

class CentralDb;

// onewindow-server failover HALL...: after a standby was promoted or a backup restored (the
// database may lack commits the windows were told of), starts a new epoch for each hall named
// (decision 6). Every window then pulls again from the epoch's base and pushes again what of its
// own it had placed above it. Run it before `serve` takes requests on the new database.
int failoverCommand(CentralDb& db, const QStringList& words, QTextStream& out, QTextStream& err);

} // namespace onewindow::server
