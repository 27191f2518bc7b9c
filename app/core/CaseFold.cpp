#include "core/CaseFold.h"

#include "core/CaseRules.h"

#include <QJsonArray>

namespace onewindow::core {

namespace {

QString text(const QJsonObject& o, const char* key)
{
    return o.value(QLatin1String(key)).toString().trimmed();
}

bool isOneOf(CaseStatus s, std::initializer_list<CaseStatus> list)
{
    return std::find(list.begin(), list.end(), s) != list.end();
}

// Which statuses an action may follow (domain.md, "Case lifecycle").
bool allowedInStatus(const CaseState& s, EventType type)
{
    using S = CaseStatus;
    const bool open = s.isOpen();
    switch (type) {
    case EventType::Received:
        return false; // only as the first event
    case EventType::NoticeIssued:
    case EventType::Accepted:
        return s.status == S::Received;
    case EventType::DeemedAccepted: // 行政许可法 Art. 32: only where no notice was issued
        return s.status == S::Received && s.notices.isEmpty();
    case EventType::Corrected:
    case EventType::DeemedAbandoned:
        return s.status == S::AwaitingCorrection;
    case EventType::Refused:
        return isOneOf(s.status, {S::Received, S::AwaitingCorrection});
    case EventType::Withdrawn:
        return isOneOf(s.status, {S::Received, S::AwaitingCorrection, S::InProgress, S::Suspended});
    case EventType::Suspended:
    case EventType::Forwarded:
    case EventType::Decided:
        return s.status == S::InProgress;
    case EventType::Resumed:
        return s.status == S::Suspended;
    case EventType::ExtensionRequested:
        return isOneOf(s.status, {S::InProgress, S::Suspended}) && !s.pendingExtension();
    case EventType::ExtensionApproved:
    case EventType::ExtensionRefused:
        return isOneOf(s.status, {S::InProgress, S::Suspended}) && s.pendingExtension();
    case EventType::ResultReady:
        return s.status == S::Decided;
    case EventType::Delivered:
        return isOneOf(s.status, {S::Decided, S::ResultReady});
    case EventType::Supervised:
        return open;
    case EventType::SupervisionAnswered:
        return open && s.supervisionOpen();
    case EventType::Rated:
        return !s.rating &&
               isOneOf(s.status, {S::Decided, S::ResultReady, S::Delivered, S::Refused});
    case EventType::RatingFollowedUp:
        return s.rating && *s.rating <= 2 && !s.timeline.followedUp;
    case EventType::Note:
    case EventType::DocumentPrinted:
    case EventType::DeadlineRecomputed:
        return true;
    }
    return false;
}

QString notAllowedMessage(const CaseState& s, EventType type)
{
    if (type == EventType::DeemedAccepted && !s.notices.isEmpty())
        return QStringLiteral("已发出一次性告知，不适用视为受理");
    if ((type == EventType::Accepted || type == EventType::NoticeIssued) &&
        s.timeline.deemedAccepted)
        return QStringLiteral("告知期限已过，本件已依法自收件之日起视为受理（行政许可法 Art. 32）");
    if (type == EventType::ExtensionRequested && s.pendingExtension())
        return QStringLiteral("已有延期申请待审批");
    if (type == EventType::Rated && s.rating)
        return QStringLiteral("本件已评价");
    return QStringLiteral("本件当前状态为“%1”，不能办理“%2”")
        .arg(caseStatusName(s.status), eventTypeName(type));
}

MaterialCheck* materialOf(CaseState& s, const QString& code)
{
    for (MaterialCheck& m : s.materials)
        if (m.code == code)
            return &m;
    return nullptr;
}

} // namespace

// A system fact another workstation already recorded: the same fact, not a conflict.
bool repeatsSystemFact(const CaseState& s, const Event& e)
{
    if (e.type == EventType::DeemedAccepted)
        return s.timeline.deemedAccepted;
    if (e.type == EventType::DeemedAbandoned)
        return s.status == CaseStatus::Abandoned &&
               s.closedReason == eventTypeKey(EventType::DeemedAbandoned);
    return false;
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
    if (!allowedInStatus(state, event.type))
        return Error{QStringLiteral("case.illegal_action"), notAllowedMessage(state, event.type)};
    // An answer names its order: one that meets a newer order (another window's log merged in)
    // does not close that one.
    const QJsonValue order = event.payload.value(QStringLiteral("order"));
    if (event.type == EventType::SupervisionAnswered && !order.isUndefined() &&
        order.toInt() != state.supervisionOrders)
        return Error{QStringLiteral("supervision.superseded"),
                     QStringLiteral("所反馈的督办（第 %1 次）已被新的督办（第 %2 次）取代，"
                                    "请按新的督办要求反馈")
                         .arg(order.toInt())
                         .arg(state.supervisionOrders)};
    return {};
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
    switch (e.type) {
    case EventType::Received: {
        s.caseId = e.caseId;
        s.receivedEventId = e.eventId;
        s.caseNumber = text(p, "caseNumber");
        s.queryCode = text(p, "queryCode");
        s.itemCode = text(p, "itemCode");
        s.itemVersion = p.value(QStringLiteral("itemVersion")).toInt();
        s.receivedBy = e.actorId;
        s.windowCode = text(p, "windowCode");
        s.channel = channelFromKey(text(p, "channel")).value_or(Channel::InPerson);
        s.applicant = Applicant::fromJson(p.value(QStringLiteral("applicant")).toObject());
        for (const QJsonValue& v : p.value(QStringLiteral("materials")).toArray())
            s.materials.append(MaterialCheck::fromJson(v.toObject()));
        s.status = CaseStatus::Received;
        t.profile = ctx.item->profile;
        t.statutoryDays = ctx.item->statutoryDays;
        t.promisedDays = ctx.item->promisedDays;
        t.correctionDays = ctx.item->correctionDays;
        t.statutoryUnit = ctx.item->statutoryUnit;
        t.promisedUnit = ctx.item->promisedUnit;
        t.correctionUnit = ctx.item->correctionUnit;
        t.warningThreshold = ctx.item->warningDays.value_or(-1);
        t.followUpDays = ctx.followUpDays;
        t.officeClose = ctx.officeClose;
        t.received = QDate::fromString(text(p, "receiptDate"), Qt::ISODate);
        break;
    }
    case EventType::NoticeIssued: {
        NoticeRecord n;
        n.date = day;
        for (const QJsonValue& v : p.value(QStringLiteral("corrections")).toArray())
            n.corrections.append(Correction::fromJson(v.toObject()));
        n.correctionDays = p.value(QStringLiteral("correctionDays")).toInt();
        n.repeat = p.value(QStringLiteral("repeat")).toBool();
        n.repeatReason = text(p, "repeatReason");
        n.approvedBy = text(p, "approvedBy");
        s.repeatNotices += n.repeat ? 1 : 0;
        s.notices.append(n);
        s.lastNoticeEventId = e.eventId;
        s.resubmittedSinceNotice.clear();
        s.status = CaseStatus::AwaitingCorrection;
        t.noticeIssued = day;
        t.correctionDays = n.correctionDays;
        break;
    }
    case EventType::Corrected:
        for (const QJsonValue& v : p.value(QStringLiteral("materials")).toArray()) {
            const MaterialCheck in = MaterialCheck::fromJson(v.toObject());
            if (MaterialCheck* m = materialOf(s, in.code)) {
                m->state = in.state;
                m->problem = in.problem;
                if (in.copies > 0)
                    m->copies = in.copies;
            } else {
                s.materials.append(in);
            }
            s.resubmittedSinceNotice.insert(in.code);
        }
        s.status = CaseStatus::Received; // back to the clerk's check
        t.corrected = day;
        break;
    case EventType::Accepted:
        for (const QJsonValue& v : p.value(QStringLiteral("deferred")).toArray())
            if (MaterialCheck* m = materialOf(s, text(v.toObject(), "materialCode"))) {
                m->state = MaterialState::Deferred;
                m->dueDate = QDate::fromString(text(v.toObject(), "dueDate"), Qt::ISODate);
            }
        for (const QJsonValue& v : p.value(QStringLiteral("commitments")).toArray())
            if (MaterialCheck* m = materialOf(s, text(v.toObject(), "materialCode")))
                m->state = MaterialState::Committed;
        s.status = CaseStatus::InProgress;
        t.accepted = day;
        t.acceptedAt = e.occurredAtUtc.toTimeZone(ctx.zone).time();
        break;
    case EventType::DeemedAccepted:
        // 行政许可法 Art. 32: accepted from the day the materials were received.
        s.status = CaseStatus::InProgress;
        t.accepted = t.received;
        t.deemedAccepted = true;
        if (const QDate lapsed = QDate::fromString(text(p, "lapsedOn"), Qt::ISODate);
            lapsed.isValid())
            t.noticeLapsed = lapsed;
        break;
    case EventType::Refused:
        s.status = CaseStatus::Refused;
        s.closedReason = text(p, "reason");
        t.refused = day;
        break;
    case EventType::Withdrawn:
    case EventType::DeemedAbandoned:
        s.status = e.type == EventType::Withdrawn ? CaseStatus::Withdrawn : CaseStatus::Abandoned;
        s.closedReason = eventTypeKey(e.type);
        t.closedWithoutDecision = day;
        if (!t.suspensions.isEmpty() && !t.suspensions.last().resumed)
            t.suspensions.last().resumed = day;
        break;
    case EventType::Suspended:
        s.status = CaseStatus::Suspended;
        t.suspensions.append(Suspension{day, std::nullopt});
        break;
    case EventType::Resumed:
        s.status = CaseStatus::InProgress;
        if (!t.suspensions.isEmpty())
            t.suspensions.last().resumed = day;
        break;
    case EventType::ExtensionRequested:
        s.extensions.append(ExtensionRequest{text(p, "clock"),
                                             p.value(QStringLiteral("days")).toInt(),
                                             text(p, "reason"), day, std::nullopt, QString()});
        break;
    case EventType::ExtensionApproved:
    case EventType::ExtensionRefused: {
        ExtensionRequest& r = s.extensions.last();
        r.approved = e.type == EventType::ExtensionApproved;
        r.decidedBy = e.actorId;
        if (*r.approved) {
            (r.clock == QStringLiteral("statutory") ? t.statutoryExtensions : t.promisedExtensions)
                .append(r.days);
        }
        break;
    }
    case EventType::Forwarded:
        s.forwardedTo = text(p, "to");
        break;
    case EventType::Decided:
        s.status = CaseStatus::Decided;
        s.decisionOutcome = text(p, "outcome");
        s.decisionNumber = text(p, "decisionNumber");
        t.decided = day;
        break;
    case EventType::ResultReady:
        s.status = CaseStatus::ResultReady;
        break;
    case EventType::Delivered:
        s.status = CaseStatus::Delivered;
        t.delivered = day;
        break;
    case EventType::Supervised:
        ++s.supervisionOrders;
        s.supervisedClerk = text(p, "toClerk");
        s.supervisedWindow = text(p, "toWindow");
        s.supervisionNote = text(p, "note");
        s.supervisedBy = e.actorId;
        s.supervisedOn = day;
        s.supervisionDue =
            p.contains(QStringLiteral("dueDate"))
                ? std::optional<QDate>(QDate::fromString(text(p, "dueDate"), Qt::ISODate))
                : std::nullopt;
        s.supervisionAnsweredOn.reset();
        s.supervisionAnsweredBy.clear();
        s.supervisionReply.clear();
        break;
    case EventType::SupervisionAnswered:
        s.supervisionAnsweredOn = day;
        s.supervisionAnsweredBy = e.actorId;
        s.supervisionReply = text(p, "reply");
        break;
    case EventType::Rated:
        s.rating = p.value(QStringLiteral("level")).toInt();
        s.ratedOn = day;
        if (*s.rating <= 2) // 不满意 / 非常不满意: the follow-up clock starts
            t.badRating = day;
        break;
    case EventType::RatingFollowedUp:
        t.followedUp = day;
        break;
    case EventType::DocumentPrinted:
        ++s.documentsPrinted;
        break;
    case EventType::Note:
    case EventType::DeadlineRecomputed:
        break;
    }
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
    CaseState state;
    for (const Event& e : *ordered) {
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
    static const EventType personal[] = {
        EventType::NoticeIssued,
        EventType::Corrected,
        EventType::Accepted,
        EventType::Refused,
        EventType::Withdrawn,
        EventType::Suspended,
        EventType::Resumed,
        EventType::ExtensionRequested,
        EventType::ExtensionApproved,
        EventType::ExtensionRefused,
        EventType::Forwarded,
        EventType::Decided,
        EventType::ResultReady,
        EventType::Delivered,
        EventType::Supervised,
        EventType::SupervisionAnswered,
        EventType::Note,
        EventType::Rated,
        EventType::RatingFollowedUp,
    };
    QList<EventType> out;
    for (EventType type : personal) {
        if (!allowedInStatus(state, type))
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
