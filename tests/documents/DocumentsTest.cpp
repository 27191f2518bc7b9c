// Every kind of document rendered to PDF, and its text read back with pdftotext: the case's fields,
// the masked ID, every correction of a notice, the deadlines as printed, the remedies of a refusal.
#include "documents/DocumentFixture.h"
#include "support/TestSupport.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QPainter>

#include <cmath>

using namespace onewindow;
using core::DocumentKind;
using documents::PageFormat;
using test::compact;

namespace {

// The PDF's text holds `expected` exactly (line breaks and spaces of the layout aside).
void requireText(const test::DocumentFixture::Printed& printed, const QStringList& expected)
{
    const QString text = compact(printed.text);
    for (const QString& e : expected) {
        INFO("expected in " << printed.pdf.toStdString() << ": " << e.toStdString());
        INFO("text: " << printed.text.toStdString());
        CHECK(text.contains(compact(e)));
    }
}

QString caseNumberOf(test::DocumentFixture& h, const QString& caseId)
{
    auto s = h.cases->state(caseId);
    REQUIRE(s.ok());
    return s->caseNumber;
}

QString queryCodeOf(test::DocumentFixture& h, const QString& caseId)
{
    auto s = h.cases->state(caseId);
    REQUIRE(s.ok());
    return s->queryCode;
}

const QString kMaskedId = QStringLiteral("110105********002X");
const QString kHall = QStringLiteral("兰州市城关区政务服务中心");

} // namespace

TEST_CASE("Material receipt lists the materials and the notice deadline (行政许可法 Art. 32)")
{
    test::DocumentFixture h;
    const QString id = h.receive();
    const auto p = h.print(id, DocumentKind::Receipt);
    CHECK(p.number == QStringLiteral("620102-SJ-2026-W07-00001"));
    requireText(p, {QStringLiteral("收件凭证"), QStringLiteral("编号：620102-SJ-2026-W07-00001"),
                    caseNumberOf(h, id), queryCodeOf(h, id), QStringLiteral("张三"), kMaskedId,
                    QStringLiteral("食品经营许可"), h.item.materials[0].name,
                    h.item.materials[1].name, QStringLiteral("2026年9月18日"),
                    // 5 working days after Friday 18 September; the 25th is Mid-Autumn Festival.
                    QStringLiteral("将于2026年9月24日之前（含当日）作出是否受理的决定"),
                    QStringLiteral("李娜（W07窗口）"), kHall});
    CHECK_FALSE(p.text.contains(QStringLiteral("11010519491231002X")));

    // The roll bears the same number, but it is the roll's first print, not a 补打 of the A4
    // one; printing the roll again is.
    const auto roll = h.print(id, DocumentKind::Receipt, PageFormat::Receipt80mm);
    CHECK(roll.number == p.number);
    CHECK_FALSE(roll.reprint);
    requireText(roll, {QStringLiteral("收件凭证"), caseNumberOf(h, id), kMaskedId,
                       h.item.materials[0].name});
    CHECK_FALSE(roll.text.contains(QStringLiteral("补打")));
    const auto rollAgain = h.print(id, DocumentKind::Receipt, PageFormat::Receipt80mm);
    CHECK(rollAgain.reprint);
    requireText(rollAgain, {p.number, QStringLiteral("补打")});
}

TEST_CASE("Acceptance notice shows the promised and statutory completion dates as printed")
{
    test::DocumentFixture h;
    const QString id = h.accepted();
    const auto p = h.print(id, DocumentKind::Acceptance);
    CHECK(p.number == QStringLiteral("620102-SL-2026-W07-00001"));
    requireText(p, {QStringLiteral("受理通知书"), QStringLiteral("编号：620102-SL-2026-W07-00001"),
                    QStringLiteral("张三："), caseNumberOf(h, id), queryCodeOf(h, id), kMaskedId,
                    QStringLiteral("139****5678"), QStringLiteral("食品经营许可"),
                    QStringLiteral("决定予以受理，受理日期为2026年9月18日"),
                    // 20 working days after Friday 2026-09-18 (domain.md's worked example).
                    QStringLiteral("法定办结期限为2026年10月22日"),
                    QStringLiteral("承诺于2026年10月9日之前（含当日）办结"),
                    QStringLiteral("窗口领取、邮寄"), QStringLiteral("0931-8888888"),
                    QStringLiteral("申请人（签名）"),
                    // a decision of the item's office (issue 15)
                    QStringLiteral("兰州市城关区自然资源局"),
                    QStringLiteral("《中华人民共和国行政许可法》第三十二条")});
    // The title and the number extract exactly as printed, each on its own line.
    const QStringList lines = p.text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    REQUIRE(lines.size() > 2);
    CHECK(lines[0] == QStringLiteral("受理通知书"));
    CHECK(lines[1] == QStringLiteral("编号：620102-SL-2026-W07-00001"));
    CHECK(test::pdfPageCount(p.pdf) == 1);
    CHECK(test::pdfPageSize(p.pdf).contains(QStringLiteral("(A4)")));

    const auto roll = h.print(id, DocumentKind::Acceptance, PageFormat::Receipt80mm);
    requireText(roll, {QStringLiteral("受理回执"), caseNumberOf(h, id), kMaskedId,
                       QStringLiteral("承诺办结：2026年10月9日"),
                       QStringLiteral("法定办结：2026年10月22日")});
    CHECK_FALSE(roll.text.contains(QStringLiteral("补打"))); // the roll's first print
    CHECK(test::pdfPageSize(roll.pdf).startsWith(QStringLiteral("227 x"))); // 80 mm wide
}

