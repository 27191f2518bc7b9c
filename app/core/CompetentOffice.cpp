#include "core/CompetentOffice.h"

namespace onewindow::core {

CompetentOfficeCheck checkCompetentOffice(const QString& office, const ServiceItem& refusedItem,
                                          const QList<ServiceItem>& catalog)
{
    CompetentOfficeCheck out;
    const QString named = office.simplified();
    if (named.isEmpty())
        return out;
    if (named == refusedItem.office.simplified()) {
        out.status = Error{QStringLiteral("refusal.office_not_competent"),
                           QStringLiteral("“%1”是本事项的承办机关，不能以不属于本机关职权范围为由"
                                          "告知向其申请，请写明有权受理的机关")
                               .arg(named)};
        return out;
    }
    bool known = false;
    bool handles = false;
    for (const ServiceItem& item : catalog) {
        if (item.office.simplified() != named)
            continue;
        known = true;
        if (item.name == refusedItem.name ||
            (!refusedItem.department.isEmpty() && item.department == refusedItem.department))
            handles = true;
    }
    if (known && !handles)
        out.status = Error{
            QStringLiteral("refusal.office_not_competent"),
            QStringLiteral("事项目录中“%1”不办理%2类事项，不是“%3”的有权机关，"
                           "请写明有权受理的机关")
                .arg(named,
                     refusedItem.department.isEmpty() ? refusedItem.name : refusedItem.department,
                     refusedItem.name)};
    else if (!known)
        out.warning =
            Error{QStringLiteral("refusal.office_unknown"),
                  QStringLiteral("告知的有权机关“%1”不在本大厅事项目录中，无法核对，请确认"
                                 "机关全称无误")
                      .arg(named)};
    return out;
}

} // namespace onewindow::core
