// Issue 19: the letters of a disclosure application read back from their PDFs: the reply
// (政府信息公开条例 Art. 36) for each reply type with the remedies, the letter to a third party
// (Art. 32) and the processing fee's notice (国办函〔2020〕109号).
#include "documents/DocumentFixture.h"
#include "support/TestSupport.h"

#include "core/CasePayloads.h"
#include "core/DateText.h"
#include "core/EventText.h"

using namespace onewindow;
using core::DocumentKind;
using core::EventType;
using core::ReplyRow;
using core::ReplyType;
using test::compact;
namespace payload = core::payload;

namespace {

bool has(const test::DocumentFixture::Printed& p, const QString& s)
{
    return compact(p.text).contains(compact(s));
}

// A disclosure application answered on 2026-09-25 by one row.
QString answered(test::DocumentFixture& h, const ReplyRow& row)
{
    const QString id = h.disclosure();
    h.setNow("2026-09-25", "15:00");
    h.append(id, EventType::DisclosureReplied,
             payload::disclosureReplied({row}, QStringLiteral("natural_person")));
    return id;
}

} // namespace

TEST_CASE("政府信息公开条例 Art. 36: the reply letter answers each request and names the remedies")
{
    test::DocumentFixture h;
    const QString id = h.replied();
    const auto p = h.print(id, DocumentKind::DisclosureReply);
    INFO(p.text.toStdString());
    CHECK(has(p, QStringLiteral("政府信息公开申请答复书")));
    CHECK(has(p, p.number));
    CHECK(has(p, QStringLiteral("共3项申请内容")));
    // One row per request, each with what its reply must say.
    CHECK(has(p, QStringLiteral("2025年部门预算")));
    CHECK(has(p, QStringLiteral("区政府门户网站财政预决算专栏")));
    CHECK(has(p, QStringLiteral("某道路改造工程施工合同")));
    CHECK(has(p, QStringLiteral("保护第三方合法权益")));
    CHECK(has(p, QStringLiteral("第十五条")));
    CHECK(has(p, QStringLiteral("第三十七条")));
    CHECK(has(p, QStringLiteral("国家税务总局城关区税务局")));
    // Art. 32: how the third party's opinion was weighed.
    CHECK(has(p, QStringLiteral("第三方不同意公开")));
    CHECK(has(p, QStringLiteral("报价明细不予公开，其余部分予以公开")));
    // The remedies: review within 60 days, suit within six months, the bodies named.
    CHECK(has(p, QStringLiteral("六十日内向兰州市城关区人民政府申请行政复议")));
    CHECK(has(p, QStringLiteral("六个月内直接向兰州市城关区人民法院提起行政诉讼")));
    CHECK(has(p, QStringLiteral("2026年10月12日")));
    // Numbered like the other letters: a second print is a reprint under the same number.
    CHECK_FALSE(p.reprint);
    const auto again = h.print(id, DocumentKind::DisclosureReply);
    CHECK(again.reprint);
    CHECK(again.number == p.number);
    CHECK(has(again, QStringLiteral("补打")));
}

