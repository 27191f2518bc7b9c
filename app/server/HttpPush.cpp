#include "server/HttpApi.h"

#include "core/ClockOffset.h"
#include "core/EventChecksum.h"
#include "core/SyncProtocol.h"
#include "server/HttpAnswers.h"

#include <QElapsedTimer>
#include <QJsonArray>

namespace onewindow::server {

namespace sync = core::sync;

core::Status HttpApi::startPushWorkers(const DatabaseSpec& spec, int count)
{
    m_workers.reset();
    if (count == 0)
        return {};
    auto workers = PushWorkers::start(spec, count, m_clock, m_ledger.clockToleranceSeconds());
    if (!workers)
        return workers.error();
    m_workers = std::move(workers).value();
    return {};
}

void HttpApi::pokeIfMoved(const Call& call)
{
    // SQLite: this process is the only one; PostgreSQL's NOTIFY reaches every process, this too.
    if (call.hallMoved && !m_longPoll.listening())
        m_longPoll.hallMoved(call.hall);
}

QFuture<QHttpServerResponse> HttpApi::handlePush(const QHttpServerRequest& request)
{
    // Without workers, and a request refused before the store is asked: answered here.
    if (!m_workers || request.method() != QHttpServerRequest::Method::Post ||
        clientOf(request).isEmpty() || checkVersions(request))
        return readyResponse(handle(request));
    // The request is Qt's until the handler returns: what the worker needs is copied.
    struct Taken
    {
        QByteArray auth, body, front;
        int fold = 0;
        QString line; // the log line's client, method and path
        QPointer<QTcpSocket> connection;
        QElapsedTimer timer;
        std::shared_ptr<QFutureInterface<QHttpServerResponse>> promise;
    };
    auto taken = std::make_shared<Taken>();
    taken->timer.start();
    taken->auth = header(request, "Authorization");
    taken->body = request.body();
    taken->front = header(request, HttpFront::kTimingHeader);
    taken->fold = m_fold;
    taken->line = QStringLiteral("client=%1 %2 %3")
                      .arg(clientOf(request), methodOf(request), loggedPath(request.url()));
    taken->connection = m_tcp ? m_tcp->current() : nullptr;
    taken->promise = std::make_shared<QFutureInterface<QHttpServerResponse>>();
    taken->promise->reportStarted();
    QFuture<QHttpServerResponse> future = taken->promise->future();
    m_workers->post([this, taken](Desk& desk) {
        auto call = std::make_shared<Call>();
        call->startNs = HttpFront::monotonicNs();
        Device device;
        auto refusal = authenticate(desk, taken->auth, taken->fold, *call, device);
        auto response = std::make_shared<QHttpServerResponse>(
            refusal ? std::move(*refusal) : push(desk, taken->body, device, *call));
        const bool grouped = desk.ledger.grouped();
        const qint64 judged = HttpFront::monotonicNs();
        // The answer goes once the transaction is over: in a group, after the group's commit.
        return [this, taken, call, response, grouped, judged, &desk](bool committed,
                                                                     qint64 committedNs) {
            if (!committed) { // nothing of the push stands: it is answered as the failure it is
                *response =
                    errorResponse(databaseError(desk.db.lastError()), Status::InternalServerError);
                call->hallMoved = false;
            } else if (call->timed && response->statusCode() == Status::Ok) {
                if (grouped) // the pushes judged after it in its group, then the group's one commit
                    call->timed->commitNs = committedNs - judged;
                response->setHeader(QByteArrayLiteral("Server-Timing"),
                                    serverTiming(taken->front, *call));
            }
            // Back on the serving thread: its pulls, its log, its connection.
            QMetaObject::invokeMethod(
                &m_context,
                [this, taken, call, response] {
                    pokeIfMoved(*call);
                    stampTime(*response);
                    const int status = int(response->statusCode());
                    m_log(QStringLiteral("%1 device=%2 hall=%3 %4 %5 %6ms")
                              .arg(QString::fromUtf8(core::canonicalTimeText(m_clock.nowUtc())),
                                   call->device, call->hall, taken->line, QString::number(status),
                                   QString::number(taken->timer.elapsed())));
                    // A client gone meanwhile gets nothing: Qt 6.4's QHttpServer would write to its
                    // deleted socket. What was judged is committed all the same, and the window's
                    // resend gets the stored answers.
                    if (!taken->connection ||
                        taken->connection->state() != QAbstractSocket::ConnectedState)
                        return;
                    taken->promise->reportAndMoveResult(std::move(*response));
                    taken->promise->reportFinished();
                },
                Qt::QueuedConnection);
        };
    });
    return future;
}

QByteArray HttpApi::serverTiming(const QByteArray& frontHeader, const Call& call)
{
    // The front's stamps (its first and last byte of the request), trusted as the forward header
    // is: only a request that came through the front is answered at all.
    const QList<QByteArray> front = frontHeader.split(' ');
    const qint64 started = front.value(0).toLongLong(), done = front.value(1).toLongLong();
    const PushOutcome& o = *call.timed;
    const std::pair<const char*, qint64> phases[] = {
        {"read", done > 0 && started > 0 ? done - started : 0},
        {"queue", done > 0 ? call.startNs - done : 0},
        {"parse", call.ledgerNs - call.startNs},
        {"lock", o.lockNs},
        {"judge", o.judgeNs},
        {"commit", o.commitNs},
        {"answer", call.answerNs}};
    QByteArray value;
    for (const auto& [name, ns] : phases)
        value += (value.isEmpty() ? "" : ", ") + QByteArray(name) +
                 ";dur=" + QByteArray::number(double(std::max<qint64>(ns, 0)) / 1e6, 'f', 2);
    return value;
}

QHttpServerResponse HttpApi::push(Desk& desk, const QByteArray& bytes, const Device& device,
                                  Call& call) const
{
    if (bytes.size() > sync::kMaxBatchBytes)
        return errorResponse(sync::batchTooLarge(), Status::PayloadTooLarge);
    const auto body = jsonBody(bytes);
    if (!body)
        return errorResponse(sync::badRequest(QStringLiteral("须为 JSON 对象 {device_id, events}")),
                             Status::BadRequest);
    if (body->value(QStringLiteral("device_id")).toString() != device.deviceId)
        return errorResponse(sync::deviceMismatch(), Status::Forbidden);
    const QJsonArray events = body->value(QStringLiteral("events")).toArray();
    if (events.size() > sync::kMaxBatchEvents)
        return errorResponse(sync::batchTooLarge(), Status::PayloadTooLarge);
    QList<sync::WireEvent> batch;
    qint64 lastSeq = 0;
    for (const QJsonValue& v : events) {
        auto w = sync::eventFromWire(v.toObject());
        if (!w)
            return errorResponse(w.error(), Status::BadRequest);
        // Decision 4: a system event rides along outside the device's sequence, on its
        // pseudo-device "system/<event id>"; any other device's event is not this one's to push.
        const bool system = w->deviceId == QStringLiteral("system/") + w->eventId;
        if (!system && w->deviceId != device.deviceId)
            return errorResponse(sync::deviceMismatch(), Status::Forbidden);
        if (!system) {
            if (lastSeq != 0 && w->deviceSeq != lastSeq + 1)
                return errorResponse(
                    sync::badRequest(QStringLiteral("一批记录须按设备序号连续排列")),
                    Status::BadRequest);
            lastSeq = w->deviceSeq;
        }
        batch.append(std::move(*w));
    }
    call.ledgerNs = HttpFront::monotonicNs();
    const PushOutcome out = desk.ledger.push(device.deviceId, batch);
    call.timed = out;
    call.hallMoved = out.hallMoved; // the serving thread wakes waiting pulls (pokeIfMoved)
    if (out.error) {
        QJsonObject extra;
        if (out.error->code == sync::code::kSequenceGap)
            extra.insert(QStringLiteral("expected_seq"), out.expectedSeq);
        return errorResponse(*out.error, statusOf(out.error->code), extra);
    }
    QJsonArray results;
    for (const EventAnswer& a : out.answers)
        results.append(a.toJson());
    QJsonObject answer{{QStringLiteral("device_id"), device.deviceId},
                       {QStringLiteral("next_seq"), out.nextSeq},
                       {QStringLiteral("results"), results},
                       {QStringLiteral("epoch"), out.epoch.id},
                       {QStringLiteral("epoch_base"), out.epoch.base}};
    if (!device.retiredAt.isEmpty()) // decision 9: the window says so
        answer.insert(QStringLiteral("retired_at"), device.retiredAt);
    QHttpServerResponse response(answer);
    call.answerNs =
        HttpFront::monotonicNs() - (call.ledgerNs + out.lockNs + out.judgeNs + out.commitNs);
    return response;
}

} // namespace onewindow::server
