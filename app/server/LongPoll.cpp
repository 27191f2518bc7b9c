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
    m_watch.setInterval(kWatchMs);
    QObject::connect(&m_watch, &QTimer::timeout, &m_context, [this] { watchCounters(); });
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
    if (!m_listening && !m_watch.isActive())
        m_watch.start();
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

void LongPoll::watchCounters()
{
    if (m_waiters.empty()) {
        m_watch.stop();
        m_seen.clear(); // a pull parked later is looked at on the first tick, whatever it missed
        return;
    }
    const auto counters = m_db.hallCounters();
    if (!counters)
        return; // the file busy or gone for a moment: the next tick looks again
    QStringList moved;
    for (auto it = counters->cbegin(); it != counters->cend(); ++it)
        if (!m_seen.contains(it.key()) || m_seen.value(it.key()) != it.value())
            moved.append(it.key());
    m_seen = *counters;
    for (const QString& hall : moved)
        hallMoved(hall);
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
