// Decision 1 at the server: an inquiry about a case (咨询, case.inquired) is mergeable. It is
// accepted on any head, on a case another window holds and on a finished case, it moves no head,
// and it is judged with core's append-time checks like any event (its payload, the case, the hall).
#include "HallEvents.h"

#include "core/Inquiry.h"
#include "core/SyncProtocol.h"

#include <catch2/catch.hpp>

using namespace onewindow;
using namespace onewindow::test;
using core::EventType;

namespace {

const QString kHall = QStringLiteral("620102");

QJsonObject asked(const QString& window, const QString& answer = QStringLiteral("正在审查"))
{
    core::Inquiry in;
    in.inquiryId = newId();
    in.windowCode = window;
    in.person = QStringLiteral("王女士");
    in.question = QStringLiteral("我的件办到哪了");
    in.answer = answer;
    return core::inquiredPayload(in);
}

QString verdictOf(const HttpReply& r)
{
    const QJsonObject o = onlyResult(r);
    const QString code = o.value(QStringLiteral("reason_code")).toString();
    return o.value(QStringLiteral("verdict")).toString() +
           (code.isEmpty() ? QString() : QLatin1Char(' ') + code);
}

} // namespace

TEST_CASE("Decision 1: an inquiry about a case is accepted on a stale head and on a case another "
          "window holds, and moves no head",
          "[server][inquiry]")
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

    // W08 accepts and holds the case: the head moves twice, and W07 has seen neither.
    const core::Event accepted = at08.make(EventType::Accepted, caseId, received.eventId);
    REQUIRE(verdictOf(f.push(w08, {core::sync::eventToWire(accepted)})) ==
            QStringLiteral("accepted"));
    const core::Event held = at08.make(EventType::Held, caseId, accepted.eventId,
                                       {{QStringLiteral("window"), QStringLiteral("W08")}});
    REQUIRE(verdictOf(f.push(w08, {core::sync::eventToWire(held)})) == QStringLiteral("accepted"));

    // W07, on the receipt it folded last, is asked about the case: taken all the same. A change
    // on that stale head of a held case is not (the control: held elsewhere, the hold winning).
    CHECK(verdictOf(f.push(w07, {at07.wire(EventType::Inquired, caseId, received.eventId,
                                           asked(QStringLiteral("W07")))})) ==
          QStringLiteral("accepted"));
    const HttpReply stale =
        f.push(w07, {at07.wire(EventType::Withdrawn, caseId, received.eventId,
                               {{QStringLiteral("reason"), QStringLiteral("申请人撤回")}})});
    CHECK(verdictOf(stale).startsWith(QStringLiteral("rejected ")));
    CHECK(onlyResult(stale).value(QStringLiteral("winner")).toString() == held.eventId);

    // The inquiry moved no head: W08's next act names its hold as the head and stands.
    CHECK(verdictOf(f.push(
              w08, {at08.wire(EventType::Withdrawn, caseId, held.eventId,
                              {{QStringLiteral("reason"), QStringLiteral("申请人书面撤回")}})})) ==
          QStringLiteral("accepted"));

    // Finished, the case still takes one; a bad one is refused with core's own code, and an
    // inquiry about a case the hall does not hold is refused as any event would be.
    CHECK(verdictOf(f.push(
              w07, {at07.wire(EventType::Inquired, caseId, {}, asked(QStringLiteral("W07")))})) ==
          QStringLiteral("accepted"));
    CHECK(verdictOf(f.push(w07, {at07.wire(EventType::Inquired, caseId, {},
                                           asked(QStringLiteral("W07"), QString()))})) ==
          QStringLiteral("rejected inquiry.answer"));
    CHECK(verdictOf(f.push(
              w07, {at07.wire(EventType::Inquired, newId(), {}, asked(QStringLiteral("W07")))})) ==
          QStringLiteral("rejected ") + core::sync::code::kNoCase);
}
