#pragma once

// Internal to the fold: the payload rules of each event type (CaseRules.cpp).
#include "core/CaseFold.h"

namespace onewindow::core {

Status checkPayload(const CaseState& state, const Event& event, const FoldContext& context);

} // namespace onewindow::core
