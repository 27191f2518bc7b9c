#include "support/TestSupport.h"

#include "core/Clock.h"
#include "store/CalendarRepository.h"
#include "store/Store.h"

#include <QSqlQuery>
#include <QTemporaryDir>

using namespace onewindow;
using onewindow::test::d;

namespace {

core::HolidayNotice notice2027(const char* source)
{
    core::HolidayNotice n;
    n.year = 2027;
    n.papers = {QStringLiteral("https://www.gov.cn/2027")};
    n.source = QString::fromLatin1(source);
    n.sha256 = QByteArray(source).toHex();
    n.days = {{d("2027-01-01"), QStringLiteral("元旦"), true},
              {d("2027-02-06"), QStringLiteral("春节"), false}};
    return n;
}

} // namespace

TEST_CASE("Importing a notice stores it with its source, and re-importing a year replaces it")
{
    QTemporaryDir dir;
    core::FakeClock clock(QDateTime(QDate(2026, 11, 22), QTime(9, 0), QTimeZone::utc()));
    auto opened = store::Store::open(dir.filePath(QStringLiteral("s.sqlite")), clock);
    REQUIRE(opened.ok());
    store::CalendarRepository repo(**opened);

    REQUIRE(repo.importNotices({notice2027("first.json")}).ok());
    core::HolidayNotice second = notice2027("second.json");
    second.days.removeLast();
    REQUIRE(repo.importNotices({second}).ok());

    auto notices = repo.loadNotices();
    REQUIRE(notices.ok());
    REQUIRE(notices->size() == 21); // the shipped 2007-2026 and 2027
    const core::HolidayNotice& stored = notices->last();
    CHECK(stored.year == 2027);
    CHECK(stored.source == QStringLiteral("second.json"));
    CHECK(stored.days == second.days);

    QSqlQuery q((*opened)->database());
    REQUIRE(q.exec(QStringLiteral("SELECT source, replaced_sha256 FROM calendar_imports "
                                  "WHERE year = 2027 ORDER BY import_id")));
    REQUIRE(q.next());
    CHECK(q.value(0).toString() == QStringLiteral("first.json"));
    CHECK(q.value(1).isNull());
    REQUIRE(q.next());
    CHECK(q.value(1).toString() == QString::fromLatin1(QByteArray("first.json").toHex()));

    const core::WorkingCalendar cal(*notices);
    CHECK_FALSE(cal.isProvisionalYear(2027));
    CHECK_FALSE(cal.isWorkingDay(d("2027-01-01")));
}

TEST_CASE(
    "Calendar import is all-or-nothing: a failing notice leaves the stored calendar untouched")
{
    QTemporaryDir dir;
    core::FakeClock clock(QDateTime(QDate(2026, 11, 22), QTime(9, 0), QTimeZone::utc()));
    auto opened = store::Store::open(dir.filePath(QStringLiteral("s.sqlite")), clock);
    REQUIRE(opened.ok());
    store::CalendarRepository repo(**opened);
    const auto before = repo.loadNotices();
    REQUIRE(before.ok());

    core::HolidayNotice good = notice2027("good.json");
    core::HolidayNotice bad = notice2027("bad.json");
    bad.year = 2150; // rejected by the table's CHECK constraint, after `good` was written
    const core::Status s = repo.importNotices({good, bad});
    REQUIRE_FALSE(s.ok());
    CHECK_FALSE(s.error().message.isEmpty());

    const auto after = repo.loadNotices();
    REQUIRE(after.ok());
    CHECK(*after == *before);
}
