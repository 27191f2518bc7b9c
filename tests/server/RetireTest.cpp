// Decision 9, retire (docs/sync-protocol.md): a retired device's events recorded before its
// retirement are still taken (drained, judged as usual); one recorded after it is rejected
// device.retired with a Chinese reason and set aside like every rejection (the device's cursor
// moves on: never retried forever); its pulls keep working; `device list` shows when. Decision 5,
// one active device per window code: enrolling a window code retires the window's device in the
// same transaction. Run on SQLite and on PostgreSQL.
#include "ServerCommand.h"
#include "ServerFixture.h"

#include "core/DeviceRetirement.h"
#include "core/EventChecksum.h"
#include "server/Commands.h"

#include <catch2/catch.hpp>

#include <QJsonArray>

using namespace onewindow;
using namespace onewindow::test;
using core::EventType;

namespace {

const QString kHall = QStringLiteral("620102");

QJsonArray results(const HttpReply& r)
{
    REQUIRE(r.status == 200);
    return r.json().value(QStringLiteral("results")).toArray();
}

// `device list`'s line of a device.
QString listed(ServerFixture& f, const QString& deviceId)
{
    const CommandRun run = command(f, {QStringLiteral("device"), QStringLiteral("list")});
    REQUIRE(run.exit == 0);
    for (const QString& line : run.out.split(QLatin1Char('\n')))
        if (line.startsWith(deviceId + QLatin1Char('\t')))
            return line;
    return {};
}

QString nowText(ServerFixture& f)
{
    return QString::fromUtf8(core::canonicalTimeText(f.clock().nowUtc()));
}

} // namespace

TEST_CASE("Decision 5: re-enrolling W07 retires the old W07 device; its pending events recorded "
          "before still land, a later one is refused device.retired, device list shows both",
          "[server][retire]")
{
    ServerFixture f;
    f.createHall(kHall);
    const auto old = f.enrol(kHall, QStringLiteral("W07"));
    const auto w08 = f.enrol(kHall, QStringLiteral("W08"));
    EventMaker make(old.id, f.clock());
    // The old PC recorded two cases offline, the second one accepted, and pushed none of it.
    const QString caseA = newId();
    const core::Event receiptA =
        make.make(EventType::Received, caseA, {}, receivedPayload(numberOf(1)));
    const core::Event acceptedA = make.make(EventType::Accepted, caseA, receiptA.eventId);
    const core::Event receiptB =
        make.make(EventType::Received, newId(), {}, receivedPayload(numberOf(2)));

    f.clock().advanceSeconds(600);
    const QString retiredAt = nowText(f);
    const auto fresh = f.enrol(kHall, QStringLiteral("W07")); // the new PC of window W07
    CHECK(listed(f, old.id).contains(
        QStringLiteral("\tretired %1 by %2\t").arg(retiredAt, fresh.id)));
    CHECK(listed(f, fresh.id).contains(QStringLiteral("\tactive\t")));
    CHECK(listed(f, w08.id).contains(QStringLiteral("\tactive\t"))); // another window: untouched

    // The old PC comes online once more: what it recorded before its retirement lands.
    f.clock().advanceSeconds(60);
    const QJsonArray drained =
        results(f.push(old, {core::sync::eventToWire(receiptA), core::sync::eventToWire(acceptedA),
                             core::sync::eventToWire(receiptB)}));
    REQUIRE(drained.size() == 3);
    for (const QJsonValue& v : drained)
        CHECK(v.toObject().value(QStringLiteral("verdict")).toString() ==
              QStringLiteral("accepted"));

    // Something it records after its retirement is set aside, and its cursor moves on.
    const core::Event later =
        make.make(EventType::Received, newId(), {}, receivedPayload(numberOf(3)));
    const HttpReply refused = f.push(old, {core::sync::eventToWire(later)});
    const QJsonArray answer = results(refused);
    REQUIRE(answer.size() == 1);
    const QJsonObject verdict = answer[0].toObject();
    CHECK(verdict.value(QStringLiteral("verdict")).toString() == QStringLiteral("rejected"));
    CHECK(verdict.value(QStringLiteral("reason_code")).toString() ==
          core::sync::code::kDeviceRetired);
    CHECK(verdict.value(QStringLiteral("reason"))
              .toString()
              .contains(QStringLiteral("窗口已由新设备接替")));
    CHECK(refused.json().value(QStringLiteral("next_seq")).toInteger() == 5);
    // Pushed again (a resend), it gets the same stored answer: never retried forever.
    CHECK(results(f.push(old, {core::sync::eventToWire(later)}))[0].toObject() == verdict);

    // Pulls keep working, and bring the drained events to every window; the new PC works on.
    CHECK(f.pull(old, 0).status == 200);
    int seen = 0;
    for (const QJsonValue& v :
         f.pull(fresh, 0, 1000).json().value(QStringLiteral("events")).toArray())
        seen += v.toObject()
                    .value(QStringLiteral("event"))
                    .toObject()
                    .value(QStringLiteral("device_id")) == old.id;
    CHECK(seen == 4); // three accepted, one rejected: verdicts travel with the events
    EventMaker makeFresh(fresh.id, f.clock());
    CHECK(results(f.push(fresh, {makeFresh.wire(EventType::Received, newId(), {},
                                                receivedPayload(numberOf(3)))}))[0]
              .toObject()
              .value(QStringLiteral("verdict"))
              .toString() == QStringLiteral("accepted"));
    // A third enrolment retires the second PC, and the first keeps its own retirement.
    f.clock().advanceSeconds(60);
    const auto third = f.enrol(kHall, QStringLiteral("W07"));
    CHECK(listed(f, fresh.id)
              .contains(QStringLiteral("\tretired %1 by %2\t").arg(nowText(f), third.id)));
    CHECK(listed(f, old.id).contains(
        QStringLiteral("\tretired %1 by %2\t").arg(retiredAt, fresh.id)));
}

