#pragma once

#include "core/Clock.h"

#include <QByteArray>
#include <QStringList>
#include <QTextStream>

namespace onewindow::server {

class CentralDb;

// onewindow-server calendar import HALL FILE... (decision 8; docs/operations.md): the holiday
// notices become the hall's, and every open case whose clock deadlines they move gets its "deadline
// moved" entry (case.deadline_recomputed by the server, server/ServerMade.h), all in one
// transaction that locks the hall: the windows pull the notice and the entries together, and of
// two server processes importing the same notice the second finds it held and makes nothing.
int calendarImportCommand(CentralDb& db, const QString& hallCode, const QList<QByteArray>& files,
                          const QStringList& names, QTextStream& out, QTextStream& err,
                          const core::Clock& clock);

} // namespace onewindow::server
