#include "demo/DemoCatalog.h"

#include "core/CatalogJson.h"

#include <QFile>

namespace onewindow::demo {

QList<core::ServiceItem> demoItems()
{
    QFile f(QStringLiteral(":/resources/catalog/demo.json"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    core::CatalogParse parsed = core::parseCatalog(f.readAll(), QStringLiteral("demo.json"));
    return parsed.ok() ? parsed.items : QList<core::ServiceItem>();
}

} // namespace onewindow::demo
