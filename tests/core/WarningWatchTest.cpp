#include "support/TestSupport.h"

#include "core/WarningWatch.h"

using namespace onewindow;
using core::WarningLevel;
using test::d;

namespace {

core::WatchedCase watched(const char* id, WarningLevel level,
                          WarningLevel before = WarningLevel::Normal, int left = 2, int late = 0)
{
    return core::WatchedCase{QString::fromLatin1(id),
                             QStringLiteral("620102-20260918-W07-") + QString::fromLatin1(id),
                             QStringLiteral("食品经营许可"),
                             level,
                             before,
                             left,
                             late};
}

QStringList ids(const QList<core::WarningAlert>& alerts)
{
    QStringList out;
    for (const core::WarningAlert& a : alerts)
        out.append(a.caseId + QLatin1Char(':') + QString::number(core::warningRank(a.level)));
    return out;
}

} // namespace

TEST_CASE("Warning watch: a case turning yellow is told once, not on every look that day")
{
    core::WarningWatch watch;
    CHECK(watch.observe(d("2026-10-12"), {watched("0001", WarningLevel::Normal)}).isEmpty());
    const auto turned = watch.observe(d("2026-10-13"), {watched("0001", WarningLevel::Yellow)});
    REQUIRE(turned.size() == 1);
    CHECK(turned.first().caseNumber == QStringLiteral("620102-20260918-W07-0001"));
    CHECK(turned.first().level == WarningLevel::Yellow);
    CHECK(turned.first().workingDaysLeft == 2);
    for (int minute = 0; minute < 5; ++minute)
        CHECK(watch.observe(d("2026-10-13"), {watched("0001", WarningLevel::Yellow)}).isEmpty());
    // Still yellow the next day: nothing new to tell.
    CHECK(watch.observe(d("2026-10-14"), {watched("0001", WarningLevel::Yellow)}).isEmpty());
}

TEST_CASE("Warning watch: yellow then red across the day turn, each told once")
{
    core::WarningWatch watch;
    CHECK(ids(watch.observe(d("2026-10-21"), {watched("0001", WarningLevel::Yellow)})) ==
          QStringList{QStringLiteral("0001:1")});
    CHECK(watch.observe(d("2026-10-22"), {watched("0001", WarningLevel::Yellow)}).isEmpty());
    const auto red = watch.observe(
        d("2026-10-23"), {watched("0001", WarningLevel::Red, WarningLevel::Yellow, 0, 1)});
    CHECK(ids(red) == QStringList{QStringLiteral("0001:2")});
    CHECK(red.first().overdueDays == 1);
    CHECK(watch.observe(d("2026-10-23"), {watched("0001", WarningLevel::Red)}).isEmpty());
    CHECK(watch.observe(d("2026-10-26"), {watched("0001", WarningLevel::Red)}).isEmpty());
}

TEST_CASE("Warning watch: a case going straight from normal to red is told once, as red")
{
    core::WarningWatch watch;
    CHECK(watch.observe(d("2026-10-22"), {watched("0001", WarningLevel::Normal)}).isEmpty());
    CHECK(ids(watch.observe(d("2026-10-23"), {watched("0001", WarningLevel::Red)})) ==
          QStringList{QStringLiteral("0001:2")});
}

TEST_CASE("Warning watch: once per level per day, even when the level drops and rises again")
{
    core::WarningWatch watch;
    const QDate day = d("2026-10-13");
    CHECK(watch.observe(day, {watched("0001", WarningLevel::Yellow)}).size() == 1);
    // An extension is approved (normal again), then the clerk corrects a date (yellow again).
    CHECK(watch.observe(day, {watched("0001", WarningLevel::Normal)}).isEmpty());
    CHECK(watch.observe(day, {watched("0001", WarningLevel::Yellow)}).isEmpty());
    // Another day, the same rise is news again.
    CHECK(watch.observe(d("2026-10-14"), {watched("0001", WarningLevel::Normal)}).isEmpty());
    CHECK(watch.observe(d("2026-10-15"), {watched("0001", WarningLevel::Yellow)}).size() == 1);
}

TEST_CASE("Warning watch: the first look compares with the previous working day")
{
    core::WarningWatch watch;
    // Already yellow on Friday: not news on Monday morning. Turned over the weekend: news.
    const auto alerts =
        watch.observe(d("2026-10-19"), {watched("0001", WarningLevel::Yellow, WarningLevel::Yellow),
                                        watched("0002", WarningLevel::Red, WarningLevel::Yellow),
                                        watched("0003", WarningLevel::Yellow, WarningLevel::Normal),
                                        watched("0004", WarningLevel::Normal, WarningLevel::Normal),
                                        watched("0005", WarningLevel::Red, WarningLevel::Red)});
    CHECK(ids(alerts) == QStringList{QStringLiteral("0002:2"), QStringLiteral("0003:1")});
    // A case that appears later (a new intake) is compared the same way.
    const auto later = watch.observe(d("2026-10-19"), {watched("0001", WarningLevel::Yellow),
                                                       watched("0006", WarningLevel::Yellow)});
    CHECK(ids(later) == QStringList{QStringLiteral("0006:1")});
}

TEST_CASE("Warning watch: closed cases and finished clocks are never news; reset forgets")
{
    core::WarningWatch watch;
    CHECK(watch
              .observe(d("2026-10-13"), {watched("0001", WarningLevel::DoneLate),
                                         watched("0002", WarningLevel::DoneOnTime)})
              .isEmpty());
    CHECK(watch.observe(d("2026-10-13"), {watched("0003", WarningLevel::Yellow)}).size() == 1);
    watch.reset(); // another clerk signs in at this window
    CHECK(watch.observe(d("2026-10-13"), {watched("0003", WarningLevel::Yellow)}).size() == 1);
    CHECK(core::warningRank(WarningLevel::Normal) < core::warningRank(WarningLevel::Yellow));
    CHECK(core::warningRank(WarningLevel::Yellow) < core::warningRank(WarningLevel::Red));
}

TEST_CASE("Warning watch: what was told today survives a restart; yesterday's memory does not")
{
    core::WarningWatch before;
    REQUIRE(before
                .observe(d("2026-10-23"), {watched("0001", WarningLevel::Red, WarningLevel::Yellow),
                                           watched("0002", WarningLevel::Yellow)})
                .size() == 2);
    const QStringList kept = before.told();
    CHECK(kept.size() == 2);

    // Restarted the same day: the first look compares with the previous working day again, but
    // what was told is not told twice.
    core::WarningWatch after;
    after.setTold(before.toldOn(), kept);
    CHECK(after
              .observe(d("2026-10-23"), {watched("0001", WarningLevel::Red, WarningLevel::Yellow),
                                         watched("0002", WarningLevel::Yellow)})
              .isEmpty());
    // Kept from yesterday: today's news is news.
    core::WarningWatch nextDay;
    nextDay.setTold(before.toldOn(), kept);
    CHECK(
        nextDay.observe(d("2026-10-26"), {watched("0002", WarningLevel::Red, WarningLevel::Yellow)})
            .size() == 1);
}
