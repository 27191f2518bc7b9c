#include "server/HttpAnswers.h"

#include "core/SyncProtocol.h"
#include "server/AnswerRelay.h"
#include "server/HttpFront.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace onewindow::server {

namespace sync = core::sync;

QHttpServerResponse errorResponse(const core::Error& e, Status status, QJsonObject extra)
{
    extra.insert(QStringLiteral("error"), e.code);
    extra.insert(QStringLiteral("message"), e.message);
    return QHttpServerResponse(extra, status);
}

// A request's path as logged (F17): as it came, percent-encoded, never decoded (a %0A in it
// would forge a log line, a %00 write a NUL). A line takes all its fields in one arg() call: a
// chained .arg(status) would read the path's "%00" as a place for the status.
QString loggedPath(const QUrl& url)
{
    return logSafe(url.path(QUrl::FullyEncoded).toUtf8());
}

namespace {

QString methodName(QHttpServerRequest::Method m)
{
    switch (m) {
    case QHttpServerRequest::Method::Get:
        return QStringLiteral("GET");
    case QHttpServerRequest::Method::Post:
        return QStringLiteral("POST");
    case QHttpServerRequest::Method::Put:
        return QStringLiteral("PUT");
    case QHttpServerRequest::Method::Delete:
        return QStringLiteral("DELETE");
    case QHttpServerRequest::Method::Head:
        return QStringLiteral("HEAD");
    case QHttpServerRequest::Method::Options:
        return QStringLiteral("OPTIONS");
    case QHttpServerRequest::Method::Patch:
        return QStringLiteral("PATCH");
    default:
        return QStringLiteral("OTHER");
    }
}

} // namespace

QByteArray header(const QHttpServerRequest& r, const char* name)
{
    for (const auto& [key, value] : r.headers())
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value.trimmed();
    return {};
}

// The request's method as the client sent it: the front passes a HEAD on as GET and says so in
// its own header (F18), which it never takes from a client.
QString methodOf(const QHttpServerRequest& r)
{
    return header(r, AnswerRelay::kHeadHeader).isEmpty() ? methodName(r.method())
                                                         : QStringLiteral("HEAD");
}

// The status a refusal of the store's is answered with.
Status statusOf(const QString& code)
{
    if (code == sync::code::kSequenceGap || code == sync::code::kSequenceReused)
        return Status::Conflict;
    if (code == sync::code::kUnauthorized)
        return Status::Unauthorized;
    if (code == sync::code::kDeviceRevoked || code == sync::code::kDeviceStopped ||
        code == sync::code::kCodeInvalid || code == sync::code::kCodeExpired ||
        code == sync::code::kHallForbidden || code == sync::code::kDeviceMismatch)
        return Status::Forbidden;
    if (code == sync::code::kBatchTooLarge) // over 500 events or 1 MiB
        return Status::PayloadTooLarge;
    if (code == sync::code::kBadRequest)
        return Status::BadRequest;
    if (code == sync::code::kFoldBehindHall) // decision 10: upgrade first
        return Status::UpgradeRequired;
    return Status::InternalServerError;
}

std::optional<QJsonObject> jsonBody(const QByteArray& body)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    return doc.object();
}

} // namespace onewindow::server
