// onewindow-server as a program: --help on every command, and two server processes on one
// database taking pushes for one hall at once.
#include "ChildServer.h"
#include "ServerFixture.h"

#include "core/SyncProtocol.h"

#include <catch2/catch.hpp>

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTimer>

#include <functional>
#include <memory>

using namespace onewindow;
using namespace onewindow::test;
using core::EventType;

namespace {

const QStringList kServe{QStringLiteral("serve"), QStringLiteral("--listen"),
                         QStringLiteral("127.0.0.1:0")};

struct Run
{
    int status = -1;
    QString out, err;
};

Run runServer(const QStringList& args)
{
    QProcess p;
    p.start(QStringLiteral(ONEWINDOW_SERVER_PATH), args);
    REQUIRE(p.waitForFinished(60000));
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

} // namespace

TEST_CASE("onewindow-server: --help on every command, bad usage exits 2", "[server][cli]")
{
    const Run top = runServer({QStringLiteral("--help")});
    CHECK(top.status == 0);
    for (const char* command : {"serve", "hall", "enrol", "device"}) {
        const Run r = runServer({QString::fromLatin1(command), QStringLiteral("--help")});
        CHECK(r.status == 0);
        CHECK(r.out.startsWith(QStringLiteral("usage: onewindow-server")));
        CHECK(r.out.contains(QString::fromLatin1(command)));
        CHECK(top.out.contains(QString::fromLatin1(command)));
    }
    CHECK(runServer({QStringLiteral("hall"), QStringLiteral("create"), QStringLiteral("620102")})
              .status == 2); // neither --store nor --database
    QTemporaryDir dir;
    const QStringList store{QStringLiteral("--store"), dir.filePath(QStringLiteral("c.sqlite"))};
    // A hall, a code for it, the devices listed.
    REQUIRE(runServer(store + QStringList{QStringLiteral("hall"), QStringLiteral("create"),
                                          QStringLiteral("620102"), QStringLiteral("--name"),
                                          QStringLiteral("城关区政务服务中心")})
                .status == 0);
    const Run bad =
        runServer(store + QStringList{QStringLiteral("enrol"), QStringLiteral("620102"),
                                      QStringLiteral("W07"), QStringLiteral("--role"),
                                      QStringLiteral("window"), QStringLiteral("--valid"),
                                      QStringLiteral("soon")});
    CHECK(bad.status == 2);
    CHECK(bad.err.contains(QStringLiteral("24h")));
    const Run code =
        runServer(store + QStringList{QStringLiteral("enrol"), QStringLiteral("620102"),
                                      QStringLiteral("W07"), QStringLiteral("--role"),
                                      QStringLiteral("window")});
    CHECK(code.status == 0);
    CHECK(QRegularExpression(QStringLiteral("^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}\n$"))
              .match(code.out)
              .hasMatch());
    const Run again =
        runServer(store + QStringList{QStringLiteral("hall"), QStringLiteral("create"),
                                      QStringLiteral("620102"), QStringLiteral("--name"),
                                      QStringLiteral("x")});
    CHECK(again.status == 1);
    CHECK(again.err.contains(QStringLiteral("hall.exists")));
}

TEST_CASE("two server processes taking pushes for one hall at once give a contiguous hall order "
          "with nothing lost",
          "[server][processes]")
{
    constexpr int kDevices = 4, kBatches = 8, kPerBatch = 5;
    QTemporaryDir dir;
    const server::DatabaseSpec spec = freshDatabase(dir);
    core::FakeClock clock(QDateTime(QDate(2026, 12, 7), QTime(2, 0), Qt::UTC));
    QList<ServerFixture::Device> devices;
    qint64 base = 0; // the hall's cursor after its setup records
    {
        auto db = server::CentralDb::open(spec);
        REQUIRE(db.ok());
        server::Registry registry(**db, clock);
        REQUIRE(registry
                    .createHall(QStringLiteral("620102"), QStringLiteral("大厅"),
                                QStringLiteral("Asia/Shanghai"))
                    .ok());
        addTestMasterData(**db, clock, QStringLiteral("620102"));
        base = registry.hall(QStringLiteral("620102"))->seq;
    }
    ChildServer one, two; // serving on free ports
    one.start(databaseArgsOf(spec) + kServe);
    two.start(databaseArgsOf(spec) + kServe);
    QNetworkAccessManager net;
    {
        auto db = server::CentralDb::open(spec);
        REQUIRE(db.ok());
        for (int d = 0; d < kDevices; ++d) {
            const QString code =
                childEnrolCode(**db, QStringLiteral("620102"),
                               QStringLiteral("W%1").arg(d + 1, 2, 10, QLatin1Char('0')));
            const HttpReply r = httpCall(
                net, "POST", (d % 2 ? two.base() : one.base()) + QStringLiteral("/v1/enrol"),
                QJsonDocument(QJsonObject{{QStringLiteral("code"), code},
                                          {QStringLiteral("device_name"), QStringLiteral("pc")}})
                    .toJson(),
                {{core::sync::kProtocolHeader, kProtocolNow},
                 {core::sync::kBuildHeader, "test"},
                 {core::sync::kFoldHeader, kFoldNow}});
            REQUIRE(r.status == 200);
            devices.append({r.json().value(QStringLiteral("device_id")).toString(),
                            r.json().value(QStringLiteral("token")).toString(),
                            QStringLiteral("620102"), 1});
        }
    }
    // Every device pushes its batches one after another, alternating between the two servers;
    // the devices all at once.
    QList<std::shared_ptr<EventMaker>> makers;
    int running = kDevices, failures = 0;
    QEventLoop loop;
    std::function<void(int, int)> send = [&](int d, int batch) {
        if (batch == kBatches) {
            if (--running == 0)
                loop.quit();
            return;
        }
        QJsonArray events;
        const QString caseId = newId();
        events.append(
            makers[d]->wire(EventType::Received, caseId, {},
                            receivedPayload(QStringLiteral("C-%1-%2").arg(d).arg(batch))));
        for (int i = 1; i < kPerBatch; ++i)
            events.append(makers[d]->wire(EventType::Note, caseId, {},
                                          {{QStringLiteral("text"), QString::number(i)}}));
        QNetworkRequest request(QUrl((batch + d) % 2 ? two.base() : one.base())
                                    .resolved(QUrl(QStringLiteral("/v1/push"))));
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/json"));
        setVersionHeaders(request);
        request.setRawHeader("Authorization", "Bearer " + devices[d].token.toLatin1());
        QNetworkReply* reply = net.post(
            request, QJsonDocument(QJsonObject{{QStringLiteral("device_id"), devices[d].id},
                                               {QStringLiteral("events"), events}})
                         .toJson(QJsonDocument::Compact));
        QObject::connect(reply, &QNetworkReply::finished, [&, reply, d, batch] {
            if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() != 200)
                ++failures;
            reply->deleteLater();
            send(d, batch + 1);
        });
    };
    for (int d = 0; d < kDevices; ++d)
        makers.append(std::make_shared<EventMaker>(devices[d].id, clock));
    for (int d = 0; d < kDevices; ++d)
        send(d, 0);
    QTimer::singleShot(120000, &loop, &QEventLoop::quit);
    loop.exec();
    REQUIRE(running == 0);
    CHECK(failures == 0);

