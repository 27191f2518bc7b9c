// Decision 11 at the server (docs/sync-protocol.md): GET /v1/snapshot pages a hall's working set
// as of cursor N, GET /v1/case answers an older case up to M, and the enrolment says which way
// a new window comes to hold its hall. Real HTTP on loopback, SQLite and PostgreSQL.
#include "ServerFixture.h"

#include "core/SyncProtocol.h"
#include "core/WorkingSet.h"

#include <catch2/catch.hpp>

#include <QJsonDocument>

using namespace onewindow;
using namespace onewindow::test;
using core::EventType;

namespace {

const QString kHall = QStringLiteral("620102");

QList<std::pair<QByteArray, QByteArray>> headers(const ServerFixture::Device& d)
{
    return {{core::sync::kProtocolHeader, kProtocolNow},
            {core::sync::kBuildHeader, "test"},
            {core::sync::kFoldHeader, kFoldNow},
            {"Authorization", "Bearer " + d.token.toLatin1()}};
}

QString initialOf(ServerFixture& f)
{
    auto code = f.registry().createEnrolCode(
        {kHall, QStringLiteral("W09"), QStringLiteral("window"), {}, 3600});
    REQUIRE(code.ok());
    const HttpReply r =
        httpCall(f.net, "POST", f.url(QStringLiteral("/v1/enrol")),
                 QJsonDocument(QJsonObject{{QStringLiteral("code"), code->first},
                                           {QStringLiteral("device_name"), QStringLiteral("pc")}})
                     .toJson(QJsonDocument::Compact),
                 {{core::sync::kProtocolHeader, kProtocolNow},
                  {core::sync::kBuildHeader, "test"},
                  {core::sync::kFoldHeader, kFoldNow}});
    REQUIRE(r.status == 200);
    return r.json().value(QStringLiteral("initial")).toString();
}

int records(const QJsonObject& page)
{
    int n = 0;
    for (const QJsonValue& v : page.value(QStringLiteral("events")).toArray())
        n += v.toObject().contains(QStringLiteral("record")) ? 1 : 0;
    return n;
}

} // namespace

TEST_CASE("snapshot: enrolment says pull below --snapshot-above and snapshot from it on",
          "[server]")
{
    ServerFixture f;
    f.createHall(kHall);
    CHECK(initialOf(f) == QStringLiteral("pull")); // the default threshold: 200,000 places
    f.setWorkingSet(f.base(kHall) + 1, 90);
    CHECK(initialOf(f) == QStringLiteral("pull"));
    f.setWorkingSet(f.base(kHall), 90);
    CHECK(initialOf(f) == QStringLiteral("snapshot"));
}

