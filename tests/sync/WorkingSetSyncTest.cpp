// Decision 11, initial sync (docs/sync-protocol.md): a new window of a hall above
// `serve --snapshot-above` takes the hall's working set as of cursor N (GET /v1/snapshot), pulls
// on from N, and fetches an older case a pull brings an event of (GET /v1/case). Real server in
// this process, SQLite and PostgreSQL as the suite chooses.
#include "sync/SyncHall.h"

#include "core/CasePayloads.h"
#include "core/WorkingSet.h"
#include "server/Commands.h"
#include "server/storage/WorkingSets.h"
#include "store/SyncRepository.h"
#include "sync/SyncService.h"

#include "ctl/CtlRunner.h"

#include <catch2/catch.hpp>

#include <QEventLoop>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QTimer>

using namespace onewindow;
using core::EventType;
namespace payload = core::payload;

namespace {

using Window = test::SyncWindow;
const QString kHall = QStringLiteral("620102");

store::SyncState stateOf(Window& w)
{
    auto s = w.client->repository().state();
    REQUIRE(s.ok());
    REQUIRE(s->has_value());
    return **s;
}

void refuse(Window& w, const QString& caseId)
{
    REQUIRE(w.hall.cases
                ->append(caseId, EventType::Refused,
                         payload::refused(QStringLiteral("not_competent"),
                                          QStringLiteral("不属于本机关职权范围"),
                                          QStringLiteral("兰州市市场监督管理局")),
                         test::kHallSupervisor)
                .ok());
}

bool holds(Window& w, const QString& caseId)
{
    return w.hall.count(
               QStringLiteral("SELECT count(*) FROM events WHERE case_id = '%1'").arg(caseId)) > 0;
}

// A hall of four cases at W07: `oldFinished` taken and refused on day 0, `oldOpen` taken on day
// 0 and left open, then three days later `recentFinished` taken and refused. The server counts
// one day as recent and gives a new window its working set from a hall of one place on.
struct Hall
{
    test::ServerFixture server;
    Window w07;
    QString oldFinished, oldOpen, recentFinished;
    Hall()
    {
        server.createHall(kHall);
        server.setWorkingSet(1, 1);
        w07.enrol(server, QStringLiteral("W07"));
        oldFinished = test::takeIn(w07);
        refuse(w07, oldFinished);
        oldOpen = test::takeIn(w07);
        w07.syncNow();
        w07.hall.clock.set(test::syncWindowTime().addDays(3));
        recentFinished = test::takeIn(w07);
        refuse(w07, recentFinished);
        w07.syncNow();
    }
    // A new window W08, enrolled now (the server's clock at the hall's time).
    void enrolNew(Window& w)
    {
        w.hall.clock.set(w07.hall.clock.nowUtc());
        server.clock().set(w.hall.clock.nowUtc());
        w.enrol(server, QStringLiteral("W08"));
    }
};

} // namespace

TEST_CASE("Working set: a new window of a large hall takes the open and recent cases, not an "
          "old finished one, and fetches that one when a pull brings an event of it")
{
    Hall h;
    Window w08;
    h.enrolNew(w08);
    CHECK(stateOf(w08).initialSync == QStringLiteral("snapshot"));
    const qint64 n = h.server.registry().hall(kHall)->seq;

    const auto first = w08.syncNow();
    CHECK(first.workingSetTaken);
    store::SyncState s = stateOf(w08);
    CHECK(s.partial());
    CHECK(s.cursor == n);
    CHECK(s.snapshotAt == n);
    CHECK(s.workingSetCases == 2);
    CHECK(holds(w08, h.oldOpen));
    CHECK(holds(w08, h.recentFinished));
    CHECK_FALSE(holds(w08, h.oldFinished));
    // The hall's users came with the set: W08 folds the refusal made by the supervisor.
    CHECK(w08.state(h.recentFinished).status == core::CaseStatus::Refused);
    CHECK(w08.state(h.oldOpen).status == core::CaseStatus::Received);
    // Its digest is the server's for the set (checked by the client before the cursor moved).
    auto kept = server::WorkingSets(h.server.db(), h.server.clock()).find(kHall, n);
    REQUIRE(kept.ok());
    REQUIRE(kept->has_value());
    CHECK((*kept)->digest == w08.digest());
    CHECK(w08.digest() != test::serverDigest(h.server)); // a part of the hall

    // A note on the old finished case: W08's next pull brings it, and the case is fetched up
    // to where that page starts, so W08 folds it whole.
    REQUIRE(h.w07.hall.cases
                ->append(h.oldFinished, EventType::Note,
                         payload::note(QStringLiteral("申请人来电")), test::kHallClerk)
                .ok());
    h.w07.syncNow();
    const auto later = w08.syncNow();
    CHECK(later.fetchedCases == 1);
    CHECK(holds(w08, h.oldFinished));
    CHECK(w08.state(h.oldFinished).status == core::CaseStatus::Refused);
    CHECK(w08.state(h.oldFinished).eventCount == 3);
    CHECK(stateOf(w08).fetchedCases == 1);
    // W08 now holds every case of the hall: its digest is the hall's.
    CHECK(w08.digest() == test::serverDigest(h.server));
    // Another pull fetches nothing more.
    CHECK(w08.syncNow().fetchedCases == 0);
}

