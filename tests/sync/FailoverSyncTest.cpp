// Decision 6, failover (docs/sync-protocol.md "Failover"): a promoted standby lacks the last
// commits the windows were told of. `onewindow-server failover` starts a new epoch; every
// window that sees it pulls again from the base and pushes again what the server lost.
#include "sync/SyncHall.h"

#include "core/CasePayloads.h"
#include "server/Commands.h"
#include "server/MasterAuthor.h"
#include "server/storage/MasterData.h"
#include "store/SyncRepository.h"
#include "store/UserRepository.h"

#include <catch2/catch.hpp>

#include <QRegularExpression>

using namespace onewindow;
using core::EventType;
namespace payload = core::payload;

namespace {

const QString kHall = QStringLiteral("620102");

qint64 eventsOnServer(test::ServerFixture& server, const QString& eventId)
{
    auto page = server.db().query();
    REQUIRE(server.db().run(page, QStringLiteral("SELECT count(*) FROM events WHERE event_id = ?"),
                            {eventId}));
    REQUIRE(page.next());
    return page.value(0).toLongLong();
}

} // namespace

TEST_CASE("Decision 6, failover: after a standby is promoted, every acknowledged event is on the "
          "server again and every window shows the same hall",
          "[sync][failover]")
{
    test::ServerFixture server;
    test::SyncWindow w07, w08;
    test::openTwoWindows(server, w07, w08);
    auto c = w07.hall.cases->receive(w07.hall.intake(), test::kHallClerk);
    REQUIRE(c.ok());
    w07.syncNow();
    w08.syncNow();

    // The standby stops replaying here: it holds the case, and nothing after.
    server.takeStandby();
    const qint64 standbySeq = server.base(kHall) + 1;

    // On the old primary: W07 accepts the case and takes another; the server acknowledges both,
    // and W08 pulls them.
    auto accepted = w07.hall.cases->append(c->event.caseId, EventType::Accepted,
                                           payload::accepted(), test::kHallClerk);
    REQUIRE(accepted.ok());
    auto x = w07.hall.cases->receive(w07.hall.intake(), test::kHallClerk);
    REQUIRE(x.ok());
    CHECK(w07.syncNow().pushed == 2);
    CHECK(w08.syncNow().pulled == 2);
    CHECK(w07.client->repository().pendingCount().value() == 0);

    // The primary is lost; the standby is promoted and a new epoch begins on it.
    const QString printed = server.promoteStandby(kHall);
    const QRegularExpression line(
        QStringLiteral("^hall 620102 epoch ([0-9a-f]{32}) base (\\d+)\\n$"));
    const auto m = line.match(printed);
    INFO(printed.toStdString());
    REQUIRE(m.hasMatch());
    CHECK(m.captured(2).toLongLong() == standbySeq);
    CHECK(eventsOnServer(server, x->event.eventId) == 0); // lost with the old primary

    // W08 works on: its new case gets the first place of the new epoch, a place W08 had given
    // to W07's acceptance before.
    auto y = w08.hall.cases->receive(w08.hall.intake(), test::kHallClerk);
    REQUIRE(y.ok());
    const auto atW08 = w08.syncNow();
    CHECK(atW08.epochChanged);
    CHECK(atW08.pushed == 1);

    // W07 had nothing pending; the new epoch makes its two lost events pending again and the
    // same sync pushes them and pulls W08's case, which sits below W07's old cursor.
    const auto atW07 = w07.syncNow();
    CHECK(atW07.epochChanged);
    CHECK(atW07.pushed == 2);
    CHECK(atW07.pending == 0);
    CHECK(atW07.pulled == 1);
    CHECK(w07.state(y->event.caseId).caseNumber == y->state.caseNumber);
    w08.syncNow();

    // Every acknowledged event is on the server exactly once, and the hall is one.
    for (const QString& id :
         {c->event.eventId, accepted->event.eventId, x->event.eventId, y->event.eventId})
        CHECK(eventsOnServer(server, id) == 1);
    CHECK(w07.state(c->event.caseId).status == core::CaseStatus::InProgress);
    CHECK(w08.state(c->event.caseId).status == core::CaseStatus::InProgress);
    CHECK(w07.digest() == test::serverDigest(server));
    CHECK(w08.digest() == test::serverDigest(server));

    // A second sync changes nothing: the store keeps the new epoch.
    CHECK_FALSE(w07.syncNow().epochChanged);
    CHECK(w07.client->repository().state().value()->epoch == m.captured(1));

    // A window enrolled in the new epoch starts in it: it never pulls anything twice.
    test::SyncWindow w09;
    w09.enrol(server, QStringLiteral("W09"));
    const auto atW09 = w09.syncNow();
    CHECK_FALSE(atW09.epochChanged);
    CHECK(w09.digest() == test::serverDigest(server));
}

