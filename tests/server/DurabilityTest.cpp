// Nothing lost when the process or the database is killed: a server SIGKILLed in the middle of
// pushes, migrations of processes starting at once on an empty database, event ids unique per
// hall. The same tests on SQLite and PostgreSQL (server_sqlite, server_postgresql).
#include "ChildServer.h"
#include "ServerFixture.h"

#include "core/ServerLimits.h"
#include "core/SyncProtocol.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QSet>
#include <QSqlQuery>
#include <QThread>

using namespace onewindow;
using namespace onewindow::test;
using core::EventType;

namespace {

const QString kHall = QStringLiteral("620102");

QList<std::pair<QByteArray, QByteArray>> auth(const QString& token)
{
    return {{core::sync::kProtocolHeader, kProtocolNow},
            {core::sync::kBuildHeader, "test"},
            {core::sync::kFoldHeader, kFoldNow},
            {"Authorization", "Bearer " + token.toLatin1()}};
}

QByteArray pushBody(const QString& device, const QJsonArray& events)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("device_id"), device},
                                     {QStringLiteral("events"), events}})
        .toJson(QJsonDocument::Compact);
}

void spin(int ms)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < ms) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 2);
        QThread::msleep(1);
    }
}

} // namespace

TEST_CASE("a server killed with SIGKILL in the middle of a push loses nothing: the resent batch "
          "gets one answer every time and the hall order stays contiguous",
          "[server][kill]")
{
    constexpr int kRounds = 8, kPerBatch = 300;
    QTemporaryDir dir;
    const server::DatabaseSpec spec = freshDatabase(dir);
    core::FakeClock clock(QDateTime(QDate(2026, 12, 7), QTime(2, 0), Qt::UTC));
    QString code;
    {
        auto db = server::CentralDb::open(spec);
        REQUIRE(db.ok());
        server::Registry registry(**db, clock);
        REQUIRE(registry.createHall(kHall, QStringLiteral("大厅"), QStringLiteral("Asia/Shanghai"))
                    .ok());
        addTestMasterData(**db, clock, kHall); // the users and catalog pushes are judged by
        code = childEnrolCode(**db, kHall, QStringLiteral("W07"));
    }
    const QStringList serve =
        databaseArgsOf(spec) + QStringList{QStringLiteral("serve"), QStringLiteral("--listen"),
                                           QStringLiteral("127.0.0.1:0")};
    auto server = std::make_unique<ChildServer>();
    server->start(serve);
    QNetworkAccessManager net;
    const HttpReply enrolled =
        httpCall(net, "POST", server->base() + QStringLiteral("/v1/enrol"),
                 QJsonDocument(QJsonObject{{QStringLiteral("code"), code},
                                           {QStringLiteral("device_name"), QStringLiteral("pc")}})
                     .toJson(),
                 {{core::sync::kProtocolHeader, kProtocolNow},
                  {core::sync::kBuildHeader, "test"},
                  {core::sync::kFoldHeader, kFoldNow}});
    REQUIRE(enrolled.status == 200);
    const QString device = enrolled.json().value(QStringLiteral("device_id")).toString();
    const QString token = enrolled.json().value(QStringLiteral("token")).toString();
    EventMaker make(device, clock);
    QMap<qint64, QString> placed; // hall order -> event id, as the answers said
    int committedBeforeKill = 0;
    // The hall's master data (calendars, catalog, users) comes first on the same cursor road.
    const HttpReply master =
        httpCall(net, "GET", server->base() + QStringLiteral("/v1/pull?cursor=0&limit=1000"), {},
                 auth(token));
    REQUIRE(master.status == 200);
    REQUIRE_FALSE(master.json().value(QStringLiteral("more")).toBool());
    const qint64 base = master.json().value(QStringLiteral("next_cursor")).toInteger();
    qint64 cursor = base;

    for (int round = 0; round < kRounds; ++round) {
        QJsonArray events;
        const QString caseId = newId();
        events.append(make.wire(EventType::Received, caseId, {},
                                receivedPayload(QStringLiteral("K-%1").arg(round))));
        for (int i = 1; i < kPerBatch; ++i)
            events.append(make.wire(EventType::Note, caseId, {},
                                    {{QStringLiteral("text"), QString::number(i)}}));
        const QByteArray body = pushBody(device, events);

        // The push goes out; the server is killed a little later each round (before, during and
        // after its transaction).
        QNetworkRequest request{QUrl(server->base() + QStringLiteral("/v1/push"))};
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/json"));
        for (const auto& [name, value] : auth(token))
            request.setRawHeader(name, value);
        QNetworkReply* inFlight = net.post(request, body);
        static constexpr int kDelayMs[kRounds] = {0, 20, 60, 150, 300, 600, 1200, 2500};
        spin(kDelayMs[round]);
        server->kill();
        spin(50);
        inFlight->abort();
        inFlight->deleteLater();

        server = std::make_unique<ChildServer>();
        server->start(serve);
        const HttpReply before = httpCall(
            net, "GET", server->base() + QStringLiteral("/v1/pull?cursor=%1&limit=1").arg(cursor),
            {}, auth(token));
        REQUIRE(before.status == 200);
        if (!before.json().value(QStringLiteral("events")).toArray().isEmpty())
            ++committedBeforeKill; // the first copy had committed before the kill
        const HttpReply resent =
            httpCall(net, "POST", server->base() + QStringLiteral("/v1/push"), body, auth(token));
        REQUIRE(resent.status == 200);
        const QJsonArray results = resent.json().value(QStringLiteral("results")).toArray();
        REQUIRE(results.size() == kPerBatch);
        for (const QJsonValue& v : results) {
            const QJsonObject r = v.toObject();
            INFO(QJsonDocument(r).toJson(QJsonDocument::Compact).toStdString());
            CHECK(r.value(QStringLiteral("verdict")).toString() == QStringLiteral("accepted"));
            placed.insert(r.value(QStringLiteral("hall_seq")).toInteger(),
                          r.value(QStringLiteral("event_id")).toString());
        }
        // Again and again: the same answer, byte for byte.
        const HttpReply again =
            httpCall(net, "POST", server->base() + QStringLiteral("/v1/push"), body, auth(token));
        CHECK(again.status == 200);
        CHECK(again.body == resent.body);
        const HttpReply after =
            httpCall(net, "GET",
                     server->base() + QStringLiteral("/v1/pull?cursor=%1&limit=1000").arg(cursor),
                     {}, auth(token));
        REQUIRE(after.status == 200);
        const qint64 next = after.json().value(QStringLiteral("next_cursor")).toInteger();
        CHECK(next == cursor + kPerBatch); // exactly the batch, once
        cursor = next;
    }

    // The whole hall: contiguous, every event once, where its answer said.
    QSet<QString> ids;
    qint64 at = base;
    for (bool more = true; more;) {
        const HttpReply page = httpCall(
            net, "GET", server->base() + QStringLiteral("/v1/pull?cursor=%1&limit=1000").arg(at),
            {}, auth(token));
        REQUIRE(page.status == 200);
        for (const QJsonValue& v : page.json().value(QStringLiteral("events")).toArray()) {
            const QJsonObject e = v.toObject();
            const qint64 seq = e.value(QStringLiteral("hall_seq")).toInteger();
            CHECK(seq == at + 1);
            at = seq;
            const QString id = e.value(QStringLiteral("event"))
                                   .toObject()
                                   .value(QStringLiteral("event_id"))
                                   .toString();
            CHECK(placed.value(seq) == id);
            ids.insert(id);
        }
        more = page.json().value(QStringLiteral("more")).toBool();
    }
    CHECK(at == base + kRounds * kPerBatch);
    // Both fates occurred: killed before its commit and after it (else the delays need tuning).
    WARN("first copies committed before the kill: " << committedBeforeKill << " of " << kRounds);
    CHECK(ids.size() == kRounds * kPerBatch);
}

