#pragma once

#include "core/Catalog.h"
#include "core/Matter.h"

#include <QList>

namespace onewindow::demo {

// The demo hall's catalog shipped in resources/catalog/demo.json (54 items of a district hall).
QList<core::ServiceItem> demoItems();
// Its matters (一件事, issue 20), built from those items.
QList<core::Matter> demoMatters();

} // namespace onewindow::demo
