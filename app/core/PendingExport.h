#pragma once

#include "core/Error.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace onewindow::core::sync {

// Decisions 2 and 9 (docs/sync-protocol.md): the events a device recorded and the hall never
// took, carried by hand to the hall's administrator when the device may no longer push (its
// sequence reused by a restored or cloned disk, or revoked). `onewindowctl sync export-pending
// --out FILE` writes them; `onewindow-server device import DEVICE_ID --file FILE` judges them as
// an audited import. The events stay in their wire form, checksums and all, so the file proves
// what the device recorded.
inline const QString kPendingExportFormat = QStringLiteral("onewindow-pending-events");
inline constexpr int kPendingExportVersion = 1;

struct PendingExport
{
    QString hallCode;
    QString windowCode;
    QString deviceId;
    QString exportedAtUtc;     // canonical UTC text
    QList<QJsonObject> events; // wire form (eventToWire), in device order
};

// The file's bytes: indented JSON, one object.
QByteArray pendingExportJson(const PendingExport& file);
// Err (import.bad_file) with what is wrong for a file that is not such an export, names another
// format version, or misses the device or hall; the events themselves are checked by the import.
Result<PendingExport> parsePendingExport(const QByteArray& bytes);

} // namespace onewindow::core::sync
