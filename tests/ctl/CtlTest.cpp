#include "ctl/CtlRunner.h"
#include "support/TestSupport.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

using namespace onewindow;
using onewindow::test::d;
using Run = onewindow::test::CtlRun;

namespace {

Run ctl(const QString& store, const QStringList& args, const QByteArray& input = {})
{
    return test::runCtl(store, args, input);
}

QString writeFile(const QTemporaryDir& dir, const char* name, const QByteArray& bytes)
{
    return test::writeTempFile(dir, name, bytes);
}

} // namespace

// A missing store is refused, not created: tests/ctl/CtlMissingStoreTest.cpp.
TEST_CASE("onewindowctl deadline: the worked example on a new store")
{
    QTemporaryDir dir;
    const Run r = ctl(test::newStore(dir), {QStringLiteral("deadline"),
                                            QStringLiteral("2026-09-18"), QStringLiteral("20")});
    CHECK(r.exitCode == 0);
    CHECK(r.out == QStringLiteral("2026-10-22\n"));
}

TEST_CASE("onewindowctl deadline: answers reaching 2027 are marked provisional, 元旦 predicted off")
{
    QTemporaryDir dir;
    const QString store = test::newStore(dir);
    const Run r =
        ctl(store, {QStringLiteral("deadline"), QStringLiteral("2026-12-31"), QStringLiteral("1")});
    CHECK(r.exitCode == 0);
    CHECK(r.out == QStringLiteral("2027-01-04 provisional\n"));
    const Run explained = ctl(store, {QStringLiteral("deadline"), QStringLiteral("2026-12-31"),
                                      QStringLiteral("1"), QStringLiteral("--explain")});
    CHECK(explained.out.contains(
        QStringLiteral("2027-01-01 星期五 不计 元旦（法定节假日，预测）（临时日历）")));
}

TEST_CASE("onewindowctl deadline --explain lists counted and skipped days")
{
    QTemporaryDir dir;
    const QString store = test::newStore(dir);
    const Run r = ctl(store, {QStringLiteral("deadline"), QStringLiteral("2026-09-18"),
                              QStringLiteral("20"), QStringLiteral("--explain")});
    CHECK(r.exitCode == 0);
    const QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    REQUIRE(lines.size() == 35);
    CHECK(lines[0] == QStringLiteral("2026-10-22"));
    CHECK(lines[2].contains(QStringLiteral("2026-09-20")));
    CHECK(lines[2].contains(QStringLiteral("计第 1 个工作日")));
    CHECK(lines[2].contains(QStringLiteral("调休上班（国庆节）")));
    CHECK(lines[7].contains(QStringLiteral("中秋节（放假）")));
    CHECK(lines.last().contains(QStringLiteral("计第 20 个工作日")));
}

TEST_CASE("onewindowctl: bad input gets one line on stderr and exit status 2")
{
    QTemporaryDir dir;
    const QString store = dir.filePath(QStringLiteral("s.sqlite"));
    const QList<QStringList> cases{
        {QStringLiteral("deadline"), QStringLiteral("2026-02-30"), QStringLiteral("3")},
        {QStringLiteral("deadline"), QStringLiteral("2026-2-3"), QStringLiteral("3")},
        {QStringLiteral("deadline"), QStringLiteral("2026-02-03"), QStringLiteral("-1")},
        {QStringLiteral("deadline"), QStringLiteral("2026-02-03"), QStringLiteral("x")},
        {QStringLiteral("deadline"), QStringLiteral("2026-02-03")},
        {QStringLiteral("deadline"), QStringLiteral("2026-02-03"), QStringLiteral("3"),
         QStringLiteral("--fast")},
        {QStringLiteral("frobnicate")},
        {QStringLiteral("calendar"), QStringLiteral("show"), QStringLiteral("20x6")},
        {QStringLiteral("calendar"), QStringLiteral("erase")},
    };
    for (const QStringList& args : cases) {
        INFO(args.join(QLatin1Char(' ')).toStdString());
        const Run r = ctl(store, args);
        CHECK(r.exitCode == 2);
        CHECK(r.out.isEmpty());
        CHECK(r.err.count(QLatin1Char('\n')) == 1);
        CHECK(r.err.startsWith(QStringLiteral("onewindowctl: ")));
    }
    QProcess p;
    p.start(QStringLiteral(ONEWINDOWCTL_PATH),
            {QStringLiteral("--bogus"), QStringLiteral("deadline")});
    REQUIRE(p.waitForFinished());
    CHECK(p.exitCode() == 2);
}

