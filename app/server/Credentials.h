#pragma once

#include "core/Error.h"

#include <QString>

namespace onewindow::server {

// A device's credential: 256 random bits from the system's generator, base64url. The server keeps
// only its SHA-256 (a token this long needs no slow hash).
QString newDeviceToken();
// A one-time enrolment code a person types: 16 characters of a 32-letter alphabet without 0/O,
// 1/I (80 bits), grouped XXXX-XXXX-XXXX-XXXX.
QString newEnrolCode();
// The code as typed (lower case, spaces, without dashes) in its one form.
QString normaliseEnrolCode(const QString& typed);
QString hashSecret(const QString& secret); // lower-case hex SHA-256
// "24h", "30m", "7d", "90s": seconds; an error naming the form otherwise.
core::Result<qint64> parseValidity(const QString& text);

} // namespace onewindow::server
