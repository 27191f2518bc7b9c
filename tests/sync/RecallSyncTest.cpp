// Decision 3 closed (文书追回办结): the supervisor at one window closes the recall of a letter the
// hall made void; the hall takes it (mergeable), the other window pulls it, its 未生效记录 shows
// the follow-up done, and both digests equal the server's. The ctl closes one the same way, and
// refuses a clerk and a second closing without writing anything.
#include "sync/SyncHall.h"

#include "ctl/CtlRunner.h"

#include "core/CasePayloads.h"
#include "core/DocumentKind.h"
#include "server/Commands.h"
#include "store/RecallClosings.h"
#include "store/RejectedRecords.h"

#include <catch2/catch.hpp>

using namespace onewindow;
using core::EventType;
namespace payload = core::payload;

namespace {

struct Letters
{
    QString caseId;
    QString caseNumber;
    QString refusal; // printed at W08 under its refusal, which the hall rejected: void
};

// W07 accepts while W08 refuses and prints two refusal decisions (two cases), which the hall
// makes void.
Letters voidLetter(test::SyncWindow& w07, test::SyncWindow& w08)
{
    auto taken = w07.hall.cases->receive(w07.hall.intake(), test::kHallClerk);
    REQUIRE(taken.ok());
    const QString caseId = taken->event.caseId;
    w07.syncNow();
    w08.syncNow();
    REQUIRE(
        w07.hall.cases->append(caseId, EventType::Accepted, payload::accepted(), test::kHallClerk)
            .ok());
    REQUIRE(w08.hall.cases
                ->append(caseId, EventType::Refused,
                         payload::refused(QStringLiteral("not_competent"),
                                          QStringLiteral("不属于本机关职权范围"),
                                          QStringLiteral("兰州市市场监督管理局")),
                         test::kHallClerk)
                .ok());
    auto letter =
        w08.hall.cases->recordPrint(caseId, core::DocumentKind::Refusal, 1, test::kHallClerk, {});
    REQUIRE(letter.ok());
    w07.syncNow();
    CHECK(w08.syncNow().rejected >= 1);
    return {caseId, taken->state.caseNumber, letter->number};
}

} // namespace

TEST_CASE("Decision 3: the supervisor at W07 closes the recall of W08's void letter; W08 pulls "
          "it, its list shows the recall closed, and both digests equal the server's",
          "[recall]")
{
    test::ServerFixture server;
    server.createHall(QStringLiteral("620102"));
    test::SyncWindow w07, w08;
    w07.enrol(server, QStringLiteral("W07"));
    w08.enrol(server, QStringLiteral("W08"));
    const Letters l = voidLetter(w07, w08);
    w07.syncNow(); // W07 pulls the verdicts: the letter is void there too
    auto atW07 = store::RejectedRecords(*w07.hall.store).voidedDocuments();
    REQUIRE(atW07.ok());
    REQUIRE(atW07->size() == 1);
    REQUIRE_FALSE(atW07->first().closed);

    // The supervisor at W07: got back.
    auto closed = store::closeRecall(*w07.hall.cases, l.caseId,
                                     {{}, l.refusal, core::RecallOutcome::Recovered, {}},
                                     test::kHallSupervisor);
    INFO((closed ? QString() : closed.error().message).toStdString());
    REQUIRE(closed.ok());
    CHECK(w07.syncNow().rejected == 0);
    w08.syncNow();

    auto atW08 = store::RejectedRecords(*w08.hall.store).voidedDocuments();
    REQUIRE(atW08.ok());
    REQUIRE(atW08->size() == 1);
    REQUIRE(atW08->first().closed);
    CHECK(atW08->first().closed->eventId == closed->event.eventId);
    CHECK(atW08->first().followUp(QTimeZone("Asia/Shanghai")).contains(QStringLiteral("已追回（")));
    CHECK_FALSE(atW08->first().closedBy.name.isEmpty());
    CHECK(atW08->first().closedBy.name != test::kHallSupervisor); // the hall's user, by name
    CHECK(w07.digest() == test::serverDigest(server));
    CHECK(w08.digest() == test::serverDigest(server));

    // W08's ctl shows it on the case; a second closing there is refused and writes nothing.
    const test::CtlRun shown = test::runCtl(
        w08.hall.path(), {QStringLiteral("case"), QStringLiteral("show"), l.caseNumber});
    CHECK(shown.exitCode == 0);
    CHECK(shown.out.contains(
        QStringLiteral("作废：追回已发文书：不予受理决定书 %1 已追回（").arg(l.refusal)));
    const int events = w08.hall.count(QStringLiteral("SELECT count(*) FROM events"));
    const test::CtlRun again = test::runCtl(
        w08.hall.path(), {QStringLiteral("case"), QStringLiteral("act"), l.caseNumber,
                          QStringLiteral("recall_closed"), QStringLiteral("--as"),
                          QStringLiteral("super1"), QStringLiteral("--number"), l.refusal,
                          QStringLiteral("--outcome"), QStringLiteral("recovered")});
    CHECK(again.exitCode != 0);
    CHECK(again.err.contains(QStringLiteral("已经办结")));
    CHECK(w08.hall.count(QStringLiteral("SELECT count(*) FROM events")) == events);
}

