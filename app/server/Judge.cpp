#include "server/Judge.h"

#include "core/CaseFold.h"
#include "core/Catalog.h"
#include "core/Users.h"

namespace onewindow::server {

namespace {

Verdict rejected(const core::Error& why, const QString& winner = {})
{
    return Verdict{false, why.code, why.message, winner, false};
}

} // namespace

Verdict judge(const std::optional<CaseRecord>& record, const QString& deviceHall,
              const QTimeZone& zone, const core::sync::WireEvent& pushed,
              const ActorRecord& actor)
{
    if (pushed.fault)
        return rejected(*pushed.fault);
    const core::Event& e = *pushed.event;
    if (record && record->hallCode != deviceHall)
        return rejected(core::sync::otherHall());
    if (core::isSystemEvent(e.type)) {
        if (e.actorId != core::kSystemActor)
            return rejected(core::sync::actorUnknown(e.actorId));
    } else {
        const auto role = actor ? core::roleFromKey(actor->value(QStringLiteral("role")).toString())
                                : std::nullopt;
        if (!actor || !role || !actor->value(QStringLiteral("active")).toBool())
            return rejected(core::sync::actorUnknown(e.actorId));
        if (!core::roleMayRecord(*role, e.type))
            return rejected(core::sync::roleMissing(
                actor->value(QStringLiteral("displayName")).toString(), core::eventTypeName(e.type)));
    }

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
