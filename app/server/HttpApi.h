#pragma once

#include "core/Clock.h"
#include "server/HttpFront.h"
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

private:
    struct Call
    {
        QString device = QStringLiteral("-");
        QString hall = QStringLiteral("-");
    };
    QHttpServerResponse handle(const QHttpServerRequest& request);
    QHttpServerResponse dispatch(const QHttpServerRequest& request, Call& call);
    QHttpServerResponse enrol(const QHttpServerRequest& request, Call& call);
    QHttpServerResponse push(const QHttpServerRequest& request, const Device& device);
    QHttpServerResponse pull(const QHttpServerRequest& request, const Device& device);
    std::optional<QHttpServerResponse> authenticate(const QHttpServerRequest& request, Call& call,
                                                    Device& device);

    CentralDb& m_db;
    const core::Clock& m_clock;
    Registry m_registry;
    Ledger m_ledger;
    LogSink m_log;
    QHttpServer m_server;
    std::unique_ptr<HttpFront> m_front;
};

} // namespace onewindow::server
