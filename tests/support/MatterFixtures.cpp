#include "support/MatterFixtures.h"

#include "support/CatalogFixtures.h"
#include "support/HallFixture.h"
#include "support/TestSupport.h"

#include "store/CatalogRepository.h"

namespace onewindow::test {

QList<core::ServiceItem> threeItems()
{
    QList<core::ServiceItem> items{sampleItem(1, QStringLiteral("设立登记")),
                                   sampleItem(2, QStringLiteral("印章刻制备案")),
                                   sampleItem(3, QStringLiteral("社保登记"))};
    for (core::ServiceItem& item : items) {
        core::Material id;
        id.code = item.code + QStringLiteral("003");
        id.name = QStringLiteral("申请人身份证件");
        id.form = core::MaterialForm::OriginalAndCopy;
        item.materials.append(id);
    }
    return items;
}

core::Matter openingABusiness(const QList<core::ServiceItem>& items)
{
    core::Matter m;
    m.code = QStringLiteral("KBQY");
    m.name = QStringLiteral("开办企业");
    m.promisedDays = 1;
    m.questions = {{QStringLiteral("seal"), QStringLiteral("是否刻制公章？")}};
    m.parts = {core::MatterPart{items.at(0).code, {}, {}},
               core::MatterPart{items.at(1).code, {}, {{QStringLiteral("seal"), true}}},
               core::MatterPart{items.at(2).code, {}, {}}};
    m.shared = {
        core::SharedMaterial{QStringLiteral("申请人身份证件"),
                             {items.at(0).materials.last().code, items.at(1).materials.last().code,
                              items.at(2).materials.last().code}}};
    return m;
}

QHash<QString, core::ServiceItem> itemsByCode(const QList<core::ServiceItem>& items)
{
    QHash<QString, core::ServiceItem> out;
    for (const core::ServiceItem& i : items)
        out.insert(i.code, i);
    return out;
}

QList<core::ReceivedInput> openingABusinessParts(HallFixture& h)
{
    const auto items = threeItems();
    REQUIRE(store::CatalogRepository(*h.store)
                .importCatalog(items, {openingABusiness(items)}, QStringLiteral("kbqy"))
                .ok());
    QList<core::ReceivedInput> parts;
    for (const core::ServiceItem& item : items) {
        auto stored = store::CatalogRepository(*h.store).currentItem(item.code);
        REQUIRE(stored.ok());
        core::ReceivedInput in = completeApplication(stored->item);
        in.itemVersion = stored->version;
        parts.append(in);
    }
    return parts;
}

} // namespace onewindow::test
