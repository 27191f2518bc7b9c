#pragma once

#include "core/CasePayloads.h"
#include "core/Catalog.h"

namespace onewindow::test {

// A complete, valid item under a government office's USCC (11620102MB1234567B); `n` varies the
// basic code so several distinct items can be made.
core::ServiceItem sampleItem(int n = 1, const QString& name = QStringLiteral("不动产转移登记"));

// 食品经营许可 as the fold tests know it: statutory 20, promised 10 working days.
core::ServiceItem licenceItem();

// A complete application from 王五 for `item` (version 1): every material provided, the ones a
// person applying for themselves would not bring (an agent's authorisation, a business licence)
// not applicable.
core::ReceivedInput completeApplication(const core::ServiceItem& item);

} // namespace onewindow::test
