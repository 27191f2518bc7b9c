#pragma once
// What the case view's tests of holds (领办, issue 18 and decision 9) and of inquiries on a held
// case (decision 1) share: another window's hold as a pull brings it, waiting for a button's
// Alt key, and the view's timeline read line by line.
#include "support/ClerkHall.h"

#include "store/CaseStore.h"
#include "store/SyncRepository.h"

#include <catch2/catch.hpp>

#include <QListWidget>
#include <QTest>

#include <functional>

namespace onewindow::test {

// A button's Alt key clicks it a moment later (QAbstractButton::animateClick): wait for it, up to
// ten seconds on a loaded machine.
inline bool waitFor(const std::function<bool()>& done)
{
    for (int i = 0; i < 200 && !done(); ++i)
        QTest::qWait(50);
    return done();
}

// What a pull brings when window W08 (another device) held case `caseId` on its head: the case's
// events in the hall's order, then W08's hold (event `eventId`, its clock `hlc` after every event
// of this window). Applied to the desk's store; the hold and the last hall order it took.
struct PulledHold
{
    core::Event held;
    qint64 seq = 0;
};
inline PulledHold
pullHoldByW08(ClerkHall& d, const QString& caseId,
              const QString& eventId = QStringLiteral("0190f000-0000-7000-8000-0000000000a1"),
              const QString& hlc = QStringLiteral("9999999999999-00000-other"))
{
    auto events = d.cases->events(caseId);
    REQUIRE(events.ok());
    PulledHold out;
    core::Event& held = out.held;
    held.eventId = eventId;
    held.caseId = caseId;
    held.deviceId = QStringLiteral("0190f000-0000-7000-8000-0000000000d8");
    held.deviceSeq = 1;
    held.hlc = hlc;
    held.actorId = d.clerk.userId;
    held.occurredAtUtc = d.store->clock().nowUtc();
    held.type = core::EventType::Held;
    held.payload = QJsonObject{{QStringLiteral("window"), QStringLiteral("W08")},
                               {QStringLiteral("caseHead"), events->last().eventId}};
    QList<store::PulledEvent> page;
    for (const core::Event& e : *events + QList<core::Event>{held}) {
        store::Placement p;
        p.eventId = e.eventId;
        p.caseId = caseId;
        p.hallSeq = ++out.seq;
        page.append({p, e, std::nullopt});
    }
    REQUIRE(store::SyncRepository(*d.cases).applyPull(page, out.seq).ok());
    return out;
}

// The lines of a case view's timeline (its list timelineList), top to bottom.
inline QStringList timelineLines(const QWidget& view)
{
    auto* timeline = view.findChild<QListWidget*>(QStringLiteral("timelineList"));
    REQUIRE(timeline);
    QStringList lines;
    for (int i = 0; i < timeline->count(); ++i)
        lines.append(timeline->item(i)->text());
    return lines;
}

} // namespace onewindow::test
