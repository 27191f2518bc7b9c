#pragma once

#include "core/Clock.h"

#include <QStringList>
#include <QTextStream>

namespace onewindow::server {

class CentralDb;

// `backoffice --help`.
extern const char* const kBackOfficeHelp;

// onewindow-server backoffice list HALL | backoffice add|remove HALL NAME: the hall's back
// offices, which its windows offer as a forwarding's choices (server/storage/BackOfficeList.h).
int backOfficeCommand(CentralDb& db, const QStringList& words, QTextStream& out, QTextStream& err,
                      const core::Clock& clock);

} // namespace onewindow::server
