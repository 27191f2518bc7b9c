// Closing a recall (文书追回办结, case.recall_closed; core/RecallClose.h, decision 3): how the
// recall of a void document ended, recorded once per document that was printed in the case, by a
// supervisor or an administrator. Mergeable (decision 1): no effect on the case's state or clocks,
// on any head, on a held or finished case; a fold 5 type (decision 10).
#include "support/CaseBuilder.h"
#include "support/CatalogFixtures.h"
#include "support/TestSupport.h"

#include "core/CaseHead.h"
#include "core/DocumentKind.h"
#include "core/EventSpec.h"
#include "core/EventText.h"
#include "core/RecallClose.h"
#include "core/SyncProtocol.h"
#include "core/Users.h"

using namespace onewindow;
using core::EventType;
using core::RecallOutcome;
namespace payload = core::payload;

namespace {

const QString kRefusal = core::documentKindKey(core::DocumentKind::Refusal);
const QString kLetter = QStringLiteral("620102-BY-2026-W08-00001");

// Received on Friday 2026-09-18 and refused at W08 with its refusal decision printed.
test::CaseBuilder refusedWithLetter()
{
    test::CaseBuilder c(test::licenceItem());
    REQUIRE(
        c.add(EventType::Received, payload::received(c.receivedInput("2026-09-18")), "2026-09-18")
            .ok());
    REQUIRE(c.add(EventType::Refused,
                  payload::refused(QStringLiteral("not_competent"),
                                   QStringLiteral("不属于本机关职权范围"),
                                   QStringLiteral("兰州市市场监督管理局")),
                  "2026-09-18", "10:25")
                .ok());
    REQUIRE(c.add(EventType::DocumentPrinted,
                  payload::documentPrinted(kRefusal, kLetter, 1, false, c.events()[1].eventId),
                  "2026-09-18", "10:26")
                .ok());
    return c;
}

QJsonObject closing(RecallOutcome outcome, const QString& note = {},
                    const QString& number = kLetter)
{
    return core::recallClosedPayload({kRefusal, number, outcome, note});
}

} // namespace

TEST_CASE("追回办结: a recall closes only a document printed in this case, and only once")
{
    test::CaseBuilder c = refusedWithLetter();
    // A number this case never printed: refused, nothing stored.
    const core::Status other =
        c.add(EventType::RecallClosed,
              closing(RecallOutcome::Recovered, {}, QStringLiteral("620102-BY-2026-W08-00002")),
              "2026-09-21", "09:00", QStringLiteral("supervisor-1"));
    REQUIRE_FALSE(other.ok());
    CHECK(other.error().code == QStringLiteral("recall_closed.not_printed"));
    CHECK(other.error().message.contains(QStringLiteral("620102-BY-2026-W08-00002")));
    // The right number under another kind is another document: refused too.
    QJsonObject otherKind = closing(RecallOutcome::Recovered);
    otherKind.insert(QStringLiteral("kind"), core::documentKindKey(core::DocumentKind::Receipt));
    CHECK(c.add(EventType::RecallClosed, otherKind, "2026-09-21").error().code ==
          QStringLiteral("recall_closed.not_printed"));
    REQUIRE(c.events().size() == 3);

    // The letter: closed, and the case knows it.
    REQUIRE(c.add(EventType::RecallClosed, closing(RecallOutcome::Recovered), "2026-09-21", "10:20",
                  QStringLiteral("supervisor-1"))
                .ok());
    CHECK(c.state().recallsClosed.contains(core::recallKey(kRefusal, kLetter)));
    // A second closing of the same document, whatever its outcome: refused.
    const core::Status again =
        c.add(EventType::RecallClosed,
              closing(RecallOutcome::Unrecoverable, QStringLiteral("申请人拒绝交回")), "2026-09-22",
              "10:00", QStringLiteral("supervisor-1"));
    REQUIRE_FALSE(again.ok());
    CHECK(again.error().code == QStringLiteral("recall_closed.again"));
    CHECK(c.events().size() == 4);
    // Replayed, the same.
    CHECK(c.refold().recallsClosed == c.state().recallsClosed);

    // A print whose output failed bore no paper: nothing of it to recall.
    test::CaseBuilder f = refusedWithLetter();
    const QString second = QStringLiteral("620102-BY-2026-W08-00003");
    REQUIRE(f.add(EventType::DocumentPrinted,
                  payload::documentPrinted(kRefusal, second, 1, false, f.events()[1].eventId),
                  "2026-09-18", "10:30")
                .ok());
    REQUIRE(f.add(EventType::DocumentPrintFailed,
                  payload::documentPrintFailed(kRefusal, second, false, f.events().last().eventId,
                                               QStringLiteral("打印机缺纸")),
                  "2026-09-18", "10:31")
                .ok());
    CHECK(
        f.add(EventType::RecallClosed, closing(RecallOutcome::Recovered, {}, second), "2026-09-21")
            .error()
            .code == QStringLiteral("recall_closed.not_printed"));
    CHECK(f.add(EventType::RecallClosed, closing(RecallOutcome::Recovered), "2026-09-21").ok());
}

