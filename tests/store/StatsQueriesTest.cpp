#include "store/StatsQueries.h"
#include "store/LaterMigrations.h"
#include "store/StoreMaintenance.h"
#include "support/StatsFixture.h"
#include "support/TestSupport.h"

#include <QSqlQuery>

using namespace onewindow;
using core::GroupBy;
using core::PeriodKind;
using test::d;

namespace {

store::FigureQuery knownQuery(PeriodKind kind, GroupBy by)
{
    return store::FigureQuery{d(test::kKnownFrom), d(test::kKnownTo), kind, by,
                              d(test::kKnownAsOf)};
}

const core::FigureRow* rowFor(const core::FigureTable& t, const QString& label, int month)
{
    for (const core::FigureRow& r : t.rows)
        if (r.label == label && r.period.first.month() == month)
            return &r;
    return nullptr;
}

} // namespace

TEST_CASE("Every figure of the hand-built hall by month: suspension, extension, New Year")
{
    test::StatsFixture h;
    auto table =
        store::StatsQueries(*h.store).figures(knownQuery(PeriodKind::Month, GroupBy::None));
    REQUIRE(table.ok());
    REQUIRE(table->periodTotals.size() == 2);
    const core::FigureSet& dec = table->periodTotals[0].figures;
    const core::FigureSet& jan = table->periodTotals[1].figures;

    CHECK(dec.received == 3); // A, B, C (H was received in November)
    CHECK(dec.accepted == 3);
    CHECK(dec.refused == 0);
    CHECK(dec.notices == 1);
    CHECK(dec.repeatNotices == 0);
    CHECK(dec.decided == 3); // A, B and H
    CHECK(dec.onTimePromised == 3);
    CHECK(dec.onTimeStatutory == 3);
    CHECK(dec.decisionDays == 17); // 7 + (12 - 5 suspended) + 3
    CHECK(*dec.averageDecisionDays() == Approx(17.0 / 3));
    CHECK(dec.overdue == 0);
    CHECK(dec.ratings == std::array<qint64, 5>{0, 1, 0, 0, 1});
    CHECK(*dec.satisfactionRate() == Approx(0.5));

    CHECK(jan.received == 4); // D, E, F, G
    CHECK(jan.accepted == 2); // D, G
    CHECK(jan.refused == 1);  // E
    CHECK(jan.notices == 2);  // F, twice
    CHECK(jan.repeatNotices == 1);
    CHECK(jan.decided == 2);        // C (received in December) and D
    CHECK(jan.onTimePromised == 1); // C thanks to its extension; D late
    CHECK(jan.onTimeStatutory == 2);
    CHECK(jan.decisionDays == 27); // C 13 across New Year, D 14
    CHECK(jan.overdue == 2);       // F past its correction period, G past its promise
    CHECK(jan.ratings == std::array<qint64, 5>{0, 0, 1, 1, 0});
    CHECK(*jan.onTimeRate() == Approx(0.5));

    CHECK(table->total.received == 7);
    CHECK(table->total.decided == 5);
    CHECK(*table->total.onTimeRate() == Approx(0.8));
    CHECK(*table->total.satisfactionRate() == Approx(0.75));
}

TEST_CASE("Figures grouped by department and by clerk, with names")
{
    test::StatsFixture h;
    store::StatsQueries stats(*h.store);
    auto byDept = stats.figures(knownQuery(PeriodKind::Month, GroupBy::Department));
    REQUIRE(byDept.ok());
    const core::FigureRow* landJan = rowFor(*byDept, QStringLiteral("不动产登记"), 1);
    const core::FigureRow* marketJan = rowFor(*byDept, QStringLiteral("市场监管局"), 1);
    REQUIRE(landJan);
    REQUIRE(marketJan);
    CHECK(landJan->figures.received == 2); // F, G
    CHECK(landJan->figures.decided == 1);  // C
    CHECK(landJan->figures.overdue == 2);
    CHECK(marketJan->figures.received == 2); // D, E
    CHECK(marketJan->figures.refused == 1);
    CHECK(marketJan->figures.onTimePromised == 0);
    CHECK_FALSE(rowFor(*byDept, QStringLiteral("市场监管局"), 12)); // nothing in December
    REQUIRE(byDept->groupTotals.size() == 2);
    CHECK(byDept->groupTotals[0].figures.received + byDept->groupTotals[1].figures.received == 7);

    auto byClerk = stats.figures(knownQuery(PeriodKind::Year, GroupBy::Clerk));
    REQUIRE(byClerk.ok());
    REQUIRE(byClerk->groupTotals.size() == 2);
    qint64 clerk2 = -1;
    for (const core::FigureRow& r : byClerk->groupTotals)
        if (r.key == QStringLiteral("clerk-2"))
            clerk2 = r.figures.received;
    CHECK(clerk2 == 3); // C, D, G
    // Two years: 2025 holds December, 2026 holds January.
    CHECK(byClerk->periodTotals.size() == 2);
}

