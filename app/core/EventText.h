#pragma once

#include "core/Event.h"

#include <QString>

namespace onewindow::core {

// One line for the timeline (全过程留痕): what happened, in the clerk's words, from the payload.
QString describeEvent(const Event& event);

QString suspensionReasonName(const QString& kind); // inspection -> 检验检测 ...
QString refusalReasonName(const QString& kind);

} // namespace onewindow::core
