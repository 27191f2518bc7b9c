// The limits the server enforces itself, in front of Qt HttpServer (server/HttpFront.h): body size
// judged on the head, Expect, slow clients, connections per address, batch size, the trusted
// proxy's X-Real-IP. Raw sockets, so the test controls exactly what the client has sent.
#include "RawClient.h"
#include "ServerFixture.h"

#include "core/ServerLimits.h"
#include "core/SyncProtocol.h"

#include <catch2/catch.hpp>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QProcess>
#include <QSslSocket>
#include <QTcpSocket>
#include <QThread>

#include <functional>
#include <memory>

using namespace onewindow;
using namespace onewindow::test;

namespace {

QByteArray pushHead(qint64 length, const QByteArray& extra = {})
{
    return "POST /v1/push HTTP/1.1\r\nHost: x\r\nOneWindow-Protocol: 2\r\nOneWindow-Fold: "
           "4\r\nOneWindow-Build: test\r\nContent-Type: "
           "application/json\r\nContent-Length: " +
           QByteArray::number(length) + "\r\n" + extra + "\r\n";
}

} // namespace

TEST_CASE("an oversized body is refused 413 on its head, before the client sends the body",
          "[server][limits]")
{
    server::FrontOptions options;
    options.limits.requestTimeoutMs = 30000; // an answer that waited for the body would be late
    FrontServer s(options);
    RawClient c(s.port);
    c.send(pushHead(core::sync::kMaxBatchBytes + 1)); // the head only
    QElapsedTimer t;
    t.start();
    REQUIRE(c.answered(5000));
    CHECK(t.elapsed() < 5000);
    CHECK(c.status() == 413);
    CHECK(c.json().value(QStringLiteral("error")).toString() == core::sync::code::kBodyTooLarge);
    CHECK(c.json().value(QStringLiteral("message")).toString().contains(QStringLiteral("1048576")));
    CHECK(c.closed(5000)); // and the connection is not read on
    REQUIRE_FALSE(s.log.isEmpty());
    CHECK(s.log.last().contains(QStringLiteral("client=127.0.0.1 POST /v1/push 413")));

    // A body of exactly the limit is read and reaches the protocol (401: no token).
    RawClient ok(s.port);
    ok.send(pushHead(core::sync::kMaxBatchBytes) + QByteArray(core::sync::kMaxBatchBytes, ' '));
    REQUIRE(ok.answered(10000));
    CHECK(ok.status() == 401);
}

TEST_CASE("a chunked body is refused 413 the moment it passes the limit; a small one is read",
          "[server][limits]")
{
    FrontServer s;
    RawClient c(s.port);
    const QByteArray head = "POST /v1/push HTTP/1.1\r\nHost: x\r\nOneWindow-Protocol: "
                            "2\r\nOneWindow-Fold: 4\r\nOneWindow-Build: test\r\n"
                            "Transfer-Encoding: chunked\r\n\r\n";
    c.send(head + "80000\r\n" + QByteArray(0x80000, ' ') + "\r\n"); // 512 KiB: within
    c.send("80001\r\n");                                            // one byte past 1 MiB
    REQUIRE(c.answered(5000));
    CHECK(c.status() == 413);
    CHECK(c.json().value(QStringLiteral("error")).toString() == core::sync::code::kBodyTooLarge);

    RawClient small(s.port);
    small.send("POST /v1/enrol HTTP/1.1\r\nHost: x\r\nOneWindow-Protocol: 2\r\nOneWindow-Fold: "
               "4\r\nOneWindow-Build: test\r\nTransfer-Encoding: "
               "chunked\r\n\r\n4\r\n{\"co\r\n3\r\nde\"\r\n0\r\n\r\n");
    REQUIRE(small.answered(5000));
    CHECK(small.status() == 400); // the protocol's answer to {"code" (not JSON): it got through
    CHECK(small.json().value(QStringLiteral("error")).toString() == core::sync::code::kBadRequest);
}

