// onewindowctl print KIND CASE_NO --pdf OUT.pdf [--format a4|80mm] [--printer NAME]
#include "ctl/CtlRunner.h"
#include "support/HallFixture.h"
#include "support/TestSupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>

using namespace onewindow;
using core::EventType;
using test::runCtl;

namespace {

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

struct PrintHall : test::HallFixture
{
    QTemporaryDir out;
    QString config = out.filePath(QStringLiteral("config")); // no hall.json: the defaults
    QString number;

    PrintHall()
    {
        auto a = cases->receive(intake(), QStringLiteral("clerk-1"));
        REQUIRE(a.ok());
        setNow("2026-09-18", "10:30");
        REQUIRE(cases
                    ->append(a->event.caseId, EventType::Accepted, core::payload::accepted(),
                             QStringLiteral("clerk-1"))
                    .ok());
        number = a->state.caseNumber;
    }

    test::CtlRun print(const QStringList& args)
    {
        return runCtl(path(), QStringList{QStringLiteral("print")} + args +
                                  QStringList{QStringLiteral("--config"), config});
    }
    QString pdf(const char* name) const { return out.filePath(QString::fromLatin1(name)); }
};

} // namespace

TEST_CASE("onewindowctl print writes the document as PDF and records the print")
{
    PrintHall h;
    const test::CtlRun run =
        h.print({QStringLiteral("acceptance"), h.number, QStringLiteral("--pdf"), h.pdf("a.pdf")});
    INFO(run.err.toStdString());
    CHECK(run.exitCode == 0);
    CHECK(run.out.contains(QStringLiteral("已出具受理通知书 620102-SL-2026-W07-00001")));
    const QString text = pdfText(h.pdf("a.pdf"));
    CHECK(text.contains(QStringLiteral("编号：620102-SL-2026-W07-00001")));
    CHECK(text.contains(h.number));
    CHECK(text.contains(QStringLiteral("110105********002X")));
    CHECK(text.contains(QStringLiteral("法定办结期限为2026年10月22日")));
    CHECK(text.contains(QStringLiteral("承诺于2026年10月9日之前（含当日）办结")));
    CHECK(h.count(QStringLiteral("SELECT count(*) FROM events WHERE type = "
                                 "'case.document_printed'")) == 1);

    // Again, on the 80 mm roll: the same document and number, but the roll's first print, not
    // a 补打; the roll once more is one.
    const test::CtlRun again =
        h.print({QStringLiteral("acceptance"), h.number, QStringLiteral("--pdf"), h.pdf("b.pdf"),
                 QStringLiteral("--format"), QStringLiteral("80mm")});
    CHECK(again.exitCode == 0);
    CHECK(again.out.contains(QStringLiteral("已出具受理回执 620102-SL-2026-W07-00001 →")));
    const QString roll = pdfText(h.pdf("b.pdf"));
    CHECK(roll.contains(QStringLiteral("受理回执")));
    CHECK_FALSE(roll.contains(QStringLiteral("补打")));
    const test::CtlRun third =
        h.print({QStringLiteral("acceptance"), h.number, QStringLiteral("--pdf"), h.pdf("c.pdf"),
                 QStringLiteral("--format"), QStringLiteral("80mm")});
    CHECK(third.out.contains(QStringLiteral("已出具受理回执 620102-SL-2026-W07-00001（补打）")));
    CHECK(pdfText(h.pdf("c.pdf")).contains(QStringLiteral("补打")));
    CHECK(h.count(QStringLiteral("SELECT count(*) FROM events WHERE type = "
                                 "'case.document_printed'")) == 3);

    const test::CtlRun timeline =
        runCtl(h.path(), {QStringLiteral("case"), QStringLiteral("timeline"), h.number});
    // The timeline says which print was the roll, and that only its second is a 补打.
    const QStringList rolls =
        timeline.out.split(QLatin1Char('\n'))
            .filter(QStringLiteral(
                "打印文书：受理通知书 620102-SL-2026-W07-00001，1 份（80 毫米小票）"));
    REQUIRE(rolls.size() == 2);
    CHECK_FALSE(rolls[0].contains(QStringLiteral("补打")));
    CHECK(rolls[1].contains(QStringLiteral("（80 毫米小票）（补打）")));
}

TEST_CASE("onewindowctl print refuses a kind that does not fit the case's state")
{
    PrintHall h;
    const test::CtlRun run =
        h.print({QStringLiteral("refusal"), h.number, QStringLiteral("--pdf"), h.pdf("r.pdf")});
    CHECK(run.exitCode == 1);
    CHECK(run.err.contains(QStringLiteral("不能出具不予受理决定书")));
    CHECK(run.err.contains(QStringLiteral("document.kind_not_fit")));
    CHECK_FALSE(QFileInfo::exists(h.pdf("r.pdf")));
    CHECK(h.print({QStringLiteral("notice"), h.number, QStringLiteral("--pdf"), h.pdf("n.pdf")})
              .exitCode == 1);
    CHECK(h.count(QStringLiteral("SELECT count(*) FROM events WHERE type = "
                                 "'case.document_printed'")) == 0);
    // An unknown case, an unknown printer: the operation fails.
    CHECK(h.print({QStringLiteral("receipt"), QStringLiteral("620102-20260101-W01-9999"),
                   QStringLiteral("--pdf"), h.pdf("x.pdf")})
              .exitCode == 1);
    const test::CtlRun printer =
        h.print({QStringLiteral("receipt"), h.number, QStringLiteral("--printer"),
                 QStringLiteral("NoSuchPrinter")});
    CHECK(printer.exitCode == 1);
    CHECK(printer.err.contains(QStringLiteral("NoSuchPrinter")));
}

