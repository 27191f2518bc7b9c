// The workstation side of sync (issue 18) against a real server in this process (tests/server's
// ServerFixture: real HTTP on loopback, SQLite or PostgreSQL as the suite chooses).
#include "sync/SyncHall.h"
#include "sync/WaitStatus.h"

#include "core/CasePayloads.h"
#include "core/SyncProtocol.h"
#include "server/Commands.h"
#include "store/SyncRepository.h"
#include "store/UserRepository.h"
#include "sync/Backoff.h"
#include "sync/SyncClient.h"
#include "sync/SyncService.h"

#include <catch2/catch.hpp>

#include <QSqlQuery>

using namespace onewindow;
using core::EventType;
namespace payload = core::payload;

namespace {

using Window = test::SyncWindow;

} // namespace

TEST_CASE("Sync: a case taken at one window shows at the other after sync now")
{
    test::ServerFixture server;
    Window w07, w08;
    test::openTwoWindows(server, w07, w08);

    auto taken = w07.hall.cases->receive(w07.hall.intake(), test::kHallClerk);
    REQUIRE(taken.ok());
    auto pending = w07.client->repository().pendingCount();
    REQUIRE(pending.ok());
    CHECK(*pending == 1);
    // Before any sync the other window does not know it.
    CHECK_FALSE(w08.hall.cases->state(taken->event.caseId).ok());

    const auto up = w07.syncNow();
    CHECK(up.pushed == 1);
    CHECK(up.pending == 0);
    const auto down = w08.syncNow();
    CHECK(down.pulled == 1);
    // The hall's master records come first on the same cursor (protocol 2): each is applied,
    // none is stored as an event, and the cursor ends after the case.
    const qint64 base = server.base(QStringLiteral("620102"));
    CHECK(base > 0);
    CHECK(down.records == base);
    CHECK(down.ignored == 0);
    CHECK(down.cursor == base + 1);
    const core::CaseState there = w08.state(taken->event.caseId);
    CHECK(there.caseNumber == taken->state.caseNumber);
    CHECK(there.applicant.name == QStringLiteral("张三"));
    // Its projection is written: the other window's queries find it by number.
    CHECK(w08.hall.count(QStringLiteral("SELECT count(*) FROM cases WHERE case_number = '%1'")
                             .arg(taken->state.caseNumber)) == 1);
    // Pulling again changes nothing (idempotent), and W07's own event came back without a copy.
    CHECK(w08.syncNow().pulled == 0);
    CHECK(w07.syncNow().pulled == 0);
    CHECK(w07.hall.count(QStringLiteral("SELECT count(*) FROM events")) == 1);
    // Nothing pending anywhere: every digest is the server's.
    CHECK(w07.digest() == test::serverDigest(server));
    CHECK(w08.digest() == test::serverDigest(server));
}

TEST_CASE("Sync: the hall's users come down to an enrolled window, a later version replacing "
          "the earlier (decision 8)")
{
    test::ServerFixture server;
    server.createHall(QStringLiteral("620102"));
    Window w08;
    w08.enrol(server, QStringLiteral("W08"));
    store::UserRepository users(*w08.hall.store);
    CHECK_FALSE(users.byId(test::kHallClerk).ok());
    w08.syncNow();
    auto clerk = users.byId(test::kHallClerk);
    REQUIRE(clerk.ok());
    CHECK(clerk->login == QStringLiteral("clerk1"));
    CHECK(clerk->role == core::Role::Clerk);
    REQUIRE(users.byId(test::kHallSupervisor).ok());
    CHECK(users.byId(test::kHallSupervisor)->role == core::Role::Supervisor);

    // The server promotes the clerk: the next pull brings the new version.
    server.clock().set(test::syncWindowTime().addSecs(3600));
    server::MasterData data(server.db(), server.clock());
    REQUIRE(data.append(QStringLiteral("620102"),
                        {server::MasterChange{
                            server::record::kUser, test::kHallClerk,
                            QJsonObject{{QStringLiteral("userId"), test::kHallClerk},
                                        {QStringLiteral("login"), QStringLiteral("clerk1")},
                                        {QStringLiteral("displayName"), QStringLiteral("张三")},
                                        {QStringLiteral("role"), QStringLiteral("supervisor")},
                                        {QStringLiteral("window"), QStringLiteral("W08")},
                                        {QStringLiteral("active"), true},
                                        {QStringLiteral("verifier"), QString()}}}})
                .ok());
    CHECK(w08.syncNow().records == 1);
    clerk = users.byId(test::kHallClerk);
    REQUIRE(clerk.ok());
    CHECK(clerk->role == core::Role::Supervisor);
    CHECK(clerk->displayName == QStringLiteral("张三"));
    CHECK(clerk->windowCode == QStringLiteral("W08"));
    CHECK(w08.hall.count(QStringLiteral("SELECT count(*) FROM users")) == 2);
}

