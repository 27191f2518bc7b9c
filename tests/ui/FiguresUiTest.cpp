#include "support/StatsFixture.h"
#include "support/TestSupport.h"

#include "documents/FigureReport.h"
#include "ui/FigureTableModel.h"
#include "ui/FiguresPage.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QBarSeries>
#include <QBarSet>
#include <QChartView>
#include <QDateEdit>
#include <QFile>
#include <QLineSeries>
#include <QPieSeries>
#include <QPieSlice>
#include <QPointer>
#include <QPushButton>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QTimer>

#include <atomic>

using namespace onewindow;
using test::d;

namespace {

// Waits (the test driving the event loop) until the count that `start` set off has landed.
core::Status counted(ui::FiguresPage& page, const std::function<void()>& start)
{
    QSignalSpy spy(&page, &ui::FiguresPage::counted);
    start();
    if (spy.isEmpty())
        REQUIRE(spy.wait(20000));
    return page.lastCount();
}

// The page counts this month as soon as it is first shown: let that count land first.
void settled(ui::FiguresPage& page)
{
    QSignalSpy spy(&page, &ui::FiguresPage::counted);
    while (page.counting())
        REQUIRE(spy.wait(20000));
}

core::Status exported(ui::FiguresPage& page, const core::Status& started)
{
    if (!started)
        return started;
    QSignalSpy spy(&page, &ui::FiguresPage::exported);
    if (page.exporting())
        REQUIRE(spy.wait(20000));
    return page.lastExport();
}

} // namespace

TEST_CASE("The Figures page counts the known hall, charts it, exports it and builds its report")
{
    test::StatsFixture h;
    h.setNow(test::kKnownAsOf);
    core::HallSettings hall;
    hall.hallName = QStringLiteral("城关区政务服务中心");
    ui::FiguresPage page(*h.store, h.clock, h.cases->calendar(), hall);
    QAbstractItemModelTester tester(page.model(),
                                    QAbstractItemModelTester::FailureReportingMode::Fatal);
    page.resize(1400, 760);
    page.show();
    settled(page);
    REQUIRE(QTest::qWaitForWindowExposed(&page));

    page.setQuery(core::PeriodKind::Month, d(test::kKnownFrom), d(test::kKnownTo),
                  core::GroupBy::Department);
    auto* count = page.findChild<QPushButton*>(QStringLiteral("count"));
    REQUIRE(count);
    CHECK(page.findChild<QPushButton*>(QStringLiteral("exportXlsx"))->isEnabled()); // this month
    REQUIRE(counted(page, [&] { QTest::mouseClick(count, Qt::LeftButton); }).ok());

    ui::FigureTableModel* m = page.model();
    REQUIRE(m->rowCount() == 4); // Dec 不动产登记, Jan 不动产登记, Jan 市场监管局, total
    CHECK(m->data(m->index(0, 1)).toString() == QStringLiteral("不动产登记"));
    CHECK(m->data(m->index(2, 1)).toString() == QStringLiteral("市场监管局"));
    CHECK(m->data(m->index(3, 2)).toString() == QStringLiteral("7"));           // received
    CHECK(m->data(m->index(3, 2 + 8)).toString() == QStringLiteral("80.0%"));   // on-time rate
    CHECK(m->data(m->index(3, 2 + 9)).toString() == QStringLiteral("8.8"));     // working days
    CHECK(m->data(m->index(2, 2 + 16)).toString() == QStringLiteral("100.0%")); // D rated 3
    CHECK(page.findChild<QPushButton*>(QStringLiteral("exportXlsx"))->isEnabled());
    CHECK(page.message().contains(QStringLiteral("80.0%")));

    // On-time rate over time: December 3 of 3, January 1 of 2. Two points make no line: bars.
    const auto series = page.onTimeChart()->chart()->series();
    REQUIRE(series.size() == 1);
    CHECK_FALSE(qobject_cast<QLineSeries*>(series.first()));
    const auto* bars = qobject_cast<QBarSeries*>(series.first());
    REQUIRE(bars);
    REQUIRE(bars->barSets().size() == 1);
    REQUIRE(bars->barSets().first()->count() == 2);
    CHECK(bars->barSets().first()->at(0) == Approx(100.0));
    CHECK(bars->barSets().first()->at(1) == Approx(50.0));
    const auto* pie = qobject_cast<QPieSeries*>(page.ratingChart()->chart()->series().first());
    REQUIRE(pie);
    CHECK(pie->count() == 4);
    CHECK(pie->sum() == Approx(4.0));
    QTest::qWait(50);
    page.grab().save(test::screenshotPath("figures"));

    const QString xlsx = h.dir.filePath(QStringLiteral("figures.xlsx"));
    REQUIRE(exported(page, page.exportFigures(xlsx)).ok());
    CHECK(QFile(xlsx).size() > 3000);
    const QString csv = h.dir.filePath(QStringLiteral("cases.csv"));
    REQUIRE(exported(page, page.exportCaseList(csv)).ok());
    CHECK(page.message().contains(csv));
    QFile cases(csv);
    REQUIRE(cases.open(QIODevice::ReadOnly));
    const QStringList lines =
        QString::fromUtf8(cases.readAll()).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    CHECK(lines.size() == 8); // the header and the 7 cases received in the range
    CHECK_FALSE(page.exportFigures(h.dir.filePath(QStringLiteral("figures.txt"))).ok());

    const documents::FigureReport report = page.report();
    CHECK(report.kind == documents::ReportKind::Monthly);
    CHECK(report.overdueInHall == 2);
    CHECK(report.table.groupTotals.size() == 2);
    const QString html = documents::figureReportHtml(report);
    CHECK(html.contains(QStringLiteral("城关区政务服务中心月汇总")));
    CHECK(html.contains(QStringLiteral("全厅超期未办结 2 件")));
}

