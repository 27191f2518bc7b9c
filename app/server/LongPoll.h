#pragma once

#include "server/Model.h"
#include "server/storage/CentralDb.h"
#include "server/storage/Ledger.h"

#include <QElapsedTimer>
#include <QFuture>
#include <QFutureInterface>
#include <QHash>
#include <QHttpServerResponse>
#include <QObject>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

#include <functional>
#include <list>
#include <memory>

namespace onewindow::server {

// Pokes (issue 17): GET /v1/pull?...&wait=S answers at once when the hall has something after
// the cursor, else as soon as the hall moves on, else empty after S seconds (at most kMaxWait).
// Whatever moves a hall on wakes its waiting pulls: a push in any server process, and (issue 18)
// a master-data change made by the server's commands (settings, users, catalog, calendar,
// device revoke), which travels like the events. On PostgreSQL by LISTEN/NOTIFY
// (CentralDb::notifyHallMoved, sent in the writing transaction). On SQLite, which has no such
// channel, a push here wakes them at once (hallMoved), and while any pull waits the process
// looks at the halls' commit counters every kWatchMs: a command is another process on the file.
class LongPoll
{
public:
    static constexpr int kMaxWaitSeconds = 25;
    static constexpr int kWatchMs = 250;
    using Render = std::function<QHttpServerResponse(const PullPage&, int protocol)>;
    using Done = std::function<void(int status)>; // the request's log line

    LongPoll(CentralDb& db, Ledger& ledger, Render render);

    // Parks a pull whose page was empty; the future answers with the page when the hall moves
    // on, or with the empty page after `waitSeconds`.
    QFuture<QHttpServerResponse> park(const QString& hall, qint64 cursor, int limit,
                                      int waitSeconds, int protocol,
                                      QPointer<QTcpSocket> connection, Done done);
    // The hall moved on (a push here, or a NOTIFY heard).
    void hallMoved(const QString& hall);
    bool listening() const { return m_listening; }

private:
    struct Waiter
    {
        QString hall;
        qint64 cursor = 0;
        int limit = 0;
        int protocol = 0;
        QPointer<QTcpSocket> connection; // the client's: an answer to one gone is dropped
        // QFutureInterface, not QPromise: Qt 6.4's ~QPromise runs the future's continuation a
        // second time, and QHttpServer's continuation does not survive that.
        std::shared_ptr<QFutureInterface<QHttpServerResponse>> promise;
        Done done;
    };
    // Answers the waiter with its page when it has events (or `force`); false when it waits on.
    bool answer(Waiter& w, bool force);
    // SQLite: the halls whose counter moved since the last look; their waiters are answered.
    void watchCounters();

    CentralDb& m_db;
    Ledger& m_ledger;
    Render m_render;
    QObject m_context;
    std::list<Waiter> m_waiters;
    bool m_listening = false;
    QTimer m_watch;                // SQLite: runs while a pull waits
    QHash<QString, qint64> m_seen; // the counters at the last look (empty: look at every hall)
};

// A future already holding `response`.
QFuture<QHttpServerResponse> readyResponse(QHttpServerResponse&& response);

} // namespace onewindow::server
