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

// 容缺受理 within the promise: a deferred material is completed by the promised completion day at
// the latest (the result is not issued on incomplete materials), so its due day is the earlier of
// the deferral day and that day. `capped` when the promise cut it short: the window tells the
// clerk (warning()) so the applicant is told the earlier day.
struct DeferredDue
{
    QDate due;      // what the acceptance records and the notice states
    QDate byRule;   // the deferralDays-th working day after acceptance
    QDate promised; // the promised completion day counted from the acceptance
    bool capped = false;
    Error warning() const; // acceptance.deferred_capped, in Chinese
};
Result<DeferredDue> deferredDueWithinPromise(const WorkingCalendar& calendar,
                                             const ServiceItem& item, const QDate& acceptedOn);

} // namespace onewindow::core
