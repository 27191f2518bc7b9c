// Which action is legal when, and what its payload must hold: the checks of every type are in
// its description (core/events); here is how they are run on append.
#include "core/CaseRules.h"
#include "core/EventSpec.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace onewindow::core {

Status checkPayload(const CaseState& s, const Event& e, const FoldContext& ctx)
{
    const EventSpec& spec = eventSpec(e.type);
    return spec.check ? spec.check(s, e, ctx) : Status(); // no check: nothing in the payload
}

namespace {

// The first text of a payload (at any depth) that is too long or holds a control character, as
// an error; nothing when every text is fit.
Status checkTexts(const QJsonValue& value, const QString& key)
{
    if (value.isObject()) {
        const QJsonObject o = value.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            if (Status s = checkTexts(it.value(), it.key()); !s)
                return s;
    } else if (value.isArray()) {
        for (const QJsonValue& v : value.toArray())
            if (Status s = checkTexts(v, key); !s)
                return s;
    } else if (value.isString()) {
        const QString text = value.toString();
        if (text.size() > kMaxPayloadTextChars)
            return Error{QStringLiteral("event.text_too_long"),
                         QStringLiteral("填写的文字过长（%1，%2 字，上限 %3 字），请精简后重试")
                             .arg(key)
                             .arg(text.size())
                             .arg(kMaxPayloadTextChars)};
        for (const QChar c : text)
            if ((c.unicode() < 0x20 && c != u'\n' && c != u'\r' && c != u'\t') ||
                c.unicode() == 0x7f)
                return Error{QStringLiteral("event.text_control"),
                             QStringLiteral("填写的文字（%1）中有不可见的控制字符（多半是从别处"
                                            "粘贴带来的），请删去后重试")
                                 .arg(key)};
    }
    return {};
}

} // namespace

Status checkPayloadText(const QJsonObject& payload)
{
    if (Status s = checkTexts(payload, QString()); !s)
        return s;
    const qsizetype bytes = QJsonDocument(payload).toJson(QJsonDocument::Compact).size();
    if (bytes > kMaxPayloadBytes)
        return Error{QStringLiteral("event.payload_too_large"),
                     QStringLiteral("这次办理填写的内容过多（%1 KB，上限 %2 KB），请精简后重试")
                         .arg((bytes + 1023) / 1024)
                         .arg(kMaxPayloadBytes / 1024)};
    return {};
}

Status checkEvent(const CaseState& state, const Event& event, const FoldContext& context)
{
    if (!context.item || !context.calendar)
        return Error{QStringLiteral("fold.no_context"),
                     QStringLiteral("缺少事项或日历，无法核对办件")};
    if (Status s = replayCheck(state, event); !s)
        return s;
    if (Status s = checkPayloadText(event.payload); !s)
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
