#include "core/CaseHold.h"

#include "core/SyncProtocol.h"

namespace onewindow::core {

namespace {

// What a hold does not keep from other windows: adding to a case without deciding it, and
// oversight.
bool outsideHold(EventType type)
{
    if (isSystemEvent(type) || sync::isMergeable(type))
        return true;
    switch (type) {
    case EventType::Supervised:
    case EventType::SupervisionAnswered:
    case EventType::RatingFollowedUp:
    case EventType::HoldRecalled:
        return true;
    default:
        return false;
    }
}

bool decidable(CaseStatus status)
{
    return status == CaseStatus::Received || status == CaseStatus::AwaitingCorrection ||
           status == CaseStatus::InProgress || status == CaseStatus::Suspended;
}

} // namespace

Status holdAllows(const CaseState& state, const Event& event)
{
    if (state.holderDevice.isEmpty() || event.deviceId == state.holderDevice ||
        outsideHold(event.type))
        return {};
    return Error{kHeldElsewhere,
                 QStringLiteral("本件已由 %1 窗口领办，只有该窗口可以办理：请该窗口办理或释放领办，"
                                "或请大厅主管收回领办")
                     .arg(state.holderWindow)};
}

void settleHold(CaseState& state, const Event& event)
{
    if (state.holderDevice.isEmpty())
        return;
    if (event.type == EventType::Forwarded || !decidable(state.status))
        clearHold(state);
}

void clearHold(CaseState& state)
{
    state.holderDevice.clear();
    state.holderWindow.clear();
    state.holderActor.clear();
    state.holdEventId.clear();
    state.heldAtUtc = QDateTime();
}

} // namespace onewindow::core
