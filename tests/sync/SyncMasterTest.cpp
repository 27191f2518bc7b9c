// Issue 18, the second wave: the hall's master data (calendar notices, catalog versions, hall
// settings) changed at the server reaches an enrolled window with the pull and changes what it
// computes (decision 8: the server is their one author).
#include "server/ServerCommand.h"
#include "sync/SyncHall.h"

#include "core/CatalogJson.h"
#include "core/HallZone.h"
#include "core/SyncProtocol.h"
#include "server/MasterAuthor.h"
#include "store/CatalogRepository.h"
#include "store/HallConfig.h"
#include "store/SyncRepository.h"
#include "store/UserRepository.h"
#include "sync/MasterRecords.h"
#include "sync/SyncClient.h"

#include <catch2/catch.hpp>

#include <QFile>
#include <QSqlQuery>

using namespace onewindow;
using core::EventType;
namespace payload = core::payload;

namespace {

const QString kHall = QStringLiteral("620102");

QByteArray readSource(const QString& relative)
{
    QFile f(QStringLiteral(ONEWINDOW_SOURCE_DIR "/") + relative);
    REQUIRE(f.open(QIODevice::ReadOnly));
    return f.readAll();
}

// One enrolled workstation holding the hall's catalog as a local import (the same bytes as the
// server's version 1, so the pull recognises them), or `catalog` instead when given.
struct Window
{
    test::HallFixture hall;
    std::unique_ptr<sync::SyncClient> client;
    test::ServerFixture* m_server = nullptr; // the server it enrolled with
    QStringList log;

    explicit Window(const QDateTime& now = test::syncWindowTime(), const QByteArray& catalog = {})
        : hall(now)
    {
        if (catalog.isEmpty()) {
            test::useHallCatalog(hall);
        } else {
            const core::CatalogParse parsed = core::parseCatalog(catalog, QStringLiteral("x"));
            REQUIRE(parsed.ok());
            REQUIRE(store::CatalogRepository(*hall.store)
                        .importItems(parsed.items, QStringLiteral("x"))
                        .ok());
        }
        client = std::make_unique<sync::SyncClient>(*hall.cases);
        QObject::connect(client.get(), &sync::SyncClient::logLine,
                         [this](const QString& line) { log.append(line); });
    }
    void enrol(test::ServerFixture& server, const QString& window)
    {
        m_server = &server;
        auto code =
            server.registry().createEnrolCode({kHall, window, QStringLiteral("window"), {}, 3600});
        REQUIRE(code.ok());
        const core::Status s = client->enrol(server.url(QString()), code->first, window);
        if (!s)
            FAIL(s.error().message.toStdString());
    }
    sync::SyncClient::Report syncNow()
    {
        // Decision 7: a window talks to its server on the same time, or its acts stop at a
        // measured gap over maxClockGapSeconds; these fake clocks agree when they talk.
        if (m_server)
            m_server->clock().set(hall.clock.nowUtc());
        auto r = client->syncNow();
        if (!r)
            FAIL(r.error().code.toStdString() + " " + r.error().message.toStdString());
        return *r;
    }
    QString clockDeadline(const QString& caseId, const QString& kind)
    {
        QSqlQuery q(hall.store->database());
        q.prepare(
            QStringLiteral("SELECT deadline FROM case_clocks WHERE case_id = ? AND kind = ?"));
        q.addBindValue(caseId);
        q.addBindValue(kind);
        REQUIRE(q.exec());
        REQUIRE(q.next());
        return q.value(0).toString();
    }
    QString takeCase(int itemVersion = 1)
    {
        core::ReceivedInput in = hall.intake();
        if (itemVersion != 1) {
            auto v =
                store::CatalogRepository(*hall.store).itemVersion(test::kTestItem, itemVersion);
            REQUIRE(v.ok());
            in.itemVersion = itemVersion;
            in.materials = core::checklistFor(v->item);
        }
        auto taken = hall.cases->receive(in, test::kHallClerk);
        if (!taken)
            FAIL(taken.error().message.toStdString());
        auto accepted = hall.cases->append(taken->event.caseId, EventType::Accepted,
                                           payload::accepted(), test::kHallClerk);
        if (!accepted)
            FAIL(accepted.error().message.toStdString());
        return taken->event.caseId;
    }
};

} // namespace

