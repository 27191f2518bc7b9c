#include "server/Judge.h"

#include "core/CaseFold.h"
#include "core/Catalog.h"

namespace onewindow::server {

namespace {

Verdict rejected(const core::Error& why, const QString& winner = {})
{
    return Verdict{false, why.code, why.message, winner, false};
}

} // namespace

Verdict judge(const std::optional<CaseRecord>& record, const QString& deviceHall,
              const QTimeZone& zone, const core::sync::WireEvent& pushed)
{
    if (pushed.fault)
        return rejected(*pushed.fault);
    const core::Event& e = *pushed.event;
    if (record && record->hallCode != deviceHall)
        return rejected(core::sync::otherHall());

    // The lifecycle needs the state, not the item's limits: the fold is given an empty item
    // (the limits the device judged by are recorded in the events themselves).
    static const core::ServiceItem lifecycleOnly;
    core::FoldContext context;
    context.item = &lifecycleOnly;
    context.zone = zone;
    core::CaseState state;
    if (record)
        for (const core::Event& earlier : record->accepted)
            core::applyEvent(state, earlier, context);

    // Decision 1: a change made on an out-of-date head loses; mergeable types never do.
    if (record && core::sync::needsCaseHead(e.type) && core::sync::caseHeadOf(e) != record->head)
        return rejected(core::sync::staleHead(), record->head);
    if (core::Status legal = core::replayCheck(state, e); !legal)
        return rejected(legal.error(), record ? record->head : QString());
    return Verdict{true, {}, {}, {}, !core::sync::isMergeable(e.type)};
}

} // namespace onewindow::server
