// Decision 5 (docs/sync-protocol.md): at windows enrolled in a hall an office's 文号 come from
// blocks the hall's server allots (POST /v1/numbers), so two windows printing offline never
// issue one number; the first print before any block is refused with what to do, and asks.
#include "sync/SyncHall.h"

#include "core/CasePayloads.h"
#include "store/OfficeNumbers.h"

#include <catch2/catch.hpp>

using namespace onewindow;
using core::DocumentKind;
using core::EventType;

namespace {

using Window = test::SyncWindow;
const QString kSeries = QStringLiteral("城食经许");

core::Result<store::CaseStore::PrintTicket> printAcceptance(Window& w, const QString& caseId)
{
    w.hall.cases->setOfficeDocPrefixes({{w.hall.item.office, kSeries}});
    return w.hall.cases->recordPrint(caseId, DocumentKind::Acceptance, 1, test::kHallClerk,
                                     nullptr);
}

} // namespace

TEST_CASE("Decision 5: an office's 文号 at enrolled windows come from blocks the server allots; "
          "two windows printing offline never issue one number")
{
    test::ServerFixture server;
    Window w07, w08;
    test::openTwoWindows(server, w07, w08);
    w07.syncNow();
    w08.syncNow();

    // No block yet: the print is refused, nothing is recorded, and the window asks for one.
    const QString first = test::takeAndAccept(w07);
    auto refused = printAcceptance(w07, first);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == QStringLiteral("office_number.none"));
    CHECK(refused.error().message.contains(QStringLiteral("联网同步")));
    store::OfficeNumbers w07Blocks(*w07.hall.store);
    auto wants = w07Blocks.wants();
    REQUIRE(wants.ok());
    REQUIRE(wants->size() == 1);
    CHECK(wants->first().series == kSeries);

    // The next sync brings the block; both windows then print offline from their own blocks.
    w07.syncNow();
    CHECK(*w07Blocks.left(kSeries, 2026) == store::OfficeNumbers::kBlockSize);
    test::takeAndAccept(w08);
    const QString other = test::takeAndAccept(w08);
    REQUIRE_FALSE(printAcceptance(w08, other).ok());
    w08.syncNow();
    QSet<QString> issued;
    for (int i = 0; i < 3; ++i) {
        auto a = printAcceptance(w07, i == 0 ? first : test::takeAndAccept(w07));
        auto b = printAcceptance(w08, i == 0 ? other : test::takeAndAccept(w08));
        REQUIRE(a.ok());
        REQUIRE(b.ok());
        CHECK(a->number.startsWith(kSeries + QStringLiteral("〔2026〕")));
        issued.insert(a->number);
        issued.insert(b->number);
    }
    CHECK(issued.size() == 6); // never one number twice
    CHECK(issued.contains(QStringLiteral("城食经许〔2026〕1号")));
    CHECK(issued.contains(QStringLiteral("城食经许〔2026〕21号")));

    // A block nearly used up asks for the next one before it runs out.
    for (int i = 0; i < store::OfficeNumbers::kBlockSize - 3 - store::OfficeNumbers::kLowWater + 1;
         ++i)
        REQUIRE(printAcceptance(w07, test::takeAndAccept(w07)).ok());
    CHECK(*w07Blocks.left(kSeries, 2026) == store::OfficeNumbers::kLowWater - 1);
    REQUIRE(w07Blocks.wants()->size() == 1);
    w07.syncNow();
    CHECK(*w07Blocks.left(kSeries, 2026) ==
          store::OfficeNumbers::kLowWater - 1 + store::OfficeNumbers::kBlockSize);
    CHECK(w07Blocks.wants()->isEmpty());
    // The windows' prints all came up, and the hall's digest agrees with each.
    w08.syncNow();
    w07.syncNow();
    CHECK(w07.digest() == w08.digest());
}

TEST_CASE("Decision 5: a window asks for its offices' first 文号 block ahead (the window does at "
          "start), so the year's first letter prints at once")
{
    test::ServerFixture server;
    server.createHall(QStringLiteral("620102"));
    Window w07;
    w07.enrol(server, QStringLiteral("W07"));
    w07.syncNow();
    store::OfficeNumbers blocks(*w07.hall.store);
    REQUIRE(blocks.prepare({kSeries}, 2026).ok());
    REQUIRE(blocks.prepare({kSeries}, 2026).ok()); // asked once
    REQUIRE(blocks.wants()->size() == 1);
    w07.syncNow();
    auto printed = printAcceptance(w07, test::takeAndAccept(w07));
    REQUIRE(printed.ok());
    CHECK(printed->number == QStringLiteral("城食经许〔2026〕1号"));
    // With numbers left nothing more is asked.
    REQUIRE(blocks.prepare({kSeries}, 2026).ok());
    CHECK(blocks.wants()->isEmpty());
}

TEST_CASE("Decision 5: an island store (no hall) counts its office's 文号 itself")
{
    Window island; // never enrolled
    REQUIRE(store::OfficeNumbers(*island.hall.store).prepare({kSeries}, 2026).ok());
    const QString caseId = test::takeAndAccept(island);
    auto printed = printAcceptance(island, caseId);
    REQUIRE(printed.ok());
    CHECK(printed->number == QStringLiteral("城食经许〔2026〕1号"));
    CHECK(store::OfficeNumbers(*island.hall.store).wants()->isEmpty());
}