TEST_CASE("Decision 6, failover: a window that missed an epoch pulls again from the oldest base it "
          "may differ from",
          "[sync][failover]")
{
    test::ServerFixture server;
    server.createHall(kHall);
    test::SyncWindow w07, w08, w09;
    w07.enrol(server, QStringLiteral("W07"));
    w08.enrol(server, QStringLiteral("W08"));
    w09.enrol(server, QStringLiteral("W09"));
    auto c1 = w07.hall.cases->receive(w07.hall.intake(), test::kHallClerk);
    REQUIRE(c1.ok());
    w07.syncNow();
    w09.syncNow();
    server.takeStandby(); // the first standby: c1
    auto c2 = w07.hall.cases->receive(w07.hall.intake(), test::kHallClerk);
    REQUIRE(c2.ok());
    w07.syncNow();
    CHECK(w08.syncNow().pulled == 2); // W08 holds c1 and c2 in the first epoch, then goes quiet

    // The second epoch: W09's case comes first, where W08 holds c2; W07 pushes c2 again after it.
    const QString first = server.promoteStandby(kHall);
    auto c4 = w09.hall.cases->receive(w09.hall.intake(), test::kHallClerk);
    REQUIRE(c4.ok());
    CHECK(w09.syncNow().epochChanged);
    CHECK(w07.syncNow().epochChanged);
    server.takeStandby(); // the second standby: c1, c4, c2
    auto c5 = w09.hall.cases->receive(w09.hall.intake(), test::kHallClerk);
    REQUIRE(c5.ok());
    w09.syncNow();

    // The third epoch, from the second standby. Its base is the second epoch's, not its own
    // counter: W08, still in the first epoch, differs from it right above that base.
    const QString second = server.promoteStandby(kHall);
    const QRegularExpression base(QStringLiteral("base (\\d+)"));
    INFO(first.toStdString() << second.toStdString());
    CHECK(base.match(second).captured(1) == base.match(first).captured(1));

    const auto atW08 = w08.syncNow();
    CHECK(atW08.epochChanged);
    CHECK(w08.state(c4->event.caseId).caseNumber == c4->state.caseNumber);
    w09.syncNow(); // c5 was lost with the second epoch: pushed again
    w07.syncNow();
    w08.syncNow();
    for (const auto* c : {&*c1, &*c2, &*c4, &*c5})
        CHECK(eventsOnServer(server, c->event.eventId) == 1);
    const QString hall = test::serverDigest(server);
    CHECK(w07.digest() == hall);
    CHECK(w08.digest() == hall);
    CHECK(w09.digest() == hall);
}

TEST_CASE("Decision 6, failover: a user the promoted server lacks gives way at the windows when an "
          "administrator adds the login again, and sync goes on",
          "[sync][failover]")
{
    test::ServerFixture server;
    test::SyncWindow w07, w08;
    test::openTwoWindows(server, w07, w08);
    w07.syncNow();
    w08.syncNow();
    server.takeStandby();

    // On the old primary, a new colleague: both windows pull wangwu.
    server::MasterData data(server.db(), server.clock());
    server::MasterAuthor author(data);
    server::MasterAuthor::UserChange wangwu{QStringLiteral("wangwu"),
                                            QStringLiteral("王五"),
                                            QStringLiteral("clerk"),
                                            QStringLiteral("W07"),
                                            {},
                                            QStringLiteral("first password 1"),
                                            {}};
    auto lost = author.addUser(kHall, wangwu);
    REQUIRE(lost.ok());
    const QString lostId = lost->body.value(QStringLiteral("userId")).toString();
    w07.syncNow();
    w08.syncNow();
    REQUIRE(store::UserRepository(*w07.hall.store)
                .signIn(QStringLiteral("wangwu"), QStringLiteral("first password 1"))
                .ok());

    // The primary is lost with wangwu; on the promoted standby the administrator, who sees no
    // wangwu, adds the colleague again: another user under the same login.
    server.promoteStandby(kHall);
    server::MasterData promoted(server.db(), server.clock());
    server::MasterAuthor again(promoted);
    wangwu.password = QStringLiteral("second password 2");
    auto added = again.addUser(kHall, wangwu);
    REQUIRE(added.ok());
    const QString newId = added->body.value(QStringLiteral("userId")).toString();
    REQUIRE(newId != lostId);

    // Both windows take the new epoch and the server's wangwu; their sync does not stop on
    // the login the lost account held (sync.user_conflict before).
    for (test::SyncWindow* w : {&w07, &w08}) {
        const auto r = w->syncNow();
        CHECK(r.epochChanged);
        store::UserRepository users(*w->hall.store);
        auto in = users.signIn(QStringLiteral("wangwu"), QStringLiteral("second password 2"));
        REQUIRE(in.ok());
        CHECK(in->userId == newId);
        CHECK_FALSE(
            users.signIn(QStringLiteral("wangwu"), QStringLiteral("first password 1")).ok());
        // The lost account stays for the record, switched off.
        auto old = users.byId(lostId);
        REQUIRE(old.ok());
        CHECK_FALSE(old->active);
        CHECK(w->digest() == test::serverDigest(server));
    }
}
