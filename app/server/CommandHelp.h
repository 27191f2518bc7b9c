#pragma once

#include <QMap>
#include <QString>

namespace onewindow::server {

// The usage onewindow-server prints without a command, and each command's --help text by its
// first word (server/Commands.cpp).
extern const char* const kCommandUsage;
const QMap<QString, const char*>& commandHelps();

} // namespace onewindow::server
