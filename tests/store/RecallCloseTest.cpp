// Closing a recall (文书追回办结, decision 3) at a window's store: a void document's follow-up is
// closed by the case's event case.recall_closed (store::closeRecall), and the document then shows
// closed (RejectedRecords::voidedDocuments), on a rebuild of the projections and a fresh fold too.
// Only a void document of the case is closed, once; a refused closing writes nothing.
#include "support/HallFixture.h"
#include "support/HallVerdicts.h"
#include "support/TestSupport.h"

#include "core/CasePayloads.h"
#include "core/DocumentKind.h"
#include "store/RecallClosings.h"
#include "store/RejectedRecords.h"
#include "store/StoreMaintenance.h"
#include "store/UserRepository.h"

using namespace onewindow;
using core::EventType;
using core::RecallOutcome;

namespace {

struct VoidLetter
{
    test::HallFixture w07, w08;
    test::HallVerdicts hall;
    store::User supervisor;
    QString caseId;
    QString letter;  // the refusal decision printed under the refusal the hall rejected
    QString receipt; // a document of the case that stands
};

// W07 accepts while W08 refuses and prints the refusal decision: the hall takes W07's acceptance,
// so W08's letter is void.
void makeVoidLetter(VoidLetter& v)
{
    auto wang = store::UserRepository(*v.w08.store)
                    .create(QStringLiteral("wangzr"), QStringLiteral("王主任"),
                            core::Role::Supervisor, QString(), QStringLiteral("clerk-password-7"));
    REQUIRE(wang.ok());
    v.supervisor = *wang;
    test::enrolWindow(v.w07, QStringLiteral("W07"));
    test::enrolWindow(v.w08, QStringLiteral("W08"));
    auto taken = v.w07.cases->receive(v.w07.intake(), QStringLiteral("clerk-1"));
    REQUIRE(taken.ok());
    v.caseId = taken->event.caseId;
    v.hall.push(v.w07);
    v.hall.pull(v.w08);
    auto receipt = v.w08.cases->recordPrint(v.caseId, core::DocumentKind::Receipt, 1,
                                            QStringLiteral("clerk-1"), {});
    REQUIRE(receipt.ok());
    v.receipt = receipt->number;
    v.w07.setNow("2026-09-18", "10:20");
    auto accepted = v.w07.cases->append(v.caseId, EventType::Accepted, core::payload::accepted(),
                                        QStringLiteral("clerk-1"));
    REQUIRE(accepted.ok());
    v.w08.setNow("2026-09-18", "10:25");
    auto refused =
        v.w08.cases->append(v.caseId, EventType::Refused,
                            core::payload::refused(QStringLiteral("not_competent"),
                                                   QStringLiteral("不属于本机关职权范围"),
                                                   QStringLiteral("兰州市市场监督管理局")),
                            QStringLiteral("clerk-1"));
    REQUIRE(refused.ok());
    auto letter = v.w08.cases->recordPrint(v.caseId, core::DocumentKind::Refusal, 1,
                                           QStringLiteral("clerk-1"), {});
    REQUIRE(letter.ok());
    v.letter = letter->number;
    v.hall.push(v.w07);
    v.hall.push(v.w08, {{refused->event.eventId, accepted->event.eventId}});
    v.hall.pull(v.w08);
}

} // namespace

