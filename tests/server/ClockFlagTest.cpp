// Decision 7 of the server issue, "Clocks", at the server (docs/sync-protocol.md): every answer
// carries the server's time; a pushed event whose own time lies outside [the device's last
// contact - ε, its receipt + ε] is flagged beside it and listed by `flagged`, never rejected; the
// hall's settings (offlineSignInHours, maxClockGapSeconds) are set online by `settings`, as the
// next version of the hall's settings record that the windows pull.
#include "HallEvents.h"
#include "ServerCommand.h"

#include "core/ClockOffset.h"
#include "core/SyncProtocol.h"
#include "server/Commands.h"
#include "server/storage/TimeFlags.h"

#include <catch2/catch.hpp>

#include <QHash>

using namespace onewindow;
using namespace onewindow::test;
using core::EventType;

namespace {

const QString kHall = QStringLiteral("620102");

QJsonObject latestSettings(ServerFixture& f, const ServerFixture::Device& d)
{
    QJsonObject latest;
    for (const QJsonObject& record : pulledRecords(f, d))
        if (record.value(QStringLiteral("kind")) == QStringLiteral("hall.settings"))
            latest = record;
    return latest;
}

} // namespace

TEST_CASE("Decision 7: every answer of the server carries its time in ms, refusals too",
          "[server][clock]")
{
    ServerFixture f;
    f.createHall(kHall);
    const QByteArray now = QByteArray::number(f.clock().nowUtc().toMSecsSinceEpoch());
    CHECK(httpCall(f.net, "GET", f.url(QStringLiteral("/healthz"))).serverTime == now);
    const HttpReply refused = httpCall(f.net, "GET", f.url(QStringLiteral("/v1/pull")));
    CHECK(refused.status == 426);
    CHECK(refused.serverTime == now);
    CHECK(httpCall(f.net, "GET", f.url(QStringLiteral("/nowhere"))).serverTime == now);
    const auto dev = f.enrol(kHall, QStringLiteral("W07"));
    f.clock().advanceSeconds(90);
    CHECK(f.pull(dev, 0).serverTime == QByteArray::number(f.clock().nowUtc().toMSecsSinceEpoch()));
}

TEST_CASE("Decision 7: an event whose time lies outside [last contact - ε, receipt + ε] is "
          "flagged beside it and listed, never rejected",
          "[server][clock]")
{
    ServerFixture f;
    f.createHall(kHall);
    const auto dev = f.enrol(kHall, QStringLiteral("W07")); // its last contact: 02:00
    f.clock().advanceSeconds(3600);                         // the server receives at 03:00
    core::FakeClock device(f.clock().nowUtc());             // a window on time, at first
    EventMaker make(dev.id, device);
    const QString caseId = newId();
    const core::Event received =
        make.make(EventType::Received, caseId, {},
                  receivedPayload(QStringLiteral("620102-20261207-W07-0001")));
    device.advanceSeconds(10 * 60); // then its clock runs ten minutes ahead
    const core::Event accepted = make.make(EventType::Accepted, caseId, received.eventId);
    const HttpReply first =
        f.push(dev, {core::sync::eventToWire(received), core::sync::eventToWire(accepted)});
    CHECK(verdicts(first) == QStringList{QStringLiteral("accepted"), QStringLiteral("accepted")});

    // The window pulls (its contact is now 03:00), then pushes a case dated 40 minutes before
    // it: its clock went back (a window has nothing pending when it pulls).
    REQUIRE(f.pull(dev, 0).status == 200);
    device.set(f.clock().nowUtc().addSecs(-40 * 60));
    const core::Event early =
        make.make(EventType::Received, newId(), {},
                  receivedPayload(QStringLiteral("620102-20261207-W07-0002")));
    CHECK(verdicts(f.push(dev, {core::sync::eventToWire(early)})) ==
          QStringList{QStringLiteral("accepted")});

    auto flags = server::TimeFlags(f.db(), f.clock()).list(kHall, 100);
    REQUIRE(flags.ok());
    REQUIRE(flags->size() == 2);
    CHECK(flags->at(0).eventId == accepted.eventId);
    CHECK(flags->at(0).reasonCode == QString::fromLatin1(core::sync::kTimeAfterReceipt));
    CHECK(flags->at(0).window == QStringLiteral("W07"));
    CHECK(flags->at(1).eventId == early.eventId);
    CHECK(flags->at(1).reasonCode == QString::fromLatin1(core::sync::kTimeBeforeContact));
    CHECK(flags->at(1).lastContactAt.startsWith(QStringLiteral("2026-12-07T03:00:00")));

    const CommandRun listed = command(f, {QStringLiteral("flagged"), kHall});
    INFO(listed.err.toStdString());
    CHECK(listed.exit == 0);
    CHECK(listed.out.contains(QStringLiteral("W07 case.accepted")));
    CHECK(listed.out.contains(QStringLiteral("工作站时钟可能偏快")));
    CHECK(listed.out.contains(QStringLiteral("工作站时钟可能偏慢")));
    CHECK(listed.out.contains(QStringLiteral("2 flagged")));
    CHECK(command(f, {QStringLiteral("flagged")}).exit == 2);
}