TEST_CASE("Sync: a store enrolled before local accounts gave way, its pulls stopped by a hall "
          "user holding a local account's login, syncs again")
{
    test::ServerFixture server;
    server.createHall(QStringLiteral("620102"));
    Window w08;
    // A local account made before enrolment (afterwards the server is the users' one author).
    store::UserRepository users(*w08.hall.store);
    auto local = users.create(QStringLiteral("clerk1"), QStringLiteral("本机"), core::Role::Clerk,
                              QStringLiteral("W08"), QStringLiteral("local-password-1"));
    REQUIRE(local.ok());
    w08.enrol(server, QStringLiteral("W08"));
    // As a store enrolled by an earlier program left it: the account not marked to give way.
    QSqlQuery q(w08.hall.store->database());
    REQUIRE(q.exec(QStringLiteral("UPDATE users SET lost_epoch = 0")));
    w08.syncNow(); // used to stop here with sync.user_conflict, at every sync
    auto mine = users.byId(local->userId);
    REQUIRE(mine.ok());
    CHECK_FALSE(mine->active);
    CHECK(mine->login != QStringLiteral("clerk1"));
    auto hallClerk = users.byId(test::kHallClerk);
    REQUIRE(hallClerk.ok());
    CHECK(hallClerk->login == QStringLiteral("clerk1"));
}

TEST_CASE("Sync: an action carries the case head its window folded (decision 1)")
{
    test::ServerFixture server;
    server.createHall(QStringLiteral("620102"));
    Window w07;
    w07.enrol(server, QStringLiteral("W07"));
    auto taken = w07.hall.cases->receive(w07.hall.intake(), test::kHallClerk);
    REQUIRE(taken.ok());
    auto note = w07.hall.cases->append(taken->event.caseId, EventType::Note,
                                       payload::note(QStringLiteral("x")), test::kHallClerk);
    REQUIRE(note.ok());
    auto accepted = w07.hall.cases->append(taken->event.caseId, EventType::Accepted,
                                           payload::accepted(), test::kHallClerk);
    REQUIRE(accepted.ok());
    // The note is mergeable: the head stays the receipt.
    CHECK(core::sync::caseHeadOf(accepted->event) == taken->event.eventId);
    CHECK(core::sync::caseHeadOf(note->event).isEmpty());
    CHECK(w07.syncNow().rejected == 0);
}

TEST_CASE("Sync: two windows decide one case offline; in either order one decision stands "
          "everywhere and the loser is visible with its winner")
{
    const bool w07First = GENERATE(true, false);
    CAPTURE(w07First);
    test::ServerFixture server;
    Window w07, w08;
    test::openTwoWindows(server, w07, w08);
    const QString caseId = test::takeAndAccept(w07);
    w07.syncNow();
    w08.syncNow();
    REQUIRE(w08.state(caseId).status == core::CaseStatus::InProgress);

    // Apart: each window decides the case its own way.
    auto granted = w07.hall.cases->append(
        caseId, EventType::Decided, payload::decided(QStringLiteral("granted")), test::kHallClerk);
    REQUIRE(granted.ok());
    auto notGranted = w08.hall.cases->append(caseId, EventType::Decided,
                                             payload::decided(QStringLiteral("not_granted")),
                                             test::kHallSupervisor);
    REQUIRE(notGranted.ok());

    Window& first = w07First ? w07 : w08;
    Window& second = w07First ? w08 : w07;
    const QString winner = w07First ? granted->event.eventId : notGranted->event.eventId;
    const QString loser = w07First ? notGranted->event.eventId : granted->event.eventId;
    const QString outcome = w07First ? QStringLiteral("granted") : QStringLiteral("not_granted");
    first.syncNow();
    const auto lost = second.syncNow();
    CHECK(lost.rejected == 1);
    first.syncNow();

    for (Window* w : {&w07, &w08}) {
        const core::CaseState s = w->state(caseId);
        CHECK(s.status == core::CaseStatus::Decided);
        CHECK(s.decisionOutcome == outcome);
        CHECK(w->digest() == test::serverDigest(server));
    }
    // The loser keeps its event (never dropped), placed as rejected with the winner.
    auto rejected = second.client->repository().rejectedOwn();
    REQUIRE(rejected.ok());
    REQUIRE(rejected->size() == 1);
    CHECK(rejected->first().eventId == loser);
    CHECK(rejected->first().winner == winner);
    CHECK(rejected->first().reasonCode == core::sync::code::kStaleHead);
    CHECK(second.hall.count(QStringLiteral("SELECT count(*) FROM events WHERE event_id = '%1' "
                                           "AND sync_state = 'rejected'")
                                .arg(loser)) == 1);
    // The winning window learns of the loser too.
    CHECK(first.hall.count(QStringLiteral("SELECT count(*) FROM placement WHERE event_id = '%1' "
                                          "AND verdict = 'rejected' AND winner = '%2'")
                               .arg(loser, winner)) == 1);
}

