#pragma once

#include "core/Error.h"
#include "demo/DemoTerminals.h"
#include "store/Store.h"

namespace onewindow::ui {

// The four-terminal demo's join (`onewindow --demo --join URL --window NAME`, README "四个终端的
// 演示"): a new store enrols at the demo hall's server as terminal NAME with that terminal's
// published code (demo/DemoTerminals.h) and pulls the hall, so its account can sign in. A store
// already joined as that terminal is left to its background sync (a restart), and one whose
// first pull did not finish pulls again. No widgets: the window's startup and the tests call it.
// A server that does not answer is demo.server_missing and leaves the store new; a store joined
// as another terminal is demo.other_terminal.
core::Status joinDemoHall(store::Store& store, const QString& serverUrl,
                          const demo::DemoTerminal& terminal);

} // namespace onewindow::ui
