// The matter's letters as Documents (一件事一次办, issue 20): a matter of many parts and many
// missing papers still on one A4 page, the seal over the hall's name and the date, every case
// number on one line, and each letter numbered and recorded like every other letter (补打 under
// the same number). Read back from the PDF with pdftotext and a rendering of the page.
#include "documents/DocumentFixture.h"
#include "support/CatalogFixtures.h"
#include "support/TestSupport.h"

#include "core/CasePayloads.h"
#include "core/CatalogJson.h"
#include "core/DocumentKind.h"
#include "documents/MatterLetters.h"
#include "store/CatalogRepository.h"
#include "store/MatterCases.h"

#include <QImage>
#include <QRegularExpression>
#include <QTemporaryDir>

using namespace onewindow;
using core::EventType;
using Decision = store::CaseStore::IntakeDecision;

namespace {

// 开办企业 of the demo catalog with every question answered yes (five parts), every paper of every
// part missing: five notices merged into one, the shared papers told once.
QString takeInEverything(test::HallFixture& h)
{
    const core::CatalogParse demo =
        core::parseCatalog(test::readSourceFile(QStringLiteral("resources/catalog/demo.json")),
                           QStringLiteral("demo"));
    REQUIRE(demo.ok());
    REQUIRE(store::CatalogRepository(*h.store)
                .importCatalog(demo.items, demo.matters, QStringLiteral("demo"))
                .ok());
    QHash<QString, core::Matter> matters;
    for (const core::Matter& m : demo.matters)
        matters.insert(m.code, m);
    const core::Matter kbqy = matters.value(QStringLiteral("KBQY"));
    const QStringList codes = core::applicableItems(kbqy, matters,
                                                    {{QStringLiteral("seal"), true},
                                                     {QStringLiteral("invoice"), true},
                                                     {QStringLiteral("staff"), true}});
    REQUIRE(codes.size() == 5);
    QList<core::ReceivedInput> inputs;
    QList<core::ServiceItem> items;
    for (const QString& code : codes) {
        const core::ServiceItem item = *std::find_if(demo.items.cbegin(), demo.items.cend(),
                                                     [&](const auto& i) { return i.code == code; });
        core::ReceivedInput in = test::completeApplication(item);
        for (core::MaterialCheck& m : in.materials)
            m.state = core::MaterialState::Missing;
        inputs.append(in);
        items.append(item);
    }
    auto done = h.cases->receiveMatter(
        inputs, kbqy.code, 1,
        [&](int part, const store::CaseStore::Appended& received) -> core::Result<Decision> {
            return Decision{
                EventType::NoticeIssued,
                core::payload::notice(core::correctionsFor(received.state, items.at(part)), 5)};
        },
        QStringLiteral("clerk-1"));
    REQUIRE(done.ok());
    return done->matterNumber;
}

struct Printed
{
    store::CaseStore::PrintTicket ticket;
    QString pdf;
    QString raw;    // pdftotext -raw
    QString layout; // pdftotext -layout
};

// Prints the letter as the window and the ctl do: numbered and recorded on its home part.
Printed printLetter(test::HallFixture& h, const QString& matterNumber,
                    documents::MatterLetterKind kind, const QString& path)
{
    auto m = store::loadMatter(*h.cases, matterNumber, QDate(2026, 9, 18));
    REQUIRE(m.ok());
    documents::MatterLetter letter = documents::matterLetterFrom(
        m->matter, m->matters, m->number, m->parts, m->progress.clock.deadline);
    letter.hallName = QStringLiteral("兰州市城关区政务服务中心");
    letter.issuedOn = QDate(2026, 9, 18);
    const int home = documents::matterLetterHome(kind, m->parts);
    REQUIRE(home >= 0);
    auto ticket = h.cases->recordPrint(
        m->parts.at(home).state.caseId, documents::matterLetterDocumentKind(kind), 1,
        QStringLiteral("clerk-1"), [&](const store::CaseStore::PrintTicket& t) -> core::Status {
            letter.number = t.number;
            letter.reprint = t.reprint;
            return documents::writeMatterLetterPdf(kind, letter, path, test::testHall());
        });
    REQUIRE(ticket.ok());
    return Printed{*ticket, path,
                   test::runTool(QStringLiteral("pdftotext"),
                                 {QStringLiteral("-raw"), QStringLiteral("-enc"),
                                  QStringLiteral("UTF-8"), path, QStringLiteral("-")}),
                   test::pdfText(path, true)};
}

// The red pixels of the page rendered at 100 dpi (the dashed circle where the seal is stamped):
// their box, in points.
QRectF redBox(const QString& pdf)
{
    QImage image(test::renderPng(pdf, 100));
    REQUIRE_FALSE(image.isNull());
    int left = image.width(), top = image.height(), right = -1, bottom = -1;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (c.red() > 150 && c.red() - c.green() > 60 && c.red() - c.blue() > 60) {
                left = std::min(left, x);
                right = std::max(right, x);
                top = std::min(top, y);
                bottom = std::max(bottom, y);
            }
        }
    REQUIRE(right >= 0);
    const qreal k = 72.0 / 100;
    return QRectF(QPointF(left * k, top * k), QPointF((right + 1) * k, (bottom + 1) * k));
}

