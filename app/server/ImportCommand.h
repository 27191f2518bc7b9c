#pragma once

#include "core/Clock.h"
#include "server/storage/CentralDb.h"

#include <QMap>
#include <QStringList>
#include <QTextStream>

namespace onewindow::server {

// `device import DEVICE_ID --file FILE --by NAME --reason TEXT [--check]` and `device imports
// [--hall HALL]` (decisions 2 and 9, server/storage/ForkedImport.h).
int deviceImportCommand(CentralDb& db, const QStringList& words,
                        const QMap<QString, QString>& values, QTextStream& out, QTextStream& err,
                        const core::Clock& clock);

} // namespace onewindow::server
