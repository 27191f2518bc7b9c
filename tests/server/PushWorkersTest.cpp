// Issue 17, the push budget: pushes judged by workers, each with its own connection of the
// central store (server/PushWorkers.h), on both databases (server_sqlite, server_postgresql).
#include "ServerFixture.h"

#include "core/SyncProtocol.h"

#include <catch2/catch.hpp>

#include <QEventLoop>
#include <QHostAddress>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpSocket>
#include <QTimer>
#include <QUuid>

#include <atomic>
#include <thread>

using namespace onewindow;
using namespace onewindow::test;
using core::EventType;

namespace {

QNetworkReply* startPush(ServerFixture& f, const ServerFixture::Device& d, const QJsonArray& events)
{
    QNetworkRequest request{QUrl(f.url(QStringLiteral("/v1/push")))};
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader(core::sync::kProtocolHeader, kProtocolNow);
    request.setRawHeader(core::sync::kFoldHeader, kFoldNow);
    request.setRawHeader(core::sync::kBuildHeader, "test");
    request.setRawHeader("Authorization", "Bearer " + d.token.toLatin1());
    return f.net.post(request, QJsonDocument(QJsonObject{{QStringLiteral("device_id"), d.id},
                                                         {QStringLiteral("events"), events}})
                                   .toJson(QJsonDocument::Compact));
}

void waitFor(const std::function<bool()>& done, int ms = 20000)
{
    QEventLoop loop;
    QTimer tick;
    QObject::connect(&tick, &QTimer::timeout, &loop, [&] {
        if (done())
            loop.quit();
    });
    tick.start(5);
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    if (!done())
        loop.exec();
}

// Every reply of `replies` in, as (status, body).
QList<HttpReply> finish(const QList<QNetworkReply*>& replies)
{
    waitFor([&] {
        for (QNetworkReply* r : replies)
            if (!r->isFinished())
                return false;
        return true;
    });
    QList<HttpReply> out;
    for (QNetworkReply* r : replies) {
        REQUIRE(r->isFinished());
        out.append(
            {r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), r->readAll(), {}});
        r->deleteLater();
    }
    return out;
}

// Each event's (verdict, reason) of a push's answer, or its refusal: what a serial server answers
// too (hall orders aside, which depend on the order the halls' pushes came in).
QStringList outcome(const HttpReply& r)
{
    if (r.status != 200)
        return {QString::number(r.status) + QLatin1Char(' ') +
                r.json().value(QStringLiteral("error")).toString() + QLatin1Char(' ') +
                QString::number(r.json().value(QStringLiteral("expected_seq")).toInteger())};
    QStringList out;
    for (const QJsonValue& v : r.json().value(QStringLiteral("results")).toArray())
        out.append(v.toObject().value(QStringLiteral("verdict")).toString() + QLatin1Char(' ') +
                   v.toObject().value(QStringLiteral("reason_code")).toString());
    return out;
}

