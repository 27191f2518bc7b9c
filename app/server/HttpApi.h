#pragma once

#include "core/Clock.h"
#include "core/SyncProtocol.h"
#include "core/WorkingSet.h"
#include "server/HttpFront.h"
#include "server/LongPoll.h"
#include "server/PushWorkers.h"
#include "server/StatusPage.h"
#include "server/TrackingTcpServer.h"
#include "server/storage/CentralDb.h"
#include "server/storage/Ledger.h"
#include "server/storage/Registry.h"

#include <QHostAddress>
#include <QHttpServer>
#include <QHttpServerResponse>

#include <functional>
#include <memory>
#include <optional>

namespace onewindow::server {

// Protocol v1 over Qt HttpServer (docs/sync-protocol.md): every request is checked for its
// method (405), its protocol version (426) and, but for /healthz and the enrolment, its bearer
// token; each gets one log line (device, hall, method, path, status, ms).
class HttpApi
{
public:
    using LogSink = std::function<void(const QString&)>;
    HttpApi(CentralDb& db, const core::Clock& clock, LogSink log);

    // Listens through the front (server/HttpFront.h: limits, trusted proxy, TLS) on
    // address:port; the port actually bound (0 asks the system for one), or the refusal.
    core::Result<quint16> listen(const QHostAddress& address, quint16 port,
                                 FrontOptions options = {});

    // Decision 7: `serve --clock-tolerance` (the ε of the time flags). Before startPushWorkers.
    void setClockToleranceSeconds(int seconds) { m_ledger.setClockToleranceSeconds(seconds); }
    // Issue 17, `serve --push-workers N`: pushes judged by N workers with a connection of `spec`
    // each (server/PushWorkers.h); 0, pushes judged on the serving thread one at a time.
    core::Status startPushWorkers(const DatabaseSpec& spec, int count);
    // Decision 11: `serve --snapshot-above N` (a hall with N places in its order or more gives a
    // new window its working set) and `--working-set-days D` (a case is recent for D days).
    void setWorkingSet(qint64 snapshotAbove, int recentDays)
    {
        m_snapshotAbove = snapshotAbove;
        m_workingSetDays = recentDays;
    }

private:
    QByteArray timeHeaderValue() const;
    void stampTime(QHttpServerResponse& response) const;
    struct Call
    {
        QString device = QStringLiteral("-");
        QString hall = QStringLiteral("-");
        // A push's phases in ns (issue 17), for its answer's Server-Timing: when the handler
        // began, when the ledger took the batch, and the ledger's own phases.
        qint64 startNs = 0, ledgerNs = 0, answerNs = 0;
        std::optional<PushOutcome> timed;
        bool hallMoved = false; // a push stored new events: waiting pulls may answer
    };
    void pokeIfMoved(const Call& call);
    // Server-Timing of a push answered 200: read, queue (front to handler), parse, lock, judge,
    // commit, answer, each in ms.
    static QByteArray serverTiming(const QByteArray& frontHeader, const Call& call);
    QString clientOf(const QHttpServerRequest& request) const;
    QHttpServerResponse handle(const QHttpServerRequest& request);
    QHttpServerResponse dispatch(const QHttpServerRequest& request, Call& call);
    QHttpServerResponse enrol(const QHttpServerRequest& request, Call& call);
    // The push proper and the token's check, on `desk`'s connection: on the serving thread or a
    // worker's (neither touches anything else of this object but the clock).
    QHttpServerResponse push(Desk& desk, const QByteArray& body, const Device& device,
                             Call& call) const;
    QFuture<QHttpServerResponse> handlePush(const QHttpServerRequest& request);
    QHttpServerResponse pull(const QHttpServerRequest& request, const Device& device);
    QHttpServerResponse numbers(const QHttpServerRequest& request, const Device& device);
    // Decision 11 (SnapshotApi.cpp): GET /v1/snapshot and GET /v1/case.
    QHttpServerResponse snapshot(const QHttpServerRequest& request, const Device& device);
    QHttpServerResponse caseEvents(const QHttpServerRequest& request, const Device& device);
    QHttpServerResponse searchCases(const QHttpServerRequest& request, const Device& device);
    QFuture<QHttpServerResponse> handlePull(const QHttpServerRequest& request);
    QHttpServerResponse statusPage(const QString& caseNumber, const QHttpServerRequest& request);
    std::optional<QHttpServerResponse> checkVersions(const QHttpServerRequest& request);
    std::optional<QHttpServerResponse> authenticate(Desk& desk, const QByteArray& authorization,
                                                    int fold, Call& call, Device& device) const;

    CentralDb& m_db;
    const core::Clock& m_clock;
    Registry m_registry;
    Ledger m_ledger;
    Desk m_desk; // the serving thread's connection
    StatusPages m_statusPages;
    LongPoll m_longPoll;
    // Set by pull() when its page is empty and the request may wait: handlePull parks it.
    struct Park
    {
        QString hall;
        qint64 cursor = 0;
        int limit = 0;
        int waitSeconds = 0;
        int protocol = 0;
    };
    std::optional<Park> m_park;
    int m_protocol = core::sync::kProtocolVersion; // the current request's
    int m_fold = core::sync::kFoldVersion;         // the current request's
    qint64 m_snapshotAbove = core::sync::kDefaultSnapshotAbove;
    int m_workingSetDays = core::sync::kDefaultWorkingSetDays;
    QPointer<TrackingTcpServer> m_tcp;
    LogSink m_log;
    QHttpServer m_server;
    std::unique_ptr<HttpFront> m_front;
    QObject m_context; // the workers' answers come back to the serving thread through it
    // Last, so it goes first: its workers finish their pushes while the rest still stands.
    std::unique_ptr<PushWorkers> m_workers;
};

// A pull page as its JSON answer for a device speaking `protocol`; `retiredAt`: when the pulling
// device was retired (decision 9), told in the answer so its window can say so.
QHttpServerResponse pageResponse(const PullPage& page, int protocol, const QString& retiredAt = {});

} // namespace onewindow::server
