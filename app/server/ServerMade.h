#pragma once

#include "core/CaseState.h"
#include "core/Clock.h"
#include "core/Error.h"
#include "core/HolidayNotice.h"
#include "core/SyncProtocol.h"
#include "server/HallRules.h"
#include "server/Model.h"
#include "server/storage/MasterData.h"
#include "server/storage/ServerEvents.h"

#include <QHash>
#include <QStringList>
#include <QTimeZone>

namespace onewindow::server {

// The events the hall's server makes itself (docs/sync-protocol.md, decisions 4 and 9), with
// core's own functions: exactly what a device would make, so one event from two makers is one.
//
// Decision 4, time-driven facts. An unheld case's deemed acceptance, abandonment or fee lapse is
// anyone's: the `due` command (the hall's timer) makes it once its clock ran out. A held case's is
// its holder's (a notice the holder served offline on the last day must not lose), so the server
// makes it only once the holder has pushed an event recorded after the due day, in that push's
// transaction (by then the holder has pushed everything it recorded before), or once the holder
// was retired or revoked. Decision 9: a device retired or revoked has its holds taken back by the
// server (收回领办 by kServerActor, core::serverHoldRecall) in the transaction that retires it.
//
// Every call runs inside the caller's write transaction and first locks the hall's row, so what it
// reads is what the hall holds: of two server processes, the second finds the first one's events.
class ServerMade
{
public:
    ServerMade(CentralDb& db, const core::Clock& clock, QString hallCode);

    // What was made, one line each for the operator, and what waits for its holder.
    struct Report
    {
        QStringList made;
        QStringList waiting;
        int cases = 0;
    };

    // Decision 9: `deviceId` was retired (`gone` 停用) or revoked (吊销).
    core::Status releaseHolds(const QString& deviceId, const QString& gone, Report& report);
    // Decision 4: `events` were pushed by `deviceId` in this transaction (the hall's row locked,
    // its zone `zone`); the device's first push of a new day looks at the cases it holds. Other
    // pushes cost one read.
    core::Status afterPush(const QString& deviceId, const QTimeZone& zone,
                           const QList<const core::sync::WireEvent*>& events);
    // The timer (`onewindow-server due`): these cases of the hall; `devices` the hall's, by id.
    core::Status dueCases(const QStringList& caseIds, const QHash<QString, Device>& devices,
                          Report& report);
    // Decision 8: notices named `notices` (core::noticeNames) were recorded at `noticeAt`
    // (`calendar import`, one chunk of its cases). Each of these cases that is open and whose
    // clock deadlines the hall's calendar as recorded at `noticeAt` moves from the one recorded
    // just before gets its "deadline moved" entry (core::deadlineRecomputed, by kServerActor),
    // once: made twice, the same id.
    core::Status deadlinesMoved(const QStringList& caseIds, const QString& noticeAt,
                                const QString& notices, Report& report);

private:
    struct Case
    {
        CaseRecord record;
        core::CaseState state;
        core::FoldContext context;
    };
    core::Status lock();
    core::Result<std::optional<Case>> load(const QString& caseId);
    QDate today() const;
    QDate dayOf(const QString& utcText) const;
    core::Status recall(Case& c, const QString& gone, Report& report);
    core::Status makeDue(Case& c, const QDate& day, Report& report);
    core::Status append(Case& c, const core::Event& e, const QString& reasonCode,
                        const QString& reason, Report& report);

    CentralDb& m_db;
    const core::Clock& m_clock;
    QString m_hall;
    ServerEvents m_events;
    MasterData m_master;
    HallRules m_rules;
    QTimeZone m_zone;
    const core::WorkingCalendar* m_calendarNow = nullptr; // the hall's, as lock() found it
};

} // namespace onewindow::server