TEST_CASE("Working set: below the threshold a new window pulls the whole hall from cursor 0")
{
    Hall h;
    h.server.setWorkingSet(1'000'000, 1);
    Window w08;
    h.enrolNew(w08);
    CHECK(stateOf(w08).initialSync == QStringLiteral("pull"));
    const auto r = w08.syncNow();
    CHECK_FALSE(r.workingSetTaken);
    CHECK_FALSE(stateOf(w08).partial());
    CHECK(holds(w08, h.oldFinished));
    CHECK(w08.digest() == test::serverDigest(h.server));
}

TEST_CASE("Working set: its pages stay at N while the hall moves on, with the master data as of "
          "N; the window then pulls on from N")
{
    Hall h;
    // A user's second version before N: the set carries only the latest.
    server::MasterData data(h.server.db(), h.server.clock());
    auto clerk = data.latestOf(kHall, server::record::kUser, test::kHallClerk);
    REQUIRE(clerk);
    QJsonObject renamed = clerk->body;
    renamed.insert(QStringLiteral("displayName"), QStringLiteral("张三丰"));
    REQUIRE(data.append(kHall, {{server::record::kUser, test::kHallClerk, renamed}}).ok());
    Window w08;
    h.enrolNew(w08);
    const qint64 n = h.server.registry().hall(kHall)->seq;

    sync::SyncClient::Report report;
    bool more = false;
    REQUIRE(w08.client->snapshotOnce(stateOf(w08), report, more, 1).ok());
    CHECK(more);
    CHECK(stateOf(w08).snapshotAt == n);
    CHECK(w08.hall.count(QStringLiteral("SELECT count(*) FROM users WHERE display_name = "
                                        "'张三丰'")) == 1);
    // The hall moves on: a new case and a user's third version, both after N.
    const QString newer = test::takeIn(h.w07);
    h.w07.syncNow();
    renamed.insert(QStringLiteral("displayName"), QStringLiteral("张三"));
    REQUIRE(data.append(kHall, {{server::record::kUser, test::kHallClerk, renamed}}).ok());
    while (more)
        REQUIRE(w08.client->snapshotOnce(stateOf(w08), report, more, 1).ok());
    CHECK(report.workingSetTaken);
    CHECK(stateOf(w08).cursor == n);
    CHECK_FALSE(holds(w08, newer));
    CHECK(w08.hall.count(QStringLiteral("SELECT count(*) FROM users WHERE display_name = "
                                        "'张三丰'")) == 1);
    // Pulls from N bring what came after it, a new case without fetching anything.
    const auto pulled = w08.syncNow();
    CHECK(pulled.fetchedCases == 0);
    CHECK(holds(w08, newer));
    CHECK(w08.hall.count(QStringLiteral("SELECT count(*) FROM users WHERE display_name = "
                                        "'张三'")) == 1);
}

