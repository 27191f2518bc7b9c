// Issue 15's wording, read back from the rendered PDFs: names not logins, the issuing body, the
// law of the item's type, where to query, 您/贵单位, fields apart, the phone masked, last days
// that say whether they count, and the kind-by-kind fixes.
#include "documents/DocumentFixture.h"
#include "support/CatalogFixtures.h"
#include "support/TestSupport.h"

#include "core/CasePayloads.h"
#include "store/CatalogRepository.h"

#include <QRegularExpression>

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

// An item the catalog types 行政确认, with its own basis (不动产登记暂行条例).
core::ServiceItem confirmationItem(test::DocumentFixture& h)
{
    core::ServiceItem item = test::sampleItem(2, QStringLiteral("不动产首次登记"));
    REQUIRE(item.kind == core::ItemKind::Confirmation);
    REQUIRE(store::CatalogRepository(*h.store).importItems({item}, QStringLiteral("test")).ok());
    return item;
}

QString receiveFor(test::DocumentFixture& h, const core::ServiceItem& item,
                   const core::Applicant& applicant)
{
    core::ReceivedInput in = h.intake(false);
    in.itemCode = item.code;
    in.materials = core::checklistFor(item);
    in.applicant = applicant;
    auto r = h.cases->receive(in, QStringLiteral("clerk-1"));
    INFO((r ? QString() : r.error().message).toStdString());
    REQUIRE(r.ok());
    return r->event.caseId;
}

core::Applicant organisation()
{
    core::Applicant a;
    a.organisation = true;
    a.name = QStringLiteral("兰州金城餐饮有限公司");
    a.uscc = QStringLiteral("11620102MB1234567B");
    a.phone = QStringLiteral("13987654321");
    a.legalRepresentative = QStringLiteral("刘洋");
    a.agentName = QStringLiteral("陈晨");
    a.agentIdNumber = QStringLiteral("11010519491231002X");
    return a;
}

} // namespace

TEST_CASE("行政许可法 applies to 行政许可 only: a 行政确认 item's letters cite its own basis")
{
    test::DocumentFixture h;
    const core::ServiceItem item = confirmationItem(h);
    const QString id = receiveFor(h, item, h.intake(false).applicant);
    const auto receipt = h.print(id, DocumentKind::Receipt);
    h.append(id, EventType::Accepted, payload::accepted());
    const auto acceptance = h.print(id, DocumentKind::Acceptance);
    for (const auto& p : {receipt, acceptance}) {
        INFO(p.text.toStdString());
        CHECK_FALSE(has(p, QStringLiteral("行政许可法")));
    }
    CHECK(has(acceptance, QStringLiteral("办理依据：《不动产登记暂行条例》第二十条")));
    CHECK(has(acceptance, QStringLiteral("决定予以受理")));

    // The licence item of the fixture still cites Art. 32.
    const auto licence = h.print(h.accepted(), DocumentKind::Acceptance);
    CHECK(has(licence, QStringLiteral("《中华人民共和国行政许可法》第三十二条")));
}

TEST_CASE("Staff are printed by name, never by login; a user without a name is warned about")
{
    test::DocumentFixture h;
    const QString id = h.extended();
    const auto acceptance = h.print(id, DocumentKind::Acceptance);
    CHECK(has(acceptance, QStringLiteral("李娜（W07窗口）")));
    CHECK_FALSE(acceptance.text.contains(QStringLiteral("clerk-1")));
    // 行政许可法 Art. 42: the extension is approved by the head of the office, not a login.
    const auto extension = h.print(id, DocumentKind::Extension);
    CHECK(has(extension, QStringLiteral("经本机关负责人于2026年10月13日批准")));
    CHECK_FALSE(has(extension, QStringLiteral("王强")));
    CHECK_FALSE(extension.text.contains(QStringLiteral("supervisor-1")));

    h.staff.remove(QStringLiteral("clerk-1"));
    const auto unnamed = h.print(id, DocumentKind::Acceptance);
    CHECK_FALSE(unnamed.text.contains(QStringLiteral("clerk-1")));
    CHECK(has(unnamed, QStringLiteral("（姓名未登记）（W07窗口）")));
    REQUIRE(unnamed.warnings.size() == 1);
    CHECK(unnamed.warnings.first().code == QStringLiteral("document.staff_unnamed"));
    CHECK(unnamed.warnings.first().message.contains(QStringLiteral("没有登记姓名")));
}

