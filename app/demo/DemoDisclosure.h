#pragma once

#include "core/CaseState.h"

#include <QJsonObject>

namespace onewindow::demo {

// The demo hall's disclosure replies (政府信息公开条例 Art. 36): `variant` picks one of twenty
// shapes, about half of them disclosed and the rest every other reply type once, some with two
// requests. A case whose third party was consulted says how the opinion was weighed (Art. 32).
QJsonObject demoDisclosureReply(quint8 variant, const core::CaseState& state);
// The variant of the case with global index `index`: spread without drawing from the plan's
// random stream, so the rest of the hall stays as it was.
quint8 demoDisclosureVariant(quint64 index);

} // namespace onewindow::demo