TEST_CASE("行政许可法 Art. 82: a holiday notice imported at the server reaches an enrolled window "
          "and moves the working-day deadlines it counts")
{
    test::ServerFixture server;
    server.createHall(kHall);
    // A Thursday before New Year: the statutory clock (10 working days) runs into 2027, a year
    // without an official notice, so 元旦 is predicted and the rest counted Monday to Friday.
    const QDateTime thursday(QDate(2026, 12, 24), QTime(11, 0),
                             QTimeZone(QByteArrayLiteral("Asia/Shanghai")));
    Window w07(thursday);
    w07.enrol(server, QStringLiteral("W07"));
    // The hall's seeded notices are the shipped ones the window already holds: nothing changes.
    const auto first = w07.syncNow();
    CHECK_FALSE(first.calendarChanged);
    const QString caseId = w07.takeCase();
    w07.syncNow();
    // 12-25, 28, 29, 30, 31, (01-01 元旦 off), 01-04, 05, 06, 07, 08.
    CHECK(w07.clockDeadline(caseId, QStringLiteral("statutory")) == QStringLiteral("2027-01-08"));
    CHECK(w07.hall.cases->calendar().isProvisionalYear(2027));
    CHECK(w07.hall.cases->calendar().isWorkingDay(QDate(2027, 1, 4)));

    // The hall's administrator imports the 2027 notice, which gives Monday 01-04 off as well.
    server.clock().set(thursday.addSecs(600));
    QByteArray notice = readSource(QStringLiteral("tests/fixtures/2027-fixture.json"));
    notice.replace("{\"name\": \"元旦\", \"date\": \"2027-01-03\", \"isOffDay\": true},",
                   "{\"name\": \"元旦\", \"date\": \"2027-01-03\", \"isOffDay\": true},\n"
                   "        {\"name\": \"元旦\", \"date\": \"2027-01-04\", \"isOffDay\": true},");
    server::MasterData data(server.db(), server.clock());
    auto imported =
        server::MasterAuthor(data).importCalendar(kHall, {notice}, {QStringLiteral("2027.json")});
    if (!imported)
        FAIL(imported.error().message.toStdString());

    const auto down = w07.syncNow();
    CHECK(down.records == 1);
    CHECK(down.calendarChanged);
    CHECK_FALSE(w07.hall.cases->calendar().isProvisionalYear(2027));
    CHECK_FALSE(w07.hall.cases->calendar().isWorkingDay(QDate(2027, 1, 4)));
    // The open case counts with the hall's calendar now: 01-04 skipped, 01-09/10 a weekend.
    CHECK(w07.clockDeadline(caseId, QStringLiteral("statutory")) == QStringLiteral("2027-01-11"));
    CHECK(w07.hall.count(QStringLiteral("SELECT provisional FROM cases")) == 0);
    // A fresh store on the same file reads the same calendar (it was stored, not only loaded).
    store::CaseStore reopened(*w07.hall.store);
    CHECK_FALSE(reopened.calendar().isWorkingDay(QDate(2027, 1, 4)));
    // The deadline moved at the window is not a new fact: nothing waits to go up.
    CHECK(down.pending == 0);
}