TEST_CASE("The Figures page tells a clerk what is wrong with a backwards range and keeps the table")
{
    test::StatsFixture h;
    h.setNow(test::kKnownAsOf);
    ui::FiguresPage page(*h.store, h.clock, h.cases->calendar(), h.cases->settings());
    page.setQuery(core::PeriodKind::Week, d("2025-12-29"), d("2026-01-04"), core::GroupBy::None);
    page.show();
    settled(page);
    page.activateWindow();
    REQUIRE(QTest::qWaitForWindowActive(&page));
    page.findChild<QDateEdit*>()->setFocus();
    REQUIRE(counted(page, [] {
                QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return); // Enter counts
            }).ok());
    CHECK(page.model()->rowCount() == 2); // one week across New Year, and the total
    page.setQuery(core::PeriodKind::Month, d("2026-02-01"), d("2026-01-01"), core::GroupBy::None);
    CHECK_FALSE(counted(page, [&] { page.refresh(); }).ok());
    CHECK(page.message().contains(QStringLiteral("结束日期早于开始日期")));
    CHECK(page.model()->rowCount() == 2);
}

TEST_CASE("Enter or F5 again while the figures count starts no second count; the latest "
          "request's figures are shown")
{
    test::StatsFixture h;
    h.setNow(test::kKnownAsOf);
    ui::FiguresPage page(*h.store, h.clock, h.cases->calendar(), h.cases->settings());
    page.setQuery(core::PeriodKind::Month, d(test::kKnownFrom), d(test::kKnownTo),
                  core::GroupBy::None);
    page.show();
    settled(page); // the count of the first look (the whole hall), before any count is held
    REQUIRE(page.model()->table().groupBy == core::GroupBy::None);
    page.setQuery(core::PeriodKind::Month, d(test::kKnownFrom), d(test::kKnownTo),
                  core::GroupBy::Department);
    std::atomic<int> started{0};
    QSemaphore release;
    page.setBeforeCount([&] {
        ++started;
        release.tryAcquire(1, 20000); // held until the test lets it go (never for ever)
    });
    page.activateWindow();
    REQUIRE(QTest::qWaitForWindowActive(&page));
    auto* count = page.findChild<QPushButton*>(QStringLiteral("count"));
    QSignalSpy landed(&page, &ui::FiguresPage::counted);

    QTest::keyClick(&page, Qt::Key_F5);
    REQUIRE(page.counting());
    REQUIRE(QTest::qWaitFor([&] { return started == 1; }, 20000));
    CHECK_FALSE(count->isEnabled());    // what must not run twice cannot be pressed
    QTest::keyClick(&page, Qt::Key_F5); // the same query again: nothing new
    page.findChild<QDateEdit*>()->setFocus();
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    // The clerk changes the query while the first count still runs and asks again.
    page.setQuery(core::PeriodKind::Month, d(test::kKnownFrom), d(test::kKnownTo),
                  core::GroupBy::None);
    QTest::keyClick(&page, Qt::Key_F5);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Enter);
    QTest::qWait(20);
    CHECK(started == 1);
    CHECK(landed.isEmpty());

    release.release(); // the first count ends; its result is dropped for the newer request
    REQUIRE(QTest::qWaitFor([&] { return started == 2; }, 20000));
    CHECK(landed.isEmpty());
    CHECK(page.counting());
    // The by-department table never reached the page: the first look's is still shown.
    CHECK(page.model()->table().groupBy == core::GroupBy::None);
    release.release();
    REQUIRE(landed.wait(20000));
    CHECK(landed.size() == 1);
    CHECK(started == 2);
    CHECK_FALSE(page.counting());
    CHECK(count->isEnabled());
    REQUIRE(page.lastCount().ok());
    // The whole hall by month: December, January and the total; not department rows.
    ui::FigureTableModel* m = page.model();
    REQUIRE(m->rowCount() == 3);
    CHECK(m->data(m->index(2, 1)).toString() == QStringLiteral("7")); // received, in total
    CHECK(m->table().groupBy == core::GroupBy::None);
}