// Holds the central store from another connection in a thread of its own for `ms`: SQLite's
// write lock (BEGIN IMMEDIATE), or on PostgreSQL the row of `hall` in `halls`, which a push of
// that hall takes.
class Blocker
{
public:
    Blocker(const server::DatabaseSpec& spec, const QString& hall, int ms)
        : m_thread([this, spec, hall, ms] { hold(spec, hall, ms); })
    {
        waitFor([this] { return m_holding.load() || m_failed.load(); });
        REQUIRE(m_holding.load());
    }
    ~Blocker() { m_thread.join(); }
    bool done() const { return m_done.load(); }

private:
    void hold(const server::DatabaseSpec& spec, const QString& hall, int ms)
    {
        const QString name = QUuid::createUuid().toString();
        {
            const bool postgres = spec.kind == server::DatabaseSpec::Kind::PostgreSql;
            QSqlDatabase db = QSqlDatabase::addDatabase(
                postgres ? QStringLiteral("QPSQL") : QStringLiteral("QSQLITE"), name);
            if (postgres) {
                db.setHostName(spec.host);
                db.setPort(spec.port);
                db.setUserName(spec.user);
                db.setDatabaseName(spec.database);
            } else {
                db.setDatabaseName(spec.sqlitePath);
            }
            QSqlQuery q(db);
            const bool held =
                db.open() &&
                (postgres
                     ? q.exec(QStringLiteral("BEGIN")) &&
                           q.exec(QStringLiteral("SELECT seq FROM halls WHERE hall_code = '%1' "
                                                 "FOR UPDATE")
                                      .arg(hall))
                     : q.exec(QStringLiteral("BEGIN IMMEDIATE")));
            if (held) {
                m_holding = true;
                std::this_thread::sleep_for(std::chrono::milliseconds(ms));
                q.exec(QStringLiteral("ROLLBACK"));
            } else {
                m_failed = true;
            }
            q.finish();
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
        m_done = true;
    }

    std::atomic<bool> m_holding{false}, m_failed{false}, m_done{false};
    std::thread m_thread;
};

// Three halls of two windows each; every window pushes four batches, the windows all at once,
// batch after batch (a window's next batch goes when its last is answered). Each batch: a
// receipt, a note, the acceptance and an illegal second acceptance (stored as rejected); a fifth
// round sends each window's batch with a gap (409), a sixth has the first window reuse its
// sequence (409, the device stopped) beside the others' batches. While a round's pushes come in
// the store is held for a moment, so they wait together (on SQLite a worker then judges them as
// one group, a savepoint each, and commits once). Returns each push's outcome in a fixed order,
// after checking each hall's order and that nothing was lost.
QList<QStringList> runHalls(ServerFixture& f)
{
    const QStringList halls{QStringLiteral("620102"), QStringLiteral("620103"),
                            QStringLiteral("620104")};
    QList<ServerFixture::Device> devices;
    QList<std::shared_ptr<EventMaker>> makers;
    for (const QString& hall : halls) {
        f.createHall(hall);
        for (const char* window : {"W01", "W02"}) {
            devices.append(f.enrol(hall, QString::fromLatin1(window)));
            makers.append(std::make_shared<EventMaker>(devices.last().id, f.clock()));
        }
    }
    QList<QStringList> outcomes;
    QHash<QString, QSet<QString>> pushedIds; // by hall: every event id sent in a 200 push
    QList<QJsonArray> firstBatches;
    QList<QByteArray> firstBodies;
    for (int round = 0; round < 6; ++round) {
        QList<QNetworkReply*> replies;
        QList<QJsonArray> batches;
        Blocker held(f.spec(), halls.first(), 300);
        for (qsizetype d = 0; d < devices.size(); ++d) {
            EventMaker& make = *makers[d];
            const QString caseId = newId();
            if (round == 4)
                make.setSeq(make.nextSeq() + 2); // a gap: 409 with the expected sequence
            if (round == 5)
                make.setSeq(d == 0 ? 0 : 16); // the first window's sequence used again
            const core::Event received = make.make(
                EventType::Received, caseId, {},
                receivedPayload(QStringLiteral("%1-%2-%3").arg(devices[d].hall).arg(d).arg(round)));
            const QJsonArray batch{
                core::sync::eventToWire(received),
                make.wire(EventType::Note, caseId, {},
                          {{QStringLiteral("text"), QStringLiteral("材料齐全")}}),
                make.wire(EventType::Accepted, caseId, received.eventId),
                make.wire(EventType::Accepted, caseId, received.eventId)}; // stale: rejected
            batches.append(batch);
            replies.append(startPush(f, devices[d], batch));
        }
        const QList<HttpReply> answers = finish(replies);
        for (qsizetype d = 0; d < devices.size(); ++d) {
            outcomes.append(outcome(answers[d]));
            if (answers[d].status == 200)
                for (const QJsonValue& e : batches[d])
                    pushedIds[devices[d].hall].insert(
                        e.toObject().value(QStringLiteral("event_id")).toString());
        }
        if (round == 0) {
            firstBatches = batches;
            for (const HttpReply& r : answers)
                firstBodies.append(r.body);
        }
    }
    // Each hall: its orders 1..n without a hole or a double, every pushed event there once.
    for (const QString& hall : halls) {
        const ServerFixture::Device& d = devices[halls.indexOf(hall) * 2 + 1]; // [0] stopped
        const HttpReply r = f.pull(d, 0, 1000);
        REQUIRE(r.status == 200);
        REQUIRE_FALSE(r.json().value(QStringLiteral("more")).toBool());
        qint64 expected = 0;
        QSet<QString> stored;
        for (const QJsonValue& v : r.json().value(QStringLiteral("events")).toArray()) {
            const QJsonObject entry = v.toObject();
            CHECK(entry.value(QStringLiteral("hall_seq")).toInteger() == ++expected);
            if (entry.contains(QStringLiteral("event"))) {
                const QString id = entry.value(QStringLiteral("event"))
                                       .toObject()
                                       .value(QStringLiteral("event_id"))
                                       .toString();
                CHECK_FALSE(stored.contains(id));
                stored.insert(id);
            }
        }
        CHECK(stored == pushedIds.value(hall));
    }
    CHECK(pushedIds.value(halls[0]).size() + pushedIds.value(halls[1]).size() +
              pushedIds.value(halls[2]).size() ==
          (4 * 2 * 4) * 3 + 5 * 4);
    // The first round sent again, all at once: each event's stored answer, hall order and all
    // (next_seq has moved on since).
    QList<QNetworkReply*> again;
    for (qsizetype d = 0; d < devices.size(); ++d)
        again.append(startPush(f, devices[d], firstBatches[d]));
    const QList<HttpReply> resent = finish(again);
    CHECK(outcome(resent[0]) == QStringList{QStringLiteral("403 device_stopped 0")});
    for (qsizetype d = 1; d < devices.size(); ++d)
        CHECK(resent[d].json().value(QStringLiteral("results")) ==
              HttpReply{200, firstBodies[d], {}}.json().value(QStringLiteral("results")));
    return outcomes;
}

} // namespace

