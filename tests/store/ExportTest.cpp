#include "exporting/ExportTables.h"
#include "store/StatsQueries.h"
#include "support/StatsFixture.h"
#include "support/TestSupport.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

using namespace onewindow;
using test::d;

namespace {

class Cells : public exporting::TableSource
{
public:
    QString title() const override { return QStringLiteral("表:1"); }
    QStringList headers() const override { return {QStringLiteral("名称"), QStringLiteral("数")}; }
    qint64 rowCount() const override { return rows; }
    QVariant cell(qint64 row, int column) const override
    {
        if (column == 1)
            return row;
        return row == 0 ? QStringLiteral("甲,乙 \"丙\"\n丁") : QStringLiteral("第%1行").arg(row);
    }
    qint64 rows = 3;
};

QByteArray readAll(const QString& path)
{
    QFile f(path);
    REQUIRE(f.open(QIODevice::ReadOnly));
    return f.readAll();
}

QString unzipped(const QString& xlsx, const char* member)
{
    QProcess p;
    p.start(QStringLiteral("unzip"), {QStringLiteral("-p"), xlsx, QString::fromLatin1(member)});
    REQUIRE(p.waitForFinished(30000));
    REQUIRE(p.exitCode() == 0);
    return QString::fromUtf8(p.readAllStandardOutput());
}

} // namespace

TEST_CASE("CSV: a byte-order mark for Excel, RFC 4180 quoting, CRLF lines")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("t.csv"));
    REQUIRE(exporting::writeCsv(Cells{}, path).ok());
    CHECK(readAll(path) == QByteArray("\xEF\xBB\xBF") +
                               QStringLiteral("名称,数\r\n\"甲,乙 \"\"丙\"\"\n丁\",0\r\n第1行,1\r\n"
                                              "第2行,2\r\n")
                                   .toUtf8());
    CHECK_FALSE(QFile::exists(path + QStringLiteral(".part")));
    const auto missing = exporting::writeCsv(Cells{}, dir.filePath(QStringLiteral("no/t.csv")));
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().message.contains(QStringLiteral("不存在")));
}

TEST_CASE("A cancelled export leaves no file, and progress is reported as rows are written")
{
    QTemporaryDir dir;
    Cells many;
    many.rows = 5000;
    for (const char* name : {"t.csv", "t.xlsx"}) {
        const QString path = dir.filePath(QString::fromLatin1(name));
        QList<qint64> seen;
        const auto progress = [&](qint64 done, qint64 total) {
            CHECK(total == 5000);
            seen.append(done);
            return done < 2000;
        };
        const core::Status s = QString::fromLatin1(name).endsWith(QStringLiteral("csv"))
                                   ? exporting::writeCsv(many, path, progress)
                                   : exporting::writeXlsx({&many}, path, progress);
        REQUIRE_FALSE(s.ok());
        CHECK(s.error().code == QStringLiteral("export.cancelled"));
        CHECK(seen == QList<qint64>{500, 1000, 1500, 2000});
        CHECK_FALSE(QFile::exists(path));
        CHECK_FALSE(QFile::exists(path + QStringLiteral(".part")));
    }
}

TEST_CASE("XLSX: the known hall's figures and case list as worksheets, numbers as numbers")
{
    test::StatsFixture h;
    auto table = store::StatsQueries(*h.store).figures(
        store::FigureQuery{d(test::kKnownFrom), d(test::kKnownTo), core::PeriodKind::Month,
                           core::GroupBy::Department, d(test::kKnownAsOf)});
    REQUIRE(table.ok());
    auto rows = store::CaseQueries(*h.store).between(store::CaseQueries::DateField::Received,
                                                     d(test::kKnownFrom), d(test::kKnownTo), 100);
    REQUIRE(rows.ok());
    const exporting::FigureTableSource figures(*table);
    const exporting::CaseRowSource cases(*rows,
                                         {{QStringLiteral("clerk-2"), QStringLiteral("李娜")}});
    const QString path = h.dir.filePath(QStringLiteral("figures.xlsx"));
    REQUIRE(exporting::writeXlsx({&figures, &cases}, path).ok());
    const QString book = unzipped(path, "xl/workbook.xml");
    CHECK(book.contains(QStringLiteral("name=\"统计\"")));
    CHECK(book.contains(QStringLiteral("name=\"办件清单\"")));
    const QString sheet1 = unzipped(path, "xl/worksheets/sheet1.xml");
    CHECK(sheet1.contains(QStringLiteral("市场监管局")));
    CHECK(sheet1.contains(QStringLiteral("<v>7</v>"))); // the total received, as a number
    CHECK(sheet1.contains(QStringLiteral("80.0%")));
    const QString sheet2 = unzipped(path, "xl/worksheets/sheet2.xml");
    CHECK(sheet2.count(QStringLiteral("<row ")) == 8); // the header and 7 cases
    CHECK(sheet2.contains(QStringLiteral("李娜")));
    CHECK(sheet2.contains(QStringLiteral("110105********002X"))); // masked as every list shows it
    CHECK_FALSE(sheet2.contains(QStringLiteral("11010519491231002X")));
}
