// Pokes: GET /v1/pull?...&wait=S (server/LongPoll.h), in one server process on both backends.
#include "ChildServer.h"
#include "ServerFixture.h"

#include "core/SyncProtocol.h"
#include "server/MasterAuthor.h"

#include <catch2/catch.hpp>

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QProcess>
#include <QTimer>

#include <functional>

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

struct Woken
{
    qint64 afterChangeMs = -1; // from the change's start to the answer; -1: not answered
    QJsonArray entries;
};

// A pull of `d` waiting (25 s) at `cursor`; 300 ms later `change` runs (its time counted from
// then: a command's start included). How long after that the pull answered, and what it brought.
Woken waitThrough(ServerFixture& f, const ServerFixture::Device& d, qint64 cursor,
                  const std::function<void()>& change)
{
    Woken woken;
    QNetworkReply* waiting = startPull(f, d, cursor, 25);
    QElapsedTimer sinceChange;
    QEventLoop loop;
    QObject::connect(waiting, &QNetworkReply::finished, &loop, [&] {
        woken.afterChangeMs = sinceChange.isValid() ? sinceChange.elapsed() : -1;
        loop.quit();
    });
    QTimer::singleShot(300, &loop, [&] {
        sinceChange.start();
        change();
    });
    QTimer::singleShot(30000, &loop, &QEventLoop::quit);
    loop.exec();
    if (waiting->isFinished())
        woken.entries = QJsonDocument::fromJson(waiting->readAll())
                            .object()
                            .value(QStringLiteral("events"))
                            .toArray();
    else
        waiting->abort();
    waiting->deleteLater();
    return woken;
}

QJsonObject recordOf(const QJsonArray& entries, const QString& kind)
{
    for (const QJsonValue& v : entries) {
        const QJsonObject record = v.toObject().value(QStringLiteral("record")).toObject();
        if (record.value(QStringLiteral("kind")).toString() == kind)
            return record;
    }
    return {};
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

// Issue 18: master data travels like events. A change the server makes to a hall's master data
// (`settings`, `user`, `catalog import`, `calendar import`, `device revoke`, all written by
// server::MasterData) answers the hall's waiting pulls at once, as a push does: by NOTIFY on
// PostgreSQL; on SQLite the serving process sees the hall's counter move, whichever process (the
// operator's command) committed it.
TEST_CASE("pokes: a hall-settings change made by the server's settings command answers a waiting "
          "pull of the hall within 2 s",
          "[server][pokes][master]")
{
    ServerFixture f;
    f.createHall(kHall);
    const auto a = f.enrol(kHall, QStringLiteral("W07"));
    const qint64 base = f.base(kHall);

    QProcess command;
    const Woken woken = waitThrough(f, a, base, [&] {
        command.start(QStringLiteral(ONEWINDOW_SERVER_PATH),
                      databaseArgsOf(f.spec())
                          << QStringLiteral("settings") << kHall << QStringLiteral("--name")
                          << QStringLiteral("城关区政务服务中心（新址）")
                          << QStringLiteral("--office-hours") << QStringLiteral("08:30-17:00"));
    });
    command.waitForFinished(10000); // false when it has finished already
    INFO(QString::fromUtf8(command.readAllStandardError()).toStdString());
    REQUIRE(command.state() == QProcess::NotRunning);
    REQUIRE(command.exitCode() == 0);
    // Answered within 2 s of the command's start (its own start-up included), with the change.
    REQUIRE(woken.afterChangeMs >= 0);
    CHECK(woken.afterChangeMs < 2000);
    WARN("the waiting pull answered " << woken.afterChangeMs
                                      << " ms after the settings command started");
    const QJsonObject settings = recordOf(woken.entries, QStringLiteral("hall.settings"));
    CHECK(settings.value(QStringLiteral("body")).toObject().value(QStringLiteral("hallName")) ==
          QStringLiteral("城关区政务服务中心（新址）"));
    CHECK(settings.value(QStringLiteral("version")).toInt() >= 2);
}

TEST_CASE("pokes: a user added through the server's own master-data author answers a waiting "
          "pull of the hall within 2 s",
          "[server][pokes][master]")
{
    ServerFixture f;
    f.createHall(kHall);
    const auto a = f.enrol(kHall, QStringLiteral("W07"));
    const qint64 base = f.base(kHall);

    bool added = false;
    const Woken woken = waitThrough(f, a, base, [&] {
        server::MasterData data(f.db(), f.clock());
        server::MasterAuthor::UserChange add{QStringLiteral("zhaoliu"),
                                             QStringLiteral("赵六"),
                                             QStringLiteral("clerk"),
                                             QStringLiteral("W07"),
                                             {},
                                             QStringLiteral("long enough 1"),
                                             {}};
        added = server::MasterAuthor(data).addUser(kHall, add).ok(); // no throw across the loop
    });
    REQUIRE(added);
    REQUIRE(woken.afterChangeMs >= 0);
    CHECK(woken.afterChangeMs < 2000);
    WARN("the waiting pull answered " << woken.afterChangeMs << " ms after the user was added");
    CHECK(recordOf(woken.entries, QStringLiteral("user"))
              .value(QStringLiteral("body"))
              .toObject()
              .value(QStringLiteral("login")) == QStringLiteral("zhaoliu"));
}