TEST_CASE("Working set: a snapshot interrupted mid-way resumes where it stopped with the same "
          "token, and its digest is the hall's")
{
    Hall h;
    Window w08;
    h.enrolNew(w08);
    const qint64 n = h.server.registry().hall(kHall)->seq;
    {
        sync::SyncClient::Report report;
        bool more = false;
        REQUIRE(w08.client->snapshotOnce(stateOf(w08), report, more, 2).ok());
        REQUIRE(more);
    }
    const store::SyncState stopped = stateOf(w08);
    CHECK(stopped.snapshotPending());
    CHECK(stopped.snapshotAt == n);
    CHECK(stopped.snapshotAfter > 0);
    CHECK(stopped.cursor == 0);
    // The process ends (its client with it); the hall moves on meanwhile.
    w08.client = std::make_unique<sync::SyncClient>(*w08.hall.cases);
    test::takeIn(h.w07);
    h.w07.syncNow();
    // Then the network is down: the sync fails as offline and keeps the set's place.
    QSqlQuery down(w08.hall.store->database());
    REQUIRE(down.exec(QStringLiteral("UPDATE sync_state SET server_url = 'http://127.0.0.1:9'")));
    auto offline = w08.client->syncNow();
    REQUIRE_FALSE(offline.ok());
    CHECK(offline.error().code == QStringLiteral("sync.offline"));
    CHECK(stateOf(w08).snapshotAt == n);
    CHECK(stateOf(w08).snapshotAfter == stopped.snapshotAfter);
    REQUIRE(down.exec(
        QStringLiteral("UPDATE sync_state SET server_url = '%1'").arg(stopped.serverUrl)));
    const auto resumed = w08.syncNow();
    CHECK(resumed.workingSetTaken);
    const store::SyncState done = stateOf(w08);
    CHECK(done.snapshotAt == n); // the same set, not a new one at the later cursor
    CHECK(done.token == stopped.token);
    CHECK(done.partial());
    CHECK(w08.hall.count(QStringLiteral("SELECT count(*) FROM placement")) ==
          h.w07.hall.count(QStringLiteral("SELECT count(*) FROM placement p JOIN events e ON "
                                          "e.event_id = p.event_id WHERE e.case_id <> '%1'")
                               .arg(h.oldFinished)));
    // Nothing of the hall is missing but the old finished case.
    QSqlQuery q(w08.hall.store->database());
    REQUIRE(q.exec(QStringLiteral("SELECT count(DISTINCT case_id) FROM events")));
    REQUIRE(q.next());
    CHECK(q.value(0).toInt() == 3);
}

TEST_CASE("Working set: a digest that differs from the hall's is a clear error, the cursor stays "
          "at 0 and the snapshot starts over")
{
    Hall h;
    Window w08;
    h.enrolNew(w08);
    const qint64 n = h.server.registry().hall(kHall)->seq;
    // The set as the server keeps it, its digest made wrong.
    sync::SyncClient::Report report;
    bool more = false;
    REQUIRE(w08.client->snapshotOnce(stateOf(w08), report, more, 1).ok());
    QSqlQuery q(h.server.db().connection());
    REQUIRE(q.exec(QStringLiteral("UPDATE snapshots SET digest = '%1'").arg(QString(64, u'0'))));
    h.server.clock().set(w08.hall.clock.nowUtc());
    auto failed = w08.client->syncNow();
    REQUIRE_FALSE(failed.ok());
    CHECK(failed.error().code == QStringLiteral("sync.snapshot_digest"));
    CHECK(failed.error().message.contains(QStringLiteral("从头重新取工作集")));
    store::SyncState s = stateOf(w08);
    CHECK(s.snapshotPending());
    CHECK(s.snapshotAt == 0);
    CHECK(s.cursor == 0);
    // Set right again at the server, the next sync takes the set from its start and works.
    REQUIRE(q.exec(QStringLiteral("UPDATE snapshots SET digest = ''")));
    CHECK(w08.syncNow().workingSetTaken);
    CHECK(stateOf(w08).cursor == n);
}

