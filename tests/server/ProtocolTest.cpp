// Protocol v1 over real HTTP on loopback, against the backend ctest names (server_sqlite,
// server_postgresql): the same tests on both databases.
#include "ServerFixture.h"

#include "core/SyncProtocol.h"

#include <catch2/catch.hpp>

#include <QJsonDocument>
#include <QSet>
#include <QSqlQuery>

using namespace onewindow;
using namespace onewindow::test;
using core::EventType;

namespace {

const QString kHall = QStringLiteral("620102");

QJsonArray results(const HttpReply& r)
{
    return r.json().value(QStringLiteral("results")).toArray();
}

// The device's hall's events after `cursor` counted from the hall's first event (the master
// records of the hall's setup come before it), events only.
QJsonArray pulled(ServerFixture& f, const ServerFixture::Device& d, qint64 cursor = 0)
{
    const HttpReply r = f.pull(d, f.base(d.hall) + cursor, 1000);
    REQUIRE(r.status == 200);
    QJsonArray events;
    for (const QJsonValue& v : r.json().value(QStringLiteral("events")).toArray())
        if (v.toObject().contains(QStringLiteral("event")))
            events.append(v);
    return events;
}

QString str(const QJsonValue& v, const char* key)
{
    return v.toObject().value(QLatin1String(key)).toString();
}

} // namespace

TEST_CASE("push: replaying a batch k times gives the same answer byte for byte and no duplicates",
          "[server]")
{
    ServerFixture f;
    f.createHall(kHall);
    const auto dev = f.enrol(kHall, QStringLiteral("W07"));
    EventMaker make(dev.id, f.clock());
    const QString caseId = newId();
    const core::Event received =
        make.make(EventType::Received, caseId, {}, receivedPayload(QStringLiteral("A-1")));
    const QJsonArray batch{core::sync::eventToWire(received),
                           make.wire(EventType::Note, caseId, {},
                                     {{QStringLiteral("text"), QStringLiteral("材料齐全")}}),
                           make.wire(EventType::Accepted, caseId, received.eventId)};
    const HttpReply first = f.push(dev, batch);
    REQUIRE(first.status == 200);
    REQUIRE(results(first).size() == 3);
    for (const QJsonValue& v : results(first))
        CHECK(str(v, "verdict") == QStringLiteral("accepted"));
    CHECK(first.json().value(QStringLiteral("next_seq")).toInteger() == 4);
    for (int k = 0; k < 4; ++k) {
        const HttpReply again = f.push(dev, batch);
        REQUIRE(again.status == 200);
        CHECK(again.body == first.body);
    }
    // A resend of part of the batch gets its part of the answer.
    const HttpReply tail = f.push(dev, QJsonArray{batch[1], batch[2]});
    REQUIRE(tail.status == 200);
    CHECK(results(tail) == QJsonArray{results(first)[1], results(first)[2]});

    const QJsonArray events = pulled(f, dev);
    REQUIRE(events.size() == 3);
    QSet<QString> ids;
    for (int i = 0; i < events.size(); ++i) {
        CHECK(events[i].toObject().value(QStringLiteral("hall_seq")).toInteger() ==
              f.base(kHall) + i + 1);
        ids.insert(str(events[i].toObject().value(QStringLiteral("event")), "event_id"));
    }
    CHECK(ids.size() == 3);
    // What comes down is the event as it went up: the same checksum over the same bytes.
    CHECK(events[0].toObject().value(QStringLiteral("event")).toObject() == batch[0].toObject());
}

TEST_CASE("push: a gap in the device sequence gets 409 with the expected sequence, nothing stored",
          "[server]")
{
    ServerFixture f;
    f.createHall(kHall);
    const auto dev = f.enrol(kHall, QStringLiteral("W07"));
    EventMaker make(dev.id, f.clock());
    const QString caseId = newId();
    REQUIRE(f.push(dev, {make.wire(EventType::Received, caseId, {},
                                   receivedPayload(QStringLiteral("A-1")))})
                .status == 200);
    make.setSeq(2); // seq 2 never sent
    const HttpReply gap = f.push(dev, {make.wire(EventType::Note, caseId, {},
                                                 {{QStringLiteral("text"), QStringLiteral("x")}})});
    CHECK(gap.status == 409);
    CHECK(gap.json().value(QStringLiteral("error")).toString() == core::sync::code::kSequenceGap);
    CHECK(gap.json().value(QStringLiteral("expected_seq")).toInteger() == 2);
    CHECK(pulled(f, dev).size() == 1);
}