    const HttpReply page = httpCall(
        net, "GET", one.base() + QStringLiteral("/v1/pull?cursor=%1&limit=1000").arg(base), {},
        {{core::sync::kProtocolHeader, kProtocolNow},
         {core::sync::kBuildHeader, "test"},
         {core::sync::kFoldHeader, kFoldNow},
         {"Authorization", "Bearer " + devices[0].token.toLatin1()}});
    REQUIRE(page.status == 200);
    const QJsonArray events = page.json().value(QStringLiteral("events")).toArray();
    REQUIRE(events.size() == kDevices * kBatches * kPerBatch);
    QSet<QString> ids;
    QMap<QString, QList<qint64>> seqs;
    for (int i = 0; i < events.size(); ++i) {
        const QJsonObject e = events[i].toObject();
        CHECK(e.value(QStringLiteral("hall_seq")).toInteger() == base + i + 1);
        CHECK(e.value(QStringLiteral("verdict")).toString() == QStringLiteral("accepted"));
        const QJsonObject wire = e.value(QStringLiteral("event")).toObject();
        ids.insert(wire.value(QStringLiteral("event_id")).toString());
        seqs[wire.value(QStringLiteral("device_id")).toString()].append(
            wire.value(QStringLiteral("device_seq")).toInteger());
    }
    CHECK(ids.size() == events.size());
    REQUIRE(seqs.size() == kDevices);
    for (const QList<qint64>& s : seqs) {
        REQUIRE(s.size() == kBatches * kPerBatch);
        for (int i = 0; i < s.size(); ++i)
            CHECK(s[i] == i + 1); // each device's sequence in order within the hall's
    }
}