TEST_CASE("Decision 9: device retire drains what the device recorded before, refuses what it "
          "records after, and leaves its pulls and other devices alone",
          "[server][retire]")
{
    ServerFixture f;
    f.createHall(kHall);
    const auto dev = f.enrol(kHall, QStringLiteral("W07"));
    EventMaker make(dev.id, f.clock());
    const QString caseId = newId();
    const core::Event receipt =
        make.make(EventType::Received, caseId, {}, receivedPayload(numberOf(1)));
    f.clock().advanceSeconds(30);

    const CommandRun retired =
        command(f, {QStringLiteral("device"), QStringLiteral("retire"), dev.id});
    CHECK(retired.exit == 0);
    CHECK(retired.out == QStringLiteral("retired %1\n").arg(dev.id));
    CHECK(listed(f, dev.id).contains(QStringLiteral("\tretired %1\t").arg(nowText(f))));
    // Retired once: a second retire changes nothing and says why, in Chinese.
    const CommandRun again =
        command(f, {QStringLiteral("device"), QStringLiteral("retire"), dev.id});
    CHECK(again.exit == 1);
    CHECK(again.err.contains(QStringLiteral("没有在用的设备")));
    CHECK(command(f, {QStringLiteral("device"), QStringLiteral("retire"), QStringLiteral("nope")})
              .exit == 1);
    CHECK(command(f, {QStringLiteral("device"), QStringLiteral("retire")}).exit == 2);

    f.clock().advanceSeconds(30);
    const core::Event accepted = make.make(EventType::Accepted, caseId, receipt.eventId);
    const QJsonArray answers =
        results(f.push(dev, {core::sync::eventToWire(receipt), core::sync::eventToWire(accepted)}));
    REQUIRE(answers.size() == 2);
    CHECK(answers[0].toObject().value(QStringLiteral("verdict")).toString() ==
          QStringLiteral("accepted"));
    CHECK(answers[1].toObject().value(QStringLiteral("reason_code")).toString() ==
          core::sync::code::kDeviceRetired);
    CHECK(f.pull(dev, 0).status == 200);
    // Revoke stays as it is: a retired device lost afterwards is refused at once.
    CHECK(command(f, {QStringLiteral("device"), QStringLiteral("revoke"), dev.id}).exit == 0);
    CHECK(f.pull(dev, 0).status == 403);
    CHECK(listed(f, dev.id).contains(QStringLiteral("\trevoked ")));
}
