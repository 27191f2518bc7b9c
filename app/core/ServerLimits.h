#pragma once

#include "core/Error.h"

#include <QString>

namespace onewindow::core::sync {

// The limits onewindow-server enforces itself before a request reaches the protocol (Qt
// HttpServer 6.4 has none; docs/operations.md): the refusals' stable codes and their Chinese
// messages, composed once here like every other refusal of the protocol.
struct FrontLimits
{
    qint64 maxBodyBytes = 1024 * 1024; // a push's 1 MiB (kMaxBatchBytes); larger: 413
    int maxHeadBytes = 16 * 1024;      // request line and headers; larger: 431
    int requestTimeoutMs = 10 * 1000;  // a request's head and body, from its first byte: 408
    int idleTimeoutMs = 75 * 1000;     // a kept-alive connection with no request: closed
    int maxConnectionsPerAddress = 16; // open connections of one client address: 429
};

namespace code {
inline const QString kBodyTooLarge = QStringLiteral("body_too_large");
inline const QString kHeadTooLarge = QStringLiteral("head_too_large");
inline const QString kRequestTimeout = QStringLiteral("request_timeout");
inline const QString kTooManyConnections = QStringLiteral("too_many_connections");
inline const QString kExpectationFailed = QStringLiteral("expectation_failed");
inline const QString kBadHttp = QStringLiteral("bad_http");
inline const QString kDuplicateEventId = QStringLiteral("event.duplicate_id");
} // namespace code

Error bodyTooLarge(qint64 limit);
Error headTooLarge(int limit);
Error requestTimeout(int seconds);
Error tooManyConnections(int limit);
Error expectationFailed(const QString& expect);
Error badHttp(const QString& what);
// An event whose id the hall already holds under another device or sequence: set aside as
// rejected with the holder as winner (event ids are unique per hall).
Error duplicateEventId();

} // namespace onewindow::core::sync