TEST_CASE("Sync: a catalog item changed at the server comes down as its next version; a case "
          "keeps the version it was taken under")
{
    test::ServerFixture server;
    server.createHall(kHall);
    Window w07;
    w07.enrol(server, QStringLiteral("W07"));
    w07.syncNow();
    const QString before = w07.takeCase();
    w07.syncNow();
    CHECK(w07.clockDeadline(before, QStringLiteral("promised")) == QStringLiteral("2026-12-14"));

    // The hall promises the item in 4 working days from now on (version 2 at the server).
    server.clock().set(test::syncWindowTime().addSecs(60));
    QByteArray edited = readSource(QStringLiteral("resources/catalog/example.json"));
    edited.replace("\"promisedDays\": 5", "\"promisedDays\": 4");
    server::MasterData data(server.db(), server.clock());
    auto v2 = server::MasterAuthor(data).importCatalog(kHall, edited, QStringLiteral("e.json"));
    REQUIRE(v2.ok());
    REQUIRE(v2->size() == 1);

    const auto down = w07.syncNow();
    CHECK(down.records == 1);
    CHECK(down.catalogChanged);
    store::CatalogRepository catalog(*w07.hall.store);
    auto current = catalog.currentItem(test::kTestItem);
    REQUIRE(current.ok());
    CHECK(current->version == 2);
    CHECK(current->item.promisedDays == 4);
    REQUIRE(catalog.itemVersion(test::kTestItem, 1).ok());
    CHECK(catalog.itemVersion(test::kTestItem, 1)->item.promisedDays == 5);
    // The earlier case keeps version 1 and its promise; a case taken now counts 4 days.
    w07.hall.setNow("2026-12-07", "12:00");
    const QString after = w07.takeCase(2);
    CHECK(w07.clockDeadline(before, QStringLiteral("promised")) == QStringLiteral("2026-12-14"));
    CHECK(w07.clockDeadline(after, QStringLiteral("promised")) == QStringLiteral("2026-12-11"));
    CHECK(w07.hall.count(
              QStringLiteral("SELECT item_version FROM cases WHERE case_id = '%1'").arg(before)) ==
          1);
    // The server takes the receipt under version 2: it is in the hall's catalog.
    CHECK(w07.syncNow().rejected == 0);
    // Pulling the same version again stores nothing new.
    CHECK(w07.hall.count(QStringLiteral("SELECT count(*) FROM catalog_item_versions WHERE code = "
                                        "'%1'")
                             .arg(test::kTestItem)) == 2);
}

TEST_CASE("Sync: an item version pulled with other content than the window's own version of that "
          "number, one a case was taken under, refuses the page; nothing of it is stored")
{
    test::ServerFixture server;
    server.createHall(kHall);
    QByteArray local = readSource(QStringLiteral("resources/catalog/example.json"));
    local.replace("\"promisedDays\": 5", "\"promisedDays\": 3");
    Window w07(test::syncWindowTime(), local);
    w07.enrol(server, QStringLiteral("W07"));
    // Taken under the window's own version before the first pull: that version cannot give way
    // to the hall's (tests/sync/JoinLocalMasterTest.cpp: one no case names does).
    auto ownItem = store::CatalogRepository(*w07.hall.store).currentItem(test::kTestItem);
    REQUIRE(ownItem.ok());
    w07.hall.item = ownItem->item;
    w07.takeCase();
    auto refused = w07.client->syncNow();
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == QStringLiteral("sync.catalog_conflict"));
    CHECK(refused.error().message.contains(test::kTestItem));
    // The page's users and cursor were not written either.
    CHECK(w07.hall.count(QStringLiteral("SELECT cursor FROM sync_state")) == 0);
    CHECK_FALSE(store::UserRepository(*w07.hall.store).byId(test::kHallClerk).ok());
    CHECK(
        store::CatalogRepository(*w07.hall.store).currentItem(test::kTestItem)->item.promisedDays ==
        3);
}