TEST_CASE("A decision is issued by the item's office, a receipt by the hall")
{
    test::DocumentFixture h;
    const auto refusal = h.print(h.refused(), DocumentKind::Refusal);
    CHECK(has(refusal, QStringLiteral("本机关决定不予受理")));
    CHECK_FALSE(has(refusal, QStringLiteral("本中心决定")));
    const QStringList lines = refusal.text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    CHECK(lines.contains(QStringLiteral("兰州市城关区自然资源局")));
    CHECK_FALSE(lines.contains(QStringLiteral("兰州市城关区政务服务中心")));

    const auto receipt = h.print(h.receive(), DocumentKind::Receipt);
    CHECK(
        receipt.text.split(QLatin1Char('\n')).contains(QStringLiteral("兰州市城关区政务服务中心")));

    documents::HallProfile onBehalf = test::testHall();
    onBehalf.receivesOnBehalf = true;
    const auto served = h.print(h.suspended(), DocumentKind::Suspension, PageFormat::A4, onBehalf);
    CHECK(has(served, QStringLiteral("（兰州市城关区政务服务中心代为受理、送达）")));
    CHECK(has(served, QStringLiteral("本机关已于2026年9月18日受理")));
}

TEST_CASE("Where to query is printed as text; the QR code holds the status page when configured")
{
    test::DocumentFixture h;
    const QString id = h.accepted();
    auto s = h.cases->state(id);
    REQUIRE(s.ok());
    const auto plain = h.print(id, DocumentKind::Acceptance);
    CHECK(plain.qrPayload.startsWith("OW:"));
    CHECK_FALSE(has(plain, QStringLiteral("扫描")));
    CHECK(has(plain, QStringLiteral("凭办件编号和查询码拨打0931-8888000或到窗口查询办理进度")));

    documents::HallProfile hall = test::testHall();
    hall.queryBaseUrl = QStringLiteral("https://zwfw.example.gov.cn");
    const auto linked = h.print(id, DocumentKind::Acceptance, PageFormat::A4, hall);
    const QString url =
        QStringLiteral("https://zwfw.example.gov.cn/q/%1?code=%2").arg(s->caseNumber, s->queryCode);
    CHECK(QString::fromLatin1(linked.qrPayload) == url);
    CHECK(has(linked, url));
    CHECK(test::decodeQr(test::renderPng(linked.pdf, 150)) == url);
}

TEST_CASE("An organisation is 贵单位 with its legal representative and agent in the header")
{
    test::DocumentFixture h;
    const QString id = receiveFor(h, h.item, organisation());
    h.append(id, EventType::Refused,
             payload::refused(QStringLiteral("other"), QStringLiteral("申请事项已由他人办结。")));
    const auto p = h.print(id, DocumentKind::Refusal);
    INFO(p.text.toStdString());
    CHECK(has(p, QStringLiteral("贵单位于")));
    CHECK_FALSE(has(p, QStringLiteral("您（单位）")));
    CHECK(has(p, QStringLiteral("法定代表人：刘洋")));
    CHECK(has(p, QStringLiteral("委托代理人：陈晨")));
    CHECK(has(p, QStringLiteral("申请人（盖章）")));
    // The reason once, without the category's label; "other" rests on Art. 32 para. 1.
    CHECK(has(p, QStringLiteral("经审查，申请事项已由他人办结。")));
    CHECK_FALSE(has(p, QStringLiteral("其他：")));
    CHECK(has(p, QStringLiteral("《中华人民共和国行政许可法》第三十二条第一款的规定")));
    // The ID and phone stand before the remedies.
    const QString text = compact(p.text);
    CHECK(text.indexOf(QStringLiteral("联系电话")) < text.indexOf(QStringLiteral("行政复议")));

    const auto person = h.print(h.accepted(), DocumentKind::Acceptance);
    CHECK(has(person, QStringLiteral("您于")));
    CHECK_FALSE(has(person, QStringLiteral("贵单位")));
}

TEST_CASE("Every printed kind masks the applicant's phone and keeps fields apart")
{
    test::DocumentFixture h;
    for (DocumentKind kind : core::allDocumentKinds()) {
        const QString id = h.caseOf(kind);
        for (PageFormat format : {PageFormat::A4, PageFormat::Receipt80mm}) {
            if (!documents::hasFormat(kind, format))
                continue;
            const auto p = h.print(id, kind, format);
            INFO(p.pdf.toStdString() << "\n" << p.text.toStdString());
            CHECK_FALSE(p.text.contains(QStringLiteral("13912345678")));
            for (const QString& line : p.text.split(QLatin1Char('\n'))) {
                CHECK_FALSE((line.contains(QStringLiteral("咨询电话")) &&
                             line.contains(QStringLiteral("经办人"))));
                CHECK_FALSE((line.contains(QStringLiteral("办公时间")) &&
                             line.contains(QStringLiteral("咨询电话"))));
            }
            // A last day says that it counts: never "…日前".
            CHECK_FALSE(
                QRegularExpression(QStringLiteral("\\d日前")).match(compact(p.text)).hasMatch());
        }
    }
    const auto refusal = h.print(h.refused(), DocumentKind::Refusal);
    CHECK(has(refusal, QStringLiteral("联系电话：139****5678")));
}