TEST_CASE("snapshot: pages stay at N while the hall moves on; master data on the first page; "
          "digest on the last; an older case answered up to M",
          "[server]")
{
    ServerFixture f;
    f.createHall(kHall);
    const auto dev = f.enrol(kHall, QStringLiteral("W07"));
    EventMaker make(dev.id, f.clock());
    const QString first = newId(), second = newId();
    REQUIRE(
        f.push(dev,
               {make.wire(EventType::Received, first, {}, receivedPayload(QStringLiteral("A-1"))),
                make.wire(EventType::Received, second, {}, receivedPayload(QStringLiteral("A-2")))})
            .status == 200);
    const qint64 base = f.base(kHall);
    const qint64 n = base + 2;

    const HttpReply one = f.get(QStringLiteral("/v1/snapshot?hall=620102&limit=1"), headers(dev));
    REQUIRE(one.status == 200);
    const QJsonObject p1 = one.json();
    CHECK(p1.value(QStringLiteral("at")).toInteger() == n);
    CHECK(p1.value(QStringLiteral("after")).toInteger() == base + 1);
    CHECK(p1.value(QStringLiteral("more")).toBool());
    CHECK_FALSE(p1.contains(QStringLiteral("digest")));
    CHECK(records(p1) == base); // every master record of the test hall, one version each
    const QJsonObject set = p1.value(QStringLiteral("working_set")).toObject();
    CHECK(set.value(QStringLiteral("cases")).toInteger() == 2);
    CHECK(set.value(QStringLiteral("events")).toInteger() == 2);

    // A third case after N: not in the set.
    REQUIRE(f.push(dev, {make.wire(EventType::Received, newId(), {},
                                   receivedPayload(QStringLiteral("A-3")))})
                .status == 200);
    const HttpReply two = f.get(
        QStringLiteral("/v1/snapshot?hall=620102&at=%1&after=%2&limit=1").arg(n).arg(base + 1),
        headers(dev));
    REQUIRE(two.status == 200);
    const QJsonObject p2 = two.json();
    CHECK(p2.value(QStringLiteral("at")).toInteger() == n);
    CHECK(p2.value(QStringLiteral("after")).toInteger() == n);
    CHECK_FALSE(p2.value(QStringLiteral("more")).toBool());
    CHECK(records(p2) == 0);
    const QJsonArray events = p2.value(QStringLiteral("events")).toArray();
    REQUIRE(events.size() == 1);
    const QJsonObject e = events.first().toObject();
    CHECK(e.value(QStringLiteral("hall_seq")).toInteger() == n);
    CHECK(e.value(QStringLiteral("verdict")).toString() == QStringLiteral("accepted"));
    CHECK(e.value(QStringLiteral("event")).toObject().value(QStringLiteral("case_id")).toString() ==
          second);
    CHECK(p2.value(QStringLiteral("digest")).toString().size() == 64);

    // An older case up to M: its events with hall order at or below M.
    const auto caseAt = [&](const QString& id, qint64 upto) {
        return f.get(QStringLiteral("/v1/case?hall=620102&case=%1&upto=%2").arg(id).arg(upto),
                     headers(dev));
    };
    CHECK(caseAt(second, n - 1).json().value(QStringLiteral("events")).toArray().isEmpty());
    const HttpReply fetched = caseAt(second, n);
    REQUIRE(fetched.status == 200);
    const QJsonArray its = fetched.json().value(QStringLiteral("events")).toArray();
    REQUIRE(its.size() == 1);
    CHECK(its.first().toObject() == e);
}

TEST_CASE("snapshot: bad parameters, another hall, a set no longer kept and a wrong method are "
          "refused with a message",
          "[server]")
{
    ServerFixture f;
    f.createHall(kHall);
    const auto dev = f.enrol(kHall, QStringLiteral("W07"));
    const auto status = [&](const QString& path) { return f.get(path, headers(dev)).status; };
    CHECK(status(QStringLiteral("/v1/snapshot?after=3")) == 400);
    CHECK(status(QStringLiteral("/v1/snapshot?limit=0")) == 400);
    CHECK(status(QStringLiteral("/v1/snapshot?at=x")) == 400);
    CHECK(status(QStringLiteral("/v1/snapshot?hall=110101")) == 403);
    CHECK(status(QStringLiteral("/v1/case?case=abc")) == 400);
    CHECK(status(QStringLiteral("/v1/case?hall=110101&case=abc&upto=1")) == 403);
    const HttpReply gone = f.get(QStringLiteral("/v1/snapshot?at=999"), headers(dev));
    CHECK(gone.status == 410);
    CHECK(gone.json().value(QStringLiteral("error")).toString() == QStringLiteral("snapshot_gone"));
    CHECK(gone.json()
              .value(QStringLiteral("message"))
              .toString()
              .contains(QStringLiteral("请从头重新取工作集")));
    CHECK(f.get(QStringLiteral("/v1/snapshot"), {}).status == 426);
    const HttpReply post =
        httpCall(f.net, "POST", f.url(QStringLiteral("/v1/snapshot")), "{}", headers(dev));
    CHECK(post.status == 405);
}
