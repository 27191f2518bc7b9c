#pragma once

#include "core/Catalog.h"
#include "core/Error.h"
#include "core/WorkingCalendar.h"

#include <QDate>

namespace onewindow::core {

// The options of an acceptance that come from the item's guide rather than from the clerk.

// 容缺受理: a material deferred at acceptance on `acceptedOn` is due the item's deferralDays-th
// working day after it (default 5).
Result<QDate> deferredMaterialDue(const WorkingCalendar& calendar, const ServiceItem& item,
                                  const QDate& acceptedOn);

} // namespace onewindow::core
