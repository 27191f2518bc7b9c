// The lists a clerk or a supervisor opens all day read through indexes, never the whole event
// log. On the 1,000,000-case demo store each of these was planned as a scan at some point
// (bench_ui: 2.6 s to open a case, 100 ms per matter list, 35-60 ms per sign-in).
#include "store/MatterRepository.h"
#include "store/RejectedRecords.h"
#include "store/SupervisionQueries.h"
#include "support/HallFixture.h"

#include <catch2/catch.hpp>

#include <QSqlQuery>

using namespace onewindow;

namespace {

QStringList planOf(test::HallFixture& h, const QString& sql, const QVariantList& binds = {})
{
    QSqlQuery q(h.store->database());
    REQUIRE(q.prepare(QStringLiteral("EXPLAIN QUERY PLAN ") + sql));
    for (const QVariant& b : binds)
        q.addBindValue(b);
    REQUIRE(q.exec());
    QStringList plan;
    while (q.next())
        plan.append(q.value(3).toString());
    return plan;
}

// A scan of the log: "SCAN e", "SCAN events", "SCAN d" without an index.
bool scansLog(const QStringList& plan, const QString& alias)
{
    for (const QString& step : plan)
        if (step == QStringLiteral("SCAN ") + alias ||
            (step.startsWith(QStringLiteral("SCAN ") + alias + QLatin1Char(' ')) &&
             !step.contains(QStringLiteral("placement"))))
            return true;
    return false;
}

} // namespace

TEST_CASE("The rejected records of a case are read from their placements through the case's "
          "events, never by scanning the log for event ids")
{
    test::HallFixture h;
    const QStringList ofCase = planOf(
        h, store::rejectedRecordsSql(QStringLiteral("AND p.case_id = ? ORDER BY p.hall_seq DESC")),
        {QStringLiteral("x")});
    INFO(ofCase.join(QStringLiteral(" | ")).toStdString());
    CHECK(ofCase.contains(QStringLiteral("SEARCH e USING INDEX events_case (case_id=?)")));
    CHECK_FALSE(scansLog(ofCase, QStringLiteral("e")));
    const QStringList all = planOf(
        h, store::rejectedRecordsSql(QStringLiteral("ORDER BY p.hall_seq DESC LIMIT ?")), {100});
    INFO(all.join(QStringLiteral(" | ")).toStdString());
    CHECK(all.contains(QStringLiteral("SCAN p USING INDEX placement_rejected")));
    CHECK_FALSE(scansLog(all, QStringLiteral("e")));
}

TEST_CASE("The 督办 and 延期 lists read the oversight events of the open cases through their own "
          "partial indexes")
{
    test::HallFixture h;
    for (const auto& [sql, index] :
         {std::pair{store::openOrdersSql(), QStringLiteral("events_supervision")},
          std::pair{store::pendingExtensionsSql(), QStringLiteral("events_extension")}}) {
        const QStringList plan = planOf(h, sql);
        INFO(plan.join(QStringLiteral(" | ")).toStdString());
        CHECK(plan.contains(QStringLiteral("SEARCH e USING INDEX %1 (case_id=?)").arg(index)));
        CHECK_FALSE(scansLog(plan, QStringLiteral("e")));
    }
}

TEST_CASE("The board of matters and the matters' figures read the matter parts' own indexes, never "
          "every case or every matter")
{
    test::HallFixture h;
    const QStringList open = planOf(h, store::openMattersSql());
    INFO(open.join(QStringLiteral(" | ")).toStdString());
    CHECK(open.contains(
        QStringLiteral("SEARCH cases USING INDEX cases_matter_open (matter_number>?)")));
    QVariantList period;
    for (int i = 0; i < 4; ++i)
        period << QStringLiteral("2026-11-01") << QStringLiteral("2026-11-30");
    const QStringList touching = planOf(h, store::mattersTouchingSql(), period);
    INFO(touching.join(QStringLiteral(" | ")).toStdString());
    for (const char* column : {"received", "decided", "refused", "closed"})
        CHECK(touching.contains(
            QStringLiteral("SEARCH cases USING INDEX cases_matter_%1 (%1_date>? AND %1_date<?)")
                .arg(QLatin1String(column))));
    CHECK_FALSE(scansLog(touching, QStringLiteral("cases")));
    CHECK_FALSE(scansLog(open, QStringLiteral("cases")));
}
