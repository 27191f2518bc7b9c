#pragma once

#include "core/Clock.h"

#include <QStringList>
#include <QTextStream>

namespace onewindow::server {

class CentralDb;

// onewindow-server device list [--hall HALL] | device revoke DEVICE_ID | device retire DEVICE_ID
// (decision 9: revoke refuses the device at once; retire takes what it recorded until now and
// nothing later). `hall` is --hall's value.
int deviceCommand(CentralDb& db, const QStringList& words, const QString& hall, QTextStream& out,
                  QTextStream& err, const core::Clock& clock);

} // namespace onewindow::server