TEST_CASE("A week that spans New Year counts both sides of it")
{
    test::StatsFixture h;
    auto table = store::StatsQueries(*h.store).figures(store::FigureQuery{
        d("2025-12-29"), d("2026-01-04"), PeriodKind::Week, GroupBy::None, d(test::kKnownAsOf)});
    REQUIRE(table.ok());
    REQUIRE(table->periodTotals.size() == 1);
    CHECK(table->periodTotals[0].figures.received == 1); // C on 12-29
    CHECK(table->periodTotals[0].figures.accepted == 1);
    CHECK(table->periodTotals[0].figures.decided == 0);
}

TEST_CASE("The figures' facts are part of the projection: store check and rebuild agree")
{
    test::StatsFixture h;
    auto report = store::checkStore(*h.cases);
    REQUIRE(report.ok());
    CHECK(report->ok());
    QSqlQuery q(h.store->database());
    REQUIRE(q.exec(QStringLiteral("UPDATE cases SET decision_days = NULL, rating = NULL")));
    report = store::checkStore(*h.cases);
    CHECK(report->mismatches == 5); // the decided cases: A, B, C, D, H
    REQUIRE(store::rebuildProjections(*h.cases).ok());
    CHECK(store::checkStore(*h.cases)->ok());
    auto table =
        store::StatsQueries(*h.store).figures(knownQuery(PeriodKind::Quarter, GroupBy::None));
    CHECK(table->total.decisionDays == 44);
    CHECK(table->total.rated() == 4);
}

TEST_CASE("A store upgraded from before the figures refuses to count until it is rebuilt")
{
    test::StatsFixture h;
    {
        // Take the store back to before migration 0008, cases and all (and so without the
        // objects of 0009 to 0013 and 0022 to 0025, which come after it).
        QSqlQuery q(h.store->database());
        test::undoLaterMigrations(q);
        for (const char* sql :
             {"DROP INDEX cases_matter_open",
              "DROP INDEX cases_matter_received",
              "DROP INDEX cases_matter_decided",
              "DROP INDEX cases_matter_refused",
              "DROP INDEX cases_matter_closed",
              "ALTER TABLE cases DROP COLUMN matter_number",
              "DROP INDEX cases_refused",
              "DROP INDEX cases_rated",
              "DROP INDEX cases_noticed",
              "DROP INDEX cases_decided",
              "ALTER TABLE cases DROP COLUMN notice_count",
              "ALTER TABLE cases DROP COLUMN refused_date",
              "ALTER TABLE cases DROP COLUMN rating",
              "ALTER TABLE cases DROP COLUMN rated_date",
              "ALTER TABLE cases DROP COLUMN promised_on_time",
              "ALTER TABLE cases DROP COLUMN statutory_on_time",
              "ALTER TABLE cases DROP COLUMN decision_days",
              "DROP TABLE warning_notices",
              "ALTER TABLE inquiries DROP COLUMN amended_at_utc",
              "ALTER TABLE inquiries DROP COLUMN amended_by",
              "ALTER TABLE inquiries DROP COLUMN item_name",
              "ALTER TABLE case_clocks DROP COLUMN unit",
              "DROP TRIGGER events_no_update",
              "ALTER TABLE events DROP COLUMN checksum",
              "ALTER TABLE cases ADD COLUMN event_count INTEGER NOT NULL DEFAULT 0",
              "PRAGMA user_version = 7"})
            REQUIRE(q.exec(QString::fromLatin1(sql)));
    }
    auto reopened = store::Store::open(h.path(), h.clock); // migrates to 0008
    REQUIRE(reopened.ok());
    store::StatsQueries stats(**reopened);
    CHECK(*stats.needsRebuild());
    auto refused = stats.figures(knownQuery(PeriodKind::Month, GroupBy::None));
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == QStringLiteral("stats.needs_rebuild"));
    CHECK(refused.error().message.contains(QStringLiteral("store rebuild")));
    store::CaseStore cases(**reopened);
    CHECK(store::checkStore(cases)->mismatches == 8); // store check sees the empty columns too
    REQUIRE(store::rebuildProjections(cases).ok());
    CHECK_FALSE(*stats.needsRebuild());
    auto table = stats.figures(knownQuery(PeriodKind::Month, GroupBy::None));
    REQUIRE(table.ok());
    CHECK(table->total.notices == 3);
    CHECK(table->total.onTimePromised == 4);
}

TEST_CASE("A new store needs no rebuild for its figures")
{
    test::HallFixture h;
    CHECK_FALSE(*store::StatsQueries(*h.store).needsRebuild());
}

TEST_CASE("Bad ranges are refused with a message and currently overdue counts the whole hall")
{
    test::StatsFixture h;
    store::StatsQueries stats(*h.store);
    auto backwards = stats.figures(store::FigureQuery{
        d("2026-02-01"), d("2026-01-01"), PeriodKind::Month, GroupBy::None, d("2026-02-27")});
    REQUIRE_FALSE(backwards.ok());
    CHECK(backwards.error().code == QStringLiteral("stats.bad_range"));
    CHECK(*stats.overdueNow(d("2026-02-27")) == 2);
    CHECK(*stats.overdueNow(d("2026-01-19")) == 0); // G due 01-22, F due 01-19: not yet past
}
