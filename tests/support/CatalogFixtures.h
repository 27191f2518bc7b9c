#pragma once

#include "core/Catalog.h"

namespace onewindow::test {

// A complete, valid item under a government office's USCC (11620102MB1234567B); `n` varies the
// basic code so several distinct items can be made.
core::ServiceItem sampleItem(int n = 1, const QString& name = QStringLiteral("不动产转移登记"));

} // namespace onewindow::test
