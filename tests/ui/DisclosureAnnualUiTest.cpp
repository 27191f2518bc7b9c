// Issue 19: the figures page's 政府信息公开 part, the annual report's table 三 (政府信息公开条例
// Art. 50; 国办公开办函〔2021〕30号) for a chosen year, reached and counted by keyboard, exported
// and printed through the code onewindowctl uses.
#include "support/CatalogFixtures.h"
#include "support/HallFixture.h"
#include "support/TestSupport.h"

#include "core/CasePayloads.h"
#include "store/CatalogRepository.h"
#include "ui/DisclosureAnnualPanel.h"
#include "ui/FiguresPage.h"

#include <QAbstractItemModel>
#include <QApplication>
#include <QFile>
#include <QFileInfo>
#include <QHeaderView>
#include <QPdfWriter>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

using namespace onewindow;
using core::EventType;
namespace payload = core::payload;

namespace {

struct DisclosureHall : test::HallFixture
{
    core::ServiceItem disclosure = [] {
        core::ServiceItem disc = test::sampleItem(9, QStringLiteral("政府信息公开申请"));
        disc.profile = core::ProcedureProfile::Disclosure;
        disc.kind = core::ItemKind::Disclosure;
        return disc;
    }();

    DisclosureHall()
    {
        REQUIRE(
            store::CatalogRepository(*store).importItems({disclosure}, QStringLiteral("t")).ok());
    }

    QString apply(const char* date, const QString& id)
    {
        setNow(date, "10:00");
        core::ReceivedInput in = intake(false, QStringLiteral("王五"));
        in.itemCode = disclosure.code;
        in.applicant.idNumber = id;
        in.materials = core::checklistFor(disclosure);
        auto r = cases->receive(in, QStringLiteral("clerk-1"));
        REQUIRE(r.ok());
        setNow(date, "10:10");
        REQUIRE(cases
                    ->append(r->event.caseId, EventType::Accepted, payload::accepted(),
                             QStringLiteral("clerk-1"))
                    .ok());
        return r->event.caseId;
    }

    void reply(const QString& id, const char* date, core::ReplyType type, const char* kind)
    {
        setNow(date, "15:00");
        const core::ReplyRow row{QStringLiteral("某信息"),   type, {},
                                 QStringLiteral("门户网站"), {},   {}};
        auto r = cases->append(id, EventType::DisclosureReplied,
                               payload::disclosureReplied({row}, QString::fromLatin1(kind)),
                               QStringLiteral("clerk-1"));
        INFO((r ? QString() : r.error().message).toStdString());
        REQUIRE(r.ok());
    }
};

const QString kWang = QStringLiteral("11010519491231002X");
const QString kLi = QStringLiteral("110105194912310038");

// The number in the table's row `row` (AnnualTable's rows) and applicant column `column`.
int cell(const QAbstractItemModel& m, int row, int column)
{
    return m.index(row, column + 1).data().toString().toInt();
}

QString pdfWords(const QString& pdf)
{
    QProcess toText;
    toText.start(QStringLiteral("pdftotext"),
                 {QStringLiteral("-enc"), QStringLiteral("UTF-8"), pdf, QStringLiteral("-")});
    REQUIRE(toText.waitForFinished(60000));
    return QString::fromUtf8(toText.readAllStandardOutput())
        .remove(QRegularExpression(QStringLiteral("\\s")));
}

void waitCounted(ui::DisclosureAnnualPanel& panel, QSignalSpy& spy)
{
    while (spy.isEmpty() || panel.counting())
        REQUIRE(spy.wait(20000));
    spy.clear();
}

} // namespace

