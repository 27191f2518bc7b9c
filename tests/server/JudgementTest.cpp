// Full judgement at the server (issue 17, wave 2): core's append-time checks against the hall's
// catalog and calendar as of the event's time, and time-driven system events (decision 4).
#include "HallEvents.h"

#include "core/CaseFold.h"
#include "core/SyncProtocol.h"
#include "core/SystemEvents.h"

#include <catch2/catch.hpp>

using namespace onewindow;
using namespace onewindow::test;
using core::EventType;

namespace {

const QString kHall = QStringLiteral("620102");

QString reason(const QJsonObject& answer)
{
    return answer.value(QStringLiteral("reason_code")).toString();
}

} // namespace

TEST_CASE("行政许可法 Art. 32: at the server, an acceptance after the five-day notice period is "
          "refused, and the deemed acceptance pushed by two windows is one event",
          "[server][judge]")
{
    ServerFixture f;
    f.createHall(kHall);
    const auto w07 = f.enrol(kHall, QStringLiteral("W07"));
    const auto w08 = f.enrol(kHall, QStringLiteral("W08"));
    EventMaker make(w07.id, f.clock());
    const QString caseId = newId();
    // Received Monday 2026-12-07: the notice period's last day is Monday 2026-12-14.
    const core::Event received =
        make.make(EventType::Received, caseId, {},
                  receivedPayload(QStringLiteral("620102-20261207-W07-0001")));
    REQUIRE(onlyResult(f.push(w07, {core::sync::eventToWire(received)}))
                .value(QStringLiteral("verdict")) == QStringLiteral("accepted"));

    f.clock().advanceDays(8); // Tuesday 2026-12-15
    const QJsonObject late =
        onlyResult(f.push(w07, {make.wire(EventType::Accepted, caseId, received.eventId)}));
    CHECK(late.value(QStringLiteral("verdict")).toString() == QStringLiteral("rejected"));
    CHECK(reason(late) == QStringLiteral("accept.deemed"));

    // The deemed acceptance as a workstation makes it: core::dueSystemEvents on its day.
    const DeviceView view = deviceView();
    auto state = core::foldCase({received}, view.context());
    REQUIRE(state.ok());
    auto due = core::dueSystemEvents(*state, view.context(), QDate(2026, 12, 15));
    REQUIRE(due.ok());
    REQUIRE(due->size() == 1);
    const core::Event deemed = due->first();
    CHECK(deemed.payload.value(QStringLiteral("deadline")).toString() ==
          QStringLiteral("2026-12-14"));

    // A forged one (a day early) is refused; the real one from W07 and again from W08 is one event.
    core::Event early = deemed;
    early.occurredAtUtc = early.occurredAtUtc.addDays(-1);
    early.eventId = newId();
    early.deviceId = QStringLiteral("system/") + early.eventId;
    const QJsonObject forged = onlyResult(f.push(w08, {core::sync::eventToWire(early)}));
    CHECK(reason(forged) == core::sync::code::kSystemEventNotDue);

    const QJsonObject first = onlyResult(f.push(w07, {core::sync::eventToWire(deemed)}));
    CHECK(first.value(QStringLiteral("verdict")).toString() == QStringLiteral("accepted"));
    const QJsonObject second = onlyResult(f.push(w08, {core::sync::eventToWire(deemed)}));
    CHECK(second == first);
    const HttpReply pull = f.pull(w08, f.base(kHall), 1000);
    int copies = 0;
    for (const QJsonValue& v : pull.json().value(QStringLiteral("events")).toArray())
        copies += v.toObject()
                      .value(QStringLiteral("event"))
                      .toObject()
                      .value(QStringLiteral("event_id")) == deemed.eventId;
    CHECK(copies == 1);
    // The system events stand outside the device sequences: W08's next is still its first.
    CHECK(f.push(w08, {}).json().value(QStringLiteral("next_seq")).toInteger() == 1);
}

TEST_CASE("judgement: a receipt under an item version the hall's catalog does not hold, and a "
          "payload core refuses, are stored as rejected with core's code",
          "[server][judge]")
{
    ServerFixture f;
    f.createHall(kHall);
    const auto dev = f.enrol(kHall, QStringLiteral("W07"));
    EventMaker make(dev.id, f.clock());
    QJsonObject unknown = receivedPayload(QStringLiteral("620102-20261207-W07-0001"));
    unknown.insert(QStringLiteral("itemVersion"), 7);
    CHECK(reason(onlyResult(f.push(dev, {make.wire(EventType::Received, newId(), {}, unknown)}))) ==
          core::sync::code::kUnknownItem);
    QJsonObject badCode = receivedPayload(QStringLiteral("620102-20261207-W07-0002"));
    badCode.insert(QStringLiteral("queryCode"), QStringLiteral("12ab"));
    CHECK(reason(onlyResult(f.push(dev, {make.wire(EventType::Received, newId(), {}, badCode)}))) ==
          QStringLiteral("case.bad_query_code"));
    // Nothing of a refused receipt issued its number: the same number is still free.
    CHECK(onlyResult(
              f.push(dev, {make.wire(EventType::Received, newId(), {},
                                     receivedPayload(QStringLiteral("620102-20261207-W07-0002")))}))
              .value(QStringLiteral("verdict")) == QStringLiteral("accepted"));
}