TEST_CASE("Sync: the hall's settings changed at the server reach the window, its own window code "
          "kept")
{
    test::ServerFixture server;
    server.createHall(kHall);
    Window w08;
    w08.enrol(server, QStringLiteral("W08"));
    w08.syncNow();
    store::HallConfigRepository halls(*w08.hall.store);
    REQUIRE(halls.load().ok());
    CHECK(halls.load()->officeClose == core::HallSettings::defaultOfficeClose());

    server.clock().set(test::syncWindowTime().addSecs(60));
    server::MasterData data(server.db(), server.clock());
    const QJsonObject body{
        {QStringLiteral("hallCode"), kHall},
        {QStringLiteral("hallName"), QStringLiteral("城关区政务服务大厅（新址）")},
        {QStringLiteral("zone"), QStringLiteral("Asia/Urumqi")},
        {QStringLiteral("officeClose"), QStringLiteral("18:00")},
        {QStringLiteral("followUpDays"), 7}};
    REQUIRE(data.append(kHall, {server::MasterChange{server::record::kHallSettings, kHall, body}})
                .ok());
    const auto down = w08.syncNow();
    CHECK(down.records == 1);
    CHECK(down.settingsChanged);
    auto now = halls.load();
    REQUIRE(now.ok());
    CHECK(now->hallName == QStringLiteral("城关区政务服务大厅（新址）"));
    CHECK(now->zone.id() == QByteArrayLiteral("Asia/Urumqi"));
    CHECK(now->officeClose == QTime(18, 0));
    CHECK(now->followUpDays == 7);
    CHECK(now->hallCode == kHall);
    CHECK(now->deviceCode == QStringLiteral("W08"));

    // Settings the window cannot take (a follow-up period the hall may not set) refuse the page.
    QJsonObject bad = body;
    bad.insert(QStringLiteral("followUpDays"), 99);
    REQUIRE(
        data.append(kHall, {server::MasterChange{server::record::kHallSettings, kHall, bad}}).ok());
    auto refused = w08.client->syncNow();
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == QStringLiteral("sync.bad_answer"));
    CHECK(halls.load()->followUpDays == 7);
}

TEST_CASE("Decision 8: `onewindow-server settings` sets the idle screen lock and the bad rating's "
          "follow-up period, and the window takes them at its next pull; a value out of range "
          "changes nothing")
{
    test::ServerFixture server;
    server.createHall(kHall);
    Window w08;
    w08.enrol(server, QStringLiteral("W08"));
    w08.syncNow();
    store::HallConfigRepository halls(*w08.hall.store);
    REQUIRE(halls.load().ok());
    CHECK(halls.load()->idleLockMinutes == core::HallSettings::kDefaultIdleLockMinutes);
    CHECK(halls.load()->followUpDays == core::HallSettings::kDefaultFollowUpDays);

    const test::CommandRun shown = test::command(server, {QStringLiteral("settings"), kHall});
    CHECK(shown.exit == 0);
    CHECK(shown.out.contains(QStringLiteral("idleLockMinutes 10\nfollowUpDays 5\n")));

    server.clock().set(test::syncWindowTime().addSecs(60));
    const test::CommandRun set = test::command(
        server, {QStringLiteral("settings"), kHall, QStringLiteral("--idle-lock-minutes"),
                 QStringLiteral("3"), QStringLiteral("--follow-up-days"), QStringLiteral("10")});
    INFO(set.err.toStdString());
    CHECK(set.exit == 0);
    CHECK(set.out.contains(QStringLiteral("idleLockMinutes 3\nfollowUpDays 10\n")));
    const auto down = w08.syncNow();
    CHECK(down.settingsChanged);
    auto now = halls.load();
    REQUIRE(now.ok());
    CHECK(now->idleLockMinutes == 3);
    CHECK(now->followUpDays == 10);

    // Out of range or not a number: refused with what is allowed, nothing written or pulled.
    const test::CommandRun tooLong = test::command(
        server, {QStringLiteral("settings"), kHall, QStringLiteral("--follow-up-days"),
                 QStringLiteral("30"), QStringLiteral("--idle-lock-minutes"), QStringLiteral("5")});
    CHECK(tooLong.exit == 1);
    CHECK(tooLong.err.contains(
        QStringLiteral("差评整改期限应为 5–15 个工作日（现为 30），未作任何改动")));
    CHECK(test::command(server, {QStringLiteral("settings"), kHall,
                                 QStringLiteral("--idle-lock-minutes"), QStringLiteral("0")})
              .exit == 1);
    CHECK(test::command(server, {QStringLiteral("settings"), kHall,
                                 QStringLiteral("--idle-lock-minutes"), QStringLiteral("soon")})
              .exit == 2);
    CHECK(w08.syncNow().records == 0);
    CHECK(halls.load()->idleLockMinutes == 3);
    CHECK(halls.load()->followUpDays == 10);
}

