#pragma once

#include "core/Error.h"
#include "core/Event.h"

#include <QByteArray>
#include <QDateTime>
#include <QSqlQuery>
#include <QString>

namespace onewindow::store {

// The stored form of an event: the columns in the order eventFromRow() reads them.
extern const QString kEventColumns;
// What an insert writes: kEventColumns, then the event's checksum (core/EventChecksum.h).
extern const QString kEventWriteColumns;
core::Result<core::Event> eventFromRow(const QSqlQuery& query);
// A case's events in the canonical order (architecture.md), rejected ones left out: the hall's
// order from the placements sync keeps (db/local/0014_sync.sql), then the events without one
// (this device's pending events, or every event of a store that never synced) by (hlc, device,
// sequence). Columns as kEventColumns; `where` is the condition on `e` (e.case_id = ?), `first`
// an ORDER BY term before the canonical ones (e.case_id, for every case at once).
QString canonicalEventsQuery(const QString& where, const QString& first = {});
// The payload and time columns as stored (UTF-8): core's canonical texts, which the event's
// checksum covers (core::canonicalPayloadText, core::canonicalTimeText).
QByteArray eventPayloadText(const core::Event& event);
QByteArray eventTimeText(const QDateTime& time);

} // namespace onewindow::store
