// Pokes: GET /v1/pull?...&wait=S (server/LongPoll.h), in one server process on both backends.
#include "ServerFixture.h"

#include "core/SyncProtocol.h"

#include <catch2/catch.hpp>

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QTimer>

using namespace onewindow;
using namespace onewindow::test;
using core::EventType;

namespace {

const QString kHall = QStringLiteral("620102");

QNetworkReply* startPull(ServerFixture& f, const ServerFixture::Device& d, qint64 cursor, int wait)
{
    QNetworkRequest request(
        QUrl(f.url(QStringLiteral("/v1/pull?cursor=%1&limit=100&wait=%2").arg(cursor).arg(wait))));
    setVersionHeaders(request);
    request.setRawHeader("Authorization", "Bearer " + d.token.toLatin1());
    return f.net.get(request);
}

} // namespace

TEST_CASE("pokes: a waiting pull answers at once when there is something, when the hall moves "
          "on, and empty at its timeout",
          "[server][pokes]")
{
    ServerFixture f;
    f.createHall(kHall);
    const auto a = f.enrol(kHall, QStringLiteral("W07"));
    const auto b = f.enrol(kHall, QStringLiteral("W08"));
    const qint64 base = f.base(kHall);

    // Nothing after the cursor: empty at the timeout, the cursor where it was.
    QElapsedTimer timer;
    timer.start();
    const HttpReply empty = f.get(QStringLiteral("/v1/pull?cursor=%1&wait=1").arg(base),
                                  {{core::sync::kProtocolHeader, kProtocolNow},
                                   {core::sync::kBuildHeader, "test"},
                                   {core::sync::kFoldHeader, kFoldNow},
                                   {"Authorization", "Bearer " + a.token.toLatin1()}});
    CHECK(timer.elapsed() >= 900);
    REQUIRE(empty.status == 200);
    CHECK(empty.json().value(QStringLiteral("events")).toArray().isEmpty());
    CHECK(empty.json().value(QStringLiteral("next_cursor")).toInteger() == base);

    // A pull waiting at the cursor answers when another window pushes.
    QNetworkReply* waiting = startPull(f, a, base, 25);
    QElapsedTimer sincePush;
    qint64 answeredAfter = -1;
    QEventLoop loop;
    QObject::connect(waiting, &QNetworkReply::finished, &loop, [&] {
        answeredAfter = sincePush.isValid() ? sincePush.elapsed() : -1;
        loop.quit();
    });
    QTimer::singleShot(300, &loop, [&] {
        EventMaker make(b.id, f.clock());
        sincePush.start();
        const HttpReply pushed = f.push(b, {make.wire(EventType::Received, newId(), {},
                                                      receivedPayload(QStringLiteral("A-1")))});
        CHECK(pushed.status == 200);
    });
    QTimer::singleShot(30000, &loop, &QEventLoop::quit);
    loop.exec();
    REQUIRE(waiting->isFinished());
    CHECK(answeredAfter >= 0);
    CHECK(answeredAfter < 2000);
    const QJsonObject page = QJsonDocument::fromJson(waiting->readAll()).object();
    CHECK(page.value(QStringLiteral("events")).toArray().size() == 1);
    waiting->deleteLater();

    // Something after the cursor: at once, whatever the wait.
    timer.restart();
    const HttpReply ready = f.get(QStringLiteral("/v1/pull?cursor=%1&wait=25").arg(base),
                                  {{core::sync::kProtocolHeader, kProtocolNow},
                                   {core::sync::kBuildHeader, "test"},
                                   {core::sync::kFoldHeader, kFoldNow},
                                   {"Authorization", "Bearer " + a.token.toLatin1()}});
    CHECK(timer.elapsed() < 1000);
    CHECK(ready.json().value(QStringLiteral("events")).toArray().size() == 1);
    // A client that goes away while its pull waits: the answer finds no connection, and the
    // server goes on.
    QNetworkReply* abandoned = startPull(f, a, base + 1, 1);
    QEventLoop pause;
    QTimer::singleShot(200, &pause, [&] { abandoned->abort(); });
    QTimer::singleShot(1800, &pause, &QEventLoop::quit);
    pause.exec();
    abandoned->deleteLater();
    CHECK(f.log().filter(QStringLiteral("GET /v1/pull 499 ")).size() == 1);
    CHECK(f.get(QStringLiteral("/healthz"), {}).status == 200);

    // A wait past the limit is refused.
    CHECK(f.get(QStringLiteral("/v1/pull?cursor=0&wait=26"),
                {{core::sync::kProtocolHeader, kProtocolNow},
                 {core::sync::kBuildHeader, "test"},
                 {core::sync::kFoldHeader, kFoldNow},
                 {"Authorization", "Bearer " + a.token.toLatin1()}})
              .status == 400);
}
