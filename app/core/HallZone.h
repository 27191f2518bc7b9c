#pragma once

#include "core/Error.h"

#include <QString>

namespace onewindow::core {

// A hall's time zone (issue 17, F5), the one rule for the server's `hall create` and `settings`,
// the pulled hall.settings record and the window's own settings: an IANA region the system knows
// (Asia/Shanghai, Asia/Urumqi). An offset such as UTC+8, GMT+8 or +08:00 is refused: a POSIX zone
// reads "UTC+8" as eight hours *behind* UTC, so a hall written that way counts its days, case
// numbers and statutory deadlines a day behind Beijing for most of the working day; Etc/GMT-8 is
// the same trap the other way round. An empty zone is refused too (it silently became UTC).
Status checkHallZone(const QString& zone);

} // namespace onewindow::core