TEST_CASE("政府信息公开条例 Art. 36: the reply collected in person is signed for on the 80 mm "
          "slip")
{
    test::DocumentFixture h;
    const QString id = h.replied();
    const auto letter = h.print(id, DocumentKind::DisclosureReply);
    const auto slip =
        h.print(id, DocumentKind::DisclosureReply, documents::PageFormat::Receipt80mm);
    INFO(slip.text.toStdString());
    CHECK(test::pdfPageSize(slip.pdf).startsWith(QStringLiteral("227 x"))); // 80 mm wide
    CHECK(has(slip, QStringLiteral("答复书领取签收单")));
    // The same document as the letter it hands over: its number. But the slip's first print, not
    // a reprint of the letter (it used to say 补打); printing the slip again is one.
    CHECK(slip.number == letter.number);
    CHECK(has(slip, slip.number));
    CHECK_FALSE(slip.reprint);
    CHECK_FALSE(has(slip, QStringLiteral("补打")));
    CHECK(has(slip, QStringLiteral("答复日期：2026年10月12日")));
    CHECK(has(slip, QStringLiteral("共3项")));
    // Each request with its reply type, short.
    CHECK(has(slip, QStringLiteral("1.2025年部门预算：已主动公开")));
    CHECK(has(slip, QStringLiteral("2.某道路改造工程施工合同：部分公开")));
    CHECK(has(slip, QStringLiteral("3.某企业纳税情况：不属于本机关负责公开")));
    // The remedies, named, and who collected it signs with an ID number.
    CHECK(has(slip, QStringLiteral("六十日内向兰州市城关区人民政府申请行政复议")));
    CHECK(has(slip, QStringLiteral("六个月内向兰州市城关区人民法院提起行政诉讼")));
    CHECK(has(slip, QStringLiteral("领取人（签名）")));
    CHECK(has(slip, QStringLiteral("证件号码")));
    // The letter's full rows stay on the letter: the slip has no 答复意见 column.
    CHECK_FALSE(has(slip, QStringLiteral("答复意见")));
    CHECK_FALSE(has(letter, QStringLiteral("答复书领取签收单")));

    const auto slipAgain =
        h.print(id, DocumentKind::DisclosureReply, documents::PageFormat::Receipt80mm);
    CHECK(slipAgain.reprint);
    CHECK(slipAgain.number == letter.number);
    CHECK(has(slipAgain, QStringLiteral("补打")));
    // The timeline says which paper each print was on.
    auto events = h.cases->events(id);
    REQUIRE(events.ok());
    QStringList printed;
    for (const core::Event& e : *events)
        if (e.type == core::EventType::DocumentPrinted)
            printed.append(core::describeEvent(e));
    REQUIRE(printed.size() == 3);
    CHECK_FALSE(printed[0].contains(QStringLiteral("80 毫米")));
    CHECK(printed[1].contains(QStringLiteral("80 毫米小票")));
    CHECK_FALSE(printed[1].contains(QStringLiteral("补打")));
    INFO(printed.join(QLatin1Char('\n')).toStdString());
    CHECK(printed[2].endsWith(QStringLiteral("（80 毫米小票）（补打）")));
}

TEST_CASE("政府信息公开条例 Art. 36: every reply type's required content is on its letter")
{
    struct Expect
    {
        ReplyRow row;
        QStringList says;
    };
    const QList<Expect> all{
        {{QStringLiteral("预算"),
          ReplyType::Published,
          {},
          QStringLiteral("门户网站公开专栏"),
          {},
          {}},
         {QStringLiteral("已经主动公开"), QStringLiteral("门户网站公开专栏"),
          QStringLiteral("第三十六条第（一）项")}},
        {{QStringLiteral("方案"),
          ReplyType::Disclosed,
          {},
          QStringLiteral("随本答复书提供复印件"),
          {},
          {}},
         {QStringLiteral("予以公开"), QStringLiteral("随本答复书提供复印件"),
          QStringLiteral("第三十六条第（二）项")}},
        {{QStringLiteral("合同"),
          ReplyType::PartlyDisclosed,
          QStringLiteral("third_party_rights"),
          QStringLiteral("合同正文"),
          {},
          {}},
         {QStringLiteral("区分处理"), QStringLiteral("第十五条"), QStringLiteral("第三十七条")}},
        {{QStringLiteral("规划图"),
          ReplyType::NotDisclosed,
          QStringLiteral("state_secret"),
          QStringLiteral("经保密审查属于秘密级"),
          {},
          {}},
         {QStringLiteral("属于国家秘密"), QStringLiteral("第十四条"),
          QStringLiteral("经保密审查属于秘密级"), QStringLiteral("决定不予公开")}},
        {{QStringLiteral("台账"), ReplyType::NotExist, {}, {}, {}, {}},
         {QStringLiteral("该政府信息不存在"), QStringLiteral("第三十六条第（四）项")}},
        {{QStringLiteral("纳税情况"), ReplyType::NotOurs, {}, {}, QStringLiteral("区税务局"), {}},
         {QStringLiteral("不属于本机关负责公开"), QStringLiteral("区税务局")}},
        {{QStringLiteral("许可证"),
          ReplyType::Repeated,
          {},
          QStringLiteral("城政信公〔2026〕12号"),
          {},
          {}},
         {QStringLiteral("不予重复处理"), QStringLiteral("城政信公〔2026〕12号")}},
        {{QStringLiteral("登记资料"),
          ReplyType::OtherLaws,
          {},
          {},
          {},
          QStringLiteral("向不动产登记机构申请查询")},
         {QStringLiteral("特别规定"), QStringLiteral("向不动产登记机构申请查询"),
          QStringLiteral("第三十六条第（七）项")}},
        {{QStringLiteral("统计分析"),
          ReplyType::CannotProvide,
          QStringLiteral("must_be_created"),
          {},
          {},
          {}},
         {QStringLiteral("加工、分析"), QStringLiteral("第三十八条")}},
        {{QStringLiteral("投诉"), ReplyType::NotHandled, QStringLiteral("petition"), {}, {}, {}},
         {QStringLiteral("不作为政府信息公开申请处理"), QStringLiteral("第三十九条")}},
    };
    REQUIRE(all.size() == int(core::kReplyTypes.size()));
    for (const Expect& e : all) {
        test::DocumentFixture h;
        const auto p = h.print(answered(h, e.row), DocumentKind::DisclosureReply);
        INFO(core::keyOf(core::kReplyTypes, e.row.type).toStdString() << "\n"
                                                                      << p.text.toStdString());
        CHECK(has(p, core::nameOf(core::kReplyTypes, e.row.type)));
        CHECK(has(p, e.row.request));
        for (const QString& s : e.says)
            CHECK(has(p, s));
        CHECK(has(p, QStringLiteral("申请行政复议")));
        CHECK(has(p, QStringLiteral("提起行政诉讼")));
    }
}

