// Issue 15, what the first two rounds left: the offices' 文号 and seals (hall.json departments),
// the fee due, the extension's cause said once, the one-time notice's standards.
#include "documents/DocumentFixture.h"
#include "support/CatalogFixtures.h"
#include "support/TestSupport.h"

#include "core/CasePayloads.h"
#include "core/CompetentOffice.h"
#include "store/CatalogRepository.h"

#include <QImage>

using namespace onewindow;
using core::DocumentKind;
using core::EventType;
using documents::PageFormat;
using test::compact;
namespace payload = core::payload;

namespace {

bool has(const test::DocumentFixture::Printed& p, const QString& s)
{
    return compact(p.text).contains(compact(s));
}

bool warned(const QList<core::Error>& warnings, const QString& code)
{
    for (const core::Error& w : warnings)
        if (w.code == code)
            return true;
    return false;
}

QString redSquare(const QString& dir, const QString& name)
{
    QImage seal(200, 200, QImage::Format_ARGB32);
    seal.fill(QColor(200, 20, 30, 190));
    const QString path = dir + QLatin1Char('/') + name;
    REQUIRE(seal.save(path));
    return path;
}

} // namespace

TEST_CASE("GB/T 9704-2012 7.2.4: an office's letters bear its 文号 (代字〔年〕N号), counted per "
          "代字 and year and kept on reprint; without a 代字 the hall's number and a warning")
{
    test::DocumentFixture h;
    documents::HallProfile hall = test::testHall();
    hall.departments.insert(h.item.office, {QStringLiteral("城自然资"), QString()});

    const QString refused = h.refused();
    const auto first = h.print(refused, DocumentKind::Refusal, PageFormat::A4, hall);
    CHECK(first.number == QStringLiteral("城自然资〔2026〕1号"));
    CHECK(has(first, QStringLiteral("城自然资〔2026〕1号")));
    CHECK_FALSE(warned(first.officeWarnings, QStringLiteral("hall.doc_prefix_missing")));
    // Another kind of the same office goes on with the same sequence.
    const auto acceptance = h.print(h.accepted(), DocumentKind::Acceptance, PageFormat::A4, hall);
    CHECK(acceptance.number == QStringLiteral("城自然资〔2026〕2号"));
    // A reprint keeps its number (the document-printed event holds it), with or without 代字.
    const auto again = h.print(refused, DocumentKind::Refusal, PageFormat::A4, test::testHall());
    CHECK(again.reprint);
    CHECK(again.number == first.number);
    // The hall's own documents keep the hall's numbers.
    const auto receipt = h.print(h.receive(), DocumentKind::Receipt, PageFormat::A4, hall);
    CHECK(receipt.number.startsWith(QStringLiteral("620102-SJ-2026-W07-")));

    // No 代字 for the office: the hall's number, said plainly.
    const auto plain = h.print(h.refused(), DocumentKind::Refusal);
    CHECK(plain.number.startsWith(QStringLiteral("620102-BY-2026-W07-")));
    REQUIRE(warned(plain.officeWarnings, QStringLiteral("hall.doc_prefix_missing")));
    CHECK(plain.officeWarnings.first().message.contains(h.item.office));
}

TEST_CASE("A decision carries its office's own seal, never the hall's; without one it names the "
          "office, unsealed, and warns")
{
    test::DocumentFixture h;
    const QString id = h.refused();
    documents::HallProfile hallSeal = test::testHall();
    hallSeal.sealImage = redSquare(h.dir.path(), QStringLiteral("hall-seal.png"));
    const int unsealed = test::pdfImageCount(h.print(id, DocumentKind::Refusal).pdf);

    const auto withHallSeal = h.print(id, DocumentKind::Refusal, PageFormat::A4, hallSeal);
    CHECK(test::pdfImageCount(withHallSeal.pdf) == unsealed); // the hall's seal is not used
    REQUIRE(warned(withHallSeal.officeWarnings, QStringLiteral("hall.office_seal_missing")));
    CHECK(withHallSeal.officeWarnings.first().message.contains(h.item.office));
    CHECK(withHallSeal.text.split(QLatin1Char('\n')).contains(h.item.office));

    documents::HallProfile officeSeal = hallSeal;
    officeSeal.departments.insert(
        h.item.office, {QString(), redSquare(h.dir.path(), QStringLiteral("office-seal.png"))});
    const auto sealed = h.print(id, DocumentKind::Refusal, PageFormat::A4, officeSeal);
    CHECK(test::pdfImageCount(sealed.pdf) > unsealed);
    CHECK_FALSE(warned(sealed.officeWarnings, QStringLiteral("hall.office_seal_missing")));

    // The hall's receipt is sealed with the hall's seal.
    const QString received = h.receive();
    const int receiptBare = test::pdfImageCount(h.print(received, DocumentKind::Receipt).pdf);
    CHECK(test::pdfImageCount(
              h.print(received, DocumentKind::Receipt, PageFormat::A4, officeSeal).pdf) >
          receiptBare);
}

