#pragma once

#include "core/Error.h"
#include "core/Event.h"
#include "store/Store.h"

#include <QList>

namespace onewindow::store {

// Every event of the store in the canonical order (hlc, device, sequence): what a hall's log is,
// for handing a whole store on (onewindow-server-demo puts the demo hall's log on the server).
core::Result<QList<core::Event>> exportEvents(const Store& store);

} // namespace onewindow::store
