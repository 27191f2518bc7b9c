#pragma once

#include "core/Error.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace onewindow::core {

// What QJsonDocument lets through and a file a person hands us must not carry: a key given twice
// in one object (Qt keeps the last one silently), and NUL or other control characters in a string
// (raw or escaped; tab, line feed and carriage return are text). Run before QJsonDocument on
// catalogs, calendar notices and hall.json. Syntax errors are left to QJsonDocument.
// Returns the first problem, naming `source`, the line and the key.
std::optional<Error> strictJsonProblem(const QByteArray& json, const QString& source);

} // namespace onewindow::core
