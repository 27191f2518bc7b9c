// Decision 11 (docs/sync-protocol.md, GET /v1/search): a case older than a window's working set
// is found at the server by the applicant's keys through an index the search keeps itself
// (db/central/0024_applicant_index.sql). Run on SQLite and on PostgreSQL.
#include "ServerFixture.h"

#include "core/SyncProtocol.h"
#include "server/storage/CaseSearch.h"

#include <catch2/catch.hpp>

using namespace onewindow;
using namespace onewindow::test;
using core::EventType;

namespace {

const QString kHall = QStringLiteral("620102");

QJsonObject receipt(int n, const QString& name, const QString& id, const QString& phone,
                    const QString& agentId = {})
{
    QJsonObject p = receivedPayload(numberOf(n));
    QJsonObject applicant{{QStringLiteral("kind"), QStringLiteral("person")},
                          {QStringLiteral("name"), name},
                          {QStringLiteral("idNumber"), id},
                          {QStringLiteral("phone"), phone}};
    if (!agentId.isEmpty()) {
        applicant.insert(QStringLiteral("agentName"), QStringLiteral("代办人"));
        applicant.insert(QStringLiteral("agentIdNumber"), agentId);
    }
    p.insert(QStringLiteral("applicant"), applicant);
    return p;
}

QStringList caseIds(const core::Result<QList<QJsonObject>>& hits)
{
    REQUIRE(hits.ok());
    QStringList out;
    for (const QJsonObject& h : *hits)
        out.append(h.value(QStringLiteral("case_id")).toString());
    return out;
}

} // namespace

TEST_CASE("search: the applicant's ID number, phone, name and agent's ID find the hall's accepted "
          "receipts through the index, newest first, the receipts stored since the last search "
          "included; a rejected receipt and another field of the receipt find nothing",
          "[server][search]")
{
    ServerFixture f;
    f.createHall(kHall);
    const auto w07 = f.enrol(kHall, QStringLiteral("W07"));
    EventMaker make(w07.id, f.clock());
    const QString id = QStringLiteral("11010519491231002X");
    const QString first = newId(), second = newId(), other = newId(), duplicate = newId();
    const auto push = [&](const QString& caseId, const QJsonObject& payload) {
        return verdicts(f.push(w07, {make.wire(EventType::Received, caseId, {}, payload)}));
    };
    REQUIRE(push(first, receipt(1, QStringLiteral("张三"), id, QStringLiteral("13800138000"))) ==
            QStringList{QStringLiteral("accepted")});
    REQUIRE(push(other, receipt(2, QStringLiteral("李四"), QStringLiteral("620102199001011233"),
                                QStringLiteral("13900139000"), id)) ==
            QStringList{QStringLiteral("accepted")});
    // The same case number again: rejected, so never a hit.
    REQUIRE(push(duplicate, receipt(2, QStringLiteral("王五"), QStringLiteral("620102199202021112"),
                                    QStringLiteral("13700137000"))) ==
            QStringList{QStringLiteral("rejected")});

    auto db = server::CentralDb::open(f.spec());
    REQUIRE(db.ok());
    // A range of two hall orders per transaction: the index is built in several.
    server::CaseSearch search(**db, 2);
    CHECK(caseIds(search.find(kHall, id)) == QStringList{other, first}); // the agent's ID too
    CHECK(caseIds(search.find(kHall, QStringLiteral("13800138000"))) == QStringList{first});
    CHECK(caseIds(search.find(kHall, QStringLiteral("李四"))) == QStringList{other});
    CHECK(caseIds(search.find(kHall, QStringLiteral("王五"))).isEmpty());
    CHECK(caseIds(search.find(kHall, QStringLiteral("代办人"))) == QStringList{other});
    CHECK(caseIds(search.find(kHall, QStringLiteral("123456"))).isEmpty());     // a query code
    CHECK(caseIds(search.find(kHall, QStringLiteral("1380013800"))).isEmpty()); // exact only

    // Indexed up to the hall's counter: a later receipt comes in with the next search.
    REQUIRE(push(second, receipt(3, QStringLiteral("张三"), id, QStringLiteral("13800138000"))) ==
            QStringList{QStringLiteral("accepted")});
    CHECK(caseIds(search.find(kHall, QStringLiteral("13800138000"))) == QStringList{second, first});
    auto again = search.catchUp(kHall);
    REQUIRE(again.ok());
    CHECK(*again == 0);
    // Another hall's search never sees this hall's receipts.
    f.createHall(QStringLiteral("620103"));
    CHECK(caseIds(search.find(QStringLiteral("620103"), id)).isEmpty());
}