TEST_CASE("processes starting at once on an empty database apply each migration once",
          "[server][migrations]")
{
    constexpr int kProcesses = 8, kRounds = 5; // CI once saw 1 of 12 starts answer "locked"
    for (int round = 0; round < kRounds; ++round) {
        QTemporaryDir dir;
        const server::DatabaseSpec spec = freshDatabase(dir); // empty (PostgreSQL: schema dropped)
        std::vector<std::unique_ptr<QProcess>> all;
        // `hall create` (a hall each): the one command that may make a new store (F3).
        for (int i = 0; i < kProcesses; ++i) {
            all.push_back(std::make_unique<QProcess>());
            all.back()->start(
                QStringLiteral(ONEWINDOW_SERVER_PATH),
                databaseArgsOf(spec) +
                    QStringList{QStringLiteral("hall"), QStringLiteral("create"),
                                QStringLiteral("6201%1").arg(i + 1, 2, 10, QLatin1Char('0')),
                                QStringLiteral("--name"), QStringLiteral("大厅")});
        }
        for (auto& p : all) {
            REQUIRE(p->waitForFinished(60000));
            INFO(p->readAllStandardError().toStdString());
            CHECK(p->exitCode() == 0);
        }
        auto db = server::CentralDb::open(spec);
        REQUIRE(db.ok());
        QSqlQuery q = (*db)->query();
        REQUIRE(q.exec(QStringLiteral("SELECT COUNT(*), COUNT(DISTINCT version), MAX(version) "
                                      "FROM schema_migrations")));
        REQUIRE(q.next());
        CHECK(q.value(0).toInt() == q.value(1).toInt());
        CHECK(q.value(2).toInt() == server::CentralDb::knownVersion());
    }
}