TEST_CASE("政府信息公开条例 Art. 32: the letter to the third party names it and its 15 working "
          "days, never the applicant")
{
    test::DocumentFixture h;
    const QString id = h.consulted();
    const auto p = h.print(id, DocumentKind::ThirdPartyLetter);
    INFO(p.text.toStdString());
    const QDate due =
        h.cases->load(id)->context.calendar->nthWorkingDayAfter(test::d("2026-09-22"), 15)->date;
    CHECK(has(p, QStringLiteral("政府信息公开征求第三方意见函")));
    CHECK(has(p, p.number));
    CHECK(has(p, QStringLiteral("兰州金城建设有限公司：")));
    CHECK(has(p, QStringLiteral("涉及其商业秘密")));
    CHECK(has(p, QStringLiteral("15个工作日")));
    CHECK(has(p, core::chineseDate(due)));
    CHECK(has(p, QStringLiteral("逾期未提出意见的，由本机关依照条例的规定决定是否公开")));
    CHECK_FALSE(has(p, QStringLiteral("张三")));
    CHECK(p.qrPayload.isEmpty()); // the applicant's query code is not the third party's
    // A case without a consultation has no such letter.
    const auto plain = h.cases->load(h.disclosure());
    REQUIRE(plain.ok());
    const auto none = core::documentSource(DocumentKind::ThirdPartyLetter, plain->state,
                                           plain->events, plain->context.zone);
    REQUIRE_FALSE(none.ok());
    CHECK(none.error().message.contains(QStringLiteral("没有征求第三方意见的记录")));
}

TEST_CASE("国办函〔2020〕109号: the fee notice states basis, amount, how and by when to pay")
{
    test::DocumentFixture h;
    const QString id = h.feeNoticed();
    const auto p = h.print(id, DocumentKind::FeeNotice);
    INFO(p.text.toStdString());
    const QDate due =
        h.cases->load(id)->context.calendar->nthWorkingDayAfter(test::d("2026-09-21"), 20)->date;
    CHECK(has(p, QStringLiteral("信息处理费收费通知书")));
    CHECK(has(p, p.number));
    CHECK(has(p, QStringLiteral("按量计收：共120页，1100元")));
    CHECK(has(p, QStringLiteral("第五条")));
    CHECK(has(p, QStringLiteral("101—200页（含200页）的部分，20元/页")));
    CHECK(has(p, QStringLiteral("人民币1100元")));
    CHECK(has(p, core::chineseDate(due)));
    CHECK(has(p, QStringLiteral("视为撤回申请")));
    CHECK(has(p, QStringLiteral("不计算在答复期限内")));
    CHECK(has(p, QStringLiteral("兰州市城关区北滨河中路1号")));
}