TEST_CASE("Expect: 100-continue is answered 100 for a body within the limit and 413 for one "
          "over it; another Expect gets 417",
          "[server][limits]")
{
    FrontServer s;
    RawClient c(s.port);
    const QByteArray body = "{\"code\":\"AAAA-AAAA-AAAA-AAAA\",\"device_name\":\"pc\"}";
    c.send("POST /v1/enrol HTTP/1.1\r\nHost: x\r\nOneWindow-Protocol: 2\r\nOneWindow-Fold: "
           "4\r\nOneWindow-Build: test\r\nExpect: "
           "100-continue\r\nContent-Length: " +
           QByteArray::number(body.size()) + "\r\n\r\n");
    REQUIRE(waitUntil([&] { return c.received.contains("\r\n\r\n"); }, 5000));
    CHECK(c.received.startsWith("HTTP/1.1 100 Continue\r\n\r\n"));
    c.received.clear();
    c.send(body);
    REQUIRE(c.answered(5000));
    CHECK(c.status() == 403); // code_invalid: the request went through whole
    CHECK(c.json().value(QStringLiteral("error")).toString() == core::sync::code::kCodeInvalid);

    RawClient big(s.port);
    big.send(pushHead(5 * 1024 * 1024, "Expect: 100-continue\r\n"));
    REQUIRE(big.answered(5000));
    CHECK(big.status() == 413);
    CHECK_FALSE(big.received.contains("100 Continue"));

    RawClient odd(s.port);
    odd.send(pushHead(2, "Expect: 200-ok\r\n"));
    REQUIRE(odd.answered(5000));
    CHECK(odd.status() == 417);
    CHECK(odd.json().value(QStringLiteral("error")).toString() ==
          core::sync::code::kExpectationFailed);
}

TEST_CASE("a slow client is dropped: a head or a body not complete within the request time gets "
          "408 and the connection closed",
          "[server][limits]")
{
    server::FrontOptions options;
    options.limits.requestTimeoutMs = 700;
    FrontServer s(options);

    RawClient head(s.port);
    head.send("GET /healthz HTTP/1.1\r\nHost: x\r\n"); // and never the blank line
    QElapsedTimer t;
    t.start();
    // It keeps trickling (a slow-loris sends a byte now and then): the time counts from the
    // request's first byte, not from the last one.
    for (int i = 0; i < 3 && head.socket.state() == QAbstractSocket::ConnectedState; ++i) {
        waitUntil([] { return false; }, 200);
        head.send("X-A: b\r\n");
    }
    REQUIRE(head.answered(5000));
    CHECK(t.elapsed() >= 600);
    CHECK(head.status() == 408);
    CHECK(head.json().value(QStringLiteral("error")).toString() ==
          core::sync::code::kRequestTimeout);
    CHECK(head.closed(5000));

    RawClient body(s.port);
    body.send(pushHead(100) + "{\"device_id\":"); // 14 of 100 bytes
    REQUIRE(body.answered(5000));
    CHECK(body.status() == 408);
    CHECK(body.closed(5000));

    RawClient silent(s.port); // connects and sends nothing: closed without an answer
    CHECK(silent.closed(5000));
    CHECK(silent.received.isEmpty());

    // A client that keeps to the time is answered, also a second request on its connection.
    RawClient fine(s.port);
    fine.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
    REQUIRE(fine.answered(5000));
    CHECK(fine.status() == 200);
    fine.received.clear();
    waitUntil([] { return false; }, 900); // idle between requests is not a slow request
    fine.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
    REQUIRE(fine.answered(5000));
    CHECK(fine.status() == 200);
}

TEST_CASE("the connection after the cap from one address gets 429 with a JSON body",
          "[server][limits]")
{
    server::FrontOptions options;
    options.limits.maxConnectionsPerAddress = 3;
    FrontServer s(options);
    std::vector<std::unique_ptr<RawClient>> open;
    for (int i = 0; i < 3; ++i)
        open.push_back(std::make_unique<RawClient>(s.port));
    RawClient extra(s.port);
    extra.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
    REQUIRE(extra.answered(5000));
    CHECK(extra.status() == 429);
    CHECK(extra.json().value(QStringLiteral("error")).toString() ==
          core::sync::code::kTooManyConnections);
    CHECK(extra.closed(5000));
    // The three still work; once one goes, a new connection is let in.
    open[0]->send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
    REQUIRE(open[0]->answered(5000));
    CHECK(open[0]->status() == 200);
    open[1]->socket.disconnectFromHost();
    REQUIRE(open[1]->closed(5000));
    waitUntil([] { return false; }, 100);
    RawClient next(s.port);
    next.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
    REQUIRE(next.answered(5000));
    CHECK(next.status() == 200);
}

