// Issue 14, "every bad input refused": each input that once crashed, hung, overwrote the store or
// was silently taken, fed to the real onewindowctl binary. Each gets a clear Chinese message, its
// exit status (docs/bad-inputs.md) and leaves the store as it was.
#include "ctl/CtlRunner.h"
#include "support/CatalogFixtures.h"
#include "support/TestSupport.h"

#include "core/CatalogJson.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <sys/stat.h>

using namespace onewindow;
using test::args;
using test::runCtl;

namespace {

QByteArray digest(const QString& path)
{
    QFile f(path);
    REQUIRE(f.open(QIODevice::ReadOnly));
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

// A store with the demo catalog imported: something to lose.
struct Stored
{
    QTemporaryDir dir;
    QString store = dir.filePath(QStringLiteral("s.sqlite"));

    Stored()
    {
        const QString demo = test::sourcePath(QStringLiteral("resources/catalog/demo.json"));
        REQUIRE(
            runCtl(store, {QStringLiteral("catalog"), QStringLiteral("import"), demo}).exitCode ==
            0);
    }
    QString path(const char* name) const { return dir.filePath(QString::fromLatin1(name)); }
};

// One valid item as the catalog file has it, to spoil one field at a time.
QJsonObject validItemJson()
{
    const QJsonDocument doc = QJsonDocument::fromJson(core::catalogToJson({test::sampleItem()}));
    return doc.object().value(QStringLiteral("items")).toArray().first().toObject();
}

QByteArray catalogWith(const QJsonObject& item)
{
    return QJsonDocument(
               QJsonObject{{QStringLiteral("format"), QStringLiteral("onewindow-catalog")},
                           {QStringLiteral("formatVersion"), 1},
                           {QStringLiteral("items"), QJsonArray{item}}})
        .toJson();
}

} // namespace

TEST_CASE("An output that is the store or its -wal/-shm is refused with exit status 2, untouched")
{
    Stored s;
    const QByteArray before = digest(s.store);
    const QString link = s.path("link.pdf");
    REQUIRE(QFile::link(s.store, link));
    const QString hard = s.path("hard.json");
    REQUIRE(::link(QFile::encodeName(s.store).constData(), QFile::encodeName(hard).constData()) ==
            0);
    for (const QString& out : {s.store, link, hard, s.store + QStringLiteral("-wal"),
                               s.store + QStringLiteral("-shm")}) {
        INFO(out.toStdString());
        for (const QStringList& command :
             {QStringList{QStringLiteral("catalog"), QStringLiteral("export"), out},
              QStringList{QStringLiteral("stats"), QStringLiteral("--from"),
                          QStringLiteral("2026-01-01"), QStringLiteral("--to"),
                          QStringLiteral("2026-01-31"), QStringLiteral("--format"),
                          QStringLiteral("json"), QStringLiteral("--out"), out},
              QStringList{QStringLiteral("print"), QStringLiteral("receipt"),
                          QStringLiteral("20260918-01-0001"), QStringLiteral("--pdf"), out}}) {
            INFO(command.join(QLatin1Char(' ')).toStdString());
            const test::CtlRun r = runCtl(s.store, command);
            CHECK(r.exitCode == 2);
            CHECK(r.err.contains(QStringLiteral("不能覆盖")));
        }
    }
    CHECK(digest(s.store) == before);
    CHECK(runCtl(s.store, args({"store", "check"})).exitCode == 0);
    // An unrelated output beside it is written as before.
    CHECK(runCtl(s.store,
                 {QStringLiteral("catalog"), QStringLiteral("export"), s.path("catalog.json")})
              .exitCode == 0);
}

TEST_CASE("stats --out x.PDF (upper case) writes the PDF report instead of aborting")
{
    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("report.PDF"));
    const test::CtlRun r =
        runCtl(test::newStore(dir), {QStringLiteral("stats"), QStringLiteral("--from"),
                                     QStringLiteral("2026-01-01"), QStringLiteral("--to"),
                                     QStringLiteral("2026-01-31"), QStringLiteral("--out"), pdf});
    CHECK(r.exitCode == 0);
    QFile f(pdf);
    REQUIRE(f.open(QIODevice::ReadOnly));
    CHECK(f.read(5) == QByteArray("%PDF-"));
}

TEST_CASE("calendar and catalog import refuse a FIFO, /dev/zero and a 5 GB file at once")
{
    Stored s;
    const QString fifo = s.path("notice.json");
    REQUIRE(::mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0);
    const QString big = s.path("big.json");
    {
        QFile f(big);
        REQUIRE(f.open(QIODevice::WriteOnly));
        REQUIRE(f.resize(5LL * 1024 * 1024 * 1024)); // sparse: no disk used
    }
    const QByteArray before = digest(s.store);
    for (const char* sub : {"calendar", "catalog"}) {
        for (const QString& file : {fifo, QStringLiteral("/dev/zero"), big}) {
            INFO(sub << " " << file.toStdString());
            const test::CtlRun r =
                runCtl(s.store, {QString::fromLatin1(sub), QStringLiteral("import"), file});
            CHECK(r.exitCode == 1);
            CHECK(r.err.contains(file));
            CHECK(r.err.contains(file == big ? QStringLiteral("[input.too_large]")
                                             : QStringLiteral("[input.not_regular]")));
            if (file == big)
                CHECK(r.err.contains(QStringLiteral("MB 的上限")));
        }
    }
    CHECK(digest(s.store) == before);
}