TEST_CASE("push: a change on a stale case head is stored as rejected with the winner, and the "
          "device's cursor moves on",
          "[server]")
{
    ServerFixture f;
    f.createHall(kHall);
    const auto a = f.enrol(kHall, QStringLiteral("W07"));
    const auto b = f.enrol(kHall, QStringLiteral("W08"));
    EventMaker makeA(a.id, f.clock()), makeB(b.id, f.clock());
    const QString caseId = newId();
    const core::Event received =
        makeA.make(EventType::Received, caseId, {}, receivedPayload(QStringLiteral("A-1")));
    REQUIRE(f.push(a, {core::sync::eventToWire(received)}).status == 200);

    // Both windows act on the head they folded (the receipt); B's push arrives first.
    const core::Event accept = makeB.make(EventType::Accepted, caseId, received.eventId);
    const HttpReply won = f.push(b, {core::sync::eventToWire(accept)});
    REQUIRE(won.status == 200);
    CHECK(str(results(won)[0], "verdict") == QStringLiteral("accepted"));

    const HttpReply lost = f.push(
        a, {makeA.wire(EventType::Refused, caseId, received.eventId,
                       {{QStringLiteral("reasonKind"), QStringLiteral("other")},
                        {QStringLiteral("reason"), QStringLiteral("申请事项依法不需要审批")}})});
    REQUIRE(lost.status == 200);
    const QJsonObject answer = results(lost)[0].toObject();
    CHECK(answer.value(QStringLiteral("verdict")).toString() == QStringLiteral("rejected"));
    CHECK(answer.value(QStringLiteral("reason_code")).toString() == core::sync::code::kStaleHead);
    CHECK(answer.value(QStringLiteral("winner")).toString() == accept.eventId);
    CHECK(answer.value(QStringLiteral("hall_seq")).toInteger() == f.base(kHall) + 3);
    CHECK(lost.json().value(QStringLiteral("next_seq")).toInteger() == 3);

    // A mergeable note on the old head is accepted; a change on the new head judged by the fold.
    const HttpReply note =
        f.push(a, {makeA.wire(EventType::Note, caseId, received.eventId,
                              {{QStringLiteral("text"), QStringLiteral("申请人来电")}})});
    CHECK(str(results(note)[0], "verdict") == QStringLiteral("accepted"));
    const HttpReply twice = f.push(a, {makeA.wire(EventType::Accepted, caseId, accept.eventId)});
    const QJsonObject illegal = results(twice)[0].toObject();
    CHECK(illegal.value(QStringLiteral("verdict")).toString() == QStringLiteral("rejected"));
    CHECK(illegal.value(QStringLiteral("reason_code")).toString() ==
          QStringLiteral("case.illegal_action"));

    // The pull carries every event with its verdict, the rejected ones included.
    const QJsonArray events = pulled(f, a);
    REQUIRE(events.size() == 5);
    CHECK(str(events[2], "verdict") == QStringLiteral("rejected"));
    CHECK(str(events[2], "winner") == accept.eventId);
    CHECK(str(events[3], "verdict") == QStringLiteral("accepted"));
    // The cursor pages: after 3, only what followed.
    CHECK(pulled(f, a, 3).size() == 2);
    const HttpReply page = f.pull(a, f.base(kHall), 2);
    CHECK(page.json().value(QStringLiteral("more")).toBool());
    CHECK(page.json().value(QStringLiteral("next_cursor")).toInteger() == f.base(kHall) + 2);
}

TEST_CASE("push: a used sequence with other content answers sequence_reused and stops the device",
          "[server]")
{
    ServerFixture f;
    f.createHall(kHall);
    const auto dev = f.enrol(kHall, QStringLiteral("W07"));
    EventMaker make(dev.id, f.clock());
    const QString caseId = newId();
    REQUIRE(f.push(dev, {make.wire(EventType::Received, caseId, {},
                                   receivedPayload(QStringLiteral("A-1")))})
                .status == 200);
    make.setSeq(0); // a disk restored from yesterday's backup
    const HttpReply reused = f.push(
        dev, {make.wire(EventType::Received, newId(), {}, receivedPayload(QStringLiteral("A-2")))});
    CHECK(reused.status == 409);
    CHECK(reused.json().value(QStringLiteral("error")).toString() ==
          core::sync::code::kSequenceReused);
    const HttpReply after = f.pull(dev, 0);
    CHECK(after.status == 403);
    CHECK(after.json().value(QStringLiteral("error")).toString() ==
          core::sync::code::kDeviceStopped);
}