TEST_CASE("Sync: pulls in small pages resume from the stored cursor without gap or duplicate")
{
    test::ServerFixture server;
    Window w07, w08;
    test::openTwoWindows(server, w07, w08);
    QStringList caseIds;
    for (int i = 0; i < 7; ++i) {
        auto taken = w07.hall.cases->receive(w07.hall.intake(), test::kHallClerk);
        REQUIRE(taken.ok());
        caseIds.append(taken->event.caseId);
    }
    w07.syncNow();

    // Page by page, a new client (a restarted window) each time: the cursor is the store's.
    sync::SyncClient::Report report;
    bool more = true;
    int pages = 0;
    while (more) {
        sync::SyncClient fresh(*w08.hall.cases);
        REQUIRE(fresh.pullOnce(report, more, 3).ok());
        ++pages;
        REQUIRE(pages < 40);
    }
    // The hall's master records and then the 7 events, 3 entries a page.
    const qint64 base = server.base(QStringLiteral("620102"));
    CHECK(pages == (base + 7 + 2) / 3);
    CHECK(report.records == base);
    CHECK(report.pulled == 7);
    CHECK(report.cursor == base + 7);
    CHECK(w08.hall.count(QStringLiteral("SELECT count(*) FROM events")) == 7);
    CHECK(w08.hall.count(QStringLiteral("SELECT count(DISTINCT hall_seq) FROM placement")) == 7);
    CHECK(w08.hall.count(QStringLiteral("SELECT max(hall_seq) - min(hall_seq) + 1 FROM "
                                        "placement")) == 7);
    for (const QString& id : caseIds)
        CHECK(w08.state(id).caseId == id);
}

TEST_CASE("Sync: a page applied twice (the answer lost after the commit) stores nothing twice")
{
    test::ServerFixture server;
    Window w07, w08;
    test::openTwoWindows(server, w07, w08);
    for (int i = 0; i < 3; ++i)
        REQUIRE(w07.hall.cases->receive(w07.hall.intake(), test::kHallClerk).ok());
    w07.syncNow();
    w08.syncNow();
    // The cursor is moved back as if the page's commit had been lost: the same page comes again.
    QSqlQuery q(w08.hall.store->database());
    const qint64 base = server.base(QStringLiteral("620102"));
    REQUIRE(q.exec(QStringLiteral("UPDATE sync_state SET cursor = %1").arg(base + 1)));
    const auto again = w08.syncNow();
    CHECK(again.pulled == 0);
    CHECK(again.cursor == base + 3);
    CHECK(w08.hall.count(QStringLiteral("SELECT count(*) FROM events")) == 3);
    CHECK(w08.digest() == test::serverDigest(server));
}

