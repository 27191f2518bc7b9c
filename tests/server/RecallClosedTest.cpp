// Decision 1 at the server: closing a recall (文书追回办结, case.recall_closed) is mergeable. It is
// accepted on a stale head and on a finished case, moves no head, and is judged with core's
// append-time checks like any event: only a supervisor's or an administrator's, only a number
// printed in the case, only once.
#include "ServerFixture.h"

#include "core/CasePayloads.h"
#include "core/DocumentKind.h"
#include "core/RecallClose.h"
#include "core/SyncProtocol.h"

#include <catch2/catch.hpp>

using namespace onewindow;
using namespace onewindow::test;
using core::EventType;

namespace {

const QString kHall = QStringLiteral("620102");
const QString kKind = core::documentKindKey(core::DocumentKind::Refusal);
const QString kLetter = QStringLiteral("620102-BY-2026-W07-00001");

QJsonObject closing(core::RecallOutcome outcome, const QString& note = {},
                    const QString& number = kLetter)
{
    return core::recallClosedPayload({kKind, number, outcome, note});
}

QString verdictOf(const HttpReply& r)
{
    REQUIRE(r.status == 200);
    const QJsonArray results = r.json().value(QStringLiteral("results")).toArray();
    REQUIRE(results.size() == 1);
    const QJsonObject o = results[0].toObject();
    const QString code = o.value(QStringLiteral("reason_code")).toString();
    return o.value(QStringLiteral("verdict")).toString() +
           (code.isEmpty() ? QString() : QLatin1Char(' ') + code);
}

} // namespace

TEST_CASE("Decision 1: closing a recall is accepted on a stale head from a supervisor, refused "
          "for a clerk, for a number the case never printed and a second time, and moves no head",
          "[server][recall]")
{
    ServerFixture f;
    f.createHall(kHall);
    const auto w07 = f.enrol(kHall, QStringLiteral("W07"));
    const auto w08 = f.enrol(kHall, QStringLiteral("W08"));
    EventMaker at07(w07.id, f.clock()), at08(w08.id, f.clock());
    const QString caseId = newId();
    const core::Event received =
        at07.make(EventType::Received, caseId, {}, receivedPayload(numberOf(1)));
    REQUIRE(verdictOf(f.push(w07, {core::sync::eventToWire(received)})) ==
            QStringLiteral("accepted"));
    // W07 printed a letter on the case (the act it evidenced is not this test's matter).
    REQUIRE(verdictOf(f.push(w07, {at07.wire(EventType::DocumentPrinted, caseId, {},
                                             core::payload::documentPrinted(
                                                 kKind, kLetter, 1, false, received.eventId))})) ==
            QStringLiteral("accepted"));
    // W08 accepts: the head moves, and W07 has not seen it.
    const core::Event accepted = at08.make(EventType::Accepted, caseId, received.eventId);
    REQUIRE(verdictOf(f.push(w08, {core::sync::eventToWire(accepted)})) ==
            QStringLiteral("accepted"));

    // A clerk may not close a recall: refused for the role, whatever the head.
    CHECK(verdictOf(f.push(w07, {at07.wire(EventType::RecallClosed, caseId, received.eventId,
                                           closing(core::RecallOutcome::Recovered))})) ==
          QStringLiteral("rejected ") + core::sync::code::kRoleMissing);
    // The supervisor at W07, on the receipt it folded last: taken all the same (mergeable).
    at07.setActor(QStringLiteral("supervisor-1"));
    CHECK(verdictOf(f.push(w07, {at07.wire(EventType::RecallClosed, caseId, received.eventId,
                                           closing(core::RecallOutcome::Recovered))})) ==
          QStringLiteral("accepted"));
    // It moved no head: W08's next act names its acceptance as the head and stands.
    CHECK(verdictOf(f.push(
              w08, {at08.wire(EventType::Withdrawn, caseId, accepted.eventId,
                              {{QStringLiteral("reason"), QStringLiteral("申请人书面撤回")}})})) ==
          QStringLiteral("accepted"));
    // Once only, with core's own code; a number the case never printed neither; a note is
    // required when the paper cannot be got back.
    CHECK(verdictOf(f.push(w07, {at07.wire(EventType::RecallClosed, caseId, {},
                                           closing(core::RecallOutcome::Unrecoverable,
                                                   QStringLiteral("申请人拒绝交回")))})) ==
          QStringLiteral("rejected recall_closed.again"));
    CHECK(
        verdictOf(f.push(w07, {at07.wire(EventType::RecallClosed, caseId, {},
                                         closing(core::RecallOutcome::Recovered, {},
                                                 QStringLiteral("620102-BY-2026-W07-00009")))})) ==
        QStringLiteral("rejected recall_closed.not_printed"));
    CHECK(verdictOf(f.push(w07, {at07.wire(EventType::RecallClosed, caseId, {},
                                           closing(core::RecallOutcome::Unrecoverable))})) ==
          QStringLiteral("rejected recall_closed.note"));
}
