#pragma once

#include <QString>

namespace onewindow::store {

// UUIDv7 (RFC 9562): 48 bits of Unix milliseconds, then random bits. Sorts by creation time, is
// unique without a network.
QString newUuidV7(qint64 unixMs);
// The 6-digit query code an applicant uses to look up a case.
QString newQueryCode();

// Hybrid logical clock: never goes backwards, across restarts and a wall clock that jumps back.
struct Hlc
{
    qint64 wallMs = 0;
    int counter = 0;

    // The next timestamp given the wall clock now.
    Hlc tick(qint64 nowMs) const;
    // Sortable text: 13-digit milliseconds, 5-digit counter, the device id.
    QString text(const QString& deviceId) const;
};

} // namespace onewindow::store
