#pragma once

#include "core/Error.h"

#include <QByteArray>
#include <QImage>
#include <QString>

namespace onewindow::documents {

// What the QR code of a case's documents holds: the hall's query URL with the case number and
// query code filled in, or, without one, "OW:<case number>:<query code>". Always ASCII, so every
// phone's scanner reads it back unchanged (domain.md, "Identifiers").
QByteArray qrPayload(const QString& queryUrlPattern, const QString& caseNumber,
                     const QString& queryCode);

struct HallProfile;
// The address where a case is queried, printed beside the QR code: the status page
// BASE/q/CASE_NO?code=QUERY_CODE when the hall has a queryBaseUrl, else its queryUrl pattern
// filled in; empty when it has neither.
QString queryAddress(const HallProfile& hall, const QString& caseNumber, const QString& queryCode);
// The QR code's payload: queryAddress(), or qrPayload()'s "OW:…" without one.
QByteArray qrPayloadFor(const HallProfile& hall, const QString& caseNumber,
                        const QString& queryCode);

// The QR code of `payload` (libqrencode, error correction level M) as a 1-bit image with the
// 4-module quiet zone, each module `scale` pixels: lossless in PDF and sharp at any size.
core::Result<QImage> qrImage(const QByteArray& payload, int scale = 8);

} // namespace onewindow::documents