TEST_CASE("Decision 7 and 8: `settings` sets the hall's offline sign-in hours and clock gap as "
          "the next version of its settings record; bad values change nothing",
          "[server][clock]")
{
    ServerFixture f;
    f.createHall(kHall);
    const auto dev = f.enrol(kHall, QStringLiteral("W07"));
    const QJsonObject seeded = latestSettings(f, dev);
    REQUIRE(seeded.value(QStringLiteral("version")).toInt() == 1);

    const CommandRun shown = command(f, {QStringLiteral("settings"), kHall});
    CHECK(shown.exit == 0);
    CHECK(shown.out.contains(QStringLiteral("offlineSignInHours 72")));
    CHECK(shown.out.contains(QStringLiteral("maxClockGapSeconds 300")));

    const CommandRun set =
        command(f, {QStringLiteral("settings"), kHall, QStringLiteral("--max-clock-gap-seconds"),
                    QStringLiteral("120"), QStringLiteral("--offline-sign-in-hours"),
                    QStringLiteral("24")});
    INFO(set.err.toStdString());
    CHECK(set.exit == 0);
    CHECK(set.out.contains(QStringLiteral("version 2")));
    const QJsonObject latest = latestSettings(f, dev);
    CHECK(latest.value(QStringLiteral("version")).toInt() == 2);
    const QJsonObject body = latest.value(QStringLiteral("body")).toObject();
    CHECK(body.value(QStringLiteral("maxClockGapSeconds")).toInt() == 120);
    CHECK(body.value(QStringLiteral("offlineSignInHours")).toInt() == 24);
    // The rest of the record is kept.
    CHECK(body.value(QStringLiteral("hallName")) ==
          seeded.value(QStringLiteral("body")).toObject().value(QStringLiteral("hallName")));

    // Out of range, not a number, or the same again: refused, nothing written.
    const CommandRun tooWide =
        command(f, {QStringLiteral("settings"), kHall, QStringLiteral("--max-clock-gap-seconds"),
                    QStringLiteral("7200")});
    CHECK(tooWide.exit == 1);
    CHECK(tooWide.err.contains(
        QStringLiteral("允许的时钟偏差应为 30–3600 秒（现为 7200），未作任何改动")));
    CHECK(command(f, {QStringLiteral("settings"), kHall, QStringLiteral("--offline-sign-in-hours"),
                      QStringLiteral("many")})
              .exit == 2);
    const CommandRun same =
        command(f, {QStringLiteral("settings"), kHall, QStringLiteral("--max-clock-gap-seconds"),
                    QStringLiteral("120")});
    CHECK(same.exit == 1);
    CHECK(same.err.contains(QStringLiteral("没有变化")));
    CHECK(command(f, {QStringLiteral("settings"), QStringLiteral("999999"),
                      QStringLiteral("--max-clock-gap-seconds"), QStringLiteral("120")})
              .exit == 1);
    CHECK(latestSettings(f, dev).value(QStringLiteral("version")).toInt() == 2);
}

