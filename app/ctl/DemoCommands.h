#pragma once

#include "ctl/CtlContext.h"

namespace onewindow::ctl {

// demo seed --cases N [--seed S]: a realistic demo hall in a new store.
int runDemoCommand(CtlContext& ctx);
// demo work --actions N [--seed S] (DemoWorkCommand.cpp)
int demoWorkCommand(CtlContext& ctx, QStringList args);

} // namespace onewindow::ctl
