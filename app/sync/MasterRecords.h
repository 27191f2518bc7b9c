#pragma once

#include "core/Error.h"
#include "core/HallSettings.h"
#include "store/SyncMasterData.h"

#include <QJsonObject>

namespace onewindow::sync {

// The master-data kinds of protocol 2 (docs/sync-protocol.md: record shapes); the server's own
// names are server::record (the client does not link the server).
bool isMasterKind(const QString& kind);

// Reads one master record of a pulled page (`{kind, key, version, recorded_at, body}`) into
// `into`, by kind: users, calendar notices (core::parseHolidayNotice), catalog item versions
// (core::itemFromJson, validated), the hall's settings (applied onto `into.settings`, which
// starts as `window`'s, and validated; another hall's code is refused), revoked devices and
// the hall's back offices (core::backOfficesFromJson). A record of a known kind the window cannot
// read is the server's bad answer (core::sync::badAnswer): the page is then refused, nothing
// stored. `hallSeq`: the record's hall order, which a user row keeps (a failover's new epoch,
// store/SyncRebase.cpp).
core::Status readMasterRecord(const QJsonObject& record, qint64 hallSeq,
                              const core::HallSettings& window, store::PulledMaster& into);

} // namespace onewindow::sync
