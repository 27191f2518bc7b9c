// Issue 17, the outside tester's F17 and F18: what a request writes into the server's log, and
// HEAD answered as HTTP says (a head, no body). Raw sockets, so the test sees every byte.
#include "RawClient.h"

#include "server/AnswerRelay.h"
#include "server/HttpFront.h"

#include <catch2/catch.hpp>

using namespace onewindow;
using namespace onewindow::test;

namespace {

// The log lines written since `from`, as one text.
QString linesSince(const FrontServer& s, qsizetype from)
{
    return s.log.mid(from).join(QLatin1Char('\n'));
}

} // namespace

TEST_CASE("F17: a request's path is logged percent-encoded, so %0A cannot forge a log line nor "
          "%00 write a NUL, and every line names its client",
          "[server][log][harden]")
{
    FrontServer s;
    qsizetype from = s.log.size();
    {
        RawClient c(s.port);
        c.send("GET /nope%0A2026-12-07T02:00:01.512Z%20device=a9e6b2d0%20hall=620102%20client=10."
               "20.3.17%20POST%20/v1/push%20200%204ms HTTP/1.1\r\nHost: x\r\n\r\n");
        REQUIRE(c.answered(5000));
        CHECK(c.status() == 404);
    }
    REQUIRE(waitUntil([&] { return s.log.size() > from; }, 5000));
    REQUIRE(s.log.size() == from + 1); // one request, one line
    const QString forged = s.log.last();
    CHECK_FALSE(forged.contains(QLatin1Char('\n')));
    CHECK_FALSE(forged.contains(QLatin1Char(' ') + QStringLiteral("device=a9e6b2d0")));
    CHECK(forged.contains(QStringLiteral("/nope%0A2026-12-07T02:00:01.512Z%20device=a9e6b2d0")));
    CHECK(forged.contains(QStringLiteral(" client=127.0.0.1 GET ")));
    CHECK(forged.endsWith(QStringLiteral(" 404 0ms")));

    from = s.log.size();
    {
        RawClient c(s.port);
        c.send("GET /q/a%00b?code=1 HTTP/1.1\r\nHost: x\r\n\r\n");
        REQUIRE(c.answered(5000));
    }
    REQUIRE(waitUntil([&] { return s.log.size() > from; }, 5000));
    INFO(linesSince(s, from).toStdString());
    CHECK_FALSE(linesSince(s, from).contains(QChar(0)));
    CHECK(linesSince(s, from).contains(QStringLiteral("/q/a%00b ")));
    CHECK(linesSince(s, from).contains(QStringLiteral("client=127.0.0.1")));

    // A raw control byte the front refuses on its own (413) is escaped too.
    from = s.log.size();
    {
        RawClient c(s.port);
        c.send("POST /v1/push\x1b[2J HTTP/1.1\r\nHost: x\r\nContent-Length: 999999999\r\n\r\n");
        REQUIRE(c.answered(5000));
        CHECK(c.status() == 413);
    }
    REQUIRE(waitUntil([&] { return s.log.size() > from; }, 5000));
    INFO(linesSince(s, from).toStdString());
    CHECK_FALSE(linesSince(s, from).contains(QChar(0x1b)));
    CHECK(linesSince(s, from).contains(QStringLiteral("/v1/push%1B[2J 413")));
    CHECK(server::logSafe(QByteArray("/a b\n\xe4\xb8\x80", 8)) ==
          QStringLiteral("/a%20b%0A%E4%B8%80"));
}

TEST_CASE("F18: HEAD is answered like GET without a body, so the next answer on a kept-alive "
          "connection starts where it should; HEAD /healthz is 200",
          "[server][http][harden]")
{
    FrontServer s;
    RawClient get(s.port);
    get.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
    REQUIRE(get.answered(5000));
    REQUIRE(get.status() == 200);
    const QByteArray getBody = get.received.mid(get.received.indexOf("\r\n\r\n") + 4);

    RawClient c(s.port);
    c.send("HEAD /healthz HTTP/1.1\r\nHost: x\r\n\r\nHEAD /nope HTTP/1.1\r\nHost: "
           "x\r\n\r\nGET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
    REQUIRE(waitUntil(
        [&] { return c.received.count("HTTP/1.1 ") >= 3 && c.received.endsWith('}'); }, 5000));
    waitUntil([] { return false; }, 200); // anything more that would come
    // HEAD /healthz: 200, its Content-Length as GET's, no body: the next answer follows at once.
    const qsizetype firstEnd = c.received.indexOf("\r\n\r\n");
    const QByteArray firstHead = c.received.left(firstEnd);
    CHECK(firstHead.startsWith("HTTP/1.1 200"));
    CHECK(firstHead.toLower().contains("content-length: " + QByteArray::number(getBody.size())));
    const QByteArray rest = c.received.mid(firstEnd + 4);
    CHECK(rest.startsWith("HTTP/1.1 404"));
    const qsizetype secondEnd = rest.indexOf("\r\n\r\n");
    const QByteArray last = rest.mid(secondEnd + 4);
    CHECK(last.startsWith("HTTP/1.1 200"));
    CHECK(last.endsWith(getBody));
    CHECK(c.received.count("{") == getBody.count("{")); // one body on the wire: the GET's
    // The log names each request's method as the client sent it.
    REQUIRE(
        waitUntil([&] { return s.log.filter(QStringLiteral(" /nope 404 ")).size() == 1; }, 5000));
    CHECK(s.log.filter(QStringLiteral(" HEAD /healthz 200 ")).size() == 1);
    CHECK(s.log.filter(QStringLiteral(" HEAD /nope 404 ")).size() == 1);
    CHECK(s.log.filter(QStringLiteral(" GET /healthz 200 ")).size() == 2);
}

TEST_CASE("F18: the front's own refusal of a HEAD request carries no body",
          "[server][http][harden]")
{
    FrontServer s;
    RawClient c(s.port);
    c.send("HEAD /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: 999999999\r\n\r\n");
    REQUIRE(c.closed(5000));
    CHECK(c.status() == 413);
    CHECK(c.received.endsWith("\r\n\r\n"));
}

TEST_CASE("F18: the answer relay drops a HEAD answer's body however the bytes arrive",
          "[server][http][harden]")
{
    const QByteArray a = "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello";
    const QByteArray b = "HTTP/1.1 404 Not Found\r\ncontent-length: 3\r\n\r\nbad";
    const QByteArray wire = a + b + a;
    for (int piece : {1, 2, 7, 1000}) {
        INFO(piece);
        server::AnswerRelay relay;
        relay.expect(false);
        relay.expect(true);
        relay.expect(false);
        QByteArray out;
        for (qsizetype at = 0; at < wire.size(); at += piece)
            out += relay.pass(wire.mid(at, piece));
        CHECK(out == a + b.left(b.indexOf("bad")) + a);
    }
}