TEST_CASE("追回办结: only a supervisor or an administrator records it")
{
    CHECK_FALSE(core::roleMayRecord(core::Role::Clerk, EventType::RecallClosed));
    CHECK(core::roleMayRecord(core::Role::Supervisor, EventType::RecallClosed));
    CHECK(core::roleMayRecord(core::Role::Administrator, EventType::RecallClosed));
    CHECK_FALSE(core::isSystemEvent(EventType::RecallClosed));
    // Not a generic action of the case: the supervisor's 未生效记录 names the document.
    CHECK_FALSE(core::eventSpec(EventType::RecallClosed).offered);
}

TEST_CASE("追回办结: the payload names the document and the outcome, a note when not "
          "recoverable, and nothing else; a bad one is refused when it is appended")
{
    test::CaseBuilder c = refusedWithLetter();
    const auto refused = [&](const QJsonObject& p) {
        const core::Status s = c.add(EventType::RecallClosed, p, "2026-09-21");
        REQUIRE_FALSE(s.ok());
        return s.error().code;
    };
    const QJsonObject good = closing(RecallOutcome::Recovered);
    const auto without = [&](const char* key) {
        QJsonObject p = good;
        p.remove(QLatin1String(key));
        return p;
    };
    const auto with = [&](const char* key, const QJsonValue& v) {
        QJsonObject p = good;
        p.insert(QLatin1String(key), v);
        return p;
    };
    CHECK(refused(without("number")) == QStringLiteral("recall_closed.document"));
    CHECK(refused(without("kind")) == QStringLiteral("recall_closed.document"));
    CHECK(refused(without("outcome")) == QStringLiteral("recall_closed.outcome"));
    CHECK(refused(with("outcome", QStringLiteral("lost"))) ==
          QStringLiteral("recall_closed.outcome"));
    CHECK(refused(closing(RecallOutcome::Unrecoverable)) == QStringLiteral("recall_closed.note"));
    CHECK(refused(closing(RecallOutcome::Unrecoverable, QStringLiteral("   "))) ==
          QStringLiteral("recall_closed.note"));
    CHECK(refused(with("copies", 1)) == QStringLiteral("recall_closed.field"));
    CHECK(refused(with("note", 7)) == QStringLiteral("recall_closed.field"));
    CHECK(c.events().size() == 3); // none of them stored

    CHECK(closing(RecallOutcome::Recovered).keys() ==
          QStringList{QStringLiteral("kind"), QStringLiteral("number"), QStringLiteral("outcome")});
    const QString why = QStringLiteral("申请人拒绝交回，已书面告知作废");
    REQUIRE(c.add(EventType::RecallClosed, closing(RecallOutcome::Unrecoverable, why), "2026-12-08",
                  "10:20", QStringLiteral("supervisor-1"))
                .ok());
    CHECK(core::describeEvent(c.events().last()) ==
          QStringLiteral("文书追回办结：不予受理决定书 %1 无法追回（%2）").arg(kLetter, why));
    CHECK(core::recallClosedText(c.events().last(), QStringLiteral("王主任"),
                                 QTimeZone("Asia/Shanghai")) ==
          QStringLiteral("无法追回：%1（12月8日 10:20 王主任）").arg(why));
    test::CaseBuilder r = refusedWithLetter();
    REQUIRE(r.add(EventType::RecallClosed, good, "2026-12-08", "10:20").ok());
    CHECK(core::recallClosedText(r.events().last(), QStringLiteral("王主任"),
                                 QTimeZone("Asia/Shanghai")) ==
          QStringLiteral("已追回（12月8日 10:20 王主任）"));
}

