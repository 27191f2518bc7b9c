#include "ctl/CtlRunner.h"
#include "support/StatsFixture.h"
#include "support/TestSupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

using namespace onewindow;
using test::runCtl;

namespace {

QStringList statsArgs(std::initializer_list<QString> more)
{
    QStringList a{QStringLiteral("stats"), QStringLiteral("--from"),
                  QString::fromLatin1(test::kKnownFrom), QStringLiteral("--to"),
                  QString::fromLatin1(test::kKnownTo)};
    for (const QString& m : more)
        a.append(m);
    return a;
}

QString pdfText(const QString& pdf)
{
    QProcess p;
    p.start(QStringLiteral("pdftotext"),
            {QStringLiteral("-enc"), QStringLiteral("UTF-8"), pdf, QStringLiteral("-")});
    REQUIRE(p.waitForFinished(60000));
    REQUIRE(p.exitCode() == 0);
    QString out;
    for (const QChar c : QString::fromUtf8(p.readAllStandardOutput()))
        if (!c.isSpace())
            out.append(c);
    return out;
}

} // namespace

TEST_CASE("onewindowctl stats: the known hall's figures as JSON, CSV and XLSX")
{
    test::StatsFixture h;
    const test::CtlRun json =
        runCtl(h.path(), statsArgs({QStringLiteral("--format"), QStringLiteral("json")}));
    REQUIRE(json.exitCode == 0);
    const QJsonObject o = QJsonDocument::fromJson(json.out.toUtf8()).object();
    const QJsonArray periods = o.value(QStringLiteral("periods")).toArray();
    REQUIRE(periods.size() == 2);
    const QJsonObject dec = periods[0].toObject().value(QStringLiteral("figures")).toObject();
    CHECK(dec.value(QStringLiteral("received")).toInt() == 3);
    CHECK(dec.value(QStringLiteral("decided")).toInt() == 3);
    CHECK(dec.value(QStringLiteral("rating_2")).toInt() == 1);
    const QJsonObject total = o.value(QStringLiteral("total")).toObject();
    CHECK(total.value(QStringLiteral("on_time_rate")).toDouble() == Approx(0.8));
    CHECK(total.value(QStringLiteral("average_days")).toDouble() == Approx(44.0 / 5));
    CHECK(total.value(QStringLiteral("satisfaction_rate")).toDouble() == Approx(0.75));
    CHECK(total.value(QStringLiteral("overdue")).toInt() == 2);

    const QString csvPath = h.dir.filePath(QStringLiteral("figures.csv"));
    const test::CtlRun csv =
        runCtl(h.path(), statsArgs({QStringLiteral("--by"), QStringLiteral("department"),
                                    QStringLiteral("--out"), csvPath}));
    REQUIRE(csv.exitCode == 0);
    QFile f(csvPath);
    REQUIRE(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    CHECK(bytes.startsWith("\xEF\xBB\xBF")); // Excel reads the Chinese as UTF-8
    // The cases' figures, a blank line, then 一件事一次办 (none in this hall: its total only).
    const QStringList tables = QString::fromUtf8(bytes.mid(3)).split(QStringLiteral("\r\n"));
    const QStringList lines = tables.mid(0, tables.indexOf(QString()));
    REQUIRE(lines.size() == 5); // header, Dec 不动产登记, Jan 不动产登记, Jan 市场监管局, 合计
    CHECK(
        tables.mid(lines.size() + 1) ==
        QStringList{QStringLiteral("一件事一次办"),
                    QStringLiteral("类别,名称,受理,办结,承诺时限内办结,按诺办结率,平均办理工作日"),
                    QStringLiteral("全厅,合计,0,0,0,—,—"), QString()});
    CHECK(lines[0].startsWith(QStringLiteral("统计期间,部门,收件,受理")));
    CHECK(lines[3].startsWith(QStringLiteral("2026年1月,市场监管局,2,1,1,0,0,1,0,1,0.0%")));
    CHECK(lines[4].startsWith(QStringLiteral("合计,,7,5,1,3,1,5,4,5,80.0%,8.8,2")));

    const QString xlsxPath = h.dir.filePath(QStringLiteral("figures.xlsx"));
    REQUIRE(runCtl(h.path(), statsArgs({QStringLiteral("--by"), QStringLiteral("clerk"),
                                        QStringLiteral("--format"), QStringLiteral("xlsx"),
                                        QStringLiteral("--out"), xlsxPath}))
                .exitCode == 0);
    QFile x(xlsxPath);
    REQUIRE(x.open(QIODevice::ReadOnly));
    CHECK(x.read(2) == "PK"); // a zip: the workbook
    CHECK(x.size() > 3000);
}

TEST_CASE("onewindowctl stats prints the monthly report as a PDF")
{
    test::StatsFixture h;
    const QString pdf = h.dir.filePath(QStringLiteral("report.pdf"));
    const test::CtlRun r =
        runCtl(h.path(), statsArgs({QStringLiteral("--report"), QStringLiteral("monthly"),
                                    QStringLiteral("--out"), pdf}));
    REQUIRE(r.exitCode == 0);
    const QString text = pdfText(pdf);
    CHECK(text.contains(QStringLiteral("月汇总")));
    CHECK(text.contains(QStringLiteral("本期收件7件")));
    CHECK(text.contains(QStringLiteral("市场监管局")));
    CHECK(text.contains(QStringLiteral("按期办结率80.0%")));
}

TEST_CASE("onewindowctl stats refuses bad dates and options with exit status 2")
{
    test::StatsFixture h;
    const auto run = [&](const QStringList& a) { return runCtl(h.path(), a); };
    const test::CtlRun badDate =
        run({QStringLiteral("stats"), QStringLiteral("--from"), QStringLiteral("2026-02-30"),
             QStringLiteral("--to"), QStringLiteral("2026-03-31")});
    CHECK(badDate.exitCode == 2);
    CHECK(badDate.err.contains(QStringLiteral("开始日期 2026-02-30 无效")));
    const test::CtlRun backwards =
        run({QStringLiteral("stats"), QStringLiteral("--from"), QStringLiteral("2026-03-01"),
             QStringLiteral("--to"), QStringLiteral("2026-02-01")});
    CHECK(backwards.exitCode == 2);
    CHECK(backwards.err.contains(QStringLiteral("结束日期早于开始日期")));
    CHECK(run(statsArgs({QStringLiteral("--by"), QStringLiteral("floor")})).exitCode == 2);
    CHECK(run(statsArgs({QStringLiteral("--period"), QStringLiteral("fortnight")})).exitCode == 2);
    const test::CtlRun noOut = run(statsArgs({QStringLiteral("--format"), QStringLiteral("xlsx")}));
    CHECK(noOut.exitCode == 2);
    CHECK(noOut.err.contains(QStringLiteral("--out")));
    CHECK(run({QStringLiteral("stats"), QStringLiteral("--from"), QStringLiteral("2026-01-01")})
              .exitCode == 2);
    const test::CtlRun text = run(statsArgs({}));
    CHECK(text.exitCode == 0);
    CHECK(text.out.contains(QStringLiteral("合计")));
}
