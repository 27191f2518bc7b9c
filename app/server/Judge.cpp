#include "server/Judge.h"

#include "core/CaseFold.h"
#include "core/CaseHold.h"
#include "core/CaseRules.h"
#include "core/Catalog.h"
#include "core/SystemEvents.h"
#include "core/Users.h"

namespace onewindow::server {

namespace {

Verdict rejected(const core::Error& why, const QString& winner = {})
{
    return Verdict{false, why.code, why.message, winner, false};
}

// Decision 9: the server's recall of a retired device's hold stands in the hall's order where it
// was made, but what that device recorded before its retirement, drained later on the head it
// knew, is not stale for it: it is judged on the head the recall found. Once anyone else changed
// the case, the head is theirs and the drained event loses as any late one.
QString headFor(const CaseRecord& record, const core::Event& e)
{
    QString head = record.head;
    for (auto it = record.accepted.crbegin(); it != record.accepted.crend(); ++it)
        if (it->eventId == head) {
            if (!core::isServerRecallOf(*it, e.deviceId))
                break;
            head = core::sync::caseHeadOf(*it);
        }
    return head;
}

} // namespace

Verdict judge(const std::optional<CaseRecord>& record, const QString& deviceHall,
              const core::sync::WireEvent& pushed, const ActorRecord& actor,
              const core::FoldContext& context, const QString& pushedBy)
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
            return rejected(
                core::sync::roleMissing(actor->value(QStringLiteral("displayName")).toString(),
                                        core::eventTypeName(e.type)));
    }
    if (!record && e.type != core::EventType::Received)
        return rejected(core::replayCheck(core::CaseState{}, e).error());
    if (!context.item)
        return rejected(core::sync::unknownItem(), record ? record->head : QString());

    core::CaseState state;
    if (record)
        for (const core::Event& earlier : record->accepted)
            core::applyEvent(state, earlier, context);

    // Decision 1: a change made on an out-of-date head loses; mergeable types never do. A case
    // another window holds says so (领办: the holder wins whatever the push order), with the hold
    // as the winner.
    if (record && core::sync::needsCaseHead(e.type) &&
        core::sync::caseHeadOf(e) != headFor(*record, e)) {
        if (core::Status held = core::holdAllows(state, e); !held)
            return rejected(held.error(), state.holdEventId);
        return rejected(core::sync::staleHead(), record->head);
    }
    // Decision 4: a held case's time-driven events are its holder's to make, so a notice the
    // holder served offline on the last day does not lose to another window's deemed acceptance
    // (the window's rule, CaseStore::catchUp). The server makes them itself (ServerMade.h).
    if (core::isSystemEvent(e.type) && !pushedBy.isEmpty() && !state.holderDevice.isEmpty() &&
        !core::heldBy(state, pushedBy))
        return rejected(core::Error{core::kHeldElsewhere,
                                    QStringLiteral("本件已由 %1 窗口领办，到期后的%2由该窗口"
                                                   "或大厅服务器记录，本窗口记录的不生效")
                                        .arg(state.holderWindow, core::eventTypeName(e.type))},
                        state.holdEventId);
    if (core::isSystemEvent(e.type) && !core::repeatsSystemFact(state, e)) {
        // Decision 4: the event core makes for this case on the event's day, field for field.
        const auto due = core::dueSystemEvents(state, context, core::civilDate(e, context.zone));
        bool same = false;
        if (due)
            for (const core::Event& d : *due)
                same = same || (d.eventId == e.eventId && d.type == e.type &&
                                d.occurredAtUtc == e.occurredAtUtc && d.payload == e.payload);
        if (!same)
            return rejected(core::sync::systemEventNotDue(), record ? record->head : QString());
    }
    if (core::Status legal = core::checkEvent(state, e, context); !legal)
        return rejected(legal.error(), legal.error().code == core::kHeldElsewhere
                                           ? state.holdEventId
                                           : (record ? record->head : QString()));
    return Verdict{true, {}, {}, {}, core::sync::movesHead(e.type)};
}

} // namespace onewindow::server