TEST_CASE("Sync: a master record of a kind this program does not know is logged and passed over")
{
    test::ServerFixture server;
    server.createHall(kHall);
    Window w08;
    w08.enrol(server, QStringLiteral("W08"));
    w08.syncNow();
    server::MasterData data(server.db(), server.clock());
    REQUIRE(
        data.append(kHall, {server::MasterChange{QStringLiteral("hall.future"), QStringLiteral("x"),
                                                 QJsonObject{{QStringLiteral("a"), 1}}}})
            .ok());
    const auto down = w08.syncNow();
    CHECK(down.ignored == 1);
    CHECK(down.records == 0);
    CHECK(down.cursor == server.registry().hall(kHall)->seq);
    CHECK(w08.log.filter(QStringLiteral("hall.future")).size() == 1);
}

TEST_CASE("Sync: a page that names this device revoked stops sync in its transaction and says why; "
          "another device's revocation does not")
{
    test::ServerFixture server;
    server.createHall(kHall);
    Window w08;
    w08.enrol(server, QStringLiteral("W08"));
    w08.syncNow();
    store::SyncRepository& repo = w08.client->repository();
    auto state = repo.state();
    REQUIRE(state.ok());
    REQUIRE(state->has_value());
    const qint64 cursor = (*state)->cursor;

    store::PulledMaster other;
    other.revokedDevices = {QStringLiteral("0193a7c2-0000-7000-8000-000000000001")};
    REQUIRE(repo.applyPull({}, cursor + 1, other).ok());
    CHECK((*repo.state())->stoppedCode.isEmpty());
    CHECK_FALSE(repo.lastMasterApplied().ownDeviceRevoked);

    store::PulledMaster own;
    own.revokedDevices = {(*state)->deviceId};
    REQUIRE(repo.applyPull({}, cursor + 2, own).ok());
    CHECK(repo.lastMasterApplied().ownDeviceRevoked);
    CHECK((*repo.state())->stoppedCode == core::sync::code::kDeviceRevoked);
    CHECK((*repo.state())->cursor == cursor + 2);
    // Sync now says why without asking the server.
    auto stopped = w08.client->syncNow();
    REQUIRE_FALSE(stopped.ok());
    CHECK(stopped.error().code == QStringLiteral("sync.stopped"));
    CHECK(stopped.error().message.contains(QStringLiteral("吊销")));
}

TEST_CASE("Sync: a pulled hall.settings record whose zone is an offset (UTC+8) or empty is the "
          "server's bad answer, refused before Qt reads it as UTC-8 (issue 17, F5)")
{
    core::HallSettings window;
    window.hallName = QStringLiteral("兰州市城关区政务服务中心");
    window.hallCode = QStringLiteral("620102");
    window.deviceCode = QStringLiteral("W07");
    const auto record = [](const QString& zone) {
        return QJsonObject{{QStringLiteral("kind"), QStringLiteral("hall.settings")},
                           {QStringLiteral("key"), QStringLiteral("620102")},
                           {QStringLiteral("version"), 2},
                           {QStringLiteral("body"),
                            QJsonObject{{QStringLiteral("hallCode"), QStringLiteral("620102")},
                                        {QStringLiteral("zone"), zone}}}};
    };
    for (const char* zone : {"UTC+8", "GMT+8", "+08:00", ""}) {
        INFO(zone);
        store::PulledMaster into;
        const core::Status s =
            sync::readMasterRecord(record(QString::fromUtf8(zone)), 5, window, into);
        REQUIRE_FALSE(s.ok());
        CHECK(s.error().message.contains(QStringLiteral("Asia/Shanghai")));
        CHECK_FALSE(into.settings);
    }
    store::PulledMaster into;
    REQUIRE(sync::readMasterRecord(record(QStringLiteral("Asia/Urumqi")), 5, window, into).ok());
    REQUIRE(into.settings);
    CHECK(into.settings->zone.id() == QByteArrayLiteral("Asia/Urumqi"));
}