TEST_CASE("event ids are unique per hall: a second accepted event with a known id is rejected "
          "event.duplicate_id and set aside",
          "[server]")
{
    ServerFixture f;
    f.createHall(kHall);
    const auto a = f.enrol(kHall, QStringLiteral("W07"));
    const auto b = f.enrol(kHall, QStringLiteral("W08"));
    EventMaker makeA(a.id, f.clock()), makeB(b.id, f.clock());
    const core::Event first =
        makeA.make(EventType::Received, newId(), {}, receivedPayload(QStringLiteral("D-1")));
    REQUIRE(f.push(a, QJsonArray{core::sync::eventToWire(first)}).status == 200);

    core::Event copy =
        makeB.make(EventType::Received, newId(), {}, receivedPayload(QStringLiteral("D-2")));
    copy.eventId = first.eventId; // W08 makes (or forges) an id W07's event holds
    const QJsonArray batch{
        core::sync::eventToWire(copy),
        makeB.wire(EventType::Received, newId(), {}, receivedPayload(QStringLiteral("D-3")))};
    const HttpReply r = f.push(b, batch);
    REQUIRE(r.status == 200);
    const QJsonArray results = r.json().value(QStringLiteral("results")).toArray();
    REQUIRE(results.size() == 2);
    CHECK(results[0].toObject().value(QStringLiteral("verdict")).toString() ==
          QStringLiteral("rejected"));
    CHECK(results[0].toObject().value(QStringLiteral("reason_code")).toString() ==
          core::sync::code::kDuplicateEventId);
    CHECK(results[0].toObject().value(QStringLiteral("winner")).toString() == first.eventId);
    CHECK(results[1].toObject().value(QStringLiteral("verdict")).toString() ==
          QStringLiteral("accepted"));
    CHECK(r.json().value(QStringLiteral("next_seq")).toInteger() == 3); // the cursor moved on

    // The index holds even if a check were missed: a second accepted row is refused by the
    // database.
    QSqlQuery q = f.db().query();
    CHECK_FALSE(f.db().run(
        q,
        QStringLiteral("INSERT INTO events (hall_code, hall_seq, event_id, case_id, device_id, "
                       "device_seq, hlc, actor_id, occurred_at, type, type_version, payload, "
                       "checksum, verdict, received_at) VALUES (?, 99, ?, 'c', 'd', 99, 'h', 'a', "
                       "'o', 't', 1, '{}', 'x', 'accepted', 'r')"),
        {kHall, first.eventId}));
}
