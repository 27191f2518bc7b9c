#pragma once

#include "core/Clock.h"
#include "core/Error.h"
#include "core/ServerLimits.h"

#include <QHash>
#include <QHostAddress>
#include <QSslCertificate>
#include <QSslKey>
#include <QTcpServer>

#include <functional>

namespace onewindow::server {

struct FrontOptions
{
    core::sync::FrontLimits limits;
    // Peers whose X-Real-IP is believed (nginx on the same machine): the real client's address
    // is then the one logged and limited. From anyone else the header is ignored.
    QList<QHostAddress> trustedProxies;
    // PEM files for a hall without a reverse proxy: the front speaks TLS itself (both or none).
    QString tlsCertificate, tlsKey;
};

class FrontConnection;

// The front of onewindow-server: the listening socket that every client meets first. Qt
// HttpServer 6.4 reads a request whole into memory before anyone can look at it, has no time
// limit and no per-address limit, so the front reads each request itself, within limits, and
// hands only complete, acceptable requests to the QHttpServer behind it (which listens on an
// ephemeral loopback port and answers only requests that carry this process's secret):
//
// - the head (request line and headers) is read first: a Content-Length over the body limit is
//   answered 413 at once, before a byte of the body is read; a chunked body is counted as it
//   comes and refused 413 the moment it passes the limit; Expect: 100-continue is answered 100
//   when the body may come and 413 when it may not, any other Expect 417;
// - a request whose head and body are not complete within requestTimeoutMs of its first byte
//   (or of the connection) is answered 408 and the connection dropped (slow clients);
// - the open connections of one client address are capped (429); behind a trusted proxy the
//   address is the X-Real-IP of the proxied request;
// - every refusal has a JSON body {error, message} and one log line, then the connection is
//   closed after the answer is sent (the rest of the client's request read and discarded for a
//   moment, so the answer is not lost to a reset).
//
// The handlers stay Qt HttpServer's. The cost is one loopback hop per request.
class HttpFront : public QTcpServer
{
public:
    using LogSink = std::function<void(const QString&)>;
    HttpFront(FrontOptions options, const core::Clock& clock, LogSink log);
    ~HttpFront() override;

    // Listens on address:port and forwards to 127.0.0.1:backendPort. Err when the TLS files do
    // not load or the address cannot be bound.
    core::Status start(const QHostAddress& address, quint16 port, quint16 backendPort);

    // The header the front adds to every forwarded request: "SECRET CLIENT-ADDRESS".
    static constexpr char kForwardHeader[] = "OneWindow-Front";
    // The client address of a request the front forwarded; empty when the request did not come
    // through this front (someone on the machine talking to the loopback port directly).
    QString clientOf(const QByteArray& forwardHeader) const;
    // The header the front adds beside it (issue 17, the push budget): "STARTED DONE", the
    // monotonic nanoseconds (monotonicNs) of the request's first byte and of its last, so the
    // handler can tell reading and waiting in line from its own work. Never taken from a client.
    static constexpr char kTimingHeader[] = "OneWindow-Front-Timing";
    static qint64 monotonicNs();

    // For FrontConnection.
    const FrontOptions& options() const { return m_options; }
    // The server's time in Unix ms, for OneWindow-Time on the front's own refusals (decision 7).
    qint64 nowMs() const { return m_clock.nowUtc().toMSecsSinceEpoch(); }
    bool trusts(const QHostAddress& peer) const;
    bool attribute(const QString& previous, const QString& address); // false: over the cap
    void release(const QString& address);
    void log(const QString& client, const QByteArray& method, const QByteArray& path, int status,
             qint64 ms);
    quint16 backendPort() const { return m_backendPort; }
    QByteArray forwardValue(const QString& client) const;
    bool tls() const { return !m_certificate.isNull(); }
    const QSslCertificate& certificate() const { return m_certificate; }
    const QSslKey& key() const { return m_key; }
    int openConnections(const QString& address) const { return m_perAddress.value(address); }

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    FrontOptions m_options;
    const core::Clock& m_clock;
    LogSink m_log;
    quint16 m_backendPort = 0;
    QByteArray m_secret;
    QSslCertificate m_certificate;
    QSslKey m_key;
    QHash<QString, int> m_perAddress;
};

// An address as logged and counted: an IPv4 client of an IPv6 socket as plain IPv4.
QString addressText(const QHostAddress& address);

// A method or path as it goes into the log (F17): every byte outside printable ASCII (a space,
// a newline, NUL, a control character, UTF-8) as %XX, so a request cannot forge a log line or
// write raw bytes into the journal that operations.md has the IT person grep.
QString logSafe(const QByteArray& text);

} // namespace onewindow::server
