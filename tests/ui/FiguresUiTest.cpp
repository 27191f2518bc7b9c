#include "support/StatsFixture.h"
#include "support/TestSupport.h"

#include "documents/FigureReport.h"
#include "ui/FigureTableModel.h"
#include "ui/FiguresPage.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QChartView>
#include <QDateEdit>
#include <QFile>
#include <QLineSeries>
#include <QPieSeries>
#include <QPushButton>
#include <QTest>

using namespace onewindow;
using test::d;

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
    REQUIRE(QTest::qWaitForWindowExposed(&page));

    page.setQuery(core::PeriodKind::Month, d(test::kKnownFrom), d(test::kKnownTo),
                  core::GroupBy::Department);
    auto* count = page.findChild<QPushButton*>(QStringLiteral("count"));
    REQUIRE(count);
    CHECK_FALSE(page.findChild<QPushButton*>(QStringLiteral("exportXlsx"))->isEnabled());
    QTest::mouseClick(count, Qt::LeftButton);

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

    // On-time rate over time: December 3 of 3, January 1 of 2.
    const auto series = page.onTimeChart()->chart()->series();
    REQUIRE(series.size() == 1);
    const auto* line = qobject_cast<QLineSeries*>(series.first());
    REQUIRE(line);
    REQUIRE(line->count() == 2);
    CHECK(line->at(0).y() == Approx(100.0));
    CHECK(line->at(1).y() == Approx(50.0));
    const auto* pie = qobject_cast<QPieSeries*>(page.ratingChart()->chart()->series().first());
    REQUIRE(pie);
    CHECK(pie->count() == 4);
    CHECK(pie->sum() == Approx(4.0));
    QTest::qWait(50);
    page.grab().save(test::screenshotPath("figures"));

    const QString xlsx = h.dir.filePath(QStringLiteral("figures.xlsx"));
    REQUIRE(page.exportFigures(xlsx).ok());
    CHECK(QFile(xlsx).size() > 3000);
    const QString csv = h.dir.filePath(QStringLiteral("cases.csv"));
    REQUIRE(page.exportCaseList(csv).ok());
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
    page.activateWindow();
    REQUIRE(QTest::qWaitForWindowActive(&page));
    page.findChild<QDateEdit*>()->setFocus();
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return); // Enter counts
    CHECK(page.model()->rowCount() == 2); // one week across New Year, and the total
    page.setQuery(core::PeriodKind::Month, d("2026-02-01"), d("2026-01-01"), core::GroupBy::None);
    CHECK_FALSE(page.refresh().ok());
    CHECK(page.message().contains(QStringLiteral("结束日期早于开始日期")));
    CHECK(page.model()->rowCount() == 2);
}