TEST_CASE("One-time notice lists every correction with its standard and the correction period")
{
    test::DocumentFixture h;
    const QString id = h.noticed();
    const auto p = h.print(id, DocumentKind::Notice);
    CHECK(p.number == QStringLiteral("620102-GZ-2026-W07-00001"));
    requireText(p, {QStringLiteral("一次性告知书"), caseNumberOf(h, id), QStringLiteral("张三"),
                    h.item.materials[0].name, QStringLiteral("申请人未签名"),
                    QStringLiteral("申请人本人在申请书末页签名并注明日期"),
                    h.item.materials[1].name, QStringLiteral("未提交"),
                    QStringLiteral("委托代理人办理的，提交授权委托书原件1份"),
                    QStringLiteral("以上共2项，即需要补正的全部内容"),
                    QStringLiteral("补正期限为5个工作日，请于2026年9月24日之前（含当日）"),
                    QStringLiteral("城关区政务服务中心一楼"),
                    QStringLiteral("送达日期：2026年9月18日"), QStringLiteral("申请人（签名）")});
}

TEST_CASE("Refusal states reason, competent office and remedies with the bodies named (Art. 38)")
{
    test::DocumentFixture h;
    const QString id = h.refused();
    const auto p = h.print(id, DocumentKind::Refusal);
    CHECK(p.number == QStringLiteral("620102-BY-2026-W07-00001"));
    CHECK(p.warnings.isEmpty());
    requireText(p, {QStringLiteral("不予受理决定书"), caseNumberOf(h, id), QStringLiteral("张三"),
                    kMaskedId, QStringLiteral("2026年9月18日"),
                    QStringLiteral("该申请事项属于市级审批权限"),
                    QStringLiteral("《中华人民共和国行政许可法》第三十二条第一款第（二）项"),
                    QStringLiteral("请向兰州市市场监督管理局提出申请"),
                    QStringLiteral("六十日内向兰州市城关区人民政府申请行政复议"),
                    QStringLiteral("六个月内直接向兰州市城关区人民法院提起行政诉讼")});

    // Without configured bodies the remedy is still stated, and the hall is told.
    const auto generic =
        h.print(id, DocumentKind::Refusal, PageFormat::A4, documents::defaultHallProfile());
    CHECK(generic.reprint);
    REQUIRE(generic.warnings.size() == 1);
    CHECK(generic.warnings.first().code == QStringLiteral("hall.remedy_bodies"));
    requireText(generic, {QStringLiteral("六十日内向有管辖权的行政复议机关申请行政复议")});
}

TEST_CASE("Extension notice gives reason, approver, length and the new deadline (Art. 42)")
{
    test::DocumentFixture h;
    const QString id = h.extended();
    const auto p = h.print(id, DocumentKind::Extension);
    CHECK(p.number == QStringLiteral("620102-YQ-2026-W07-00001"));
    requireText(p, {QStringLiteral("延期告知书"), caseNumberOf(h, id),
                    QStringLiteral("本机关已于2026年9月18日受理"),
                    QStringLiteral("因组织现场核查，需延长办理期限。经本机关负责人"),
                    QStringLiteral("经本机关负责人于2026年10月13日批准"),
                    QStringLiteral("法定办理期限延长10个工作日"),
                    QStringLiteral("原办结期限为2026年10月22日"),
                    QStringLiteral("延长后的办结期限为2026年11月5日"),
                    QStringLiteral("《中华人民共和国行政许可法》第四十二条")});
}

TEST_CASE("Suspension notice gives the statutory reason, start and expected end (Art. 45)")
{
    test::DocumentFixture h;
    const QString id = h.suspended();
    const auto p = h.print(id, DocumentKind::Suspension);
    CHECK(p.number == QStringLiteral("620102-ZZ-2026-W07-00001"));
    requireText(p, {QStringLiteral("中止（除外时间）告知书"), caseNumberOf(h, id),
                    QStringLiteral("因需要检验（经营场所现场检验）"),
                    QStringLiteral("自2026年9月28日起中止计算办理期限"),
                    QStringLiteral("预计结束时间：2026年10月16日"),
                    QStringLiteral("《中华人民共和国行政许可法》第四十五条")});
}

