#pragma once

#include "core/Clock.h"

#include <QMap>
#include <QStringList>
#include <QTextStream>

namespace onewindow::server {

class CentralDb;

// onewindow-server device list [--hall HALL] | device revoke DEVICE_ID | device retire DEVICE_ID
// (decision 9: revoke refuses the device at once; retire takes what it recorded until now and
// nothing later); `device import` and `device imports` (decisions 2 and 9, ImportCommand.h).
// `values`: the --options given (--hall, --file, --by, --reason, --check).
int deviceCommand(CentralDb& db, const QStringList& words, const QMap<QString, QString>& values,
                  QTextStream& out, QTextStream& err, const core::Clock& clock);

} // namespace onewindow::server