TEST_CASE("追回办结 is mergeable: no effect on the case's state or clocks, on any head, on a case "
          "another window holds, and it moves no head")
{
    test::CaseBuilder c(test::licenceItem());
    REQUIRE(
        c.add(EventType::Received, payload::received(c.receivedInput("2026-09-18")), "2026-09-18")
            .ok());
    REQUIRE(c.add(EventType::Accepted, payload::accepted(), "2026-09-18", "10:05").ok());
    REQUIRE(c.add(EventType::DocumentPrinted,
                  payload::documentPrinted(kRefusal, kLetter, 1, false, c.events()[1].eventId),
                  "2026-09-18", "10:06")
                .ok());
    c.setDevice(QStringLiteral("dev-2"));
    REQUIRE(c.add(EventType::Held, QJsonObject{{QStringLiteral("window"), QStringLiteral("W08")}},
                  "2026-09-21")
                .ok());
    const core::CaseState before = c.state();
    const QList<core::CaseClock> clocksBefore = c.clocks("2026-09-22");
    const QList<EventType> actionsBefore =
        core::legalActions(c.state(), c.context(), test::d("2026-09-22"));

    c.setDevice(QStringLiteral("dev-1")); // not the holder
    const core::Status closed = c.add(EventType::RecallClosed, closing(RecallOutcome::Recovered),
                                      "2026-09-22", "10:00", QStringLiteral("supervisor-1"));
    INFO((closed ? QString() : closed.error().message).toStdString());
    REQUIRE(closed.ok());
    CHECK(c.state().status == before.status);
    CHECK(c.state().holderDevice == before.holderDevice);
    CHECK(c.state().documentsPrinted == before.documentsPrinted);
    const QList<core::CaseClock> clocksAfter = c.clocks("2026-09-22");
    REQUIRE(clocksAfter.size() == clocksBefore.size());
    for (int i = 0; i < clocksAfter.size(); ++i) {
        CHECK(clocksAfter[i].kind == clocksBefore[i].kind);
        CHECK(clocksAfter[i].clock.deadline == clocksBefore[i].clock.deadline);
        CHECK(clocksAfter[i].clock.stopped == clocksBefore[i].clock.stopped);
    }
    CHECK(core::legalActions(c.state(), c.context(), test::d("2026-09-22")) == actionsBefore);
    CHECK(core::sync::isMergeable(EventType::RecallClosed));
    CHECK_FALSE(core::sync::needsCaseHead(EventType::RecallClosed));
    CHECK_FALSE(core::sync::movesHead(EventType::RecallClosed));
    CHECK(core::sync::caseHeadAfter(c.events()) == c.events()[3].eventId); // the hold

    // A finished case takes it too (the paper may come back long after).
    test::CaseBuilder done = refusedWithLetter();
    REQUIRE(done.state().status == core::CaseStatus::Refused);
    CHECK(done.add(EventType::RecallClosed, closing(RecallOutcome::Recovered), "2027-03-01").ok());
}

TEST_CASE("Decision 10: closing a recall is a fold 5 type, and the fold is 5")
{
    CHECK(core::sync::foldIntroducing(EventType::RecallClosed) == 5);
    CHECK(core::sync::kFoldVersion == 5);
    CHECK(core::eventTypeKey(EventType::RecallClosed) == QStringLiteral("case.recall_closed"));
    CHECK(core::eventTypeName(EventType::RecallClosed) == QStringLiteral("文书追回办结"));
}