TEST_CASE("onewindowctl deadline --batch answers one line per query, in order")
{
    QTemporaryDir dir;
    const QString store = test::newStore(dir);
    const Run r =
        ctl(store, {QStringLiteral("deadline"), QStringLiteral("--batch")},
            "2026-09-18 20\n2025-01-24 5\n  2026-12-31\t1 \n2026-01-01 -2\n2024-02-02 1\n");
    CHECK(r.exitCode == 2); // one line was bad
    const QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    REQUIRE(lines.size() == 5);
    CHECK(lines[0] == QStringLiteral("2026-10-22"));
    CHECK(lines[1] == QStringLiteral("2025-02-07"));
    CHECK(lines[2] == QStringLiteral("2027-01-04 provisional"));
    CHECK(lines[3].startsWith(QStringLiteral("error: 第 4 行")));
    CHECK(lines[4] == QStringLiteral("2024-02-04"));
}

TEST_CASE("onewindowctl deadline answers agree with the official calendars, day by day")
{
    QTemporaryDir dir;
    const QString store = test::newStore(dir);
    QList<core::HolidayNotice> notices;
    for (int year = 2007; year <= 2026; ++year)
        notices.append(test::shippedNotice(year));
    QByteArray input;
    QStringList expected;
    for (QDate from = d("2007-01-01"); from <= d("2027-12-31"); from = from.addDays(1)) {
        for (int n : {1, 5, 20}) {
            input += from.toString(Qt::ISODate).toLatin1() + ' ' + QByteArray::number(n) + '\n';
            const QDate want = test::naiveNthWorkingDay(notices, from, n);
            // 2027 on have no notice: counting that touches them is provisional.
            const bool provisional = want.year() >= 2027;
            expected.append(want.toString(Qt::ISODate) +
                            (provisional ? QStringLiteral(" provisional") : QString()));
        }
    }
    const Run r = ctl(store, {QStringLiteral("deadline"), QStringLiteral("--batch")}, input);
    CHECK(r.exitCode == 0);
    const QStringList got = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    REQUIRE(got.size() == expected.size());
    int mismatches = 0;
    for (int i = 0; i < got.size(); ++i) {
        if (got[i] != expected[i] && ++mismatches <= 5)
            FAIL_CHECK("line " << i + 1 << ": got " << got[i] << ", want " << expected[i]);
    }
    CHECK(mismatches == 0);
}

