#include "core/EventText.h"

#include "core/CasePayloads.h"
#include "core/EventSpec.h"

namespace onewindow::core {

QString suspensionReasonName(const QString& kind)
{
    const std::optional<SuspensionKind> k = fromKey(kSuspensionKinds, kind);
    return k ? nameOf(kSuspensionKinds, *k) : kind;
}

QString refusalReasonName(const QString& kind)
{
    return nameOf(kRefusalKinds, fromKey(kRefusalKinds, kind).value_or(RefusalKind::Other));
}

QString describeEvent(const Event& e)
{
    const EventSpec& spec = eventSpec(e.type);
    const QString name = QString::fromUtf16(spec.name);
    return spec.describe ? spec.describe(e, name) : name;
}

} // namespace onewindow::core