TEST_CASE("enrol: a used, an unknown and an expired code are refused; a revoked token at once",
          "[server]")
{
    ServerFixture f;
    f.createHall(kHall);
    auto code = f.registry().createEnrolCode(
        {kHall, QStringLiteral("W07"), QStringLiteral("window"), {}, 600});
    REQUIRE(code.ok());
    const auto enrol = [&](const QString& c) {
        return httpCall(
            f.net, "POST", f.url(QStringLiteral("/v1/enrol")),
            QJsonDocument(QJsonObject{{QStringLiteral("code"), c},
                                      {QStringLiteral("device_name"), QStringLiteral("pc")}})
                .toJson(),
            {{core::sync::kProtocolHeader, kProtocolNow},
             {core::sync::kBuildHeader, "test"},
             {core::sync::kFoldHeader, kFoldNow}});
    };
    // Typed in lower case with spaces: the same code.
    const HttpReply ok = enrol(code->first.toLower().replace(QLatin1Char('-'), QLatin1Char(' ')));
    REQUIRE(ok.status == 200);
    CHECK(ok.json().value(QStringLiteral("token")).toString().size() == 43); // 256 bits, base64url
    CHECK(ok.json().value(QStringLiteral("hall")).toObject().value(QStringLiteral("code")) ==
          kHall);
    const HttpReply used = enrol(code->first);
    CHECK(used.status == 403);
    CHECK(used.json().value(QStringLiteral("error")).toString() == core::sync::code::kCodeInvalid);
    const HttpReply unknown = enrol(QStringLiteral("AAAA-BBBB-CCCC-DDDD"));
    CHECK(unknown.body == used.body); // no oracle: unknown and used answer alike

    auto late = f.registry().createEnrolCode(
        {kHall, QStringLiteral("W08"), QStringLiteral("window"), {}, 600});
    f.clock().advanceSeconds(601);
    const HttpReply expired = enrol(late->first);
    CHECK(expired.status == 403);
    CHECK(expired.json().value(QStringLiteral("error")).toString() ==
          core::sync::code::kCodeExpired);

    const ServerFixture::Device dev{ok.json().value(QStringLiteral("device_id")).toString(),
                                    ok.json().value(QStringLiteral("token")).toString(), kHall, 1};
    REQUIRE(f.pull(dev, 0).status == 200);
    REQUIRE(f.registry().revoke(dev.id).ok());
    const HttpReply revoked = f.pull(dev, 0);
    CHECK(revoked.status == 403);
    CHECK(revoked.json().value(QStringLiteral("error")).toString() ==
          core::sync::code::kDeviceRevoked);
    EventMaker make(dev.id, f.clock());
    CHECK(f.push(dev, {make.wire(EventType::Received, newId(), {},
                                 receivedPayload(QStringLiteral("A-1")))})
              .status == 403);
    const ServerFixture::Device forged{dev.id, QStringLiteral("not-a-token"), kHall, 1};
    CHECK(f.pull(forged, 0).status == 401);
    // The store keeps only hashes: the token is nowhere in the devices table.
    auto devices = f.registry().devices();
    REQUIRE(devices.ok());
    CHECK(devices->size() == 1);
    CHECK(f.registry().deviceByToken(dev.token)->deviceId == dev.id);
}

