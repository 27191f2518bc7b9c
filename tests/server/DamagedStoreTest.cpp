// A damaged central store is never served as a whole hall: a read that ends on a failed step, or
// a hall order with a hole, fails the pull and the digest instead of handing a window part of the
// hall's history (and a digest that agrees with it).
#include "ServerFixture.h"

#include "core/SyncProtocol.h"
#include "server/Commands.h"

#include <catch2/catch.hpp>

using namespace onewindow;
using namespace onewindow::test;
using core::EventType;

TEST_CASE("A central store that lost a row of the hall's order answers pulls and the digest with "
          "an error, never with the rest as the whole hall",
          "[server]")
{
    const QString hall = QStringLiteral("620102");
    ServerFixture f;
    f.createHall(hall);
    const auto dev = f.enrol(hall, QStringLiteral("W07"));
    EventMaker make(dev.id, f.clock());
    QJsonArray batch;
    for (int i = 0; i < 3; ++i) {
        const QString caseId = newId();
        batch.append(core::sync::eventToWire(make.make(
            EventType::Received, caseId, {}, receivedPayload(QStringLiteral("A-%1").arg(i)))));
    }
    REQUIRE(f.push(dev, batch).status == 200);
    const qint64 base = f.base(hall);
    REQUIRE(f.pull(dev, base, 1000).status == 200);
    auto whole = server::hallDigestOf(f.db(), f.clock(), hall);
    REQUIRE(whole.ok());

    // The second case's receipt is lost, as a page SQLite cannot read loses its rows.
    QSqlQuery q = f.db().query();
    REQUIRE(f.db().run(q, QStringLiteral("DELETE FROM events WHERE hall_code = ? AND hall_seq = ?"),
                       {hall, base + 2}));

    // From before the hole: refused, naming the missing place and what to run.
    const HttpReply damaged = f.pull(dev, base, 1000);
    CHECK(damaged.status == 500);
    CHECK(damaged.json().value(QStringLiteral("error")).toString() ==
          QStringLiteral("db.hall_order_gap"));
    CHECK(damaged.json()
              .value(QStringLiteral("message"))
              .toString()
              .contains(QStringLiteral("onewindow-server check")));
    // Up to the hole, and after it, a window reads what is there.
    const HttpReply before = f.pull(dev, base, 1);
    CHECK(before.status == 200);
    CHECK(f.pull(dev, base + 2, 1000).status == 200);

    auto digest = server::hallDigestOf(f.db(), f.clock(), hall);
    REQUIRE_FALSE(digest.ok());
    CHECK(digest.error().code == QStringLiteral("db.hall_order_gap"));
}
