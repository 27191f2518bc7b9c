// The one calendar import, from the window: the notice stored, the running deadlines moved and
// written on the case's timeline, and the running window counting with it at once.
#include "support/CatalogFixtures.h"
#include "support/TestSupport.h"

#include "core/CasePayloads.h"
#include "core/Clock.h"
#include "demo/DemoHall.h"
#include "store/CalendarRepository.h"
#include "store/CaseStore.h"
#include "store/CatalogRepository.h"
#include "store/HallConfig.h"
#include "store/StoreMaintenance.h"
#include "store/UserRepository.h"
#include "ui/MainWindow.h"

#include <QFile>
#include <QTemporaryDir>

using namespace onewindow;
using onewindow::test::d;

TEST_CASE("A calendar import from the window moves a running deadline and writes the timeline")
{
    QTemporaryDir dir;
    core::FakeClock clock{QDateTime(QDate(2026, 12, 10), QTime(2, 0), QTimeZone::utc())};
    auto opened = store::Store::open(dir.filePath(QStringLiteral("s.sqlite")), clock);
    REQUIRE(opened.ok());
    std::unique_ptr<store::Store> s = std::move(opened).value();
    REQUIRE(demo::prepareDemoHall(*s).ok());
    const store::User clerk =
        *store::UserRepository(*s).signIn(QStringLiteral("zhangsan"), QStringLiteral("demo-clerk"));
    core::ServiceItem item = test::sampleItem(1, QStringLiteral("食品经营许可（测试）"));
    item.statutoryDays = 20;
    item.promisedDays = 10;
    REQUIRE(store::CatalogRepository(*s).importItems({item}, QStringLiteral("test")).ok());
    QString caseId;
    {
        store::CaseStore cases(*s);
        core::ReceivedInput in;
        in.itemCode = item.code;
        in.itemVersion = 1;
        in.applicant.name = QStringLiteral("王五");
        in.applicant.idNumber = QStringLiteral("11010519491231002X");
        in.materials = core::checklistFor(item);
        auto received = cases.receive(in, clerk.userId);
        REQUIRE(received.ok());
        caseId = received->event.caseId;
        REQUIRE(
            cases.append(caseId, core::EventType::Accepted, core::payload::accepted(), clerk.userId)
                .ok());
    }
    ui::MainWindow window(*s, clock,
                          core::WorkingCalendar(*store::CalendarRepository(*s).loadNotices()));
    window.setSignedIn(clerk, *store::HallConfigRepository(*s).load());

    const QString path = dir.filePath(QStringLiteral("2027.json"));
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(R"({"year": 2027, "papers": ["https://www.gov.cn/test/2027"], "days": [
        {"name": "元旦", "date": "2027-01-01", "isOffDay": true},
        {"name": "元旦", "date": "2027-01-04", "isOffDay": true},
        {"name": "元旦", "date": "2027-01-05", "isOffDay": true}]})");
    f.close();
    const ui::MainWindow::ImportOutcome done = window.importCalendarFiles({path});
    REQUIRE(done.imported);
    CHECK(done.done.join(QLatin1Char('\n')).contains(QStringLiteral("重算 1 件在办件")));
    CHECK_FALSE(window.calendar().isProvisionalYear(2027));

    store::CaseStore cases(*s);
    auto loaded = cases.load(caseId);
    REQUIRE(loaded.ok());
    CHECK(loaded->events.last().type == core::EventType::DeadlineRecomputed);
    auto clocks = core::clocksOf(loaded->state, loaded->context, d("2026-12-10"));
    REQUIRE(clocks.ok());
    for (const core::CaseClock& c : *clocks)
        if (c.kind == core::ClockKind::Statutory) {
            CHECK(c.clock.deadline == d("2027-01-12"));
            CHECK_FALSE(c.clock.provisional);
        }
    auto report = store::checkStore(cases);
    REQUIRE(report.ok());
    CHECK(report->ok());
}
