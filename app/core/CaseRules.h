#pragma once

// Internal to the fold: the payload rules of each event type (CaseRules.cpp).
#include "core/CaseFold.h"

namespace onewindow::core {

Status checkPayload(const CaseState& state, const Event& event, const FoldContext& context);
// A system fact another workstation already recorded: the same fact, not a conflict (CaseFold.cpp).
bool repeatsSystemFact(const CaseState& state, const Event& event);

} // namespace onewindow::core
