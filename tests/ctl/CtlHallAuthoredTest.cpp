// Decision 8 at the command line: an enrolled window's catalog and calendar come from the hall's
// server only; onewindowctl refuses a local import with the server named and stores nothing.

#include "ctl/CtlRunner.h"
#include "store/CatalogRepository.h"
#include "support/EnrolledStore.h"
#include "support/TempStore.h"
#include "support/TestSupport.h"

#include <catch2/catch.hpp>

#include <QSqlQuery>

using namespace onewindow;

namespace {

int count(store::Store& s, const char* sql)
{
    QSqlQuery q(s.database());
    REQUIRE(q.exec(QString::fromLatin1(sql)));
    REQUIRE(q.next());
    return q.value(0).toInt();
}

} // namespace

TEST_CASE("Decision 8: onewindowctl catalog import and calendar import at an enrolled window are "
          "refused with the server named, and change nothing")
{
    const QDateTime now(QDate(2026, 12, 7), QTime(2, 0), Qt::UTC);
    test::TempStore s(now);
    REQUIRE(test::enrolWithoutServer(*s.store, QStringLiteral("http://hall.example:8440")).ok());
    const int items = count(*s.store, "SELECT count(*) FROM catalog_item_versions");
    const int notices = count(*s.store, "SELECT count(*) FROM calendar_notices");

    // Writing commands run on the real clock (a fake one refuses writes).
    const test::CtlRun catalog =
        test::runCtl(s.path(), {QStringLiteral("catalog"), QStringLiteral("import"),
                                test::sourcePath(QStringLiteral("resources/catalog/demo.json"))});
    CHECK(catalog.exitCode == 1);
    CHECK(catalog.err.contains(QStringLiteral("http://hall.example:8440")));
    CHECK(catalog.err.contains(QStringLiteral("事项目录只能在大厅服务器上修改")));
    CHECK(catalog.err.contains(QStringLiteral("onewindow-server catalog import")));

    const test::CtlRun calendar = test::runCtl(
        s.path(), {QStringLiteral("calendar"), QStringLiteral("import"),
                   test::sourcePath(QStringLiteral("tests/fixtures/2027-fixture.json"))});
    CHECK(calendar.exitCode == 1);
    CHECK(calendar.err.contains(QStringLiteral("节假日日历只能在大厅服务器上修改")));
    CHECK(calendar.err.contains(QStringLiteral("onewindow-server calendar import")));

    CHECK(count(*s.store, "SELECT count(*) FROM catalog_item_versions") == items);
    CHECK(count(*s.store, "SELECT count(*) FROM calendar_notices") == notices);
    // Reading goes on as before.
    CHECK(
        test::runCtlAt(now, s.path(),
                       {QStringLiteral("calendar"), QStringLiteral("show"), QStringLiteral("2026")})
            .exitCode == 0);
}
