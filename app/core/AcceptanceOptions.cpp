#include "core/AcceptanceOptions.h"

namespace onewindow::core {

Result<QDate> deferredMaterialDue(const WorkingCalendar& calendar, const ServiceItem& item,
                                  const QDate& acceptedOn)
{
    Result<DeadlineAnswer> due = calendar.nthWorkingDayAfter(acceptedOn, item.deferralDays);
    if (!due)
        return due.error();
    return due->date;
}

} // namespace onewindow::core