TEST_CASE("hall.json departments give an office its 代字 and seal; a bad 代字 is refused")
{
    test::DocumentFixture h;
    redSquare(h.dir.path(), QStringLiteral("scjg.png"));
    const QByteArray json = R"({"departments": {
        "兰州市城关区市场监督管理局": {"docPrefix": "城市监许", "sealImage": "scjg.png"},
        "兰州市城关区自然资源局": {"docPrefix": "城〔自然〕"}}})";
    const auto loaded =
        documents::hallProfileFromJson(json, h.dir.path(), QStringLiteral("hall.json"));
    const auto market =
        loaded.profile.departments.value(QStringLiteral("兰州市城关区市场监督管理局"));
    CHECK(market.docPrefix == QStringLiteral("城市监许"));
    CHECK(market.sealImage.endsWith(QStringLiteral("/scjg.png")));
    REQUIRE(loaded.warnings.size() == 1);
    CHECK(loaded.warnings.first().code == QStringLiteral("hall.doc_prefix"));
    CHECK(documents::officeDocPrefixes(loaded.profile) ==
          QHash<QString, QString>{
              {QStringLiteral("兰州市城关区市场监督管理局"), QStringLiteral("城市监许")}});
}

TEST_CASE("The acceptance notice states the fee due: one line as due, several as the standard "
          "with its basis once and 以实际核定为准")
{
    test::DocumentFixture h;
    const auto single = h.print(h.accepted(), DocumentKind::Acceptance);
    CHECK(has(single,
              QStringLiteral("收费标准：不动产登记费80.00元（依据：发改价格规〔2016〕2559号）")));
    CHECK_FALSE(has(single, QStringLiteral("以实际核定为准")));

    core::ServiceItem item = test::sampleItem(3, QStringLiteral("不动产转移登记"));
    const QString basis = QStringLiteral("发改价格规〔2016〕2559号");
    item.fees = {
        {QStringLiteral("不动产登记费（住宅类，每件）"), QStringLiteral("80.00"), basis},
        {QStringLiteral("不动产登记费（非住宅类，每件）"), QStringLiteral("550.00"), basis}};
    REQUIRE(store::CatalogRepository(*h.store).importItems({item}, QStringLiteral("test")).ok());
    core::ReceivedInput in = h.intake(false);
    in.itemCode = item.code;
    in.materials = core::checklistFor(item);
    auto r = h.cases->receive(in, QStringLiteral("clerk-1"));
    REQUIRE(r.ok());
    h.append(r->event.caseId, EventType::Accepted, payload::accepted());
    const auto several = h.print(r->event.caseId, DocumentKind::Acceptance);
    INFO(several.text.toStdString());
    CHECK(has(several, QStringLiteral("以实际核定为准")));
    CHECK(compact(several.text).count(basis) == 1);
    CHECK(has(several, QStringLiteral("不动产登记费（非住宅类，每件）550.00元")));
}

TEST_CASE("行政许可法 Art. 42: the extension notice gives the cause once (因…，需延长办理期限), "
          "not the legal phrase again")
{
    test::DocumentFixture h;
    const QString id = h.accepted();
    h.setNow("2026-10-12", "09:00");
    h.append(id, EventType::ExtensionRequested,
             payload::extensionRequested(QStringLiteral("statutory"), 10,
                                         QStringLiteral("情况复杂，需经本机关负责人批准延长 10 "
                                                        "个工作日")));
    h.setNow("2026-10-13", "15:00");
    h.append(id, EventType::ExtensionApproved, {}, QStringLiteral("supervisor-1"));
    const auto p = h.print(id, DocumentKind::Extension);
    INFO(p.text.toStdString());
    CHECK(has(p, QStringLiteral("因情况复杂，需延长办理期限。经本机关负责人于2026年10月13日批准")));
    CHECK(compact(p.text).count(QStringLiteral("批准")) == 1);
    CHECK_FALSE(has(p, QStringLiteral("不能在20个工作日内作出决定")));
}

