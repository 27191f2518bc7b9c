// The matter's receipt and its one one-time notice (一件事一次办, issue 20), read back from the
// PDF.
#include "documents/DocumentFixture.h"
#include "support/CatalogFixtures.h"
#include "support/MatterFixtures.h"
#include "support/TestSupport.h"

#include "documents/MatterLetters.h"
#include "store/CatalogRepository.h"

#include <QTemporaryDir>

using namespace onewindow;
using core::EventType;
using Decision = store::CaseStore::IntakeDecision;

namespace {

// 开办企业's three parts taken in at once, the shared ID card missing: 设立登记 and 社保登记 get
// the notice, 印章刻制备案 (whose copy of the card the clerk accepted as its own) is accepted.
documents::MatterLetter takeInOpeningABusiness(test::HallFixture& h)
{
    const auto items = test::threeItems();
    const core::Matter matter = test::openingABusiness(items);
    REQUIRE(store::CatalogRepository(*h.store)
                .importCatalog(items, {matter}, QStringLiteral("t"))
                .ok());
    QList<core::ReceivedInput> inputs;
    for (const core::ServiceItem& item : items) {
        core::ReceivedInput in = test::completeApplication(item);
        in.itemVersion = store::CatalogRepository(*h.store).currentItem(item.code)->version;
        if (item.code != items.at(1).code)
            in.materials.last().state = core::MaterialState::Missing; // the ID card
        inputs.append(in);
    }
    auto done = h.cases->receiveMatter(
        inputs, matter.code, 1,
        [&](int part, const store::CaseStore::Appended& received) -> core::Result<Decision> {
            if (part == 1)
                return Decision{EventType::Accepted, core::payload::accepted()};
            return Decision{
                EventType::NoticeIssued,
                core::payload::notice(core::correctionsFor(received.state, items.at(part)), 5)};
        },
        QStringLiteral("clerk-1"));
    REQUIRE(done.ok());
    QList<core::MatterPartCase> parts;
    for (int i = 0; i < done->parts.size(); ++i)
        parts.append(core::MatterPartCase{items.at(i), done->parts.at(i).decided.state});
    documents::MatterLetter letter =
        documents::matterLetterFrom(matter, {}, done->matterNumber, parts, QDate(2026, 9, 21));
    letter.hallName = QStringLiteral("城关区政务服务中心");
    letter.issuedOn = QDate(2026, 9, 18);
    return letter;
}

QString pdfOf(documents::MatterLetterKind kind, const documents::MatterLetter& letter,
              const QTemporaryDir& dir)
{
    const QString path = dir.filePath(QStringLiteral("matter.pdf"));
    REQUIRE(documents::writeMatterLetterPdf(kind, letter, path).ok());
    // In drawing order (-raw): a cell's wrapped lines stay together instead of interleaving with
    // the next column's, which is how a reader reads a table.
    int rc = 0;
    const QString text = test::runTool(QStringLiteral("pdftotext"),
                                       {QStringLiteral("-raw"), QStringLiteral("-enc"),
                                        QStringLiteral("UTF-8"), path, QStringLiteral("-")},
                                       &rc);
    REQUIRE(rc == 0);
    return test::compact(text);
}

} // namespace

TEST_CASE("一件事: the receipt lists every part with its case number beside the matter's number")
{
    test::HallFixture h;
    const documents::MatterLetter letter = takeInOpeningABusiness(h);
    QTemporaryDir dir;
    const QString text = pdfOf(documents::MatterLetterKind::Receipt, letter, dir);
    CHECK(text.contains(QStringLiteral("一件事受理回执")));
    CHECK(text.contains(QStringLiteral("一件事编号：620102-20260918-W07-0001-J")));
    for (const char* number :
         {"620102-20260918-W07-0001", "620102-20260918-W07-0002", "620102-20260918-W07-0003"})
        CHECK(text.contains(QString::fromLatin1(number)));
    for (const auto& part : letter.parts) {
        CHECK(text.contains(part.itemName));
        CHECK(text.contains(part.queryCode));
    }
    CHECK(text.contains(QStringLiteral("已受理")));
    CHECK(text.contains(QStringLiteral("一次性告知补正")));
    CHECK(text.contains(QStringLiteral("110105********002X"))); // the ID masked
    CHECK_FALSE(text.contains(QStringLiteral("11010519491231002X")));
    CHECK(text.contains(QStringLiteral("2026年9月21日前办结")));
}

TEST_CASE("一件事: the merged notice tells a shared paper once, naming every part that needs it")
{
    test::HallFixture h;
    const documents::MatterLetter letter = takeInOpeningABusiness(h);
    REQUIRE(letter.corrections.size() == 1);
    QTemporaryDir dir;
    const QString text = pdfOf(documents::MatterLetterKind::Notice, letter, dir);
    CHECK(text.contains(QStringLiteral("一件事一次性告知书")));
    CHECK(text.contains(QStringLiteral("第三十二条")));
    CHECK(text.count(QStringLiteral("申请人身份证件")) == 1);
    CHECK(text.contains(QStringLiteral("设立登记（620102-20260918-W07-0001）")));
    CHECK(text.contains(QStringLiteral("社保登记（620102-20260918-W07-0003）")));
    // The accepted part is not on the notice.
    CHECK_FALSE(text.contains(QStringLiteral("印章刻制备案（")));
    CHECK(text.contains(QStringLiteral("5个工作日内补正")));
}