TEST_CASE("onewindowctl print: bad usage is exit status 2")
{
    PrintHall h;
    const QString out = h.pdf("u.pdf");
    const QList<QStringList> bad{
        {},
        {QStringLiteral("acceptance")},
        {QStringLiteral("certificate"), h.number, QStringLiteral("--pdf"), out},
        {QStringLiteral("acceptance"), h.number},
        {QStringLiteral("acceptance"), h.number, QStringLiteral("--pdf")},
        {QStringLiteral("acceptance"), h.number, QStringLiteral("--pdf"), out,
         QStringLiteral("--format"), QStringLiteral("a5")},
        {QStringLiteral("notice"), h.number, QStringLiteral("--pdf"), out,
         QStringLiteral("--format"), QStringLiteral("80mm")},
        {QStringLiteral("acceptance"), h.number, QStringLiteral("--pdf"), out,
         QStringLiteral("--copies"), QStringLiteral("0")},
        {QStringLiteral("acceptance"), h.number, QStringLiteral("--pdf"), out,
         QStringLiteral("--colour")},
    };
    for (const QStringList& args : bad) {
        const test::CtlRun run = h.print(args);
        INFO(args.join(QLatin1Char(' ')).toStdString());
        CHECK(run.exitCode == 2);
        CHECK(run.err.contains(QStringLiteral("onewindowctl:")));
    }
    CHECK_FALSE(QFileInfo::exists(out));
    const test::CtlRun help = runCtl(h.path(), {QStringLiteral("--help")});
    CHECK(help.out.contains(QStringLiteral("print KIND CASE_NO --pdf OUT.pdf")));
}

TEST_CASE("onewindowctl print reads the hall's configuration folder")
{
    PrintHall h;
    REQUIRE(QDir().mkpath(h.config));
    QFile hall(h.config + QStringLiteral("/hall.json"));
    REQUIRE(hall.open(QIODevice::WriteOnly));
    // The acceptance is the item's office's letter; the hall that receives on its behalf says so.
    hall.write(R"({"name": "兰州市城关区政务服务中心", "receivesOnBehalf": true,
                   "templates": {"acceptance": "none.html"}})");
    hall.close();
    const test::CtlRun run =
        h.print({QStringLiteral("acceptance"), h.number, QStringLiteral("--pdf"), h.pdf("c.pdf")});
    CHECK(run.exitCode == 0);
    // The missing template is named with the template, and the built-in one is used.
    CHECK(run.err.contains(h.config + QStringLiteral("/none.html")));
    CHECK(run.err.contains(QStringLiteral("template.missing")));
    const QString text = pdfText(h.pdf("c.pdf"));
    CHECK(text.contains(QStringLiteral("兰州市城关区政务服务中心")));
    CHECK(text.contains(QStringLiteral("受理通知书")));
}

TEST_CASE("onewindowctl print: a document that cannot be written keeps its number recorded and the "
          "next print takes a new one")
{
    PrintHall h;
    // A full disk: the number and the print are committed first, the PDF then fails.
    const test::CtlRun full = h.print({QStringLiteral("acceptance"), h.number,
                                       QStringLiteral("--pdf"), QStringLiteral("/dev/full")});
    INFO(full.err.toStdString());
    CHECK(full.exitCode == 1);
    CHECK(full.err.contains(QStringLiteral("document.print_failed")));
    CHECK(full.err.contains(QStringLiteral("620102-SL-2026-W07-00001")));
    CHECK(full.err.contains(QStringLiteral("作废")));
    CHECK(h.count(QStringLiteral("SELECT count(*) FROM events WHERE type = "
                                 "'case.document_printed'")) == 1);
    CHECK(h.count(QStringLiteral("SELECT count(*) FROM events WHERE type = "
                                 "'case.document_print_failed'")) == 1);

    const test::CtlRun next =
        h.print({QStringLiteral("acceptance"), h.number, QStringLiteral("--pdf"), h.pdf("n.pdf")});
    CHECK(next.exitCode == 0);
    CHECK(next.out.contains(QStringLiteral("已出具受理通知书 620102-SL-2026-W07-00002")));
    CHECK_FALSE(next.out.contains(QStringLiteral("补打")));
    CHECK(pdfText(h.pdf("n.pdf")).contains(QStringLiteral("编号：620102-SL-2026-W07-00002")));

    const test::CtlRun timeline =
        runCtl(h.path(), {QStringLiteral("case"), QStringLiteral("timeline"), h.number});
    CHECK(
        timeline.out.contains(QStringLiteral("文书打印失败：受理通知书 620102-SL-2026-W07-00001")));
    CHECK(runCtl(h.path(), {QStringLiteral("store"), QStringLiteral("check")}).exitCode == 0);
}