TEST_CASE("行政许可法 Art. 32: the one-time notice states the standard each material must meet, "
          "from the catalog, against the right material, not its common mistakes")
{
    core::ServiceItem item = test::sampleItem(1, QStringLiteral("不动产转移登记"));
    item.materials[0].form = core::MaterialForm::OriginalAndCopy;
    item.materials[0].copies = 2;
    item.materials[0].sample = QStringLiteral("《不动产登记申请书》（样表）");
    item.materials[0].frequentMistakes = QStringLiteral("委托书未载明委托事项");
    item.materials[1].frequentMistakes = QStringLiteral("申请人签名与身份证件姓名不一致");
    core::CaseState state;
    state.materials = core::checklistFor(item);
    state.materials[1].state = core::MaterialState::Missing;
    state.materials[0].state = core::MaterialState::Defective;
    state.materials[0].problem = QStringLiteral("申请人未签名");
    const QList<core::Correction> out = core::correctionsFor(state, item);
    REQUIRE(out.size() == 2);
    CHECK(out[0].materialName == item.materials[0].name);
    CHECK(out[0].requirement ==
          QStringLiteral("提交原件及复印件2份（纸质），按《不动产登记申请书》（样表）填写"));
    CHECK(out[1].materialName == item.materials[1].name);
    CHECK(out[1].problem == QStringLiteral("未提交"));
    CHECK(out[1].requirement == QStringLiteral("提交原件1份（纸质），适用情形：委托代理人办理的"));
    for (const core::Correction& c : out) {
        CHECK_FALSE(c.requirement.contains(QStringLiteral("注意")));
        CHECK_FALSE(c.requirement.contains(QStringLiteral("不一致")));
        CHECK_FALSE(c.requirement.contains(QStringLiteral("委托书未载明")));
    }
}

TEST_CASE("行政许可法 Art. 32 para. 1 (2): the competent office a refusal names is checked against "
          "the catalog; 居民身份证换领 is never referred to the market regulator")
{
    core::ServiceItem idCard = test::sampleItem(4, QStringLiteral("居民身份证换领、补领"));
    idCard.office = QStringLiteral("兰州市公安局城关分局");
    idCard.department = QStringLiteral("户政");
    core::ServiceItem residence = test::sampleItem(5, QStringLiteral("居住证办理"));
    residence.office = QStringLiteral("兰州市公安局城关分局");
    residence.department = QStringLiteral("户政");
    core::ServiceItem food = test::licenceItem();
    food.office = QStringLiteral("兰州市城关区市场监督管理局");
    food.department = QStringLiteral("市场准入");
    core::ServiceItem otherHukou = test::sampleItem(6, QStringLiteral("户口迁移登记"));
    otherHukou.office = QStringLiteral("兰州市公安局七里河分局");
    otherHukou.department = QStringLiteral("户政");
    const QList<core::ServiceItem> catalog{idCard, residence, food, otherHukou};

    const auto market =
        core::checkCompetentOffice(QStringLiteral("兰州市城关区市场监督管理局"), idCard, catalog);
    REQUIRE_FALSE(market.status.ok());
    CHECK(market.status.error().code == QStringLiteral("refusal.office_not_competent"));
    CHECK(market.status.error().message.contains(QStringLiteral("不办理户政类事项")));
    const auto self = core::checkCompetentOffice(idCard.office, idCard, catalog);
    CHECK_FALSE(self.status.ok());
    const auto police =
        core::checkCompetentOffice(QStringLiteral(" 兰州市公安局七里河分局 "), idCard, catalog);
    CHECK(police.status.ok());
    CHECK_FALSE(police.warning);
    const auto unknown =
        core::checkCompetentOffice(QStringLiteral("北京市公安局朝阳分局"), idCard, catalog);
    CHECK(unknown.status.ok());
    REQUIRE(unknown.warning);
    CHECK(unknown.warning->code == QStringLiteral("refusal.office_unknown"));
    CHECK(unknown.warning->message.contains(QStringLiteral("北京市公安局朝阳分局")));

    // The printed refusal says so too: the fixture's refusal names a body outside its catalog.
    test::DocumentFixture h;
    const auto printed = h.print(h.refused(), DocumentKind::Refusal);
    bool flagged = false;
    for (const core::Error& w : printed.officeWarnings)
        flagged = flagged || (w.code == QStringLiteral("refusal.office_unknown") &&
                              w.message.contains(QStringLiteral("兰州市市场监督管理局")));
    CHECK(flagged);
}
