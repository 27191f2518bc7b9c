// The figures page's table of matters (一件事一次办, issue 20) and the matters in its exports: the
// CSV, the XLSX and the printed report read back from their files.
#include "support/HallFixture.h"
#include "support/MatterFixtures.h"
#include "support/TestSupport.h"

#include "core/CasePayloads.h"
#include "documents/FigureReport.h"
#include "ui/FiguresPage.h"
#include "ui/MatterFiguresTable.h"

#include <QCoreApplication>
#include <QFile>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTranslator>

using namespace onewindow;
using test::d;
using Decision = store::CaseStore::IntakeDecision;

namespace {

struct ChineseForThisTest
{
    QTranslator translator;
    ChineseForThisTest()
    {
        REQUIRE(translator.load(QStringLiteral(":/i18n/onewindow_zh_CN.qm")));
        QCoreApplication::installTranslator(&translator);
    }
    ~ChineseForThisTest() { QCoreApplication::removeTranslator(&translator); }
};

QString run(const QString& program, const QStringList& arguments)
{
    QProcess p;
    p.start(program, arguments);
    REQUIRE(p.waitForFinished(60000));
    REQUIRE(p.exitCode() == 0);
    return QString::fromUtf8(p.readAllStandardOutput());
}

QStringList rowTexts(const QTableWidget& table, int row)
{
    QStringList cells;
    for (int c = 0; c < table.columnCount(); ++c)
        cells.append(table.item(row, c) ? table.item(row, c)->text() : QString());
    return cells;
}

} // namespace

