#pragma once

#include "core/Catalog.h"
#include "core/Error.h"

#include <QList>
#include <QString>

#include <optional>

namespace onewindow::core {

// 行政许可法 Art. 32 para. 1 (2): an application outside the office's competence is refused and
// the applicant told which body to apply to. The body named is checked against the hall's catalog
// (issue 15):
// - an office of the catalog that handles items of the same field (`department`, e.g. 户政) as
//   the refused item, and is not the refusing office itself: fine;
// - an office of the catalog that handles no such item (居民身份证换领 referred to the market
//   regulator) or the refusing office itself: refused (code refusal.office_not_competent);
// - a name the catalog does not know (a body outside the hall): accepted with a warning
//   (refusal.office_unknown), since the competent body may well lie outside the hall.
struct CompetentOfficeCheck
{
    Status status;                // refused: the clerk must name another body
    std::optional<Error> warning; // accepted, but the name could not be checked
};
CompetentOfficeCheck checkCompetentOffice(const QString& office, const ServiceItem& refusedItem,
                                          const QList<ServiceItem>& catalog);

} // namespace onewindow::core
