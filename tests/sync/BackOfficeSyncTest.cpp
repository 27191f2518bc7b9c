// The hall's back offices (hall.back_offices) reach every enrolled window with the pull, so a
// window forwards a case to a department the server knows and that department's back office,
// enrolled later, finds it in its queue.
#include "sync/SyncHall.h"

#include "core/CasePayloads.h"
#include "server/storage/BackOfficeList.h"
#include "store/BackOfficeRepository.h"
#include "store/CaseQueries.h"

#include <catch2/catch.hpp>

#include <QJsonArray>

using namespace onewindow;

namespace {

const QString kHall = QStringLiteral("620102");
const QString kSocial = QStringLiteral("人力资源和社会保障后台审批组");
const QString kMarket = QStringLiteral("市场监管后台审批组");

QStringList listAt(test::SyncWindow& w)
{
    auto names = store::BackOfficeRepository(*w.hall.store).list();
    REQUIRE(names.ok());
    return *names;
}

} // namespace

TEST_CASE("Sync: the hall's back offices reach an enrolled window whole with each change, and "
          "the back office enrolled later finds the case forwarded to it")
{
    test::ServerFixture server;
    server.createHall(kHall);
    // The back office's code lists its department before its PC is enrolled.
    auto backCode = server.registry().createEnrolCode(
        {kHall, QStringLiteral("B01"), QStringLiteral("backoffice"), kSocial, 24 * 3600});
    REQUIRE(backCode.ok());
    test::SyncWindow w07;
    w07.enrol(server, QStringLiteral("W07"));
    w07.syncNow();
    CHECK(listAt(w07) == QStringList{kSocial});
    auto choices = store::BackOfficeRepository(*w07.hall.store).forwardingChoices();
    REQUIRE(choices.ok());
    CHECK(*choices == std::optional<QStringList>(QStringList{kSocial}));

    server::MasterData data(server.db(), server.clock());
    REQUIRE(server::BackOfficeList(data).add(kHall, kMarket).ok());
    const auto down = w07.syncNow();
    CHECK(down.records == 1);
    CHECK(down.ignored == 0);
    CHECK(listAt(w07) == QStringList{kSocial, kMarket});

    // W07 forwards a case there; the back office, enrolled now, pulls it into its queue.
    const QString caseId = test::takeIn(w07);
    REQUIRE(
        w07.hall.cases
            ->append(caseId, core::EventType::Accepted, core::payload::accepted(), test::kHallClerk)
            .ok());
    REQUIRE(w07.hall.cases
                ->append(caseId, core::EventType::Forwarded, core::payload::forwarded(kSocial),
                         test::kHallClerk)
                .ok());
    w07.syncNow();
    test::SyncWindow b01;
    b01.m_server = &server;
    const core::Status joined =
        b01.client->enrol(server.url(QString()), backCode->first, QStringLiteral("b01-pc"));
    INFO((joined ? QString() : joined.error().message).toStdString());
    REQUIRE(joined.ok());
    b01.syncNow();
    CHECK(listAt(b01) == QStringList{kSocial, kMarket});
    auto queue = store::CaseQueries(*b01.hall.store).forwardedTo(kSocial, 10);
    REQUIRE(queue.ok());
    REQUIRE(queue->size() == 1);
    CHECK(queue->first().caseId == caseId);
}

TEST_CASE("Sync: a back-office record the window cannot read refuses the page, the list kept")
{
    test::ServerFixture server;
    server.createHall(kHall);
    server::MasterData data(server.db(), server.clock());
    REQUIRE(server::BackOfficeList(data).add(kHall, kSocial).ok());
    test::SyncWindow w07;
    w07.enrol(server, QStringLiteral("W07"));
    w07.syncNow();
    REQUIRE(listAt(w07) == QStringList{kSocial});
    const QJsonObject twice{
        {QStringLiteral("departments"), QJsonArray{kMarket, kMarket}}}; // a name repeated
    REQUIRE(data.append(kHall, {{server::record::kBackOffices, kHall, twice}}).ok());
    server.clock().set(w07.hall.clock.nowUtc());
    auto refused = w07.client->syncNow();
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == QStringLiteral("sync.bad_answer"));
    CHECK(refused.error().message.contains(
        QStringLiteral("后台科室记录中科室“市场监管后台审批组”重复")));
    CHECK(listAt(w07) == QStringList{kSocial});
}
