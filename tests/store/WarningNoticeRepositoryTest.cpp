#include "support/HallFixture.h"
#include "support/TestSupport.h"

#include "store/WarningNoticeRepository.h"

#include <QSqlQuery>

using namespace onewindow;

TEST_CASE("Warning notices: what the tray told a clerk is kept per clerk, the latest day only")
{
    test::HallFixture h;
    store::WarningNoticeRepository notices(*h.store);
    auto none = notices.load(QStringLiteral("clerk-1"));
    REQUIRE(none.ok());
    CHECK_FALSE(none->day.isValid());
    CHECK(none->keys.isEmpty());

    REQUIRE(
        notices.save(QStringLiteral("clerk-1"), QDate(2026, 10, 22), {QStringLiteral("a/1")}).ok());
    REQUIRE(notices
                .save(QStringLiteral("clerk-1"), QDate(2026, 10, 23),
                      {QStringLiteral("a/2"), QStringLiteral("b/1")})
                .ok());
    REQUIRE(
        notices.save(QStringLiteral("clerk-2"), QDate(2026, 10, 23), {QStringLiteral("c/1")}).ok());
    CHECK(h.count(QStringLiteral("SELECT count(*) FROM warning_notices")) == 2);
    auto mine = notices.load(QStringLiteral("clerk-1"));
    REQUIRE(mine.ok());
    CHECK(mine->day == QDate(2026, 10, 23));
    CHECK(mine->keys == QStringList{QStringLiteral("a/2"), QStringLiteral("b/1")});

    // A damaged row is forgotten, not an error: at worst a case is told once more.
    QSqlQuery q(h.store->database());
    REQUIRE(q.exec(QStringLiteral(
        "UPDATE warning_notices SET told = '[\"a/2\", 7' WHERE clerk_id = 'clerk-1'")));
    auto damaged = notices.load(QStringLiteral("clerk-1"));
    REQUIRE(damaged.ok());
    CHECK(damaged->keys.isEmpty());
}
