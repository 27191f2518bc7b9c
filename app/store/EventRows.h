#pragma once

#include "core/Error.h"
#include "core/Event.h"

#include <QSqlQuery>
#include <QString>

namespace onewindow::store {

// The stored form of an event: the columns in the order eventFromRow() reads them.
extern const QString kEventColumns;
core::Result<core::Event> eventFromRow(const QSqlQuery& query);
QString eventPayloadText(const core::Event& event);

} // namespace onewindow::store
