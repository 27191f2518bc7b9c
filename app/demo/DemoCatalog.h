#pragma once

#include "core/Catalog.h"

#include <QList>

namespace onewindow::demo {

// The demo hall's catalog shipped in resources/catalog/demo.json (38 items of a district hall).
QList<core::ServiceItem> demoItems();

} // namespace onewindow::demo
