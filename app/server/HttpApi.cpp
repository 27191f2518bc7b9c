#include "server/HttpApi.h"

#include "server/storage/NumberBlocks.h"

#include "core/ClockOffset.h"
#include "core/EventChecksum.h"
#include "core/ServerLimits.h"
#include "core/SyncProtocol.h"
#include "server/HttpAnswers.h"
#include "server/storage/Epochs.h"
#include "server/storage/FoldVersions.h"
#include "server/storage/TimeFlags.h"

#include <QElapsedTimer>
#include <QHttpServerRequest>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QUrlQuery>

namespace onewindow::server {

namespace sync = core::sync;

HttpApi::HttpApi(CentralDb& db, const core::Clock& clock, LogSink log)
    : m_db(db), m_clock(clock), m_registry(db, clock),
      m_ledger(db, clock), m_desk{m_db, m_registry, m_ledger}, m_statusPages(db, clock),
      m_longPoll(db, m_ledger,
                 [this](const PullPage& page, int protocol) {
                     QHttpServerResponse response = pageResponse(page, protocol);
                     stampTime(response);
                     return response;
                 }),
      m_log(std::move(log))
{
    // Every method reaches our handler (Qt 6.4 answers a wrong method with a bare 404 otherwise):
    // the handler answers 405 with a JSON body itself.
    for (const char* path :
         {"/healthz", "/v1/enrol", "/v1/numbers", "/v1/snapshot", "/v1/case", "/v1/search"})
        m_server.route(QString::fromLatin1(path),
                       [this](const QHttpServerRequest& request) { return handle(request); });
    // A push may be judged by a worker (PushWorkers): its answer is a future.
    m_server.route(QStringLiteral("/v1/push"),
                   [this](const QHttpServerRequest& request) { return handlePush(request); });
    // A pull may wait for the hall to move on (LongPoll): its answer is a future.
    m_server.route(QStringLiteral("/v1/pull"),
                   [this](const QHttpServerRequest& request) { return handlePull(request); });
    // The applicant's status page (server/StatusPage.h): no token, no protocol header.
    m_server.route(QStringLiteral("/q/<arg>"),
                   [this](const QString& caseNumber, const QHttpServerRequest& request) {
                       return statusPage(caseNumber, request);
                   });
    m_server.setMissingHandler(
        [this](const QHttpServerRequest& request, QHttpServerResponder&& responder) {
            const QString path = request.url().path();
            const core::Error e = sync::notFound(path);
            responder.write(QJsonDocument(QJsonObject{{QStringLiteral("error"), e.code},
                                                      {QStringLiteral("message"), e.message}}),
                            {{sync::kTimeHeader, timeHeaderValue()}}, Status::NotFound);
            m_log(QStringLiteral("%1 device=- hall=- client=%2 %3 %4 404 0ms")
                      .arg(QString::fromUtf8(core::canonicalTimeText(m_clock.nowUtc())),
                           clientOf(request), methodOf(request), loggedPath(request.url())));
        });
}

core::Result<quint16> HttpApi::listen(const QHostAddress& address, quint16 port,
                                      FrontOptions options)
{
    // Qt HttpServer behind the front (HttpFront.h says why), on a loopback port of its own and
    // on our own listening socket, so a waiting pull knows its connection (TrackingTcpServer.h).
    auto* tcp = new TrackingTcpServer(&m_server);
    if (!tcp->listen(QHostAddress::LocalHost, 0)) {
        delete tcp;
        return core::Error{QStringLiteral("serve.listen_failed"),
                           QStringLiteral("无法在本机回环地址上监听")};
    }
    m_tcp = tcp;
    m_server.bind(tcp);
    const quint16 backend = tcp->serverPort();
    m_front = std::make_unique<HttpFront>(std::move(options), m_clock, m_log);
    if (core::Status s = m_front->start(address, port, backend); !s)
        return s.error();
    return m_front->serverPort();
}

QString HttpApi::clientOf(const QHttpServerRequest& request) const
{
    // Only what came through the front (its secret in the header) is answered: the loopback
    // port behind it would otherwise skip the limits. The front names the real client.
    return m_front ? m_front->clientOf(header(request, HttpFront::kForwardHeader)) : QString();
}

QByteArray HttpApi::timeHeaderValue() const
{
    return QByteArray::number(m_clock.nowUtc().toMSecsSinceEpoch());
}

void HttpApi::stampTime(QHttpServerResponse& response) const
{
    // Decision 7: every answer carries the server's time in ms (the workstation's offset).
    response.setHeader(sync::kTimeHeader, timeHeaderValue());
}

QHttpServerResponse HttpApi::handle(const QHttpServerRequest& request)
{
    QElapsedTimer timer;
    timer.start();
    Call call;
    call.startNs = HttpFront::monotonicNs();
    // Only what came through the front (its secret in the header) is answered: the loopback
    // port behind it would otherwise skip the limits. The front names the real client.
    const QString client = clientOf(request);
    QHttpServerResponse response =
        client.isEmpty() ? errorResponse(core::sync::badHttp(QStringLiteral("请求未经服务器前端")),
                                         Status::Forbidden)
                         : dispatch(request, call);
    pokeIfMoved(call);
    stampTime(response);
    if (call.timed && response.statusCode() == Status::Ok)
        response.setHeader(QByteArrayLiteral("Server-Timing"),
                           serverTiming(header(request, HttpFront::kTimingHeader), call));
    m_log(QStringLiteral("%1 device=%2 hall=%3 client=%4 %5 %6 %7 %8ms")
              .arg(QString::fromUtf8(core::canonicalTimeText(m_clock.nowUtc())), call.device,
                   call.hall, client, methodOf(request), loggedPath(request.url()),
                   QString::number(int(response.statusCode())), QString::number(timer.elapsed())));
    return response;
}

QFuture<QHttpServerResponse> HttpApi::handlePull(const QHttpServerRequest& request)
{
    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    Call call;
    m_park.reset();
    const QString client = clientOf(request);
    QHttpServerResponse response =
        client.isEmpty() ? errorResponse(core::sync::badHttp(QStringLiteral("请求未经服务器前端")),
                                         Status::Forbidden)
                         : dispatch(request, call);
    const QString line =
        QStringLiteral("device=%1 hall=%2 client=%3 %4 %5")
            .arg(call.device, call.hall, client, methodOf(request), loggedPath(request.url()));
    auto log = [this, line, timer](int status) {
        m_log(QStringLiteral("%1 %2 %3 %4ms")
                  .arg(QString::fromUtf8(core::canonicalTimeText(m_clock.nowUtc())), line,
                       QString::number(status), QString::number(timer->elapsed())));
    };
    if (m_park) {
        const Park park = *m_park;
        m_park.reset();
        return m_longPoll.park(park.hall, park.cursor, park.limit, park.waitSeconds, park.protocol,
                               m_tcp ? m_tcp->current() : nullptr, log);
    }
    log(int(response.statusCode()));
    stampTime(response);
    return readyResponse(std::move(response));
}

QHttpServerResponse HttpApi::dispatch(const QHttpServerRequest& r, Call& call)
{
    const QString path = r.url().path();
    const bool get = path == QLatin1String("/healthz") || path == QLatin1String("/v1/pull") ||
                     path == QLatin1String("/v1/snapshot") || path == QLatin1String("/v1/case") ||
                     path == QLatin1String("/v1/search");
    const auto wanted = get ? QHttpServerRequest::Method::Get : QHttpServerRequest::Method::Post;
    if (r.method() != wanted) {
        QHttpServerResponse response =
            errorResponse(sync::methodNotAllowed(methodOf(r), path), Status::MethodNotAllowed);
        response.addHeader(QByteArrayLiteral("Allow"),
                           get ? QByteArrayLiteral("GET") : QByteArrayLiteral("POST"));
        return response;
    }
    if (path == QLatin1String("/healthz"))
        return QHttpServerResponse(QJsonObject{{QStringLiteral("status"), QStringLiteral("ok")},
                                               {QStringLiteral("protocol"), sync::kProtocolVersion},
                                               {QStringLiteral("schema"), m_db.version()}});
    if (auto refused = checkVersions(r))
        return std::move(*refused);
    if (path == QLatin1String("/v1/enrol"))
        return enrol(r, call);
    Device device;
    if (auto refusal = authenticate(m_desk, header(r, "Authorization"), m_fold, call, device))
        return std::move(*refusal);
    if (path == QLatin1String("/v1/numbers"))
        return numbers(r, device);
    if (path == QLatin1String("/v1/snapshot"))
        return snapshot(r, device);
    if (path == QLatin1String("/v1/case"))
        return caseEvents(r, device);
    if (path == QLatin1String("/v1/search"))
        return searchCases(r, device);
    return path == QLatin1String("/v1/push") ? push(m_desk, r.body(), device, call)
                                             : pull(r, device);
}

std::optional<QHttpServerResponse> HttpApi::checkVersions(const QHttpServerRequest& r)
{
    // Decision 10: protocol and fold N and N-1, a build named; 426 otherwise.
    bool ok = false;
    const QByteArray protocol = header(r, sync::kProtocolHeader);
    const int p = protocol.toInt(&ok);
    if (!ok || p < sync::kOldestProtocolVersion || p > sync::kProtocolVersion)
        return errorResponse(sync::protocolUnsupported(QString::fromUtf8(protocol)),
                             Status::UpgradeRequired,
                             {{QStringLiteral("supported"),
                               QJsonArray{sync::kProtocolVersion, sync::kOldestProtocolVersion}}});
    const QByteArray fold = header(r, sync::kFoldHeader);
    const int f = fold.toInt(&ok);
    if (!ok || f < sync::kOldestFoldVersion || f > sync::kFoldVersion)
        return errorResponse(sync::foldUnsupported(QString::fromUtf8(fold)),
                             Status::UpgradeRequired,
                             {{QStringLiteral("supported"),
                               QJsonArray{sync::kFoldVersion, sync::kOldestFoldVersion}}});
    if (header(r, sync::kBuildHeader).isEmpty())
        return errorResponse(sync::buildMissing(), Status::UpgradeRequired);
    m_protocol = p;
    m_fold = f;
    return std::nullopt;
}

std::optional<QHttpServerResponse> HttpApi::authenticate(Desk& desk, const QByteArray& auth,
                                                         int fold, Call& call, Device& device) const
{
    const QByteArray prefix = QByteArrayLiteral("Bearer ");
    std::optional<Device> found;
    if (auth.startsWith(prefix))
        found = desk.registry.deviceByToken(QString::fromLatin1(auth.mid(prefix.size()).trimmed()));
    if (!found)
        return errorResponse(sync::unauthorized(), Status::Unauthorized);
    call.device = found->deviceId;
    call.hall = found->hallCode;
    if (!found->revokedAt.isEmpty())
        return errorResponse(sync::deviceRevoked(), Status::Forbidden);
    if (!found->stoppedReason.isEmpty())
        return errorResponse(sync::deviceStopped(), Status::Forbidden);
    // Decision 10: the fold this device runs is kept (the hall takes a new type only when every
    // active device folds it); one older than what the hall already holds is told to upgrade.
    FoldVersions folds(desk.db);
    auto floor = folds.floorOf(found->hallCode);
    if (!floor)
        return errorResponse(floor.error(), Status::InternalServerError);
    if (fold < *floor)
        return errorResponse(sync::foldBehindHall(fold, *floor), Status::UpgradeRequired);
    if (found->foldVersion != fold)
        if (core::Status kept = folds.record(found->deviceId, fold); !kept)
            return errorResponse(kept.error(), Status::InternalServerError);
    device = *found;
    device.foldVersion = fold;
    return std::nullopt;
}

QHttpServerResponse HttpApi::enrol(const QHttpServerRequest& r, Call& call)
{
    const auto body = jsonBody(r.body());
    if (!body)
        return errorResponse(sync::badRequest(QStringLiteral("须为 JSON 对象 {code, device_name}")),
                             Status::BadRequest);
    auto done = m_registry.enrol(body->value(QStringLiteral("code")).toString(),
                                 body->value(QStringLiteral("device_name")).toString(), m_fold);
    if (!done)
        return errorResponse(done.error(), statusOf(done.error().code));
    const Enrolment& e = *done;
    call.device = e.device.deviceId;
    call.hall = e.hall.code;
    // Decision 6: a new window starts in the hall's present epoch.
    auto epoch = Epochs(m_db).of(e.hall.code);
    if (!epoch)
        return errorResponse(epoch.error(), Status::InternalServerError);
    return QHttpServerResponse(QJsonObject{
        {QStringLiteral("device_id"), e.device.deviceId},
        {QStringLiteral("token"), e.token},
        {QStringLiteral("window"), e.device.windowCode},
        {QStringLiteral("role"), e.device.role},
        {QStringLiteral("department"), e.device.department},
        {QStringLiteral("next_seq"), e.device.nextSeq},
        {QStringLiteral("protocol"), sync::kProtocolVersion},
        {QStringLiteral("profile"), e.profile},
        {QStringLiteral("numbers"), e.numbers},
        // Decision 11: a large hall gives a new window its working set first.
        {QStringLiteral("initial"),
         e.hall.seq < m_snapshotAbove ? sync::kInitialPull : sync::kInitialSnapshot},
        {QStringLiteral("hall"), QJsonObject{{QStringLiteral("code"), e.hall.code},
                                             {QStringLiteral("name"), e.hall.name},
                                             {QStringLiteral("zone"), e.hall.zone},
                                             {QStringLiteral("cursor"), e.hall.seq},
                                             {QStringLiteral("epoch"), epoch->id},
                                             {QStringLiteral("epoch_base"), epoch->base}}}});
}

QHttpServerResponse HttpApi::numbers(const QHttpServerRequest& r, const Device& device)
{
    // Decision 5: a block of an office's 文号 for this device (server/storage/NumberBlocks.h).
    const auto body = jsonBody(r.body());
    if (!body)
        return errorResponse(
            sync::badRequest(QStringLiteral("须为 JSON 对象 {series, year, count, request_id}")),
            Status::BadRequest);
    auto block = NumberBlocks(m_db, m_clock)
                     .allot(device, body->value(QStringLiteral("series")).toString(),
                            body->value(QStringLiteral("year")).toInt(),
                            body->value(QStringLiteral("count")).toInt(),
                            body->value(QStringLiteral("request_id")).toString());
    if (!block)
        return errorResponse(block.error(), block.error().code.startsWith(QLatin1String("numbers."))
                                                ? Status::BadRequest
                                                : Status::InternalServerError);
    return QHttpServerResponse(QJsonObject{{QStringLiteral("series"), block->series},
                                           {QStringLiteral("year"), block->year},
                                           {QStringLiteral("first"), block->first},
                                           {QStringLiteral("last"), block->last}});
}

QHttpServerResponse HttpApi::statusPage(const QString& caseNumber, const QHttpServerRequest& r)
{
    QElapsedTimer timer;
    timer.start();
    const QString client = clientOf(r);
    QHttpServerResponse response = [&] {
        if (client.isEmpty())
            return errorResponse(core::sync::badHttp(QStringLiteral("请求未经服务器前端")),
                                 Status::Forbidden);
        if (r.method() != QHttpServerRequest::Method::Get) {
            QHttpServerResponse refused = errorResponse(
                sync::methodNotAllowed(methodOf(r), r.url().path()), Status::MethodNotAllowed);
            refused.addHeader(QByteArrayLiteral("Allow"), QByteArrayLiteral("GET"));
            return refused;
        }
        const StatusPages::Page page =
            m_statusPages.answer(caseNumber, r.query().queryItemValue(QStringLiteral("code")),
                                 client); // the real client, as the front (or proxy) names it
        QHttpServerResponse html(QByteArrayLiteral("text/html; charset=utf-8"), page.html,
                                 Status(page.status));
        html.addHeader(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store"));
        return html;
    }();
    // The query code is never logged: the path alone.
    m_log(QStringLiteral("%1 device=- hall=- client=%2 %3 %4 %5 %6ms")
              .arg(QString::fromUtf8(core::canonicalTimeText(m_clock.nowUtc())), client,
                   methodOf(r), loggedPath(r.url()), QString::number(int(response.statusCode())),
                   QString::number(timer.elapsed())));
    return response;
}

QHttpServerResponse HttpApi::pull(const QHttpServerRequest& r, const Device& device)
{
    const QUrlQuery query = r.query();
    const QString hall = query.queryItemValue(QStringLiteral("hall"));
    if (!hall.isEmpty() && hall != device.hallCode)
        return errorResponse(sync::hallForbidden(hall), Status::Forbidden);
    // Decision 7: a pull is the device's last contact (it pushes what is pending first).
    if (core::Status touched = TimeFlags(m_db, m_clock).touchContact(device.deviceId); !touched)
        return errorResponse(touched.error(), Status::InternalServerError);
    bool ok = true;
    const QString cursorText = query.queryItemValue(QStringLiteral("cursor"));
    const qint64 cursor = cursorText.isEmpty() ? 0 : cursorText.toLongLong(&ok);
    if (!ok || cursor < 0)
        return errorResponse(sync::badRequest(QStringLiteral("cursor 须为非负整数")),
                             Status::BadRequest);
    const QString limitText = query.queryItemValue(QStringLiteral("limit"));
    const int limit = limitText.isEmpty() ? sync::kDefaultPullLimit : limitText.toInt(&ok);
    if (!ok || limit < 1 || limit > sync::kMaxPullLimit)
        return errorResponse(
            sync::badRequest(QStringLiteral("limit 须为 1–%1").arg(sync::kMaxPullLimit)),
            Status::BadRequest);
    const QString waitText = query.queryItemValue(QStringLiteral("wait"));
    const int wait = waitText.isEmpty() ? 0 : waitText.toInt(&ok);
    if (!ok || wait < 0 || wait > LongPoll::kMaxWaitSeconds)
        return errorResponse(
            sync::badRequest(QStringLiteral("wait 须为 0–%1 秒").arg(LongPoll::kMaxWaitSeconds)),
            Status::BadRequest);
    auto page = m_ledger.pull(device.hallCode, cursor, limit);
    if (!page)
        return errorResponse(page.error(), Status::InternalServerError);
    if (page->events.isEmpty() && wait > 0)
        m_park = Park{device.hallCode, cursor, limit, wait, m_protocol}; // handlePull parks it
    return pageResponse(*page, m_protocol, device.retiredAt);
}

QHttpServerResponse pageResponse(const PullPage& page, int protocol, const QString& retiredAt)
{
    QJsonArray events;
    for (const QJsonObject& e : page.events)
        if (protocol >= 2 || !e.contains(QStringLiteral("record"))) // protocol 1: no master
            events.append(e); // records; the cursor moves past them all the same
    QJsonObject answer{{QStringLiteral("hall"), page.hall},
                       {QStringLiteral("events"), events},
                       {QStringLiteral("next_cursor"), page.nextCursor},
                       {QStringLiteral("more"), page.more},
                       {QStringLiteral("epoch"), page.epoch.id},
                       {QStringLiteral("epoch_base"), page.epoch.base}};
    if (!retiredAt.isEmpty())
        answer.insert(QStringLiteral("retired_at"), retiredAt);
    return QHttpServerResponse(answer);
}

} // namespace onewindow::server
