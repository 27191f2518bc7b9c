#pragma once

#include "core/CasePayloads.h"
#include "core/Catalog.h"
#include "core/Matter.h"

#include <QHash>
#include <QList>

namespace onewindow::test {

// Three items of one hall (设立登记, 印章刻制备案, 社保登记), each asking for the applicant's ID
// card as its material 003 (besides sampleItem's 001 application form and 002 authorisation).
QList<core::ServiceItem> threeItems();

// 开办企业 (KBQY) over threeItems(): 设立登记 and 社保登记 always, 印章刻制备案 when "seal" is
// answered yes; the ID card shared by all three; promised within 1 working day.
core::Matter openingABusiness(const QList<core::ServiceItem>& items);

QHash<QString, core::ServiceItem> itemsByCode(const QList<core::ServiceItem>& items);

struct HallFixture;

// threeItems() and openingABusiness() imported into `h`'s catalog, and a complete application of
// each item's stored version: the parts of a 开办企业 intake.
QList<core::ReceivedInput> openingABusinessParts(HallFixture& h);

} // namespace onewindow::test