// Two 开办企业 on Friday 2026-09-18, every part accepted. The first one's parts are all decided on
// Monday 09-21: the matter is done when its last part is, two working days after its intake
// (Saturday off, Sunday 09-20 a make-up working day by the 2026 notice, 行政许可法 Art. 82), and
// late against its own promise of 1 working day (due 09-20). The second is still open.
TEST_CASE("The figures page's matter table: 一件事 received, finished and finished within the "
          "matter's promise, and the same table in the CSV, XLSX and printed report")
{
    ChineseForThisTest chinese;
    test::HallFixture h;
    const QList<core::ReceivedInput> parts = test::openingABusinessParts(h);
    const auto acceptAll = [](int, const store::CaseStore::Appended&) -> core::Result<Decision> {
        return Decision{core::EventType::Accepted, core::payload::accepted()};
    };
    auto first = h.cases->receiveMatter(parts, QStringLiteral("KBQY"), 1, acceptAll,
                                        QStringLiteral("clerk-1"));
    REQUIRE(first.ok());
    REQUIRE(
        h.cases
            ->receiveMatter(parts, QStringLiteral("KBQY"), 1, acceptAll, QStringLiteral("clerk-1"))
            .ok());
    h.setNow("2026-09-21");
    for (const auto& part : first->parts)
        REQUIRE(h.cases
                    ->append(part.received.event.caseId, core::EventType::Decided,
                             core::payload::decided(QStringLiteral("granted")),
                             QStringLiteral("clerk-1"))
                    .ok());

    core::HallSettings hall;
    hall.hallName = QStringLiteral("城关区政务服务中心");
    ui::FiguresPage page(*h.store, h.clock, h.cases->calendar(), hall);
    page.resize(1400, 760);
    page.show();
    {
        QSignalSpy spy(&page, &ui::FiguresPage::counted);
        while (page.counting())
            REQUIRE(spy.wait(20000));
    }
    page.setQuery(core::PeriodKind::Month, d("2026-09-01"), d("2026-09-30"), core::GroupBy::None);
    {
        QSignalSpy spy(&page, &ui::FiguresPage::counted);
        QTest::mouseClick(page.findChild<QPushButton*>(QStringLiteral("count")), Qt::LeftButton);
        if (spy.isEmpty())
            REQUIRE(spy.wait(20000));
    }
    REQUIRE(page.lastCount().ok());

    const ui::MatterFiguresTable& table = *page.matterFigures();
    REQUIRE(table.rowCount() == 3);
    CHECK(table.horizontalHeaderItem(0)->text() == QStringLiteral("一件事"));
    CHECK(rowTexts(table, 0) == QStringList{QStringLiteral("全厅合计"), QStringLiteral("2"),
                                            QStringLiteral("1"), QStringLiteral("0"),
                                            QStringLiteral("0.0%"), QStringLiteral("2.0")});
    CHECK(rowTexts(table, 1).first() == QStringLiteral("一件事：开办企业"));
    CHECK(rowTexts(table, 1).mid(1) == rowTexts(table, 0).mid(1));
    CHECK(rowTexts(table, 2).first() == QStringLiteral("部门：不动产登记"));
    CHECK(rowTexts(table, 2).mid(1) == rowTexts(table, 0).mid(1));
    QTest::qWait(50);
    page.grab().save(test::screenshotPath("figures-matters"));

    const auto exported = [&](const QString& path) {
        QSignalSpy spy(&page, &ui::FiguresPage::exported);
        REQUIRE(page.exportFigures(path).ok());
        if (page.exporting())
            REQUIRE(spy.wait(20000));
        REQUIRE(page.lastExport().ok());
    };
    const QString csvPath = h.dir.filePath(QStringLiteral("figures.csv"));
    exported(csvPath);
    QFile csv(csvPath);
    REQUIRE(csv.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(csv.readAll().mid(3)).split(QStringLiteral("\r\n"));
    const qsizetype title = lines.indexOf(QStringLiteral("一件事一次办"));
    REQUIRE(title > 1);
    CHECK(lines.at(title - 1).isEmpty());
    CHECK(
        lines.mid(title + 1, 4) ==
        QStringList{QStringLiteral("类别,名称,受理,办结,承诺时限内办结,按诺办结率,平均办理工作日"),
                    QStringLiteral("全厅,合计,2,1,0,0.0%,2.0"),
                    QStringLiteral("一件事,开办企业,2,1,0,0.0%,2.0"),
                    QStringLiteral("部门,不动产登记,2,1,0,0.0%,2.0")});

    const QString xlsx = h.dir.filePath(QStringLiteral("figures.xlsx"));
    exported(xlsx);
    CHECK(run(QStringLiteral("unzip"),
              {QStringLiteral("-p"), xlsx, QStringLiteral("xl/workbook.xml")})
              .contains(QStringLiteral("name=\"一件事一次办\"")));
    const QString sheet =
        run(QStringLiteral("unzip"),
            {QStringLiteral("-p"), xlsx, QStringLiteral("xl/worksheets/sheet2.xml")});
    CHECK(sheet.count(QStringLiteral("<row ")) == 4);
    CHECK(sheet.contains(QStringLiteral("<v>2</v>"))); // received, as a number
    CHECK(sheet.contains(QStringLiteral("开办企业")));

    const documents::FigureReport report = page.report();
    REQUIRE(report.matters.has_value());
    const QString pdf = h.dir.filePath(QStringLiteral("report.pdf"));
    REQUIRE(documents::writeFigureReportPdf(report, pdf).ok());
    QString text;
    for (const QChar c :
         run(QStringLiteral("pdftotext"), {QStringLiteral("-raw"), QStringLiteral("-enc"),
                                           QStringLiteral("UTF-8"), pdf, QStringLiteral("-")}))
        if (!c.isSpace())
            text.append(c);
    CHECK(text.contains(QStringLiteral("本期受理一件事2件，办结1件，其中一件事承诺时限内办结0件")));
    CHECK(text.contains(QStringLiteral("开办企业2100.0%2.0")));
    CHECK(text.contains(QStringLiteral("部门：不动产登记2100.0%2.0")));
    CHECK(text.contains(QStringLiteral("合计2100.0%2.0")));
}