TEST_CASE("Sync: a revoked device stops syncing and says why")
{
    test::ServerFixture server;
    server.createHall(QStringLiteral("620102"));
    Window w07;
    w07.enrol(server, QStringLiteral("W07"));
    REQUIRE(w07.hall.cases->receive(w07.hall.intake(), test::kHallClerk).ok());
    auto state = w07.client->repository().state();
    REQUIRE(state.ok());
    REQUIRE(server.registry().revoke((*state)->deviceId).ok());

    auto refused = w07.client->syncNow();
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == core::sync::code::kDeviceRevoked);
    CHECK(refused.error().message.contains(QStringLiteral("吊销")));
    // It stays stopped, saying why, without asking the server again; the event stays pending.
    const int requests = static_cast<int>(server.log().size());
    auto again = w07.client->syncNow();
    REQUIRE_FALSE(again.ok());
    CHECK(again.error().code == QStringLiteral("sync.stopped"));
    CHECK(again.error().message.contains(QStringLiteral("吊销")));
    CHECK(server.log().size() == requests);
    CHECK(*w07.client->repository().pendingCount() == 1);
}

TEST_CASE("Sync: an enrolment code used twice is refused and the second store stays new")
{
    test::ServerFixture server;
    server.createHall(QStringLiteral("620102"));
    auto code = server.registry().createEnrolCode(
        {QStringLiteral("620102"), QStringLiteral("W07"), QStringLiteral("window"), {}, 3600});
    REQUIRE(code.ok());
    Window first, second;
    REQUIRE(first.client->enrol(server.url(QString()), code->first, QStringLiteral("pc1")).ok());
    const core::Status twice =
        second.client->enrol(server.url(QString()), code->first, QStringLiteral("pc2"));
    REQUIRE_FALSE(twice.ok());
    CHECK(twice.error().code == core::sync::code::kCodeInvalid);
    CHECK(second.hall.count(QStringLiteral("SELECT count(*) FROM sync_state")) == 0);
    auto notEnrolled = second.client->syncNow();
    REQUIRE_FALSE(notEnrolled.ok());
    CHECK(notEnrolled.error().code == QStringLiteral("sync.not_enrolled"));
}

TEST_CASE("Sync: a store holding cases is not turned into a window of a hall")
{
    test::ServerFixture server;
    server.createHall(QStringLiteral("620102"));
    Window w;
    REQUIRE(w.hall.cases->receive(w.hall.intake(), test::kHallClerk).ok());
    auto code = server.registry().createEnrolCode(
        {QStringLiteral("620102"), QStringLiteral("W07"), QStringLiteral("window"), {}, 3600});
    REQUIRE(code.ok());
    const core::Status s =
        w.client->enrol(server.url(QString()), code->first, QStringLiteral("pc"));
    REQUIRE_FALSE(s.ok());
    CHECK(s.error().code == QStringLiteral("sync.store_not_new"));
    CHECK(w.hall.count(QStringLiteral("SELECT count(*) FROM sync_state")) == 0);

    // Refused before the code was sent: the server made no device, and the code still enrols
    // the new store it was meant for (before, the server spent it and kept an active device
    // nobody held, which would hold the hall's new event types back, decision 10).
    CHECK(server.registry().devices(QStringLiteral("620102")).value().isEmpty());
    Window fresh;
    REQUIRE(fresh.client->enrol(server.url(QString()), code->first, QStringLiteral("pc")).ok());
    CHECK(server.registry().devices(QStringLiteral("620102")).value().size() == 1);
}

TEST_CASE("Sync: a window already enrolled refuses another enrolment before its code is spent")
{
    test::ServerFixture server;
    server.createHall(QStringLiteral("620102"));
    Window w07;
    auto first = server.registry().createEnrolCode(
        {QStringLiteral("620102"), QStringLiteral("W07"), QStringLiteral("window"), {}, 3600});
    REQUIRE(first.ok());
    REQUIRE(w07.client->enrol(server.url(QString()), first->first, QStringLiteral("pc")).ok());
    auto second = server.registry().createEnrolCode(
        {QStringLiteral("620102"), QStringLiteral("W08"), QStringLiteral("window"), {}, 3600});
    REQUIRE(second.ok());
    const core::Status again =
        w07.client->enrol(server.url(QString()), second->first, QStringLiteral("pc"));
    REQUIRE_FALSE(again.ok());
    CHECK(again.error().code == QStringLiteral("sync.already_enrolled"));
    CHECK(server.registry().devices(QStringLiteral("620102")).value().size() == 1);
    Window w08;
    CHECK(w08.client->enrol(server.url(QString()), second->first, QStringLiteral("pc")).ok());
}

