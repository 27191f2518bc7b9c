#include "core/AcceptanceOptions.h"

#include "core/DateText.h"
#include "core/DeadlineClock.h"

namespace onewindow::core {

Result<QDate> deferredMaterialDue(const WorkingCalendar& calendar, const ServiceItem& item,
                                  const QDate& acceptedOn)
{
    Result<DeadlineAnswer> due = calendar.nthWorkingDayAfter(acceptedOn, item.deferralDays);
    if (!due)
        return due.error();
    return due->date;
}

Result<DeferredDue> deferredDueWithinPromise(const WorkingCalendar& calendar,
                                             const ServiceItem& item, const QDate& acceptedOn)
{
    auto byRule = deferredMaterialDue(calendar, item, acceptedOn);
    if (!byRule)
        return byRule.error();
    ClockInput promise;
    promise.trigger = acceptedOn;
    promise.limit = item.promisedDays;
    promise.unit = item.promisedUnit;
    auto promised = computeClock(calendar, promise, acceptedOn);
    if (!promised)
        return promised.error();
    DeferredDue out;
    out.byRule = *byRule;
    out.promised = promised->deadline;
    out.capped = out.promised < out.byRule;
    out.due = out.capped ? out.promised : out.byRule;
    return out;
}

Error DeferredDue::warning() const
{
    return Error{QStringLiteral("acceptance.deferred_capped"),
                 QStringLiteral("容缺材料按事项规定应于%1之前补交，晚于承诺办结日期%2；补交期限"
                                "已定为%2（含当日），请告知申请人")
                     .arg(chineseDate(byRule), chineseDate(promised))};
}

} // namespace onewindow::core
