#include "core/SystemEvents.h"

#include "core/SyncProtocol.h"

#include <QJsonDocument>

#include <algorithm>

namespace onewindow::core {

Event systemEvent(EventType type, const QString& caseId, const QString& name, const QDateTime& at,
                  const QJsonObject& payload)
{
    Event e;
    e.eventId = nameBasedEventId(name);
    e.caseId = caseId;
    e.deviceId = systemDeviceId(e.eventId);
    e.deviceSeq = 1;
    e.hlc = systemHlc(at);
    e.actorId = kSystemActor;
    e.occurredAtUtc = at.toUTC();
    e.type = type;
    e.typeVersion = currentTypeVersion(type);
    e.payload = payload;
    return e;
}

Result<QList<Event>> dueSystemEvents(const CaseState& state, const FoldContext& context,
                                     const QDate& today)
{
    ClockKind kind;
    EventType type;
    QString startedBy;
    if (state.status == CaseStatus::Received && state.notices.isEmpty()) {
        kind = ClockKind::Notice; // 行政许可法 Art. 32; 政府信息公开条例 Art. 30
        type = EventType::DeemedAccepted;
        startedBy = state.receivedEventId;
    } else if (state.feePending()) {
        kind = ClockKind::FeePayment; // 国办函〔2020〕109号: not paid in time counts as withdrawn
        type = EventType::FeeLapsed;
        startedBy = state.feeNoticeEventId;
    } else if (state.status == CaseStatus::AwaitingCorrection) {
        kind = ClockKind::Correction; // 政府信息公开条例 Art. 30: deemed abandoned
        type = EventType::DeemedAbandoned;
        startedBy = state.lastNoticeEventId;
    } else {
        return QList<Event>();
    }
    auto clocks = clocksOf(state, context, today);
    if (!clocks)
        return clocks.error();
    for (const CaseClock& c : *clocks) {
        if (c.kind != kind || c.clock.stopped || today <= c.clock.deadline)
            continue;
        // Clocks run out at the end of their last day: the fact is dated the next midnight.
        const QDate lastDay = c.clock.deadline;
        const QDateTime at(lastDay.addDays(1), QTime(0, 0), context.zone);
        QJsonObject payload{{QStringLiteral("clock"), clockKindKey(kind)},
                            {QStringLiteral("startedBy"), startedBy},
                            {QStringLiteral("deadline"), lastDay.toString(Qt::ISODate)}};
        if (type == EventType::DeemedAccepted) {
            // The lapse took effect the working day after the deadline.
            auto lapse = context.calendar->nthWorkingDayAfter(lastDay, 1);
            if (!lapse)
                return lapse.error();
            payload.insert(QStringLiteral("lapsedOn"), lapse->date.toString(Qt::ISODate));
        }
        const QString name =
            QStringLiteral("%1|%2|%3|%4")
                .arg(state.caseId, eventTypeKey(type), startedBy, lastDay.toString(Qt::ISODate));
        return QList<Event>{systemEvent(type, state.caseId, name, at, payload)};
    }
    return QList<Event>();
}

QString serverRecallReason(const QString& window, const QString& deviceGone)
{
    return QStringLiteral("%1 窗口的设备已%2，中心服务器收回其领办，各窗口均可办理")
        .arg(window, deviceGone);
}

Event serverHoldRecall(const CaseState& state, const QString& head, const QDateTime& at,
                       const QString& deviceGone)
{
    const QString name =
        QStringLiteral("%1|%2|%3")
            .arg(state.caseId, eventTypeKey(EventType::HoldRecalled), state.holdEventId);
    Event e =
        systemEvent(EventType::HoldRecalled, state.caseId, name, at,
                    {{QLatin1String(sync::kCaseHeadKey), head},
                     {QStringLiteral("reason"), serverRecallReason(state.holderWindow, deviceGone)},
                     {QStringLiteral("device"), state.holderDevice}});
    e.actorId = kServerActor;
    return e;
}

bool isServerRecallOf(const Event& event, const QString& deviceId)
{
    return event.type == EventType::HoldRecalled && event.actorId == kServerActor &&
           isSystemDevice(event.deviceId) &&
           event.payload.value(QStringLiteral("device")).toString() == deviceId;
}

QString noticeNames(const QList<HolidayNotice>& notices)
{
    QStringList names;
    for (const HolidayNotice& n : notices)
        names.append(QStringLiteral("%1 年（%2）").arg(n.year).arg(n.source));
    return names.join(QStringLiteral("、"));
}

QJsonArray movedDeadlines(const QList<CaseClock>& before, const QList<CaseClock>& after)
{
    const auto byKind = [](QList<CaseClock> clocks) {
        std::stable_sort(clocks.begin(), clocks.end(), [](const CaseClock& a, const CaseClock& b) {
            return clockKindKey(a.kind) < clockKindKey(b.kind);
        });
        return clocks;
    };
    const QList<CaseClock> old = byKind(before);
    QJsonArray moved;
    for (const CaseClock& now : byKind(after))
        for (const CaseClock& then : old)
            if (then.kind == now.kind && then.clock.deadline != now.clock.deadline)
                moved.append(QJsonObject{
                    {QStringLiteral("kind"), clockKindKey(now.kind)},
                    {QStringLiteral("oldDeadline"), then.clock.deadline.toString(Qt::ISODate)},
                    {QStringLiteral("newDeadline"), now.clock.deadline.toString(Qt::ISODate)}});
    return moved;
}

Event deadlineRecomputed(const QString& caseId, const QString& notices, const QJsonArray& clocks,
                         const Event& last, const QDateTime& now)
{
    const QJsonObject payload{{QStringLiteral("notice"), notices},
                              {QStringLiteral("clocks"), clocks}};
    const QString name =
        QStringLiteral("%1|%2|%3")
            .arg(caseId, eventTypeKey(EventType::DeadlineRecomputed),
                 QString::fromUtf8(QJsonDocument(payload).toJson(QJsonDocument::Compact)));
    // After the case's last event in the canonical order.
    QDateTime at = now;
    if (systemHlc(at) <= last.hlc)
        at = QDateTime::fromMSecsSinceEpoch(
            std::max(last.hlc.left(13).toLongLong(), last.occurredAtUtc.toMSecsSinceEpoch()) + 1,
            Qt::UTC);
    return systemEvent(EventType::DeadlineRecomputed, caseId, name, at, payload);
}

} // namespace onewindow::core