TEST_CASE("X-Real-IP is believed only from a trusted proxy, and limits count the real client",
          "[server][limits]")
{
    SECTION("from anyone else it is ignored")
    {
        FrontServer s;
        RawClient c(s.port);
        c.send("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Real-IP: 10.9.8.7\r\n\r\n");
        REQUIRE(c.answered(5000));
        CHECK(c.status() == 200);
        CHECK(s.log.last().contains(QStringLiteral("client=127.0.0.1 GET /healthz 200")));
    }
    SECTION("from the proxy it names the client; the cap counts each client")
    {
        server::FrontOptions options;
        options.trustedProxies = {QHostAddress::LocalHost};
        options.limits.maxConnectionsPerAddress = 1;
        FrontServer s(options);
        RawClient a(s.port), b(s.port); // two proxy connections: not capped themselves
        a.send("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Real-IP: 10.9.8.7\r\n\r\n");
        REQUIRE(a.answered(5000));
        CHECK(a.status() == 200);
        CHECK(s.log.last().contains(QStringLiteral("client=10.9.8.7 GET /healthz 200")));
        b.send("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Real-IP: 10.9.8.7\r\n\r\n");
        REQUIRE(b.answered(5000));
        CHECK(b.status() == 429); // the same client over a second connection
        CHECK(s.log.last().contains(QStringLiteral("client=10.9.8.7 GET /healthz 429")));
        RawClient c(s.port);
        c.send("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Real-IP: 10.9.8.6\r\n\r\n");
        REQUIRE(c.answered(5000));
        CHECK(c.status() == 200);
    }
}

TEST_CASE("a batch of more than 500 events is refused 413 batch_too_large", "[server][limits]")
{
    ServerFixture f;
    f.createHall(QStringLiteral("620102"));
    const auto dev = f.enrol(QStringLiteral("620102"), QStringLiteral("W07"));
    EventMaker make(dev.id, f.clock());
    QJsonArray events;
    const QString caseId = newId();
    events.append(
        make.wire(core::EventType::Received, caseId, {}, receivedPayload(QStringLiteral("A-1"))));
    for (int i = 1; i < core::sync::kMaxBatchEvents + 1; ++i)
        events.append(make.wire(core::EventType::Note, caseId, {}, {{QStringLiteral("t"), i}}));
    const HttpReply r = f.push(dev, events);
    CHECK(r.status == 413);
    CHECK(r.json().value(QStringLiteral("error")).toString() == core::sync::code::kBatchTooLarge);
    events.removeLast(); // 500: taken
    const HttpReply ok = f.push(dev, events);
    CHECK(ok.status == 200);
}

TEST_CASE("serve --tls-cert/--tls-key: the front speaks HTTPS itself, limits included",
          "[server][limits][tls]")
{
    QTemporaryDir keys;
    const QString cert = keys.filePath(QStringLiteral("cert.pem"));
    const QString key = keys.filePath(QStringLiteral("key.pem"));
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                   QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                   QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                   QStringLiteral("-keyout"), key, QStringLiteral("-out"), cert,
                   QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
                   QStringLiteral("/CN=127.0.0.1")});
    REQUIRE(openssl.waitForFinished(30000));
    REQUIRE(openssl.exitCode() == 0);

    server::FrontOptions options;
    options.tlsCertificate = cert;
    options.tlsKey = key;
    FrontServer s(options);
    auto ask = [&](const QByteArray& request) {
        QSslSocket socket;
        socket.setPeerVerifyMode(QSslSocket::VerifyNone); // a self-signed test certificate
        QByteArray received;
        QObject::connect(&socket, &QSslSocket::readyRead, [&] { received += socket.readAll(); });
        QObject::connect(&socket, &QSslSocket::encrypted, [&] {
            socket.write(request);
            socket.flush();
        });
        socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), s.port);
        waitUntil([&] { return received.contains("\r\n\r\n{") && received.endsWith('}'); }, 10000);
        return received;
    };
    const QByteArray health = ask("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
    CHECK(health.startsWith("HTTP/1.1 200"));
    CHECK(health.contains("\"status\":\"ok\""));
    const QByteArray big = ask(pushHead(5 * 1024 * 1024));
    CHECK(big.startsWith("HTTP/1.1 413"));

    // Files that are not a certificate and a key: refused when serving starts.
    QTemporaryDir dir;
    auto db = server::CentralDb::open(freshDatabase(dir));
    REQUIRE(db.ok());
    server::HttpApi api(**db, s.clock, [](const QString&) {});
    server::FrontOptions wrong;
    wrong.tlsCertificate = key;
    wrong.tlsKey = cert;
    const auto bound = api.listen(QHostAddress::LocalHost, 0, wrong);
    REQUIRE_FALSE(bound.ok());
    CHECK(bound.error().code == QStringLiteral("tls.bad_files"));
}