TEST_CASE("Working set: a partial store says so in sync status, its JSON, store digest and the "
          "window's sync status")
{
    Hall h;
    Window w08;
    h.enrolNew(w08);
    // Before the set came: the window says it is still to come.
    const test::CtlRun early = test::runCtl(w08.hall.path(), test::args({"sync", "status"}));
    REQUIRE(early.exitCode == 0);
    CHECK(early.out.contains(QStringLiteral("尚未取得工作集")));

    w08.syncNow();
    const QString since = stateOf(w08).workingSetSince;
    REQUIRE_FALSE(since.isEmpty());
    const QString day = QDateTime::fromString(since, Qt::ISODateWithMs)
                            .toTimeZone(QTimeZone(QByteArrayLiteral("Asia/Shanghai")))
                            .date()
                            .toString(Qt::ISODate);

    const test::CtlRun json =
        test::runCtl(w08.hall.path(), test::args({"sync", "status", "--json"}));
    REQUIRE(json.exitCode == 0);
    const QJsonObject o = QJsonDocument::fromJson(json.out.toUtf8()).object();
    CHECK(o.value(QStringLiteral("initial_sync")).toString() == QStringLiteral("working_set"));
    const QJsonObject set = o.value(QStringLiteral("working_set")).toObject();
    CHECK(set.value(QStringLiteral("since")).toString() == since);
    CHECK(set.value(QStringLiteral("cases")).toInteger() == 2);
    CHECK(set.value(QStringLiteral("fetched_cases")).toInteger() == 0);

    const test::CtlRun text = test::runCtl(w08.hall.path(), test::args({"sync", "status"}));
    REQUIRE(text.exitCode == 0);
    CHECK(text.out.contains(QStringLiteral("本机只保存工作集")));
    CHECK(text.out.contains(QStringLiteral("%1 以来有记录的办件，共 2 件").arg(day)));

    const test::CtlRun digest = test::runCtl(w08.hall.path(), test::args({"store", "digest"}));
    REQUIRE(digest.exitCode == 0);
    CHECK(digest.out.startsWith(QStringLiteral("digest ") + w08.digest()));
    CHECK(digest.out.contains(QStringLiteral("只涵盖本机保存的 2 件办件")));

    // The window's sync status names the set.
    sync::SyncService service(w08.hall.path(), w08.hall.clock, w08.hall.cases->settings(), 60000);
    std::optional<sync::SyncStatus> got;
    QEventLoop loop;
    QTimer::singleShot(20000, &loop, &QEventLoop::quit);
    QObject::connect(&service, &sync::SyncService::statusChanged, &loop,
                     [&](const sync::SyncStatus& s) {
                         got = s;
                         loop.quit();
                     });
    service.start();
    loop.exec();
    service.stop();
    REQUIRE(got);
    CHECK(got->workingSetMessage.contains(QStringLiteral("共 2 件")));
}

TEST_CASE("Working set: a case older than the set is found at the hall by its number or the "
          "applicant's ID and fetched whole; a search the server cannot run is refused")
{
    Hall h;
    Window w08;
    h.enrolNew(w08);
    w08.syncNow();
    REQUIRE_FALSE(holds(w08, h.oldFinished));
    const QString number = h.w07.state(h.oldFinished).caseNumber;

    auto byNumber = w08.client->searchHall(number);
    REQUIRE(byNumber.ok());
    REQUIRE(byNumber->size() == 1);
    CHECK(byNumber->first().value(QStringLiteral("case_id")).toString() == h.oldFinished);
    CHECK(byNumber->first().value(QStringLiteral("applicant")).toString() ==
          w08.hall.intake().applicant.name);
    // By the applicant's ID: every case of the hall's applicant, newest first.
    auto byId = w08.client->searchHall(w08.hall.intake().applicant.idNumber);
    REQUIRE(byId.ok());
    REQUIRE(byId->size() == 3);
    CHECK(byId->first().value(QStringLiteral("case_id")).toString() == h.recentFinished);
    CHECK(w08.client->searchHall(QStringLiteral("无此人"))->isEmpty());
    auto bad = w08.client->searchHall(QStringLiteral("%"));
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().code == QStringLiteral("search.bad_query"));

    // Fetched, the old case is whole at W08 and syncs on like any other.
    REQUIRE(w08.client->fetchCase(h.oldFinished).ok());
    CHECK(holds(w08, h.oldFinished));
    CHECK(w08.state(h.oldFinished).status == core::CaseStatus::Refused);
    CHECK(stateOf(w08).fetchedCases == 1);
    CHECK(w08.digest() == test::serverDigest(h.server));
    REQUIRE(w08.client->fetchCase(h.oldFinished).ok()); // held already: nothing to do
    CHECK(stateOf(w08).fetchedCases == 1);
    w08.syncNow();
    CHECK(w08.digest() == test::serverDigest(h.server));
}
