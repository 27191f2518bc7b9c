#pragma once

#include "core/CaseFold.h"

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

} // namespace onewindow::core
