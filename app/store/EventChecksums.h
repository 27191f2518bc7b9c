#pragma once

#include "core/Error.h"

#include <QSqlDatabase>
#include <QStringList>

namespace onewindow::store {

// The event checksums of the store (core/EventChecksum.h, docs/event-log.md "Event checksums").

// Registers the SQL function onewindow_event_checksum(event_id, case_id, device_id, device_seq,
// hlc, actor_id, occurred_at_utc, type, type_version, payload) on the connection: core's checksum
// of the columns' stored bytes. The migration that gives existing events their checksums and
// `store check` call it; migrate() registers it on every connection it upgrades.
core::Status registerEventChecksumFunction(const QSqlDatabase& db);

// The events whose stored checksum is not the checksum of their stored bytes (a byte edited in
// the file or by raw SQL), at most `limit` of them, each named for a person: its event id, case
// and device sequence. `count` gets how many there are in all.
core::Result<QStringList> eventsFailingChecksum(const QSqlDatabase& db, qint64& count,
                                                int limit = 20);

} // namespace onewindow::store