TEST_CASE("onewindowctl calendar show: days off with names, make-up days, source")
{
    QTemporaryDir dir;
    const QString store = test::newStore(dir);
    const Run r =
        ctl(store, {QStringLiteral("calendar"), QStringLiteral("show"), QStringLiteral("2026")});
    CHECK(r.exitCode == 0);
    CHECK(r.out.contains(QStringLiteral("2026 年：正式日历")));
    CHECK(r.out.contains(QStringLiteral("content_7047091")));
    CHECK(r.out.contains(QStringLiteral("放假（33 天）")));
    CHECK(r.out.contains(QStringLiteral("2026-10-05 星期一 国庆节")));
    CHECK(r.out.contains(QStringLiteral("调休上班（6 天）")));
    CHECK(r.out.contains(QStringLiteral("2026-10-10 星期六 国庆节")));
    // 261 weekdays, 19 of them off (01-01, 01-02, 02-16..20, 02-23, 04-06, 05-01, 05-04, 05-05,
    // 06-19, 09-25, 10-01, 10-02, 10-05..07), plus 6 make-up days.
    CHECK(r.out.contains(QStringLiteral("全年工作日：248 天")));
    const Run provisional =
        ctl(store, {QStringLiteral("calendar"), QStringLiteral("show"), QStringLiteral("2027")});
    CHECK(provisional.out.contains(QStringLiteral("临时日历")));
    CHECK(provisional.out.contains(QStringLiteral("2027-01-01 星期五 元旦（法定节假日，预测）")));
    CHECK(provisional.out.contains(QStringLiteral("2027-02-10 星期三 春节补假（预测）")));
    // 19 days off (13 of them weekdays) and no make-up working day until the notice.
    CHECK(provisional.out.contains(QStringLiteral("放假（19 天）")));
    CHECK(provisional.out.contains(QStringLiteral("调休上班（0 天）")));
    CHECK(provisional.out.contains(QStringLiteral("全年工作日：248 天")));
}

TEST_CASE("onewindowctl calendar import: all-or-nothing, and a new notice ends a provisional year")
{
    QTemporaryDir dir;
    const QString store = dir.filePath(QStringLiteral("s.sqlite"));
    // A made-up notice: 除夕 02-05 a working day, 02-06..14 off.
    const QString good = test::sourcePath(QStringLiteral("tests/fixtures/2027-fixture.json"));
    const QString bad = writeFile(dir, "2028.json", R"({"year": 2028, "papers": ["u"],
        "days": [{"name": "元旦", "date": "2028-02-30", "isOffDay": true}]})");

    const Run refused =
        ctl(store, {QStringLiteral("calendar"), QStringLiteral("import"), good, bad});
    CHECK(refused.exitCode == 1);
    CHECK(refused.err.contains(QStringLiteral("2028.json")));
    CHECK(refused.err.contains(QStringLiteral("2028-02-30")));
    CHECK(
        ctl(store, {QStringLiteral("deadline"), QStringLiteral("2027-02-04"), QStringLiteral("1")})
            .out == QStringLiteral("2027-02-11 provisional\n"));

    const Run imported = ctl(store, {QStringLiteral("calendar"), QStringLiteral("import"), good});
    CHECK(imported.exitCode == 0);
    CHECK(imported.out.contains(QStringLiteral("已导入 2027 年日历")));
    CHECK(
        ctl(store, {QStringLiteral("deadline"), QStringLiteral("2027-02-04"), QStringLiteral("1")})
            .out == QStringLiteral("2027-02-05\n"));
    const Run show =
        ctl(store, {QStringLiteral("calendar"), QStringLiteral("show"), QStringLiteral("2027")});
    CHECK(show.out.contains(QStringLiteral("2027 年：正式日历")));
    CHECK(show.out.contains(QStringLiteral("2027-fixture.json")));
    CHECK_FALSE(show.out.contains(QStringLiteral("预测")));

    const QString empty =
        writeFile(dir, "2027-empty.json", R"({"year": 2027, "papers": [], "days": []})");
    const Run downgrade = ctl(store, {QStringLiteral("calendar"), QStringLiteral("import"), empty});
    CHECK(downgrade.exitCode == 1);
    CHECK(downgrade.err.contains(QStringLiteral("不能用未发布的空通知替换")));
}

TEST_CASE("onewindowctl: a damaged store gets a message, not a crash")
{
    QTemporaryDir dir;
    const QString store = writeFile(dir, "bad.sqlite", QByteArray(4096, 'z'));
    const Run r = ctl(
        store, {QStringLiteral("deadline"), QStringLiteral("2026-09-18"), QStringLiteral("20")});
    CHECK(r.exitCode == 1);
    CHECK(r.err.contains(QStringLiteral("损坏")));
}