TEST_CASE("push workers: concurrent pushes of several halls give contiguous hall orders, lose "
          "nothing, and answer as serial pushes do",
          "[server][push-workers]")
{
    QList<QStringList> parallel, serial;
    {
        ServerFixture f; // serve's default: SQLite 1 worker (groups), PostgreSQL 4
        parallel = runHalls(f);
    }
    {
        ServerFixture f(0); // main's way: one push at a time on the serving thread
        serial = runHalls(f);
    }
    REQUIRE(parallel.size() == 6 * 6);
    CHECK(parallel == serial);
    // What the answers were: three accepted and the stale acceptance rejected, then the gap.
    CHECK(parallel.first() == QStringList{QStringLiteral("accepted "), QStringLiteral("accepted "),
                                          QStringLiteral("accepted "),
                                          QStringLiteral("rejected case.stale_head")});
    CHECK(parallel[4 * 6 + 5] == QStringList{QStringLiteral("409 sequence_gap 17")});
    CHECK(parallel[5 * 6] == QStringList{QStringLiteral("409 sequence_reused 0")});
    CHECK(parallel[5 * 6 + 1] == parallel.first());
}

TEST_CASE("push workers: a push waiting on the database holds up neither the serving thread nor "
          "another hall's push",
          "[server][push-workers]")
{
    ServerFixture f;
    f.createHall(QStringLiteral("620102"));
    f.createHall(QStringLiteral("620103"));
    const auto a = f.enrol(QStringLiteral("620102"), QStringLiteral("W01"));
    const auto b = f.enrol(QStringLiteral("620103"), QStringLiteral("W01"));
    EventMaker makeA(a.id, f.clock()), makeB(b.id, f.clock());
    const QJsonArray batchA{
        makeA.wire(EventType::Received, newId(), {}, receivedPayload(QStringLiteral("A-1")))};
    const QJsonArray batchB{
        makeB.wire(EventType::Received, newId(), {}, receivedPayload(QStringLiteral("B-1")))};

    // Hall 620102's push waits for the database (SQLite: the file's write lock; PostgreSQL: the
    // hall's row) for 1.5 s; meanwhile the server answers: on SQLite a health check (the file
    // takes one writer at a time), on PostgreSQL the other hall's push.
    Blocker blocker(f.spec(), QStringLiteral("620102"), 1500);
    QNetworkReply* waiting = startPush(f, a, batchA);
    waitFor([] { return false; }, 200); // the push is at the database by now
    const HttpReply other = onPostgres()
                                ? f.push(b, batchB)
                                : httpCall(f.net, "GET", f.url(QStringLiteral("/healthz")));
    CHECK(other.status == 200);
    CHECK_FALSE(blocker.done()); // answered while the database was still held
    CHECK_FALSE(waiting->isFinished());
    if (onPostgres())
        CHECK(verdicts(other) == QStringList{QStringLiteral("accepted")});
    // Then the held push goes through, whole.
    const QList<HttpReply> held = finish({waiting});
    CHECK(held.first().status == 200);
    CHECK(verdicts(held.first()) == QStringList{QStringLiteral("accepted")});
}

