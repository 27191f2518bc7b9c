#pragma once

#include "core/Error.h"

#include <QString>

namespace onewindow::core::sync {

// Decision 9 (docs/sync-protocol.md), retire: a retired device's events recorded before its
// retirement are still taken; one recorded after it is rejected with this code and reason, set
// aside like every rejection. Both sides of the protocol name it from here.
namespace code {
inline const QString kDeviceRetired = QStringLiteral("device.retired");
} // namespace code

// The reason of such an event; `at`: when the device was retired (UTC, as the server keeps it).
Error deviceRetired(const QString& at);
// What the window of a retired device says in its sync status (and `onewindowctl sync status`):
// its acts are no longer taken, what it recorded before still goes up.
QString retiredDeviceNotice();

} // namespace onewindow::core::sync
