// Decision 9 (docs/sync-protocol.md): a device retired (`device retire`, or its window code
// enrolled again) or revoked has its holds (领办) taken back by the server in the same
// transaction: 收回领办 made by the server (kServerActor), with the reason. What a retired device
// recorded before its retirement and drains later still wins over that recall while nobody else
// changed the case; once another window did, it loses as any late act. Run on SQLite and
// PostgreSQL.
#include "HallEvents.h"
#include "ServerCommand.h"

#include "core/CaseHead.h"
#include "core/CasePayloads.h"
#include "core/SyncProtocol.h"
#include "core/SystemEvents.h"

#include <catch2/catch.hpp>

using namespace onewindow;
using namespace onewindow::test;
using core::EventType;

namespace {

const QString kHall = QStringLiteral("620102");

QList<core::Event> recalls(ServerFixture& f, const ServerFixture::Device& reader)
{
    return ofType(acceptedEvents(f, reader), EventType::HoldRecalled);
}

} // namespace

TEST_CASE("Decision 9: retire, revoke and re-enrolment take back the device's holds at once, by "
          "the server, with the reason; then another window acts",
          "[server][servermade]")
{
    const QString how =
        GENERATE(QStringLiteral("retire"), QStringLiteral("revoke"), QStringLiteral("enrol"));
    CAPTURE(how);
    ServerFixture f;
    f.createHall(kHall);
    const auto w07 = f.enrol(kHall, QStringLiteral("W07"));
    const auto w08 = f.enrol(kHall, QStringLiteral("W08"));
    EventMaker make(w07.id, f.clock());
    const HeldCase first(f, w07, make, 1);
    const HeldCase second(f, w07, make, 2);
    // A third case W07 held and let go again: nothing to take back.
    const HeldCase released(f, w07, make, 3);
    REQUIRE(verdicts(f.push(w07, {make.wire(EventType::HoldReleased, released.caseId,
                                            released.hold.eventId)})) ==
            QStringList{QStringLiteral("accepted")});
    f.clock().advanceSeconds(3600);

    QString gone = QStringLiteral("停用");
    if (how == QLatin1String("enrol")) {
        f.enrol(kHall, QStringLiteral("W07")); // the window's new PC
    } else {
        const CommandRun run = command(f, {QStringLiteral("device"), how, w07.id});
        CHECK(run.exit == 0);
        CHECK(run.out.count(QStringLiteral("made\tcase.hold_recalled\t")) == 2);
        if (how == QLatin1String("revoke"))
            gone = QStringLiteral("吊销");
    }
    const auto reader = how == QLatin1String("revoke") ? w08 : w07; // a revoked one cannot pull
    const QList<core::Event> taken = recalls(f, reader);
    REQUIRE(taken.size() == 2);
    QStringList cases;
    for (const core::Event& r : taken) {
        cases.append(r.caseId);
        CHECK(r.actorId == core::kServerActor);
        CHECK(core::isSystemDevice(r.deviceId));
        CHECK(r.occurredAtUtc == f.clock().nowUtc());
        CHECK(r.payload.value(QStringLiteral("reason")).toString() ==
              core::serverRecallReason(QStringLiteral("W07"), gone));
        CHECK(core::isServerRecallOf(r, w07.id));
    }
    cases.sort();
    QStringList expected{first.caseId, second.caseId};
    expected.sort();
    CHECK(cases == expected);

    // W08 now decides the first case on the head the recall left.
    EventMaker other(w08.id, f.clock());
    const core::Event& recall = taken[0].caseId == first.caseId ? taken[0] : taken[1];
    const QString head = core::sync::caseHeadAfter({first.receipt, first.hold, recall});
    CHECK(head == recall.eventId);
    CHECK(verdicts(f.push(w08, {other.wire(EventType::Accepted, first.caseId, head)})) ==
          QStringList{QStringLiteral("accepted")});
    // Taken back once: retiring or revoking again changes nothing.
    if (how == QLatin1String("retire"))
        CHECK(command(f, {QStringLiteral("device"), QStringLiteral("revoke"), w07.id})
                  .out.count(QStringLiteral("made\t")) == 0);
    CHECK(recalls(f, w08).size() == 2);
    CHECK(command(f, {QStringLiteral("check"), kHall}).exit == 0);
}

TEST_CASE("Decision 9: what a retired device recorded before its retirement, drained after the "
          "server took its hold back, still wins unless another window acted first",
          "[server][servermade]")
{
    ServerFixture f;
    f.createHall(kHall);
    const auto w07 = f.enrol(kHall, QStringLiteral("W07"));
    const auto w08 = f.enrol(kHall, QStringLiteral("W08"));
    EventMaker make(w07.id, f.clock());
    const HeldCase quiet(f, w07, make, 1);
    const HeldCase busy(f, w07, make, 2);

    // Offline, W07 accepts both held cases; then its PC is retired before it syncs.
    f.clock().advanceSeconds(600);
    const core::Event acceptQuiet =
        make.make(EventType::Accepted, quiet.caseId, quiet.hold.eventId);
    const core::Event acceptBusy = make.make(EventType::Accepted, busy.caseId, busy.hold.eventId);
    f.clock().advanceSeconds(600);
    REQUIRE(command(f, {QStringLiteral("device"), QStringLiteral("retire"), w07.id}).exit == 0);

    // W08 refuses the second case, now free, before W07 drains.
    f.clock().advanceSeconds(60);
    QString busyHead;
    for (const core::Event& r : recalls(f, w08))
        if (r.caseId == busy.caseId)
            busyHead = r.eventId;
    REQUIRE(!busyHead.isEmpty());
    EventMaker other(w08.id, f.clock());
    REQUIRE(
        verdicts(f.push(w08, {other.wire(EventType::Refused, busy.caseId, busyHead,
                                         core::payload::refused(QStringLiteral("not_competent"),
                                                                QStringLiteral("不属本机关"),
                                                                QStringLiteral("市场监管局")))})) ==
        QStringList{QStringLiteral("accepted")});

    // W07 drains: the quiet case's acceptance stands (recorded before the retirement, nobody else
    // acted since the recall); the busy one loses to W08's refusal.
    f.clock().advanceSeconds(60);
    const HttpReply drained =
        f.push(w07, {core::sync::eventToWire(acceptQuiet), core::sync::eventToWire(acceptBusy)});
    REQUIRE(drained.status == 200);
    const QJsonArray results = drained.json().value(QStringLiteral("results")).toArray();
    REQUIRE(results.size() == 2);
    CHECK(results[0].toObject().value(QStringLiteral("verdict")) == QStringLiteral("accepted"));
    CHECK(results[1].toObject().value(QStringLiteral("verdict")) == QStringLiteral("rejected"));
    CHECK(results[1].toObject().value(QStringLiteral("reason_code")) ==
          core::sync::code::kStaleHead);
    CHECK(command(f, {QStringLiteral("check"), kHall}).exit == 0);
}