TEST_CASE("cross-hall: another hall's case, pull and device are refused with stable codes",
          "[server]")
{
    ServerFixture f;
    f.createHall(kHall);
    f.createHall(QStringLiteral("110101"));
    const auto mine = f.enrol(kHall, QStringLiteral("W07"));
    const auto other = f.enrol(QStringLiteral("110101"), QStringLiteral("W01"));
    EventMaker makeMine(mine.id, f.clock()), makeOther(other.id, f.clock());
    const QString caseId = newId();
    const core::Event received =
        makeMine.make(EventType::Received, caseId, {}, receivedPayload(QStringLiteral("A-1")));
    REQUIRE(f.push(mine, {core::sync::eventToWire(received)}).status == 200);

    const HttpReply foreign =
        f.push(other, {makeOther.wire(EventType::Accepted, caseId, received.eventId)});
    REQUIRE(foreign.status == 200);
    CHECK(str(results(foreign)[0], "reason_code") == core::sync::code::kOtherHall);
    // The other hall's stream holds its own rejected event; mine does not see it.
    CHECK(pulled(f, mine).size() == 1);
    CHECK(pulled(f, other).size() == 1);

    const HttpReply pull = f.pull(other, 0, 100, kHall);
    CHECK(pull.status == 403);
    CHECK(pull.json().value(QStringLiteral("error")).toString() ==
          core::sync::code::kHallForbidden);
    // Pushing as my device with the other hall's token.
    const ServerFixture::Device impostor{mine.id, other.token, kHall, 1};
    const HttpReply spoof = f.push(impostor, {makeMine.wire(EventType::Note, caseId)});
    CHECK(spoof.status == 403);
    CHECK(spoof.json().value(QStringLiteral("error")).toString() ==
          core::sync::code::kDeviceMismatch);
}

TEST_CASE("http: wrong method 405 and unknown path 404 with JSON bodies, 426 without the protocol "
          "version, one log line per request",
          "[server]")
{
    ServerFixture f;
    f.createHall(kHall);
    const auto dev = f.enrol(kHall, QStringLiteral("W07"));
    for (const QByteArray method : {"GET", "PUT", "DELETE", "PATCH"}) {
        const HttpReply r = httpCall(f.net, method, f.url(QStringLiteral("/v1/push")), {},
                                     {{core::sync::kProtocolHeader, kProtocolNow},
                                      {core::sync::kBuildHeader, "test"},
                                      {core::sync::kFoldHeader, kFoldNow}});
        CHECK(r.status == 405);
        CHECK(r.json().value(QStringLiteral("error")).toString() ==
              core::sync::code::kMethodNotAllowed);
    }
    CHECK(httpCall(f.net, "POST", f.url(QStringLiteral("/v1/pull"))).status == 405);
    const HttpReply missing = f.get(QStringLiteral("/v2/pull"), {});
    CHECK(missing.status == 404);
    CHECK(missing.json().value(QStringLiteral("error")).toString() == core::sync::code::kNotFound);

    const QByteArray bearer = "Bearer " + dev.token.toLatin1();
    const HttpReply none = f.get(QStringLiteral("/v1/pull"), {{"Authorization", bearer}});
    CHECK(none.status == 426);
    CHECK(none.json().value(QStringLiteral("error")).toString() ==
          core::sync::code::kProtocolUnsupported);
    CHECK(f.get(QStringLiteral("/v1/pull"), {{"Authorization", bearer},
                                             {"OneWindow-Protocol", "3"},
                                             {"OneWindow-Fold", "1"},
                                             {"OneWindow-Build", "x"}})
              .status == 426);
    CHECK(f.get(QStringLiteral("/healthz"), {}).status == 200);

    const int before = f.log().size();
    REQUIRE(f.pull(dev, 0).status == 200);
    REQUIRE(f.log().size() == before + 1);
    const QString line = f.log().last();
    CHECK(line.contains(QStringLiteral("device=") + dev.id));
    CHECK(line.contains(QStringLiteral("hall=620102")));
    CHECK(line.contains(QStringLiteral("GET /v1/pull 200 ")));
    CHECK(line.endsWith(QStringLiteral("ms")));
}

TEST_CASE("push: a technically bad event is set aside as rejected with a stable code, the batch "
          "goes on",
          "[server]")
{
    ServerFixture f;
    f.createHall(kHall);
    const auto dev = f.enrol(kHall, QStringLiteral("W07"));
    EventMaker make(dev.id, f.clock());
    const QString caseId = newId();
    QJsonObject tampered =
        make.wire(EventType::Received, caseId, {}, receivedPayload(QStringLiteral("A-1")));
    tampered.insert(QStringLiteral("actor_id"), QStringLiteral("someone-else"));
    QJsonObject unknown = make.wire(EventType::Note, caseId);
    unknown.insert(QStringLiteral("type"), QStringLiteral("case.teleported"));
    const QJsonObject fine =
        make.wire(EventType::Received, newId(), {}, receivedPayload(QStringLiteral("A-2")));
    const HttpReply r = f.push(dev, {tampered, unknown, fine});
    REQUIRE(r.status == 200);
    CHECK(str(results(r)[0], "reason_code") == core::sync::code::kBadChecksum);
    CHECK(str(results(r)[1], "reason_code") == core::sync::code::kUnknownType);
    CHECK(str(results(r)[2], "verdict") == QStringLiteral("accepted"));
    CHECK(r.json().value(QStringLiteral("next_seq")).toInteger() == 4);
}