TEST_CASE("Counting the figures runs no nested event loop: the tick's slot is not entered "
          "inside the count, and the window answers meanwhile")
{
    test::StatsFixture h;
    h.setNow(test::kKnownAsOf);
    ui::FiguresPage page(*h.store, h.clock, h.cases->calendar(), h.cases->settings());
    QSemaphore release;
    page.setBeforeCount([&] { release.tryAcquire(1, 5000); });
    page.setQuery(core::PeriodKind::Month, d(test::kKnownFrom), d(test::kKnownTo),
                  core::GroupBy::None);
    page.show();
    settled(page);
    REQUIRE(QTest::qWaitForWindowExposed(&page));

    bool insideRefresh = false;
    int tickedInside = 0;
    int ticked = 0;
    QTimer tick; // as the window's minute tick and the idle lock's timer
    tick.setInterval(0);
    QObject::connect(&tick, &QTimer::timeout, [&] {
        ++ticked;
        if (insideRefresh)
            ++tickedInside;
    });
    tick.start();
    QSignalSpy landed(&page, &ui::FiguresPage::counted);
    insideRefresh = true;
    page.refresh(); // returns while the worker is held: it cannot have waited for it
    insideRefresh = false;
    CHECK(tickedInside == 0);
    CHECK(page.counting());
    REQUIRE(QTest::qWaitFor([&] { return ticked > 3; }, 5000)); // the loop turns meanwhile
    CHECK(page.counting());
    release.release();
    REQUIRE(landed.wait(20000));
    tick.stop();
    CHECK(tickedInside == 0);
    CHECK(page.lastCount().ok());
    CHECK(page.model()->rowCount() == 3);
}

TEST_CASE("Charting the figures again deletes the axes QtCharts hands back")
{
    test::StatsFixture h;
    h.setNow(test::kKnownAsOf);
    ui::FiguresPage page(*h.store, h.clock, h.cases->calendar(), h.cases->settings());
    page.setQuery(core::PeriodKind::Month, d(test::kKnownFrom), d(test::kKnownTo),
                  core::GroupBy::None);
    REQUIRE(counted(page, [&] { page.refresh(); }).ok());
    QList<QPointer<QAbstractAxis>> before;
    for (QChartView* v : {page.onTimeChart(), page.departmentChart()})
        for (QAbstractAxis* axis : v->chart()->axes())
            before.append(axis);
    REQUIRE(before.size() == 4);
    REQUIRE(counted(page, [&] { page.refresh(); }).ok());
    for (const QPointer<QAbstractAxis>& axis : before)
        CHECK(axis.isNull()); // removed from the chart and deleted, not leaked
    CHECK(page.onTimeChart()->chart()->axes().size() == 2);
    CHECK(page.departmentChart()->chart()->axes().size() == 2);
}

TEST_CASE("The Figures page shows this month at once, with rating colours apart and a note when "
          "accepted exceeds received")
{
    test::StatsFixture h;
    h.setNow(test::kKnownAsOf);
    ui::FiguresPage page(*h.store, h.clock, h.cases->calendar(), core::HallSettings{});
    page.resize(1600, 1000);
    page.show(); // no key pressed: this month is counted
    settled(page);
    REQUIRE(page.lastCount().ok());
    const QDate today = h.clock.todayIn(core::HallSettings{}.zone);
    CHECK(page.model()->table().from == today.addDays(1 - today.day()));
    CHECK(page.model()->table().to == today);
    CHECK(page.model()->rowCount() > 0);

    // The known range by month: a case received in December and accepted in January makes
    // January's 受理 exceed its 收件 in some row, and the page says why under the table.
    page.setQuery(core::PeriodKind::Month, d(test::kKnownFrom), d(test::kKnownTo),
                  core::GroupBy::None);
    REQUIRE(counted(page, [&] { page.refresh(); }).ok());
    bool acceptedMore = false;
    for (const core::FigureRow& r : page.model()->table().periodTotals)
        acceptedMore = acceptedMore || r.figures.accepted > r.figures.received;
    CHECK(page.tableNote().isEmpty() != acceptedMore);
    if (acceptedMore)
        CHECK(page.tableNote().contains(QStringLiteral("受理")));

    // 不满意 and 非常不满意 are told apart by hue, not only by a shade of one colour.
    const auto* pie = qobject_cast<QPieSeries*>(page.ratingChart()->chart()->series().first());
    REQUIRE(pie);
    REQUIRE(pie->count() >= 2);
    QList<int> hues;
    for (QPieSlice* slice : pie->slices())
        if (slice->color().hsvSaturation() > 60)
            hues.append(slice->color().hsvHue());
    REQUIRE(hues.size() >= 2);
    for (qsizetype i = 0; i < hues.size(); ++i)
        for (qsizetype j = i + 1; j < hues.size(); ++j) {
            const int apart = std::abs(hues[i] - hues[j]);
            CHECK(std::min(apart, 360 - apart) >= 15); // not five shades of one blue
        }

    // 满意率, the last column, is in view without scrolling sideways.
    QTableView* view = page.view();
    const int last = page.model()->columnCount() - 1;
    CHECK(view->columnViewportPosition(last) + view->columnWidth(last) <=
          view->viewport()->width());
    page.grab().save(test::screenshotPath("figures-this-month"));
}
