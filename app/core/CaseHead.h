#pragma once

#include "core/Event.h"

#include <QJsonObject>
#include <QList>

namespace onewindow::core::sync {

// Decision 1 (docs/sync-protocol.md): the case head a device records on a state-changing event,
// from the case's events in its canonical order as the device folded them (rejected ones left
// out): the last one that is neither mergeable nor a system event (those never move the
// server's head). Empty for a case with none.
QString caseHeadAfter(const QList<Event>& canonical);
// `payload` with the head added when `type` needs one (core::sync::needsCaseHead).
QJsonObject withCaseHead(EventType type, QJsonObject payload, const QList<Event>& canonical);
// `payload` with the calendar version (decision 8) added when `type` records one.
QJsonObject withCalendarVersion(EventType type, QJsonObject payload, const QString& version);

} // namespace onewindow::core::sync
