// ONEWINDOW_CLOCK_SKEW_SECONDS: the system clock offset by a signed number of seconds, as on a
// machine whose clock is wrong (issue 18, the fault test's skewed workstations).
#include "core/Clock.h"

#include <catch2/catch.hpp>

using namespace onewindow::core;

TEST_CASE("Clock skew: signed seconds within a day, anything else is no skew")
{
    CHECK(parseClockSkew(QStringLiteral("-600")) == std::optional<qint64>(-600));
    CHECK(parseClockSkew(QStringLiteral(" 90 ")) == std::optional<qint64>(90));
    CHECK(parseClockSkew(QStringLiteral("86400")) == std::optional<qint64>(86400));
    CHECK_FALSE(parseClockSkew(QStringLiteral("86401")));
    CHECK_FALSE(parseClockSkew(QStringLiteral("-86401")));
    CHECK_FALSE(parseClockSkew(QStringLiteral("10m")));
    CHECK_FALSE(parseClockSkew(QString()));
}

TEST_CASE("Clock skew: the system clock reads the skew from the environment and offsets by it")
{
    qputenv("ONEWINDOW_CLOCK_SKEW_SECONDS", "-420");
    const SystemClock skewed;
    qputenv("ONEWINDOW_CLOCK_SKEW_SECONDS", "ten minutes");
    const SystemClock garbled;
    qunsetenv("ONEWINDOW_CLOCK_SKEW_SECONDS");
    const SystemClock plain;
    CHECK(skewed.skewSeconds() == -420);
    CHECK(garbled.skewSeconds() == 0);
    CHECK(plain.skewSeconds() == 0);

    // Read in this order, the skewed clock is 420 s behind, give or take the time between reads.
    const QDateTime before = plain.nowUtc();
    const QDateTime behind = skewed.nowUtc();
    const QDateTime after = plain.nowUtc();
    CHECK(behind.secsTo(before) <= 420);
    CHECK(behind.secsTo(after) >= 420);
    CHECK(behind.secsTo(after) <= 425);
    CHECK(SystemClock(600).nowUtc().secsTo(plain.nowUtc()) <= -595);
}
