#include "demo/DemoCatalog.h"

#include "core/CatalogJson.h"

#include <QFile>

namespace onewindow::demo {

namespace {

core::CatalogParse demoCatalog()
{
    QFile f(QStringLiteral(":/resources/catalog/demo.json"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    core::CatalogParse parsed = core::parseCatalog(f.readAll(), QStringLiteral("demo.json"));
    return parsed.ok() ? parsed : core::CatalogParse{};
}

} // namespace

QList<core::ServiceItem> demoItems()
{
    return demoCatalog().items;
}

QList<core::Matter> demoMatters()
{
    return demoCatalog().matters;
}

} // namespace onewindow::demo
