// The QR code read back from the rendered page (pdftoppm, zbarimg), and real prints through CUPS
// queues (packaging/cups-pdf-queue.sh sets them up; the [cups] tests fail without them).
#include "documents/DocumentFixture.h"
#include "support/TestSupport.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QPrinter>
#include <QPrinterInfo>
#include <QSet>
#include <QThread>

using namespace onewindow;
using core::DocumentKind;
using documents::PageFormat;

TEST_CASE("The QR code decodes back to its ASCII payload: case number and query code")
{
    test::DocumentFixture h;
    const QString id = h.accepted();
    auto state = h.cases->state(id);
    REQUIRE(state.ok());
    const QString expected = QStringLiteral("OW:%1:%2").arg(state->caseNumber, state->queryCode);
    for (PageFormat format : {PageFormat::A4, PageFormat::Receipt80mm}) {
        const auto p = h.print(id, DocumentKind::Acceptance, format);
        CHECK(QString::fromLatin1(p.qrPayload) == expected);
        const QString png = test::renderPng(p.pdf, 150);
        CHECK(test::decodeQr(png) == expected);
    }
}

TEST_CASE("The QR code carries the hall's query URL when one is configured")
{
    test::DocumentFixture h;
    documents::HallProfile hall = test::testHall();
    hall.queryUrl = QStringLiteral("https://zwfw.example.cn/q?no={caseNumber}&code={queryCode}");
    const QString id = h.noticed();
    auto state = h.cases->state(id);
    REQUIRE(state.ok());
    const auto p = h.print(id, DocumentKind::Notice, PageFormat::A4, hall);
    CHECK(test::decodeQr(test::renderPng(p.pdf, 150)) ==
          QStringLiteral("https://zwfw.example.cn/q?no=%1&code=%2")
              .arg(state->caseNumber, state->queryCode));
}

namespace {

const QString kSpool = QStringLiteral("/var/spool/onewindow-pdf");

QSet<QString> pdfsIn(const QString& dir)
{
    QSet<QString> out;
    for (const QString& f : QDir(dir).entryList({QStringLiteral("*.pdf")}, QDir::Files))
        out.insert(QDir(dir).filePath(f));
    return out;
}

// Waits (at most a minute) for the queue's output file to appear and be complete.
QString waitForNewPdf(const QString& dir, const QSet<QString>& before)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 60000) {
        for (const QString& f : pdfsIn(dir)) {
            if (before.contains(f))
                continue;
            const qint64 size = QFileInfo(f).size();
            QThread::msleep(300);
            if (size > 0 && QFileInfo(f).size() == size &&
                !test::runTool(QStringLiteral("pdfinfo"), {f}).isEmpty())
                return f;
        }
        QThread::msleep(200);
    }
    return {};
}

QString printTo(test::DocumentFixture& h, const QString& caseId, const QString& queue)
{
    INFO("the CUPS queue " << queue.toStdString()
                           << " is set up by packaging/cups-pdf-queue.sh (run as root)");
    int rc = -1;
    test::runTool(QStringLiteral("lpstat"), {QStringLiteral("-p"), queue}, &rc);
    REQUIRE(rc == 0);
    const QPrinterInfo info = QPrinterInfo::printerInfo(queue);
    REQUIRE_FALSE(info.isNull());
    const QString dir =
        queue == QStringLiteral("OneWindowPDF") ? kSpool : kSpool + QStringLiteral("/cups-pdf");
    const QSet<QString> before = pdfsIn(dir);
    QPrinter printer(info, QPrinter::HighResolution);
    auto ticket =
        h.cases->recordPrint(caseId, DocumentKind::Acceptance, 1, QStringLiteral("clerk-1"),
                             [&](const store::CaseStore::PrintTicket& t) -> core::Status {
                                 documents::DocumentRequest request{
                                     t.kind,           PageFormat::A4,
                                     t.events,         t.context,
                                     t.source,         t.number,
                                     t.reprint,        h.clock.todayIn(h.cases->settings().zone),
                                     test::testHall(), {}};
                                 auto document = documents::buildDocument(request);
                                 if (!document)
                                     return document.error();
                                 return documents::printDocument(*document, printer);
                             });
    REQUIRE(ticket.ok());
    const QString out = waitForNewPdf(dir, before);
    INFO("no output from " << queue.toStdString() << " in " << dir.toStdString());
    REQUIRE_FALSE(out.isEmpty());
    return out;
}

} // namespace

TEST_CASE("An acceptance notice printed through a real CUPS queue comes out whole", "[cups]")
{
    test::DocumentFixture h;
    const QString id = h.accepted();
    auto state = h.cases->state(id);
    REQUIRE(state.ok());

    // OneWindowPDF keeps the job as CUPS received it: its text is checked exactly.
    const QString kept = printTo(h, id, QStringLiteral("OneWindowPDF"));
    CHECK(test::pdfPageCount(kept) == 1);
    CHECK(test::pdfPageSize(kept).contains(QStringLiteral("(A4)")));
    const QString text = test::compact(test::pdfText(kept));
    for (const QString& e :
         {QStringLiteral("受理通知书"), QStringLiteral("编号：620102-SL-2026-W07-00001"),
          state->caseNumber, state->queryCode, QStringLiteral("张三"),
          QStringLiteral("110105********002X"), QStringLiteral("法定办结期限为2026年10月22日"),
          QStringLiteral("承诺于2026年10月9日之前（含当日）办结"),
          QStringLiteral("兰州市城关区自然资源局")}) { // the deciding office issues it
        INFO(e.toStdString());
        CHECK(text.contains(e));
    }

    // Debian's cups-pdf printer re-renders the job through PostScript and ghostscript: the page
    // and its QR code survive (its CJK text does not, see the queue script).
    const QString rendered = printTo(h, id, QStringLiteral("OneWindowCupsPDF"));
    CHECK(test::pdfPageCount(rendered) == 1);
    CHECK(test::pdfPageSize(rendered).contains(QStringLiteral("(A4)")));
    const QString png = test::renderPng(rendered, 150);
    CHECK(test::decodeQr(png) ==
          QStringLiteral("OW:%1:%2").arg(state->caseNumber, state->queryCode));

    auto after = h.cases->state(id);
    REQUIRE(after.ok());
    CHECK(after->documentsPrinted == 2); // the second one a reprint
    QFile::remove(kept);
    QFile::remove(rendered);
    QFile::remove(png);
}
