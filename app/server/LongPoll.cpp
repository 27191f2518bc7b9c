#include "server/LongPoll.h"

#include "core/SyncProtocol.h"

#include <QJsonObject>
#include <QTimer>

namespace onewindow::server {

QFuture<QHttpServerResponse> readyResponse(QHttpServerResponse&& response)
{
    QFutureInterface<QHttpServerResponse> promise;
    promise.reportStarted();
    QFuture<QHttpServerResponse> future = promise.future();
    promise.reportAndMoveResult(std::move(response));
    promise.reportFinished();
    return future;
}

LongPoll::LongPoll(CentralDb& db, Ledger& ledger, Render render)
    : m_db(db), m_ledger(ledger), m_render(std::move(render))
{
    m_listening = m_db.listenForHalls(&m_context, [this](const QString& hall) { hallMoved(hall); });
}

QFuture<QHttpServerResponse> LongPoll::park(const QString& hall, qint64 cursor, int limit,
                                            int waitSeconds, int protocol,
                                            QPointer<QTcpSocket> connection, Done done)
{
    auto promise = std::make_shared<QFutureInterface<QHttpServerResponse>>();
    promise->reportStarted();
    QFuture<QHttpServerResponse> future = promise->future();
    m_waiters.push_back(
        Waiter{hall, cursor, limit, protocol, std::move(connection), promise, std::move(done)});
    // The timeout answers with whatever there is then (normally the empty page).
    QTimer::singleShot(waitSeconds * 1000, &m_context, [this, raw = promise.get()] {
        for (auto it = m_waiters.begin(); it != m_waiters.end(); ++it)
            if (it->promise.get() == raw) {
                answer(*it, true);
                m_waiters.erase(it);
                return;
            }
    });
    return future;
}

void LongPoll::hallMoved(const QString& hall)
{
    for (auto it = m_waiters.begin(); it != m_waiters.end();) {
        if (it->hall == hall && answer(*it, false))
            it = m_waiters.erase(it);
        else
            ++it;
    }
}

bool LongPoll::answer(Waiter& w, bool force)
{
    if (!w.connection || w.connection->state() != QAbstractSocket::ConnectedState) {
        // The client went away: nobody to answer. The future is never finished; it goes with
        // the waiter, and its continuation (which would write to the deleted socket) never runs.
        if (w.done)
            w.done(499);
        return true;
    }
    auto page = m_ledger.pull(w.hall, w.cursor, w.limit);
    if (page && page->events.isEmpty() && !force)
        return false;
    QHttpServerResponse response =
        page ? m_render(*page, w.protocol)
             : QHttpServerResponse(QJsonObject{{QStringLiteral("error"), page.error().code},
                                               {QStringLiteral("message"), page.error().message}},
                                   QHttpServerResponder::StatusCode::InternalServerError);
    const int status = int(response.statusCode());
    w.promise->reportAndMoveResult(std::move(response));
    w.promise->reportFinished();
    if (w.done)
        w.done(status);
    return true;
}

} // namespace onewindow::server