TEST_CASE("pokes: with two server processes on PostgreSQL, a pull waiting at one answers within "
          "2 s of a push at the other (LISTEN/NOTIFY)",
          "[server][processes][pokes]")
{
    if (!onPostgres()) {
        WARN("SQLite: one server process serves a file; the in-process poke test covers it");
        return;
    }
    QTemporaryDir dir;
    const server::DatabaseSpec spec = freshDatabase(dir);
    core::FakeClock clock(QDateTime(QDate(2026, 12, 7), QTime(2, 0), Qt::UTC));
    qint64 base = 0;
    QList<std::pair<QString, QString>> codes;
    {
        auto db = server::CentralDb::open(spec);
        REQUIRE(db.ok());
        server::Registry registry(**db, clock);
        REQUIRE(registry
                    .createHall(QStringLiteral("620102"), QStringLiteral("大厅"),
                                QStringLiteral("Asia/Shanghai"))
                    .ok());
        addTestMasterData(**db, clock, QStringLiteral("620102"));
        base = registry.hall(QStringLiteral("620102"))->seq;
        for (const char* window : {"W07", "W08"}) {
            codes.append(
                {QString::fromLatin1(window),
                 childEnrolCode(**db, QStringLiteral("620102"), QString::fromLatin1(window))});
        }
    }
    ChildServer one, two; // serving on free ports
    one.start(databaseArgsOf(spec) + kServe);
    two.start(databaseArgsOf(spec) + kServe);
    QNetworkAccessManager net;
    QList<ServerFixture::Device> devices;
    for (const auto& [window, code] : codes) {
        const HttpReply r =
            httpCall(net, "POST", one.base() + QStringLiteral("/v1/enrol"),
                     QJsonDocument(QJsonObject{{QStringLiteral("code"), code},
                                               {QStringLiteral("device_name"), window}})
                         .toJson(),
                     {{core::sync::kProtocolHeader, kProtocolNow},
                      {core::sync::kBuildHeader, "test"},
                      {core::sync::kFoldHeader, kFoldNow}});
        REQUIRE(r.status == 200);
        devices.append({r.json().value(QStringLiteral("device_id")).toString(),
                        r.json().value(QStringLiteral("token")).toString(),
                        QStringLiteral("620102"), 1});
    }

    QNetworkRequest request(
        QUrl(one.base() + QStringLiteral("/v1/pull?cursor=%1&wait=25").arg(base)));
    setVersionHeaders(request);
    request.setRawHeader("Authorization", "Bearer " + devices[0].token.toLatin1());
    QNetworkReply* waiting = net.get(request);
    QElapsedTimer sincePush;
    qint64 answeredAfter = -1;
    QEventLoop loop;
    QObject::connect(waiting, &QNetworkReply::finished, &loop, [&] {
        answeredAfter = sincePush.isValid() ? sincePush.elapsed() : -1;
        loop.quit();
    });
    QTimer::singleShot(500, &loop, [&] {
        EventMaker make(devices[1].id, clock);
        QNetworkRequest push(QUrl(two.base() + QStringLiteral("/v1/push")));
        push.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        setVersionHeaders(push);
        push.setRawHeader("Authorization", "Bearer " + devices[1].token.toLatin1());
        sincePush.start();
        net.post(push,
                 QJsonDocument(
                     QJsonObject{{QStringLiteral("device_id"), devices[1].id},
                                 {QStringLiteral("events"),
                                  QJsonArray{make.wire(EventType::Received, newId(), {},
                                                       receivedPayload(QStringLiteral("P-1")))}}})
                     .toJson());
    });
    QTimer::singleShot(30000, &loop, &QEventLoop::quit);
    loop.exec();
    REQUIRE(waiting->isFinished());
    CHECK(waiting->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200);
    CHECK(answeredAfter >= 0);
    CHECK(answeredAfter < 2000);
    WARN("the pull waiting at one process answered " << answeredAfter
                                                     << " ms after the push at the other");
    const QJsonObject page = QJsonDocument::fromJson(waiting->readAll()).object();
    CHECK(page.value(QStringLiteral("events")).toArray().size() == 1);
    waiting->deleteLater();
}
