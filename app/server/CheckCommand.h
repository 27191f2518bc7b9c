#pragma once

#include <QMap>
#include <QStringList>
#include <QTextStream>

namespace onewindow::server {

class CentralDb;

// onewindow-server check [HALL] [--progress-every N]: the read-only integrity check of the
// central store (storage/IntegrityCheck.h) for the IT person after a crash, a restore or a
// failover. One line per finding on stdout, then a summary with the counts and the time; progress
// on stderr every N events of a hall. Exit 0 clean, 1 something wrong (or unreadable), 2 usage.
int checkCommand(CentralDb& db, const QStringList& words, const QMap<QString, QString>& values,
                 QTextStream& out, QTextStream& err);

} // namespace onewindow::server
