#include "server/ServerMade.h"

#include "core/CaseFold.h"
#include "core/CaseHold.h"
#include "core/CaseRules.h"
#include "core/EventChecksum.h"
#include "core/SystemEvents.h"
#include "server/storage/Ledger.h"

#include <QJsonArray>

#include <algorithm>

namespace onewindow::server {

namespace {

// The reasons the stored rows carry (the columns of a rejection; an accepted event with a reason
// came from the server's own hand or an administrator's import).
const QString kDueCode = QStringLiteral("server.due");
const QString kRecallCode = QStringLiteral("server.hold_recall");
const QString kCalendarCode = QStringLiteral("server.calendar");

QString utcText(const QDateTime& t)
{
    return QString::fromUtf8(core::canonicalTimeText(t));
}

} // namespace

ServerMade::ServerMade(CentralDb& db, const core::Clock& clock, QString hallCode)
    : m_db(db), m_clock(clock), m_hall(std::move(hallCode)), m_events(db), m_master(db, clock),
      m_rules(m_master, m_hall)
{}

core::Status ServerMade::lock()
{
    auto zone = m_events.lockHall(m_hall);
    if (!zone)
        return zone.error();
    m_zone = QTimeZone(zone->toUtf8());
    m_calendarNow = &m_rules.calendarAt(utcText(m_clock.nowUtc()));
    return {};
}

QDate ServerMade::today() const
{
    return m_clock.nowUtc().toTimeZone(m_zone).date();
}

QDate ServerMade::dayOf(const QString& utcText) const
{
    return QDateTime::fromString(utcText, Qt::ISODateWithMs).toTimeZone(m_zone).date();
}

core::Result<std::optional<ServerMade::Case>> ServerMade::load(const QString& caseId)
{
    auto record = loadCase(m_db, caseId); // server/storage/Ledger.h
    if (!record)
        return record.error();
    if (!*record || (*record)->hallCode != m_hall || (*record)->accepted.isEmpty())
        return std::optional<Case>();
    Case c{std::move(**record), {}, {}};
    c.context.zone = m_zone;
    c.context.calendar = m_calendarNow;
    const QJsonObject& receipt = c.record.accepted.first().payload;
    c.context.item = m_rules.item(receipt.value(QStringLiteral("itemCode")).toString(),
                                  receipt.value(QStringLiteral("itemVersion")).toInt());
    if (!c.context.item) // an item the hall's catalog lacks: no clock can be counted
        return std::optional<Case>();
    for (const core::Event& e : c.record.accepted)
        core::applyEvent(c.state, e, c.context);
    return std::optional<Case>(std::move(c));
}

core::Status ServerMade::append(Case& c, const core::Event& e, const QString& reasonCode,
                                const QString& reason, Report& report)
{
    auto seq = m_events.appendAccepted(m_hall, e, reasonCode, reason, utcText(m_clock.nowUtc()));
    if (!seq)
        return seq.error();
    c.record.accepted.append(e);
    if (core::sync::movesHead(e.type))
        c.record.head = e.eventId;
    core::applyEvent(c.state, e, c.context);
    if (*seq > 0)
        report.made.append(QStringLiteral("%1\t%2\t%3\thall_seq %4")
                               .arg(core::eventTypeKey(e.type), c.state.caseNumber, e.caseId)
                               .arg(*seq));
    return {};
}

core::Status ServerMade::makeDue(Case& c, const QDate& day, Report& report)
{
    auto due = core::dueSystemEvents(c.state, c.context, day);
    if (!due)
        return due.error();
    for (const core::Event& d : *due) {
        // Judged as a pushed one is (the calendar as the hall held it at the event's time): what
        // the judge would refuse from a window, the server does not make either.
        const auto wire = core::sync::eventFromWire(core::sync::eventToWire(d));
        if (!wire)
            return wire.error();
        core::FoldContext at = c.context;
        at.calendar = &m_rules.calendarAt(utcText(d.occurredAtUtc));
        const Verdict v = judge(c.record, m_hall, *wire, ActorRecord(), at);
        if (!v.accepted) {
            report.waiting.append(
                QStringLiteral("%1\t%2\t未记录：%3（%4）")
                    .arg(c.state.caseNumber, core::eventTypeName(d.type), v.reason, v.reasonCode));
            continue;
        }
        if (core::Status s = append(c, d, kDueCode,
                                    QStringLiteral("期限届满，由中心服务器记录（决定 4）"), report);
            !s)
            return s;
    }
    return {};
}

core::Status ServerMade::recall(Case& c, const QString& gone, Report& report)
{
    const core::Event r = core::serverHoldRecall(c.state, c.record.head, m_clock.nowUtc(), gone);
    if (core::Status legal = core::checkEvent(c.state, r, c.context); !legal)
        return legal; // a hold that stands can always be taken back
    if (core::Status s =
            append(c, r, kRecallCode, r.payload.value(QStringLiteral("reason")).toString(), report);
        !s)
        return s;
    // No longer held: its due facts are anyone's, so the server's now.
    return makeDue(c, today(), report);
}

core::Status ServerMade::releaseHolds(const QString& deviceId, const QString& gone, Report& report)
{
    if (core::Status s = lock(); !s)
        return s;
    auto held = m_events.casesHeldBy(m_hall, deviceId);
    if (!held)
        return held.error();
    for (const QString& caseId : *held) {
        auto c = load(caseId);
        if (!c)
            return c.error();
        if (!*c || !core::heldBy((*c)->state, deviceId))
            continue;
        ++report.cases;
        if (core::Status s = recall(*c.value(), gone, report); !s)
            return s;
    }
    return {};
}

core::Status ServerMade::afterPush(const QString& deviceId, const QTimeZone& zone,
                                   const QList<const core::sync::WireEvent*>& events)
{
    QString latest;
    for (const core::sync::WireEvent* w : events)
        if (w->deviceId == deviceId && w->event && w->occurredAt > latest)
            latest = w->occurredAt;
    if (latest.isEmpty())
        return {};
    auto checked = m_events.dueCheckedOn(deviceId);
    if (!checked)
        return checked.error();
    // Never past the server's own today: a device whose clock runs ahead brings nothing forward.
    m_zone = zone;
    const QDate day = std::min(dayOf(latest), today());
    if (!checked->isEmpty() && day <= QDate::fromString(*checked, Qt::ISODate))
        return {}; // a day looked at already: every push but the device's first of the day
    if (core::Status s = lock(); !s)
        return s;
    auto held = m_events.casesHeldBy(m_hall, deviceId);
    if (!held)
        return held.error();
    Report report;
    for (const QString& caseId : *held) {
        auto c = load(caseId);
        if (!c)
            return c.error();
        if (*c && core::heldBy((*c)->state, deviceId))
            if (core::Status s = makeDue(*c.value(), day, report); !s)
                return s;
    }
    return m_events.setDueCheckedOn(deviceId, day.toString(Qt::ISODate));
}

core::Status ServerMade::dueCases(const QStringList& caseIds, const QHash<QString, Device>& devices,
                                  Report& report)
{
    if (core::Status s = lock(); !s)
        return s;
    for (const QString& caseId : caseIds) {
        auto c = load(caseId);
        if (!c)
            return c.error();
        if (!*c)
            continue;
        ++report.cases;
        Case& one = *c.value();
        const QString holder = one.state.holderDevice;
        if (holder.isEmpty()) {
            if (core::Status s = makeDue(one, today(), report); !s)
                return s;
            continue;
        }
        const auto device = devices.constFind(holder);
        if (device != devices.constEnd() &&
            (!device->revokedAt.isEmpty() || !device->retiredAt.isEmpty())) {
            // A hold left from before the server took holds back itself.
            const QString gone =
                device->revokedAt.isEmpty() ? QStringLiteral("停用") : QStringLiteral("吊销");
            if (core::Status s = recall(one, gone, report); !s)
                return s;
            continue;
        }
        // Held by a device in service: only once it has worked past the due day.
        auto last = m_events.lastOwnEventAt(holder);
        if (!last)
            return last.error();
        const QDate holderDay = last->isEmpty() ? QDate() : std::min(dayOf(*last), today());
        auto dueNow = core::dueSystemEvents(one.state, one.context, today());
        if (!dueNow)
            return dueNow.error();
        if (dueNow->isEmpty())
            continue;
        auto dueThen = holderDay.isValid()
                           ? core::dueSystemEvents(one.state, one.context, holderDay)
                           : core::Result<QList<core::Event>>(QList<core::Event>());
        if (!dueThen)
            return dueThen.error();
        if (!dueThen->isEmpty()) {
            if (core::Status s = makeDue(one, holderDay, report); !s)
                return s;
            continue;
        }
        report.waiting.append(
            QStringLiteral(
                "%1\t%2\t由 %3 窗口领办：该窗口上传了 %4 之后记录的办理，中心服务器才代记；"
                "该设备已不再使用时请停用（device retire）或由主管收回领办")
                .arg(one.state.caseNumber, core::eventTypeName(dueNow->first().type),
                     one.state.holderWindow,
                     dueNow->first().payload.value(QStringLiteral("deadline")).toString()));
    }
    return {};
}

core::Status ServerMade::deadlinesMoved(const QStringList& caseIds, const QString& noticeAt,
                                        const QString& names, Report& report)
{
    if (core::Status s = lock(); !s)
        return s;
    // The calendars on either side of the notices, not today's: a later notice, or a rerun long
    // after, moves nothing in their name.
    const core::WorkingCalendar& after = m_rules.calendarAt(noticeAt);
    const core::WorkingCalendar& before = m_rules.calendarAt(
        utcText(QDateTime::fromString(noticeAt, Qt::ISODateWithMs).toUTC().addMSecs(-1)));
    for (const QString& caseId : caseIds) {
        auto c = load(caseId);
        if (!c)
            return c.error();
        // A finished case's deadlines are what its events recorded: only open ones move.
        if (!*c || !(*c)->state.isOpen())
            continue;
        ++report.cases;
        Case& now = *c.value();
        if (&after != m_calendarNow) { // folded by load() on today's calendar
            now.context.calendar = &after;
            now.state = core::CaseState();
            for (const core::Event& e : now.record.accepted)
                core::applyEvent(now.state, e, now.context);
        }
        core::FoldContext then = now.context;
        then.calendar = &before;
        core::CaseState old; // folded as load() folds, on the calendar before the import
        for (const core::Event& e : now.record.accepted)
            core::applyEvent(old, e, then);
        auto oldClocks = core::clocksOf(old, then, today());
        if (!oldClocks)
            return oldClocks.error();
        auto newClocks = core::clocksOf(now.state, now.context, today());
        if (!newClocks)
            return newClocks.error();
        const QJsonArray moved = core::movedDeadlines(*oldClocks, *newClocks);
        if (moved.isEmpty())
            continue;
        // Dated after the case's latest event by its time (hlc), wherever that stands in the
        // hall's order.
        const core::Event& last = *std::max_element(
            now.record.accepted.cbegin(), now.record.accepted.cend(),
            [](const core::Event& a, const core::Event& b) { return a.hlc < b.hlc; });
        core::Event e = core::deadlineRecomputed(caseId, names, moved, last, m_clock.nowUtc());
        e.actorId = core::kServerActor; // shown as 中心服务器
        if (core::Status legal = core::checkEvent(now.state, e, now.context); !legal)
            return legal;
        if (core::Status s =
                append(now, e, kCalendarCode,
                       QStringLiteral("节假日通知改变了期限，由中心服务器记录（决定 8）"), report);
            !s)
            return s;
    }
    return {};
}

} // namespace onewindow::server