TEST_CASE("deadline --batch: one answer or one error per input line, NUL and long lines included")
{
    QTemporaryDir dir;
    QByteArray input("2026-09-18 20\n");
    input += QByteArray("2026-09-18 2", 12) + '\0' + QByteArray("0\n"); // NUL inside
    input += QByteArray(1, '\0') + "2026-09-18 20\n";                   // NUL first
    input += "2026-09-18 20" + QByteArray(5000, ' ') + "x\n";           // 5,014 bytes
    input += "2025-01-24 5\n";
    const test::CtlRun r =
        runCtl(test::newStore(dir), {QStringLiteral("deadline"), QStringLiteral("--batch")}, input);
    CHECK(r.exitCode == 2);
    const QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    REQUIRE(lines.size() == 5);
    CHECK(lines[0] == QStringLiteral("2026-10-22"));
    CHECK(lines[1] == QStringLiteral("error: 第 2 行：含 NUL 字节"));
    CHECK(lines[2] == QStringLiteral("error: 第 3 行：含 NUL 字节"));
    CHECK(lines[3] == QStringLiteral("error: 第 4 行：超过 4095 字节"));
    CHECK(lines[4] == QStringLiteral("2025-02-07"));
}

TEST_CASE("catalog import refuses an empty enum, null text, control characters and duplicate keys")
{
    Stored s;
    const QByteArray before = digest(s.store);
    QList<QPair<QByteArray, QString>> cases;
    for (const char* field : {"profile", "kind"}) {
        QJsonObject item = validItemJson();
        item.insert(QString::fromLatin1(field), QString());
        cases.append({catalogWith(item), QStringLiteral("%1：不能为空").arg(QLatin1String(field))});
    }
    {
        QJsonObject item = validItemJson();
        QJsonArray materials = item.value(QStringLiteral("materials")).toArray();
        REQUIRE_FALSE(materials.isEmpty());
        for (const char* field : {"form", "medium", "requirement"}) {
            QJsonObject m = materials.first().toObject();
            m.insert(QString::fromLatin1(field), QString());
            QJsonObject spoilt = item;
            spoilt.insert(QStringLiteral("materials"), QJsonArray{m});
            cases.append(
                {catalogWith(spoilt), QStringLiteral("%1：不能为空").arg(QLatin1String(field))});
        }
    }
    {
        QJsonObject item = validItemJson();
        item.insert(QStringLiteral("hours"), QJsonValue::Null);
        cases.append({catalogWith(item), QStringLiteral("hours：应为文字，不能为 null")});
    }
    {
        QJsonObject item = validItemJson();
        item.insert(QStringLiteral("name"),
                    QStringLiteral("不动产") + QChar(0) + QStringLiteral("登记"));
        cases.append({catalogWith(item), QStringLiteral("控制字符")});
    }
    {
        QByteArray json = catalogWith(validItemJson());
        const qsizetype at = json.indexOf("\"profile\"");
        REQUIRE(at > 0);
        json.insert(at, "\"profile\": \"same_day\", ");
        // The item now has "profile" twice: Qt would keep one silently.
        cases.append({json, QStringLiteral("键“profile”在同一对象中出现了两次")});
    }
    for (const auto& [json, problem] : cases) {
        INFO(problem.toStdString());
        const QString file = s.path("bad.json");
        QFile::remove(file);
        QFile f(file);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write(json);
        f.close();
        const test::CtlRun r =
            runCtl(s.store, {QStringLiteral("catalog"), QStringLiteral("import"), file});
        CHECK(r.exitCode == 1);
        CHECK(r.err.contains(problem));
    }
    CHECK(digest(s.store) == before);
}

TEST_CASE("行政许可法 Art. 42: catalog import refuses a limit above a year, 100000 and INT_MAX")
{
    Stored s;
    const QByteArray before = digest(s.store);
    for (const double days : {367.0, 100000.0, 2147483647.0}) {
        QJsonObject item = validItemJson();
        item.insert(QStringLiteral("statutoryDays"), days);
        const QString file = s.path("long.json");
        QFile::remove(file);
        QFile f(file);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write(catalogWith(item));
        f.close();
        const test::CtlRun r =
            runCtl(s.store, {QStringLiteral("catalog"), QStringLiteral("import"), file});
        INFO(r.err.toStdString());
        CHECK(r.exitCode == 1);
        CHECK(r.err.contains(QStringLiteral("[item.limit_too_long]")));
        CHECK(r.err.contains(QStringLiteral("上限 366 天")));
    }
    CHECK(digest(s.store) == before);
}

TEST_CASE("calendar import refuses a date with a trailing line feed")
{
    Stored s;
    QByteArray notice = test::readSourceFile(QStringLiteral("resources/calendars/2026.json"));
    const qsizetype at = notice.indexOf("\"2026-01-01\"");
    REQUIRE(at > 0);
    notice.replace(at, 12, "\"2026-01-01\\n\"");
    const QString file = s.path("2026.json");
    QFile f(file);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(notice);
    f.close();
    const QByteArray before = digest(s.store);
    const test::CtlRun r =
        runCtl(s.store, {QStringLiteral("calendar"), QStringLiteral("import"), file});
    CHECK(r.exitCode == 1);
    CHECK(r.err.contains(QStringLiteral("2026.json")));
    CHECK(r.err.contains(QStringLiteral("未导入任何日历")));
    CHECK(digest(s.store) == before);
}
