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
// The payload and time columns as stored (UTF-8): core's canonical texts, which the event's
// checksum covers (core::canonicalPayloadText, core::canonicalTimeText).
QByteArray eventPayloadText(const core::Event& event);
QByteArray eventTimeText(const QDateTime& time);

} // namespace onewindow::store