namespace {

// The entries of a page's `events` by their event id.
QHash<QString, QJsonObject> entriesById(const QJsonObject& page)
{
    QHash<QString, QJsonObject> out;
    for (const QJsonValue& v : page.value(QStringLiteral("events")).toArray()) {
        const QJsonObject entry = v.toObject();
        if (entry.contains(QStringLiteral("event")))
            out.insert(entry.value(QStringLiteral("event"))
                           .toObject()
                           .value(QStringLiteral("event_id"))
                           .toString(),
                       entry);
    }
    return out;
}

} // namespace

TEST_CASE("Decision 7: a flagged event's entry carries its time flag on the pull, the working set "
          "and the case's events; an event on time carries none",
          "[server][clock]")
{
    ServerFixture f;
    f.createHall(kHall);
    const auto dev = f.enrol(kHall, QStringLiteral("W07")); // its last contact: 02:00
    f.clock().advanceSeconds(3600);                         // the server receives at 03:00
    core::FakeClock device(f.clock().nowUtc());
    EventMaker make(dev.id, device);
    const QString caseId = newId();
    const core::Event onTime =
        make.make(EventType::Received, caseId, {},
                  receivedPayload(QStringLiteral("620102-20261207-W07-0001")));
    device.advanceSeconds(10 * 60); // its clock runs ten minutes ahead
    const core::Event ahead = make.make(EventType::Accepted, caseId, onTime.eventId);
    REQUIRE(f.push(dev, {core::sync::eventToWire(onTime), core::sync::eventToWire(ahead)}).status ==
            200);

    const auto checkFlags = [&](const QJsonObject& page) {
        const QHash<QString, QJsonObject> entries = entriesById(page);
        REQUIRE(entries.contains(onTime.eventId));
        REQUIRE(entries.contains(ahead.eventId));
        // Absent: no flag (protocol 1 clients read the page as before).
        CHECK_FALSE(entries.value(onTime.eventId).contains(QStringLiteral("time_flag")));
        const QJsonObject flag =
            entries.value(ahead.eventId).value(QStringLiteral("time_flag")).toObject();
        CHECK(flag.value(QStringLiteral("code")).toString() ==
              QString::fromLatin1(core::sync::kTimeAfterReceipt));
        CHECK(flag.value(QStringLiteral("reason")).toString() ==
              QStringLiteral("记录时间晚于服务器收到的时间：工作站时钟可能偏快"));
        CHECK(flag.value(QStringLiteral("window")).toString() == QStringLiteral("W07"));
        CHECK(flag.value(QStringLiteral("received_at")).toString() ==
              QStringLiteral("2026-12-07T03:00:00.000Z"));
        CHECK(flag.value(QStringLiteral("last_contact_at")).toString() ==
              QStringLiteral("2026-12-07T02:00:00.000Z"));
        // What a window reads of it: the same flag.
        const auto read = core::sync::timeFlagFromJson(entries.value(ahead.eventId));
        REQUIRE(read);
        CHECK(read->code == QString::fromLatin1(core::sync::kTimeAfterReceipt));
        CHECK_FALSE(core::sync::timeFlagFromJson(entries.value(onTime.eventId)));
    };

    SECTION("the pull")
    {
        const HttpReply pulled = f.pull(dev, f.base(kHall));
        REQUIRE(pulled.status == 200);
        checkFlags(pulled.json());
    }
    SECTION("the working set and a case's events (decision 11): the same entry")
    {
        const QList<std::pair<QByteArray, QByteArray>> headers{
            {core::sync::kProtocolHeader, kProtocolNow},
            {core::sync::kBuildHeader, "test"},
            {core::sync::kFoldHeader, kFoldNow},
            {"Authorization", "Bearer " + dev.token.toLatin1()}};
        const HttpReply set = f.get(QStringLiteral("/v1/snapshot?hall=620102&limit=1000"), headers);
        REQUIRE(set.status == 200);
        checkFlags(set.json());
        const HttpReply one = f.get(QStringLiteral("/v1/case?hall=620102&case=%1&upto=%2")
                                        .arg(caseId)
                                        .arg(f.base(kHall) + 2),
                                    headers);
        REQUIRE(one.status == 200);
        checkFlags(one.json());
    }
}