TEST_CASE("migrations: a central database newer than the program is refused, unchanged", "[server]")
{
    QTemporaryDir dir;
    const server::DatabaseSpec spec = freshDatabase(dir);
    {
        auto db = server::CentralDb::open(spec);
        REQUIRE(db.ok());
        CHECK((*db)->version() == server::CentralDb::knownVersion());
        QSqlQuery q = (*db)->query();
        REQUIRE((*db)->run(
            q, QStringLiteral("INSERT INTO schema_migrations (version, name) VALUES (?, ?)"),
            {9999, QStringLiteral("from_the_future")}));
    }
    auto again = server::CentralDb::open(spec);
    REQUIRE_FALSE(again.ok());
    CHECK(again.error().code == QStringLiteral("db.newer"));
    CHECK(again.error().message.contains(QStringLiteral("9999")));
}

TEST_CASE("versions (decision 10): protocol and fold N and N-1 are served, others 426; protocol 1 "
          "pulls leave the master records out and move past them",
          "[server][versions]")
{
    ServerFixture f;
    f.createHall(kHall);
    const auto dev = f.enrol(kHall, QStringLiteral("W07"));
    const QByteArray bearer = "Bearer " + dev.token.toLatin1();
    auto pull = [&](const QByteArray& protocol, const QByteArray& fold, const QByteArray& build) {
        QList<std::pair<QByteArray, QByteArray>> headers{{"Authorization", bearer}};
        if (!protocol.isEmpty())
            headers.append({core::sync::kProtocolHeader, protocol});
        if (!fold.isEmpty())
            headers.append({core::sync::kFoldHeader, fold});
        if (!build.isEmpty())
            headers.append({core::sync::kBuildHeader, build});
        return f.get(QStringLiteral("/v1/pull?cursor=0&limit=1000"), headers);
    };
    const QByteArray n = QByteArray::number(core::sync::kProtocolVersion);
    const QByteArray older = QByteArray::number(core::sync::kProtocolVersion - 1);
    const QByteArray newer = QByteArray::number(core::sync::kProtocolVersion + 1);
    const QByteArray tooOld = QByteArray::number(core::sync::kProtocolVersion - 2);
    const QByteArray fold = QByteArray::number(core::sync::kFoldVersion);
    const QByteArray foldNewer = QByteArray::number(core::sync::kFoldVersion + 1);

    const HttpReply current = pull(n, fold, "0.1.0");
    REQUIRE(current.status == 200);
    const HttpReply previous = pull(older, fold, "0.0.9");
    REQUIRE(previous.status == 200);
    for (const QByteArray& bad : {newer, tooOld}) {
        const HttpReply r = pull(bad, fold, "0.1.0");
        CHECK(r.status == 426);
        CHECK(r.json().value(QStringLiteral("error")).toString() ==
              core::sync::code::kProtocolUnsupported);
    }
    const HttpReply foldRefused = pull(n, foldNewer, "0.1.0");
    CHECK(foldRefused.status == 426);
    CHECK(foldRefused.json().value(QStringLiteral("error")).toString() ==
          core::sync::code::kFoldUnsupported);
    CHECK(pull(n, {}, "0.1.0").status == 426);
    const HttpReply noBuild = pull(n, fold, {});
    CHECK(noBuild.status == 426);
    CHECK(noBuild.json().value(QStringLiteral("error")).toString() ==
          core::sync::code::kBuildMissing);

    // The hall's setup records reach protocol 2 devices; protocol 1 gets none, but the same cursor.
    const QJsonArray mine = current.json().value(QStringLiteral("events")).toArray();
    CHECK_FALSE(mine.isEmpty());
    CHECK(previous.json().value(QStringLiteral("events")).toArray().isEmpty());
    CHECK(previous.json().value(QStringLiteral("next_cursor")) ==
          current.json().value(QStringLiteral("next_cursor")));
}