TEST_CASE("Sync: a server that does not answer is offline, the events stay pending")
{
    test::HallFixture hall;
    sync::SyncClient client(*hall.cases, {500, 500});
    // Port 9 (discard) on loopback: nothing listens.
    const core::Status s = client.enrol(QStringLiteral("http://127.0.0.1:9"), QStringLiteral("X"),
                                        QStringLiteral("pc"));
    REQUIRE_FALSE(s.ok());
    CHECK(s.error().code == QStringLiteral("sync.offline"));
    CHECK(hall.count(QStringLiteral("SELECT count(*) FROM sync_state")) == 0);
}

TEST_CASE("Sync: the backoff grows from 1 s to 60 s with jitter and starts again after success")
{
    sync::Backoff a(1), b(2);
    QList<int> waits;
    for (int i = 0; i < 10; ++i)
        waits.append(a.nextMs());
    CHECK(waits.first() >= 500);
    CHECK(waits.first() <= 1000);
    CHECK(waits.last() >= 30000);
    CHECK(waits.last() <= 60000);
    QList<int> other;
    for (int i = 0; i < 10; ++i)
        other.append(b.nextMs());
    CHECK(other != waits); // jitter: two windows do not knock in step
    a.reset();
    CHECK(a.nextMs() <= 1000);
}

using onewindow::test::waitForStatus;

TEST_CASE("Sync in the background: its own thread and connection; offline since the first "
          "failed try, online again on sync now, pending counted")
{
    test::ServerFixture server;
    server.createHall(QStringLiteral("620102"));
    Window w07;
    w07.enrol(server, QStringLiteral("W07"));
    REQUIRE(w07.hall.cases->receive(w07.hall.intake(), test::kHallClerk).ok());
    // The server unreachable: nothing listens on port 9.
    QSqlQuery q(w07.hall.store->database());
    REQUIRE(q.exec(QStringLiteral("UPDATE sync_state SET server_url = 'http://127.0.0.1:9'")));

    sync::SyncService service(w07.hall.path(), w07.hall.clock, w07.hall.cases->settings(), 60000,
                              {2000, 2000});
    service.start();
    const auto offline =
        waitForStatus(service, [](const sync::SyncStatus& s) { return s.enrolled && !s.online; });
    REQUIRE(offline);
    CHECK(offline->offlineSinceUtc == w07.hall.clock.nowUtc());
    CHECK(offline->pending == 1);
    CHECK(offline->lastError.contains(QStringLiteral("无法连接大厅服务器")));

    REQUIRE(q.exec(
        QStringLiteral("UPDATE sync_state SET server_url = '%1'").arg(server.url(QString()))));
    service.syncNow();
    const auto online = waitForStatus(service, [](const sync::SyncStatus& s) { return s.online; });
    REQUIRE(online);
    CHECK(online->pending == 0);
    CHECK_FALSE(online->offlineSinceUtc.isValid());
    CHECK(online->lastSyncUtc == w07.hall.clock.nowUtc());
    service.stop();
}

TEST_CASE("Sync: a server address with one of its requests' paths is refused before anything is "
          "sent, saying to give the address up to the port")
{
    test::ServerFixture server;
    server.createHall(QStringLiteral("620102"));
    auto code = server.registry().createEnrolCode(
        {QStringLiteral("620102"), QStringLiteral("W07"), QStringLiteral("window"), {}, 3600});
    REQUIRE(code.ok());
    Window w;
    const QString root = server.url(QString());
    for (const QString& path : {QStringLiteral("/v1"), QStringLiteral("/v1/"),
                                QStringLiteral("/healthz"), QStringLiteral("/v1/enrol")}) {
        const core::Status s = w.client->enrol(root + path, code->first, QStringLiteral("pc"));
        REQUIRE_FALSE(s.ok());
        CHECK(s.error().code == QStringLiteral("sync.bad_url"));
        CHECK(s.error().message.contains(QStringLiteral("不带 /v1")));
    }
    CHECK(server.registry().devices(QStringLiteral("620102")).value().isEmpty());
    // The plain address, with or without its slash, enrols with the same code.
    CHECK(w.client->enrol(root + QStringLiteral("/"), code->first, QStringLiteral("pc")).ok());
}
