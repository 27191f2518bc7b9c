// Issue 19: `onewindowctl stats --report disclosure-annual --year YYYY`, the annual report's
// table 三 (政府信息公开条例 Art. 50; 国办公开办函〔2021〕30号) of a demo hall.
#include "ctl/CtlRunner.h"
#include "support/TestSupport.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTimeZone>

using namespace onewindow;
using test::args;
using test::runCtlAt;

namespace {

const QDateTime kNow(QDate(2026, 11, 20), QTime(7, 0), QTimeZone::utc());

} // namespace

TEST_CASE("政府信息公开条例 Art. 50: onewindowctl prints the annual table 三 of a demo hall, "
          "balanced, as text and CSV")
{
    QTemporaryDir dir;
    const QString store = dir.filePath(QStringLiteral("demo.sqlite"));
    const test::CtlRun seeded =
        runCtlAt(kNow, store, args({"demo", "seed", "--cases", "600", "--seed", "7"}));
    INFO(seeded.err.toStdString());
    REQUIRE(seeded.exitCode == 0);

    const test::CtlRun text =
        runCtlAt(kNow, store, args({"stats", "--report", "disclosure-annual", "--year", "2026"}));
    INFO(text.err.toStdString());
    REQUIRE(text.exitCode == 0);
    INFO(text.out.toStdString());
    for (const char* row :
         {"一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量", "（一）予以公开",
          "（三）不予公开 8.属于行政查询事项", "（四）无法提供 1.本机关不掌握相关政府信息",
          "（五）不予处理 2.重复申请", "（六）其他处理 2.申请人逾期未按收费通知要求缴纳费用",
          "（七）总计", "四、结转下年度继续办理"})
        CHECK(text.out.contains(QString::fromUtf8(row)));
    CHECK(text.out.contains(QStringLiteral("自然人  法人或其他组织·商业企业")));
    CHECK(text.out.contains(QStringLiteral("相符")));
    CHECK_FALSE(text.out.contains(QStringLiteral("新收 0 +"))); // the demo hall took some in

    const QString csv = dir.filePath(QStringLiteral("table3.csv"));
    const test::CtlRun written = runCtlAt(
        kNow, store,
        {QStringLiteral("stats"), QStringLiteral("--report"), QStringLiteral("disclosure-annual"),
         QStringLiteral("--year"), QStringLiteral("2026"), QStringLiteral("--out"), csv});
    INFO(written.err.toStdString());
    REQUIRE(written.exitCode == 0);
    QFile f(csv);
    REQUIRE(f.open(QIODevice::ReadOnly));
    const QString content = QString::fromUtf8(f.readAll());
    CHECK(content.contains(QStringLiteral("项目,类别,细项,自然人")));
    CHECK(content.contains(QStringLiteral("（七）总计")));

    // Printed: the template's head and rows, read back from the PDF (and a picture of it).
    const QString pdf = dir.filePath(QStringLiteral("table3.pdf"));
    const test::CtlRun printed = runCtlAt(
        kNow, store,
        {QStringLiteral("stats"), QStringLiteral("--report"), QStringLiteral("disclosure-annual"),
         QStringLiteral("--year"), QStringLiteral("2026"), QStringLiteral("--out"), pdf});
    INFO(printed.err.toStdString());
    REQUIRE(printed.exitCode == 0);
    QProcess toText;
    toText.start(QStringLiteral("pdftotext"),
                 {QStringLiteral("-enc"), QStringLiteral("UTF-8"), pdf, QStringLiteral("-")});
    REQUIRE(toText.waitForFinished(60000));
    QString words = QString::fromUtf8(toText.readAllStandardOutput());
    words.remove(QRegularExpression(QStringLiteral("\\s")));
    for (const char* s :
         {"三、收到和处理政府信息公开申请情况", "申请人情况", "法人或其他组织", "社会公益组织",
          "法律服务机构", "属于行政查询事项", "结转下年度继续办理", "相符"})
        CHECK(words.contains(QString::fromUtf8(s)));
    QProcess toPng;
    const QString png = test::screenshotPath("disclosure-annual");
    toPng.start(QStringLiteral("pdftoppm"),
                {QStringLiteral("-png"), QStringLiteral("-r"), QStringLiteral("80"),
                 QStringLiteral("-singlefile"), pdf, png.chopped(4)});
    CHECK(toPng.waitForFinished(60000));

    const test::CtlRun bad =
        runCtlAt(kNow, store, args({"stats", "--report", "disclosure-annual", "--year", "26"}));
    CHECK(bad.exitCode == 2);
    CHECK(bad.err.contains(QStringLiteral("--year")));
}