TEST_CASE("Material receipt counts what it lists and the roll never lists a missing material as "
          "received")
{
    test::DocumentFixture h;
    const QString id = h.receive(true);
    const auto a4 = h.print(id, DocumentKind::Receipt);
    CHECK(has(a4, QStringLiteral("清单如下（共2项，已收取1项）")));
    const auto roll = h.print(id, DocumentKind::Receipt, PageFormat::Receipt80mm);
    INFO(roll.text.toStdString());
    CHECK(has(roll, QStringLiteral("不符合要求：申请人未签名")));
    CHECK(has(roll, QStringLiteral("未收到材料：1.") + h.item.materials[1].name));
    CHECK_FALSE(has(roll, QStringLiteral("0份")));
}

TEST_CASE("A second one-time notice refers to the first and prints no internal approval")
{
    test::DocumentFixture h;
    const QString id = h.noticed();
    h.setNow("2026-09-21", "09:00");
    QList<core::MaterialCheck> fixed = h.cases->state(id)->materials;
    fixed[1].state = core::MaterialState::Provided;
    fixed[1].copies = 1;
    h.append(id, EventType::Corrected, payload::corrected(fixed));
    const QList<core::Correction> again{{h.item.materials[0].code, h.item.materials[0].name,
                                         QStringLiteral("签名与身份证件不一致"),
                                         QStringLiteral("申请人本人签名")}};
    h.append(id, EventType::NoticeIssued,
             payload::notice(again, 5, true, QStringLiteral("补正后发现新问题"),
                             QStringLiteral("supervisor-1")),
             QStringLiteral("supervisor-1"));
    const auto p = h.print(id, DocumentKind::Notice);
    INFO(p.text.toStdString());
    CHECK(has(p, QStringLiteral("本机关已于2026年9月18日出具一次性告知书")));
    CHECK_FALSE(has(p, QStringLiteral("补正后发现新问题")));
    CHECK_FALSE(has(p, QStringLiteral("王强")));
    // The first sentence has its verb; the consequence of not correcting is stated.
    CHECK(has(p, QStringLiteral("本机关于2026年9月18日收到您提交的")));
    CHECK(has(p, QStringLiteral("逾期未补正的，本机关不再受理本次申请")));
}

TEST_CASE("Suspension states the deadlines as they stood and says 需要 once")
{
    test::DocumentFixture h;
    const QString id = h.accepted();
    h.setNow("2026-09-28", "11:00");
    h.append(id, EventType::Suspended,
             payload::suspended(QStringLiteral("inspection"), QStringLiteral("需委托第三方检验。"),
                                test::d("2026-10-16")));
    const auto p = h.print(id, DocumentKind::Suspension);
    INFO(p.text.toStdString());
    CHECK(has(p, QStringLiteral("因需要检验（委托第三方检验）")));
    CHECK(has(p, QStringLiteral("中止前，本件法定办结期限为2026年10月22日，承诺办结期")));
}

TEST_CASE("Pickup notice gives the collection deadline and says a refusal plainly")
{
    test::DocumentFixture h;
    const QString granted = h.ready();
    const auto p = h.print(granted, DocumentKind::Ready);
    INFO(p.text.toStdString());
    CHECK(QRegularExpression(QStringLiteral("请于\\d{4}年\\d+月\\d+日之前（含当日）领取"))
              .match(compact(p.text))
              .hasMatch());
    CHECK(compact(p.text).count(QStringLiteral("工作日9:00-12:00")) == 1);
    const auto slip = h.print(granted, DocumentKind::Ready, PageFormat::Receipt80mm);
    CHECK(has(slip, QStringLiteral("咨询电话：0931-8888888")));
    CHECK(has(slip, QStringLiteral("办公时间：工作日9:00-12:00")));

    const QString refused = h.accepted();
    h.setNow("2026-09-30", "14:00");
    h.append(refused, EventType::Decided, payload::decided(QStringLiteral("not_granted")));
    h.append(refused, EventType::ResultReady, {});
    const auto no = h.print(refused, DocumentKind::Ready);
    CHECK(has(no, QStringLiteral("已于2026年9月30日作出不予办理的决定")));
    CHECK_FALSE(has(no, QStringLiteral("（不予）")));
}
