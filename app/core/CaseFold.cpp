#include "core/CaseFold.h"

#include "core/CaseHold.h"
#include "core/CaseRules.h"
#include "core/EventSpec.h"

#include <QJsonArray>

namespace onewindow::core {

namespace {

QString text(const QJsonObject& o, const char* key)
{
    return o.value(QLatin1String(key)).toString().trimmed();
}

QString notAllowedMessage(const CaseState& s, const EventSpec& spec)
{
    if (spec.whyNot)
        if (QString why = spec.whyNot(s); !why.isEmpty())
            return why;
    return QStringLiteral("本件当前状态为“%1”，不能办理“%2”")
        .arg(caseStatusName(s.status), QString::fromUtf16(spec.name));
}

} // namespace

// A system fact another workstation already recorded: the same fact, not a conflict.
bool repeatsSystemFact(const CaseState& s, const Event& e)
{
    const EventSpec& spec = eventSpec(e.type);
    return spec.repeats && spec.repeats(s);
}

QDate civilDate(const Event& event, const QTimeZone& zone)
{
    // The last day found is remembered as its span of UTC instants [from, to): a case's events
    // fall on few days, and each conversion through the time-zone database costs more than the
    // rest of applying an event. The memo only ever returns what the conversion would; a span
    // is kept only when both of its ends are checked to lie on that day.
    struct Day
    {
        QByteArray zone;
        qint64 from = 0;
        qint64 to = 0;
        QDate date;
    };
    thread_local Day last;
    const QDateTime& t = event.occurredAtUtc;
    if (!t.isValid())
        return t.toTimeZone(zone).date();
    const qint64 ms = t.toMSecsSinceEpoch();
    if (ms >= last.from && ms < last.to && last.zone == zone.id())
        return last.date;
    const QDate day = t.toTimeZone(zone).date();
    const qint64 from = QDateTime(day, QTime(0, 0), zone).toMSecsSinceEpoch();
    const qint64 to = QDateTime(day.addDays(1), QTime(0, 0), zone).toMSecsSinceEpoch();
    if (from <= ms && ms < to && QDateTime::fromMSecsSinceEpoch(from, zone).date() == day &&
        QDateTime::fromMSecsSinceEpoch(to - 1, zone).date() == day)
        last = Day{zone.id(), from, to, day};
    return day;
}

Status replayCheck(const CaseState& state, const Event& event)
{
    if (state.eventCount == 0)
        return event.type == EventType::Received ? Status()
                                                 : Status(Error{QStringLiteral("case.not_received"),
                                                                QStringLiteral("办件须先收件")});
    if (repeatsSystemFact(state, event))
        return {};
    // 领办: only the holding window changes a held case (core/CaseHold.h).
    if (Status held = holdAllows(state, event); !held)
        return held;
    const EventSpec& spec = eventSpec(event.type);
    if (!spec.allowed(state))
        return Error{QStringLiteral("case.illegal_action"), notAllowedMessage(state, spec)};
    return spec.replayed ? spec.replayed(state, event) : Status();
}

void applyEvent(CaseState& s, const Event& e, const FoldContext& ctx)
{
    const QJsonObject& p = e.payload;
    const QDate day = civilDate(e, ctx.zone);
    CaseTimeline& t = s.timeline;
    ++s.eventCount;
    if (repeatsSystemFact(s, e))
        return;
    for (const QJsonValue& v : p.value(QStringLiteral("deadlinesInForce")).toArray()) {
        const QJsonObject r = v.toObject();
        if (const auto kind = clockKindFromKey(text(r, "clock")))
            t.recordedDeadlines.append(
                RecordedDeadline{*kind, QDate::fromString(text(r, "trigger"), Qt::ISODate),
                                 QDate::fromString(text(r, "deadline"), Qt::ISODate)});
    }
    eventSpec(e.type).apply(s, e, ctx, day);
    settleHold(s, e);
}

Result<CaseState> foldCase(const QList<Event>& events, const FoldContext& context)
{
    if (events.isEmpty() || events.first().type != EventType::Received)
        return Error{QStringLiteral("fold.no_receipt"),
                     QStringLiteral("办件记录不完整：缺少收件记录")};
    if (!context.item || !context.calendar)
        return Error{QStringLiteral("fold.no_context"),
                     QStringLiteral("缺少事项或日历，无法核对办件")};
    // Replay applies recorded facts in the canonical order and checks only the lifecycle: what was
    // judged against a calendar, a role or "now" was judged when the event was appended.
    QList<Event> sorted;
    const QList<Event>* ordered = &events;
    if (!isCanonicallySorted(events)) {
        sorted = events;
        sortCanonically(sorted);
        ordered = &sorted;
        if (ordered->first().type != EventType::Received)
            return Error{QStringLiteral("fold.no_receipt"),
                         QStringLiteral("办件记录不完整：缺少收件记录")};
    }
    return foldOrdered(*ordered, context);
}

Result<CaseState> foldOrdered(const QList<Event>& ordered, const FoldContext& context)
{
    if (ordered.isEmpty() || ordered.first().type != EventType::Received)
        return Error{QStringLiteral("fold.no_receipt"),
                     QStringLiteral("办件记录不完整：缺少收件记录")};
    CaseState state;
    for (const Event& e : ordered) {
        if (Status s = replayCheck(state, e); !s) {
            if (state.eventCount == 0)
                return s.error();
            state.rejected.append(RejectedEvent{e.eventId, s.error().message});
            continue;
        }
        applyEvent(state, e, context);
    }
    return state;
}

QList<EventType> legalActions(const CaseState& state, const FoldContext& context,
                              const QDate& today)
{
    QList<EventType> out;
    for (const EventSpec* spec : eventSpecs()) {
        const EventType type = spec->type;
        if (!spec->offered || !spec->allowed(state) ||
            (spec->offeredWhen && !spec->offeredWhen(state)))
            continue;
        // Past the notice period nothing but the deemed acceptance fits (行政许可法 Art. 32).
        if ((type == EventType::NoticeIssued || type == EventType::Accepted) &&
            state.notices.isEmpty()) {
            auto clocks = clocksOf(state, context, today);
            if (clocks && !clocks->isEmpty() &&
                clocks->first().clock.status.level == WarningLevel::Red)
                continue;
        }
        out.append(type);
    }
    return out;
}

Result<QList<CaseClock>> clocksOf(const CaseState& state, const FoldContext& context,
                                  const QDate& asOf)
{
    if (!context.calendar)
        return Error{QStringLiteral("fold.no_context"), QStringLiteral("缺少日历")};
    return caseClocks(*context.calendar, state.timeline, asOf);
}

} // namespace onewindow::core