TEST_CASE("Decision 3 from the ctl: case act … recall_closed closes a void letter's recall as "
          "the supervisor, refuses a clerk and a missing note, and the hall takes it",
          "[recall]")
{
    test::ServerFixture server;
    server.createHall(QStringLiteral("620102"));
    test::SyncWindow w07, w08;
    w07.enrol(server, QStringLiteral("W07"));
    w08.enrol(server, QStringLiteral("W08"));
    const Letters l = voidLetter(w07, w08);
    const auto act = [&](const QString& login, const QStringList& more) {
        QStringList args{QStringLiteral("case"),
                         QStringLiteral("act"),
                         l.caseNumber,
                         QStringLiteral("recall_closed"),
                         QStringLiteral("--as"),
                         login,
                         QStringLiteral("--number"),
                         l.refusal};
        return test::runCtl(w08.hall.path(), args + more);
    };
    const int events = w08.hall.count(QStringLiteral("SELECT count(*) FROM events"));
    const test::CtlRun clerk =
        act(QStringLiteral("clerk1"), {QStringLiteral("--outcome"), QStringLiteral("recovered")});
    CHECK(clerk.exitCode != 0);
    CHECK(clerk.err.contains(QStringLiteral("大厅主管")));
    const test::CtlRun noNote = act(QStringLiteral("super1"),
                                    {QStringLiteral("--outcome"), QStringLiteral("unrecoverable")});
    CHECK(noNote.exitCode != 0);
    CHECK(noNote.err.contains(QStringLiteral("原因")));
    CHECK(w08.hall.count(QStringLiteral("SELECT count(*) FROM events")) == events);

    const test::CtlRun done =
        act(QStringLiteral("super1"),
            {QStringLiteral("--outcome"), QStringLiteral("unrecoverable"), QStringLiteral("--note"),
             QStringLiteral("申请人拒绝交回，已书面告知作废")});
    INFO(done.err.toStdString());
    CHECK(done.exitCode == 0);
    CHECK(done.out.contains(
        QStringLiteral("文书追回办结：不予受理决定书 %1 无法追回").arg(l.refusal)));
    CHECK(w08.syncNow().rejected == 0);
    w07.syncNow();
    auto atW07 = store::RejectedRecords(*w07.hall.store).voidedDocuments();
    REQUIRE(atW07.ok());
    REQUIRE(atW07->size() == 1);
    REQUIRE(atW07->first().closed);
    CHECK(atW07->first()
              .followUp(QTimeZone("Asia/Shanghai"))
              .contains(QStringLiteral("无法追回：申请人拒绝交回，已书面告知作废（")));
    CHECK(w07.digest() == test::serverDigest(server));
    CHECK(w08.digest() == test::serverDigest(server));
}