TEST_CASE("push workers: answers on one connection come in the order asked, a push's before the "
          "health check sent after it",
          "[server][push-workers]")
{
    ServerFixture f;
    f.createHall(QStringLiteral("620102"));
    const auto a = f.enrol(QStringLiteral("620102"), QStringLiteral("W01"));
    EventMaker make(a.id, f.clock());
    const QByteArray body =
        QJsonDocument(QJsonObject{{QStringLiteral("device_id"), a.id},
                                  {QStringLiteral("events"),
                                   QJsonArray{make.wire(EventType::Received, newId(), {},
                                                        receivedPayload(QStringLiteral("A-1")))}}})
            .toJson(QJsonDocument::Compact);
    const QByteArray push =
        "POST /v1/push HTTP/1.1\r\nHost: x\r\nOneWindow-Protocol: " + kProtocolNow +
        "\r\nOneWindow-Fold: " + kFoldNow + "\r\nOneWindow-Build: test\r\nAuthorization: Bearer " +
        a.token.toLatin1() +
        "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) +
        "\r\n\r\n" + body;
    // The push waits on the database while the health check behind it could be answered at once.
    Blocker blocker(f.spec(), QStringLiteral("620102"), 500);
    QTcpSocket socket;
    QByteArray received;
    QObject::connect(&socket, &QTcpSocket::readyRead, [&] { received += socket.readAll(); });
    socket.connectToHost(QHostAddress::LocalHost, quint16(QUrl(f.url({})).port()));
    socket.write(push + "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
    waitFor([&] { return received.count("HTTP/1.1 200") == 2 && received.endsWith("}"); });
    REQUIRE(received.count("HTTP/1.1 200") == 2);
    CHECK(received.indexOf("\"results\"") >= 0);
    CHECK(received.indexOf("\"results\"") < received.indexOf("\"status\":\"ok\""));
}

TEST_CASE("push: the answer names where its time went (Server-Timing), whatever a client sends "
          "in the front's own timing header",
          "[server][push-workers]")
{
    for (const int workers : {0, 1}) {
        ServerFixture f(workers);
        f.createHall(QStringLiteral("620102"));
        const auto a = f.enrol(QStringLiteral("620102"), QStringLiteral("W01"));
        EventMaker make(a.id, f.clock());
        QNetworkRequest request{QUrl(f.url(QStringLiteral("/v1/push")))};
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/json"));
        request.setRawHeader(core::sync::kProtocolHeader, kProtocolNow);
        request.setRawHeader(core::sync::kFoldHeader, kFoldNow);
        request.setRawHeader(core::sync::kBuildHeader, "test");
        request.setRawHeader("Authorization", "Bearer " + a.token.toLatin1());
        request.setRawHeader("OneWindow-Front-Timing", "1 1"); // forged: the front's replaces it
        QNetworkReply* reply = f.net.post(
            request,
            QJsonDocument(
                QJsonObject{{QStringLiteral("device_id"), a.id},
                            {QStringLiteral("events"),
                             QJsonArray{make.wire(EventType::Received, newId(), {},
                                                  receivedPayload(QStringLiteral("A-1")))}}})
                .toJson(QJsonDocument::Compact));
        waitFor([reply] { return reply->isFinished(); });
        REQUIRE(reply->isFinished());
        CHECK(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200);
        const QByteArray timing = reply->rawHeader("Server-Timing");
        QStringList names;
        for (const QByteArray& part : timing.split(',')) {
            const QList<QByteArray> fields = part.trimmed().split(';');
            names.append(QString::fromLatin1(fields.value(0)));
            REQUIRE(fields.value(1).startsWith("dur="));
            const double ms = fields.value(1).mid(4).toDouble();
            CHECK(ms >= 0);
            CHECK(ms < 10000); // the forged stamps would make the queue decades long
        }
        CHECK(names == QStringList{QStringLiteral("read"), QStringLiteral("queue"),
                                   QStringLiteral("parse"), QStringLiteral("lock"),
                                   QStringLiteral("judge"), QStringLiteral("commit"),
                                   QStringLiteral("answer")});
        reply->deleteLater();
    }
}