TEST_CASE("追回办结 at the store: the void letter shows closed after the event, on a rebuild and a "
          "fresh fold too; only a void document of the case, only once",
          "[recall]")
{
    VoidLetter v;
    makeVoidLetter(v);
    store::RejectedRecords records(*v.w08.store);
    auto before = records.voidedDocuments(v.caseId);
    REQUIRE(before.ok());
    REQUIRE(before->size() == 1);
    CHECK(before->first().number == v.letter);
    CHECK_FALSE(before->first().closed);
    const int events = v.w08.count(QStringLiteral("SELECT count(*) FROM events"));

    // The receipt stands (its act was taken): nothing to recall, nothing written.
    core::RecallClosing standing{{}, v.receipt, RecallOutcome::Recovered, {}};
    auto notVoid = store::closeRecall(*v.w08.cases, v.caseId, standing, v.supervisor.userId);
    REQUIRE_FALSE(notVoid.ok());
    CHECK(notVoid.error().code == QStringLiteral("recall_closed.not_void"));
    CHECK(notVoid.error().message.contains(v.letter)); // names what is void
    // Not recoverable without why: refused by core's rule, nothing written.
    core::RecallClosing lost{{}, v.letter, RecallOutcome::Unrecoverable, QStringLiteral("  ")};
    auto noNote = store::closeRecall(*v.w08.cases, v.caseId, lost, v.supervisor.userId);
    REQUIRE_FALSE(noNote.ok());
    CHECK(noNote.error().code == QStringLiteral("recall_closed.note"));
    CHECK(v.w08.count(QStringLiteral("SELECT count(*) FROM events")) == events);

    // Closed, by the kind the void document has (the caller names only its number).
    v.w08.setNow("2026-09-21", "10:20");
    lost.note = QStringLiteral("申请人拒绝交回，已书面告知作废");
    auto closed = store::closeRecall(*v.w08.cases, v.caseId, lost, v.supervisor.userId);
    INFO((closed ? QString() : closed.error().message).toStdString());
    REQUIRE(closed.ok());
    CHECK(closed->event.type == EventType::RecallClosed);
    CHECK(closed->event.payload.value(QStringLiteral("kind")) ==
          core::documentKindKey(core::DocumentKind::Refusal));
    CHECK(closed->event.actorId == v.supervisor.userId);
    const QString done =
        QStringLiteral("无法追回：申请人拒绝交回，已书面告知作废（9月21日 10:20 王主任）");
    const auto closedShown = [&] {
        auto after = store::RejectedRecords(*v.w08.store).voidedDocuments(v.caseId);
        REQUIRE(after.ok());
        REQUIRE(after->size() == 1);
        REQUIRE(after->first().closed);
        CHECK(after->first().closed->eventId == closed->event.eventId);
        CHECK(after->first().followUp(QTimeZone("Asia/Shanghai")) ==
              QStringLiteral("追回已发文书：不予受理决定书 %1 %2").arg(v.letter, done));
    };
    closedShown();
    // The list of every case's void documents says the same.
    auto all = store::RejectedRecords(*v.w08.store).voidedDocuments();
    REQUIRE(all.ok());
    REQUIRE(all->size() == 1);
    CHECK(all->first().closed);

    // A second closing: refused by core's rule, nothing written.
    core::RecallClosing again{{}, v.letter, RecallOutcome::Recovered, {}};
    auto twice = store::closeRecall(*v.w08.cases, v.caseId, again, v.supervisor.userId);
    REQUIRE_FALSE(twice.ok());
    CHECK(twice.error().code == QStringLiteral("recall_closed.again"));
    CHECK(v.w08.count(QStringLiteral("SELECT count(*) FROM events")) == events + 1);

    // Replayed: the projections rebuilt and the case folded again know the closing.
    REQUIRE(store::rebuildProjections(*v.w08.cases).ok());
    auto state = v.w08.cases->state(v.caseId);
    REQUIRE(state.ok());
    CHECK(state->recallsClosed.contains(
        core::recallKey(core::documentKindKey(core::DocumentKind::Refusal), v.letter)));
    closedShown();
    auto report = store::checkStore(*v.w08.cases);
    REQUIRE(report.ok());
    CHECK(report->mismatches == 0);
}

TEST_CASE("追回办结 at the store: a closing the hall rejected leaves the recall open", "[recall]")
{
    VoidLetter v;
    makeVoidLetter(v);
    core::RecallClosing c{{}, v.letter, RecallOutcome::Recovered, {}};
    auto closed = store::closeRecall(*v.w08.cases, v.caseId, c, v.supervisor.userId);
    REQUIRE(closed.ok());
    // E.g. the hall did not take the supervisor as a supervisor (actor.role).
    v.hall.push(v.w08, {{closed->event.eventId, QString()}});
    v.hall.pull(v.w08);
    auto after = store::RejectedRecords(*v.w08.store).voidedDocuments(v.caseId);
    REQUIRE(after.ok());
    REQUIRE(after->size() == 1);
    CHECK_FALSE(after->first().closed);
}
