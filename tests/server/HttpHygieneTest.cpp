// Issue 17, the outside tester's F17 and F18: what a request writes into the server's log, and
// HEAD answered as HTTP says (a head, no body). Raw sockets, so the test sees every byte.
#include "RawClient.h"

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
