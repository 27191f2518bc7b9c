// Which action is legal when, and what its payload must hold: the checks of every type are in
// its description (core/events); here is how they are run on append.
#include "core/CaseRules.h"
#include "core/EventSpec.h"

#include <QJsonArray>

namespace onewindow::core {

Status checkPayload(const CaseState& s, const Event& e, const FoldContext& ctx)
{
    const EventSpec& spec = eventSpec(e.type);
    return spec.check ? spec.check(s, e, ctx) : Status(); // no check: nothing in the payload
}

Status checkEvent(const CaseState& state, const Event& event, const FoldContext& context)
{
    if (!context.item || !context.calendar)
        return Error{QStringLiteral("fold.no_context"),
                     QStringLiteral("缺少事项或日历，无法核对办件")};
    if (Status s = replayCheck(state, event); !s)
        return s;
    if (state.eventCount > 0 && repeatsSystemFact(state, event))
        return {};
    return checkPayload(state, event, context);
}

Status admitEvent(const CaseState& state, Event& event, const FoldContext& context)
{
    if (Status s = checkEvent(state, event, context); !s)
        return s;
    if (state.eventCount == 0 || repeatsSystemFact(state, event) ||
        !eventSpec(event.type).stopsClocks)
        return {};
    // Record the deadline of every clock this event stops, as the calendar of its day has it: a
    // replay never judges the event again, and a later calendar import moves only running clocks.
    const QDate day = civilDate(event, context.zone);
    auto before = clocksOf(state, context, day);
    if (!before)
        return before.error();
    QList<std::pair<ClockKind, QDate>> running;
    for (const CaseClock& c : *before)
        if (!c.clock.stopped)
            running.append({c.kind, c.clock.trigger});
    if (running.isEmpty())
        return {};
    CaseState after = state;
    applyEvent(after, event, context);
    auto now = clocksOf(after, context, day);
    if (!now)
        return now.error();
    QJsonArray recorded;
    for (const CaseClock& c : *now)
        if (c.clock.stopped && running.contains(std::pair{c.kind, c.clock.trigger}))
            recorded.append(
                QJsonObject{{QStringLiteral("clock"), clockKindKey(c.kind)},
                            {QStringLiteral("trigger"), c.clock.trigger.toString(Qt::ISODate)},
                            {QStringLiteral("deadline"), c.clock.deadline.toString(Qt::ISODate)}});
    if (!recorded.isEmpty())
        event.payload.insert(QStringLiteral("deadlinesInForce"), recorded);
    return {};
}

} // namespace onewindow::core
