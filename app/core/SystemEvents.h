#pragma once

#include "core/CaseFold.h"
#include "core/HolidayNotice.h"

#include <QJsonArray>

#include <QList>

namespace onewindow::core {

// Time-driven facts (domain.md, "Clocks of a case"): the deemed acceptance when the notice period
// ran out without a notice (行政许可法 Art. 32) and the deemed abandonment when the correction
// period ran out (政府信息公开条例 Art. 30), and the withdrawal when a disclosure fee was not paid
// within the fee notice's period (国办函〔2020〕109号). Whatever opens a store for writing at or
// after their time produces them: the window's tick, every writing ctl command, `onewindowctl store
// tick`, later the server.
//
// Each stands outside every device's sequence, and its id and every field derive from what it is:
// the case, the kind, the event that started the clock and the clock's last day. It is dated the
// first moment after that day in the hall's zone, whenever it is produced. So two producers make
// the same event, and the second insert changes nothing.
//
// The events due for `state` as of `today` (none, or one). The caller admits each (admitEvent)
// and appends it before anything else happens to the case.
Result<QList<Event>> dueSystemEvents(const CaseState& state, const FoldContext& context,
                                     const QDate& today);

// A system event with the identity of `name` (nameBasedEventId), dated `at`.
Event systemEvent(EventType type, const QString& caseId, const QString& name, const QDateTime& at,
                  const QJsonObject& payload);

// Decision 9: the hall's server takes back the hold of a device that was retired or revoked
// (收回领办, `case.hold_recalled`, by kServerActor: the fold takes a recall from anyone, as a
// supervisor's). Outside every device's sequence like a system event, its id derives from the
// hold it ends, so two server processes make one event. `head`: the case's head at the server;
// `deviceGone`: 停用 (retired) or 吊销 (revoked). Its payload names the device it was taken from.
Event serverHoldRecall(const CaseState& state, const QString& head, const QDateTime& at,
                       const QString& deviceGone);
// The recall's reason, as the timeline shows it.
QString serverRecallReason(const QString& window, const QString& deviceGone);
// Whether `event` is such a recall of `deviceId`'s hold.
bool isServerRecallOf(const Event& event, const QString& deviceId);

// A holiday notice moves the running deadlines of open cases (行政许可法 Art. 82: periods count
// working days, so the calendar they count on): the case's timeline says why, with one
// `case.deadline_recomputed` entry naming the notices and each clock's old and new deadline.
// Made by whoever imports the notice: the window of a store with no server, the hall's server for
// its windows (decision 8). How the entry names the notices: "2026 年（2026.json）、…".
QString noticeNames(const QList<HolidayNotice>& notices);
// The clocks whose deadline differs between `before` and `after` (one case's clocks on the old and
// the new calendar), as [{kind, oldDeadline, newDeadline}] ordered by kind.
QJsonArray movedDeadlines(const QList<CaseClock>& before, const QList<CaseClock>& after);
// The entry itself. Its id derives from the case and the change (`notices`, `clocks`), so the same
// change made twice (two server processes, a rerun, an island and its server) is one event. Dated
// `now`, or just after `last` (the case's last event) when `now` is not later.
Event deadlineRecomputed(const QString& caseId, const QString& notices, const QJsonArray& clocks,
                         const Event& last, const QDateTime& now);

} // namespace onewindow::core