TEST_CASE("政府信息公开条例 Art. 50: the figures page shows the annual table 三 of a chosen year, "
          "exports and prints it")
{
    DisclosureHall h;
    const QString carried = h.apply("2025-12-29", kWang);
    h.reply(carried, "2026-01-05", core::ReplyType::NotExist, "natural_person");
    const QString answered = h.apply("2026-03-02", kLi);
    h.reply(answered, "2026-03-10", core::ReplyType::Published, "natural_person");
    const QString business = h.apply("2026-04-01", kLi);
    h.reply(business, "2026-04-10", core::ReplyType::Repeated, "business");
    h.apply("2026-12-30", kWang); // open at the year's end: carried forward
    core::HallSettings hall = h.cases->settings();
    hall.hallName = QStringLiteral("城关区政务服务中心");

    ui::FiguresPage page(*h.store, h.clock, h.cases->calendar(), hall);
    ui::DisclosureAnnualPanel& panel = *page.disclosurePanel();
    QSignalSpy spy(&panel, &ui::DisclosureAnnualPanel::counted);
    page.resize(1300, 820);
    page.show();
    REQUIRE(QTest::qWaitForWindowExposed(&page));
    page.activateWindow();

    // By keyboard: Alt+N opens the part, which counts this year (2026) at once.
    QTest::keyClick(&page, Qt::Key_N, Qt::AltModifier);
    REQUIRE(page.parts()->currentWidget() == &panel);
    waitCounted(panel, spy);
    REQUIRE(panel.lastCount().ok());
    const QAbstractItemModel& m = *panel.view()->model();
    // The template's columns and rows, as onewindowctl prints them.
    REQUIRE(m.columnCount() == 1 + core::kAnnualColumns);
    CHECK(m.headerData(1, Qt::Horizontal).toString() == QStringLiteral("自然人"));
    CHECK(m.headerData(2, Qt::Horizontal).toString() == QStringLiteral("法人或其他组织\n商业企业"));
    CHECK(m.headerData(7, Qt::Horizontal).toString() == QStringLiteral("总计"));
    REQUIRE(m.rowCount() == core::AnnualTable::kRows);
    CHECK(m.index(0, 0).data().toString().contains(QStringLiteral("本年新收")));
    CHECK(m.index(4, 0).data().toString().contains(QStringLiteral("属于国家秘密")));
    CHECK(m.index(24, 0).data().toString().contains(QStringLiteral("结转下年度")));
    const int natural = 0, company = 1, total = core::kAnnualColumns - 1;
    CHECK(cell(m, 0, natural) == 2);
    CHECK(cell(m, 0, company) == 1);
    CHECK(cell(m, 1, natural) == 1); // carried over from 2025
    CHECK(cell(m, 2 + int(core::AnnualResult::Disclosed), natural) == 1);
    CHECK(cell(m, 2 + int(core::AnnualResult::Unable1), natural) == 1);
    CHECK(cell(m, 2 + int(core::AnnualResult::NotHandled2), company) == 1);
    CHECK(cell(m, 2 + core::kAnnualResults, total) == 3);
    CHECK(cell(m, 24, total) == 1);
    CHECK(panel.balanceText() ==
          QStringLiteral("核对：新收 3 + 上年结转 1 = 办理结果总计 3 + 结转下年度 1，相符"));
    // Every column in view beside the labels, 总计 too.
    const QTableView& view = *panel.view();
    CHECK(view.horizontalHeader()->sectionViewportPosition(7) +
              view.horizontalHeader()->sectionSize(7) <=
          view.viewport()->width());
    page.grab().save(test::screenshotPath("figures-disclosure-annual"));

    // Another year by keyboard: Alt+R to the year, typed, Enter counts it.
    QTest::keyClick(&page, Qt::Key_R, Qt::AltModifier);
    auto* year = page.findChild<QSpinBox*>(QStringLiteral("disclosureYear"));
    REQUIRE(QApplication::focusWidget() == year);
    QTest::keyClick(year, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(year, QStringLiteral("2025"));
    QTest::keyClick(year, Qt::Key_Return);
    waitCounted(panel, spy);
    REQUIRE(panel.table());
    CHECK(panel.table()->year == 2025);
    CHECK(cell(m, 0, total) == 1);
    CHECK(cell(m, 2 + core::kAnnualResults, total) == 0);
    CHECK(cell(m, 24, total) == 1);
    CHECK(panel.balanceText().endsWith(QStringLiteral("相符")));

    // Exported as the ctl writes it: the CSV has the template's rows.
    QTest::keyClick(year, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(year, QStringLiteral("2026"));
    QTest::keyClick(year, Qt::Key_F5);
    waitCounted(panel, spy);
    const QString csv = h.dir.filePath(QStringLiteral("table3.csv"));
    REQUIRE(panel.exportTable(csv).ok());
    QFile file(csv);
    REQUIRE(file.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(file.readAll());
    CHECK(text.contains(QStringLiteral("法人或其他组织·商业企业")));
    CHECK(text.contains(QStringLiteral("重复申请")));
    const QString xlsx = h.dir.filePath(QStringLiteral("table3.xlsx"));
    REQUIRE(panel.exportTable(xlsx).ok());
    CHECK(QFileInfo(xlsx).size() > 0);
    // A wrong file name is told in Chinese, and nothing is written.
    const QString txt = h.dir.filePath(QStringLiteral("table3.txt"));
    const core::Status bad = panel.exportTable(txt);
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().message.contains(QStringLiteral(".xlsx")));
    CHECK_FALSE(QFile::exists(txt));

    // Printed through the ctl's code: the template's head, the office, the check.
    const QString pdf = h.dir.filePath(QStringLiteral("table3.pdf"));
    {
        QPdfWriter writer(pdf);
        REQUIRE(panel.paint(writer).ok());
    }
    const QString words = pdfWords(pdf);
    for (const char* s : {"三、收到和处理政府信息公开申请情况", "城关区政务服务中心", "2026年度",
                          "申请人情况", "法律服务机构", "结转下年度继续办理", "相符"})
        CHECK(words.contains(QString::fromUtf8(s)));

    // The figures' own count, set off when the page was first shown, lands before the page goes.
    QSignalSpy figures(&page, &ui::FiguresPage::counted);
    while (page.counting())
        REQUIRE(figures.wait(20000));
}