// Where the last line holding `text` stands on the page (pdftotext -bbox-layout), in points.
QRectF lineOf(const QString& pdf, const QString& text)
{
    const QString html = test::runTool(QStringLiteral("pdftotext"),
                                       {QStringLiteral("-bbox-layout"), pdf, QStringLiteral("-")});
    static const QRegularExpression line(
        QStringLiteral("<line xMin=\"([\\d.]+)\" yMin=\"([\\d.]+)\" xMax=\"([\\d.]+)\" "
                       "yMax=\"([\\d.]+)\">(.*?)</line>"),
        QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression tags(QStringLiteral("<[^>]*>|\\s"));
    QRectF found;
    auto it = line.globalMatch(html);
    while (it.hasNext()) {
        const auto m = it.next();
        if (QString(m.captured(5)).remove(tags) == text)
            found = QRectF(QPointF(m.captured(1).toDouble(), m.captured(2).toDouble()),
                           QPointF(m.captured(3).toDouble(), m.captured(4).toDouble()));
    }
    return found;
}

} // namespace

TEST_CASE("一件事: the merged notice of five parts with every paper missing stays on one sealed "
          "page, numbered like every letter")
{
    test::HallFixture h;
    const QString number = takeInEverything(h);
    QTemporaryDir dir;
    const Printed notice = printLetter(h, number, documents::MatterLetterKind::Notice,
                                       dir.filePath(QStringLiteral("notice.pdf")));
    INFO(notice.raw.toStdString());
    // Fitted as every letter is: tightened, then set smaller, and still one page.
    CHECK(test::pdfPageCount(notice.pdf) == 1);
    CHECK_FALSE(notice.raw.contains(QStringLiteral("第 1 页")));
    const QString text = test::compact(notice.raw);
    // The hall's numbering of a matter notice (YG), first of the year at W07.
    CHECK(notice.ticket.number == QStringLiteral("620102-YG-2026-W07-00001"));
    CHECK(text.contains(QStringLiteral("编号：620102-YG-2026-W07-00001")));
    CHECK(text.contains(QStringLiteral("一件事编号：") + number));
    // Every part is named on it with its case number, each number unbroken on its line.
    for (int k = 1; k <= 5; ++k) {
        const QString caseNumber = QStringLiteral("620102-20260918-W07-000%1").arg(k);
        CHECK(text.contains(caseNumber));
        qsizetype onLines = 0;
        for (const QString& line : notice.layout.split(QLatin1Char('\n')))
            onLines += test::compact(line).count(caseNumber);
        CHECK(onLines == test::compact(notice.layout).count(caseNumber));
    }
    // The shared papers told once across the parts (行政许可法 Art. 32).
    CHECK(text.count(QStringLiteral("法定代表人居民身份证")) == 1);
    // The seal's place (the dashed circle, no seal image configured): 40 mm, over the hall's
    // name and the date together, which close the page's text.
    const QRectF seal = redBox(notice.pdf);
    const QRectF issuer = lineOf(notice.pdf, QStringLiteral("兰州市城关区政务服务中心"));
    const QRectF date = lineOf(notice.pdf, QStringLiteral("2026年9月18日"));
    REQUIRE_FALSE(issuer.isNull());
    REQUIRE_FALSE(date.isNull());
    const qreal mm = 72 / 25.4;
    CHECK(seal.width() == Approx(40 * mm).margin(3));
    CHECK(seal.center().x() == Approx(issuer.united(date).center().x()).margin(2 * mm));
    CHECK(seal.top() < issuer.top());
    CHECK(seal.bottom() > date.bottom());
    CHECK(text.endsWith(QStringLiteral("兰州市城关区政务服务中心2026年9月18日")));

    // Recorded on the first part waiting for papers, as every letter's print is on its case.
    auto m = store::loadMatter(*h.cases, number, QDate(2026, 9, 18));
    REQUIRE(m.ok());
    const auto& events = notice.ticket.events;
    CHECK(notice.ticket.state.caseId == m->parts.first().state.caseId);
    CHECK(core::printedNumber(events, core::DocumentKind::MatterNotice,
                              notice.ticket.source.eventId) == std::nullopt); // before this print
    auto after =
        h.cases->previewPrint(m->parts.first().state.caseId, core::DocumentKind::MatterNotice);
    REQUIRE(after.ok());
    CHECK(after->number == notice.ticket.number);
    CHECK(after->reprint);
}

TEST_CASE("一件事: the matter's receipt of five parts stays on one page; printed again it is a "
          "补打 under the same number")
{
    test::HallFixture h;
    const QString number = takeInEverything(h);
    QTemporaryDir dir;
    const Printed first = printLetter(h, number, documents::MatterLetterKind::Receipt,
                                      dir.filePath(QStringLiteral("receipt.pdf")));
    CHECK(test::pdfPageCount(first.pdf) == 1);
    CHECK(first.ticket.number == QStringLiteral("620102-YH-2026-W07-00001"));
    CHECK_FALSE(first.ticket.reprint);
    const QString text = test::compact(first.raw);
    CHECK(text.contains(QStringLiteral("一件事受理回执")));
    CHECK(text.contains(QStringLiteral("编号：620102-YH-2026-W07-00001")));
    CHECK_FALSE(text.contains(QStringLiteral("补打")));
    CHECK(text.count(QStringLiteral("一次性告知补正")) == 5);

    const Printed again = printLetter(h, number, documents::MatterLetterKind::Receipt,
                                      dir.filePath(QStringLiteral("receipt-again.pdf")));
    CHECK(again.ticket.number == first.ticket.number);
    CHECK(again.ticket.reprint);
    const QString reprinted = test::compact(again.raw);
    CHECK(reprinted.contains(QStringLiteral("编号：620102-YH-2026-W07-00001（补打）")));
    CHECK(reprinted.contains(QStringLiteral("本文书系补打，文书编号不变")));
    // The single case's documents do not offer the matter's letters, and a case print of one is
    // refused with the way to print it.
    CHECK_FALSE(core::allDocumentKinds().contains(core::DocumentKind::MatterReceipt));
    documents::DocumentRequest request;
    request.kind = core::DocumentKind::MatterReceipt;
    auto refused = documents::buildDocument(request);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().message.contains(QStringLiteral("matter print")));
}