TEST_CASE("Result ready notice and pickup slip")
{
    test::DocumentFixture h;
    const QString id = h.ready();
    const auto p = h.print(id, DocumentKind::Ready);
    CHECK(p.number == QStringLiteral("620102-CJ-2026-W07-00001"));
    requireText(p, {QStringLiteral("出件通知"), caseNumberOf(h, id), kMaskedId,
                    QStringLiteral("已于2026年9月30日办结，准予办理"),
                    QStringLiteral("城食经许〔2026〕123号"),
                    QStringLiteral("城关区政务服务中心一楼"), QStringLiteral("领取人（签名）")});
    const auto slip = h.print(id, DocumentKind::Ready, PageFormat::Receipt80mm);
    requireText(slip, {QStringLiteral("领取签收单"), caseNumberOf(h, id), kMaskedId,
                       QStringLiteral("可领取日期：2026年9月30日"),
                       QStringLiteral("城食经许〔2026〕123号"), QStringLiteral("领取人（签名）")});
}

TEST_CASE("Supervision order names the clerk, the matter, the reply date and the warning")
{
    test::DocumentFixture h;
    const QString id = h.supervised();
    const auto p = h.print(id, DocumentKind::Supervision);
    CHECK(p.number == QStringLiteral("620102-DB-2026-W07-00001"));
    CHECK(p.qrPayload.isEmpty()); // an internal document
    requireText(p, {QStringLiteral("督办单"), QStringLiteral("赵敏（W03窗口）："),
                    caseNumberOf(h, id), QStringLiteral("承诺时限已过，请加快审查进度"),
                    QStringLiteral("请于2026年10月21日之前（含当日）反馈办理情况"),
                    // Promised 2026-10-09 has passed; statutory 2026-10-22 has 3 days left:
                    // the card and the brackets both come from the statutory clock (issue 15).
                    QStringLiteral("黄牌（法定时限剩余3个工作日）"),
                    QStringLiteral("2026年10月22日"), QStringLiteral("王强")});
}

TEST_CASE("A document says what the case said at its act: later events do not change it")
{
    test::DocumentFixture h;
    const QString id = h.extended(); // the extension moved the statutory deadline
    const auto p = h.print(id, DocumentKind::Acceptance);
    requireText(p, {QStringLiteral("法定办结期限为2026年10月22日"),
                    QStringLiteral("2026年9月18日")}); // dated the day of acceptance
    CHECK_FALSE(compact(p.text).contains(QStringLiteral("2026年11月5日")));
}

// Not run by default: `test_documents "[.review]"` writes every kind, A4 and 80 mm, with a seal
// image, to $ONEWINDOW_DOCS_REVIEW (default /tmp/docs-review) for a person to look at.
TEST_CASE("Pages for review", "[.review]")
{
    const QString out = qEnvironmentVariableIsSet("ONEWINDOW_DOCS_REVIEW")
                            ? qEnvironmentVariable("ONEWINDOW_DOCS_REVIEW")
                            : QStringLiteral("/tmp/docs-review");
    REQUIRE(QDir().mkpath(out));
    test::DocumentFixture h;
    QImage seal(600, 600, QImage::Format_ARGB32);
    seal.fill(Qt::transparent);
    {
        QPainter p(&seal);
        p.setRenderHint(QPainter::Antialiasing);
        const QColor red(215, 25, 32);
        p.setPen(QPen(red, 18));
        p.drawEllipse(QRectF(15, 15, 570, 570));
        QPolygonF star;
        for (int i = 0; i < 10; ++i) {
            const qreal r = i % 2 ? 38 : 95;
            const qreal a = -M_PI / 2 + i * M_PI / 5;
            star << QPointF(300 + r * std::cos(a), 290 + r * std::sin(a));
        }
        p.setPen(Qt::NoPen);
        p.setBrush(red);
        p.drawPolygon(star);
        QFont f(documents::documentFontFamily());
        f.setPixelSize(56);
        f.setBold(true);
        p.setFont(f);
        p.setPen(red);
        const QString ring = QStringLiteral("兰州市城关区政务服务中心");
        for (int i = 0; i < ring.size(); ++i) {
            p.save();
            p.translate(300, 300);
            p.rotate(-150 + i * 300.0 / (ring.size() - 1));
            p.drawText(QRectF(-40, -270, 80, 70), Qt::AlignCenter, ring.mid(i, 1));
            p.restore();
        }
        f.setPixelSize(50);
        p.setFont(f);
        p.drawText(QRectF(100, 400, 400, 70), Qt::AlignCenter, QStringLiteral("受理专用章"));
    }
    const QString sealPath = h.dir.filePath(QStringLiteral("seal.png"));
    REQUIRE(seal.save(sealPath));
    documents::HallProfile hall = test::testHall();
    hall.sealImage = sealPath;
    for (DocumentKind kind : core::allDocumentKinds()) {
        const QString id = h.caseOf(kind);
        for (PageFormat format : {PageFormat::A4, PageFormat::Receipt80mm}) {
            if (!documents::hasFormat(kind, format))
                continue;
            const auto p =
                h.print(id, kind, format, kind == DocumentKind::Notice ? test::testHall() : hall);
            const QString name =
                QStringLiteral("%1/%2-%3.pdf")
                    .arg(out, core::documentKindKey(kind), documents::pageFormatKey(format));
            QFile::remove(name);
            REQUIRE(QFile::copy(p.pdf, name));
        }
    }
}
