#pragma once

#include "core/Error.h"

#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QJsonObject>

#include <optional>

// The small pieces HttpApi's handlers share (app/server/HttpApi.cpp, HttpPush.cpp): reading a
// request, answering a refusal, naming a request in the log.
namespace onewindow::server {

using Status = QHttpServerResponder::StatusCode;

QHttpServerResponse errorResponse(const core::Error& e, Status status, QJsonObject extra = {});
// A request's path as logged (F17): as it came, percent-encoded, never decoded.
QString loggedPath(const QUrl& url);
QByteArray header(const QHttpServerRequest& r, const char* name);
// The request's method as the client sent it (HEAD, which the front passes on as GET).
QString methodOf(const QHttpServerRequest& r);
// The status a refusal of the store's is answered with.
Status statusOf(const QString& code);
std::optional<QJsonObject> jsonBody(const QByteArray& body);

} // namespace onewindow::server
