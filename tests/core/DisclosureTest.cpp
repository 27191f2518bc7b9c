// Issue 19: a disclosure application answered as the Regulation says: the replies of Art. 36, the
// third party's opinion (Art. 32) and the processing fee (国办函〔2020〕109号).
#include "core/DisclosureApplicant.h"
#include "core/DisclosureFee.h"
#include "core/EventSpec.h"
#include "core/SystemEvents.h"
#include "support/CaseBuilder.h"
#include "support/CatalogFixtures.h"
#include "support/TestSupport.h"

#include <QJsonArray>

using namespace onewindow;
using core::EventType;
using core::ReplyRow;
using core::ReplyType;
using onewindow::test::d;
namespace payload = core::payload;

namespace {

core::ServiceItem disclosureItem()
{
    core::ServiceItem item = test::licenceItem();
    item.name = QStringLiteral("政府信息公开申请");
    item.profile = core::ProcedureProfile::Disclosure;
    item.kind = core::ItemKind::Disclosure;
    return item;
}

// Received and accepted on Friday 2026-09-18.
test::CaseBuilder acceptedApplication()
{
    test::CaseBuilder c(disclosureItem());
    REQUIRE(
        c.add(EventType::Received, payload::received(c.receivedInput("2026-09-18")), "2026-09-18")
            .ok());
    REQUIRE(c.add(EventType::Accepted, payload::accepted(), "2026-09-18").ok());
    return c;
}

ReplyRow row(const char* request, ReplyType type, const QString& reason = {},
             const QString& detail = {}, const QString& office = {}, const QString& route = {})
{
    return ReplyRow{QString::fromUtf8(request), type, reason, detail, office, route};
}

QJsonObject reply(const QList<ReplyRow>& rows, const QString& weighed = {})
{
    return payload::disclosureReplied(rows, QStringLiteral("natural_person"), weighed);
}

// The working days d with from < d <= to, walked one by one.
int workingDaysBetween(const core::WorkingCalendar& calendar, QDate from, QDate to)
{
    int n = 0;
    for (QDate day = from.addDays(1); day <= to; day = day.addDays(1))
        n += calendar.isWorkingDay(day) ? 1 : 0;
    return n;
}

QDate nthWorkingDay(const core::WorkingCalendar& calendar, QDate from, int n)
{
    return calendar.nthWorkingDayAfter(from, n)->date;
}

} // namespace

TEST_CASE("政府信息公开条例 Art. 36: each reply type must say what the Regulation requires")
{
    struct Short
    {
        ReplyRow row;
        const char* code;
    };
    const QString secret = QStringLiteral("state_secret");
    const QList<Short> cases{
        {row("2025年财政预算", ReplyType::Published), "disclosure.published_where"},
        {row("会议纪要", ReplyType::Disclosed), "disclosure.disclosed_how"},
        {row("检查记录", ReplyType::PartlyDisclosed, {}, QStringLiteral("第1-3页")),
         "disclosure.withheld_reason"},
        {row("检查记录", ReplyType::PartlyDisclosed, QStringLiteral("third_party_rights")),
         "disclosure.partly_what"},
        {row("规划图", ReplyType::NotDisclosed, {}, QStringLiteral("涉密")),
         "disclosure.withheld_reason"},
        {row("规划图", ReplyType::NotDisclosed, secret), "disclosure.withheld_why"},
        {row("税务登记", ReplyType::NotOurs), "disclosure.office"},
        {row("同一信息", ReplyType::Repeated), "disclosure.earlier_reply"},
        {row("房屋登记资料", ReplyType::OtherLaws), "disclosure.route"},
        {row("统计分析", ReplyType::CannotProvide), "disclosure.cannot_reason"},
        {row("投诉", ReplyType::NotHandled, secret), "disclosure.not_handled_reason"},
        {row("", ReplyType::NotExist), "disclosure.request"},
    };
    for (const Short& s : cases) {
        test::CaseBuilder c = acceptedApplication();
        const core::Status st = c.add(EventType::DisclosureReplied, reply({s.row}), "2026-09-25");
        INFO(s.code);
        REQUIRE_FALSE(st.ok());
        CHECK(st.error().code == QString::fromLatin1(s.code));
        CHECK(c.state().status == core::CaseStatus::InProgress); // nothing recorded
    }
}

TEST_CASE("政府信息公开条例 Art. 36: one reply answers an application's requests row by row and "
          "ends the case")
{
    test::CaseBuilder c = acceptedApplication();
    const QList<ReplyRow> rows{
        row("2025年财政预算", ReplyType::Published, {},
            QStringLiteral("区政府门户网站“财政预决算”栏目")),
        row("某路段改造工程合同", ReplyType::PartlyDisclosed, QStringLiteral("third_party_rights"),
            QStringLiteral("合同正文（隐去报价明细）随本答复提供")),
        row("内部会议讨论记录", ReplyType::NotDisclosed, QStringLiteral("process_information"),
            QStringLiteral("属于讨论记录")),
        row("1998年拆迁档案", ReplyType::NotOurs, {}, {}, QStringLiteral("区档案馆，0931-1234567")),
        row("某公司工商登记资料", ReplyType::OtherLaws, {}, {}, {},
            QStringLiteral("向市场监督管理局申请查询企业登记档案")),
    };
    REQUIRE(c.add(EventType::DisclosureReplied, reply(rows), "2026-09-25").ok());
    const core::CaseState& s = c.state();
    CHECK(s.status == core::CaseStatus::Decided);
    CHECK(s.replies == rows);
    CHECK(s.applicantKind == QStringLiteral("natural_person"));
    CHECK(c.clock(core::ClockKind::Statutory, "2026-09-25")->clock.stopped == d("2026-09-25"));
    // The letter's sentences say what each reply must: where, the reason and its article, the
    // office, the route.
    CHECK(core::replyText(rows[0]).contains(QStringLiteral("区政府门户网站")));
    CHECK(core::replyText(rows[1]).contains(QStringLiteral("第十五条")));
    CHECK(core::replyText(rows[1]).contains(QStringLiteral("第三十七条")));
    CHECK(core::replyText(rows[2]).contains(QStringLiteral("第十六条第二款")));
    CHECK(core::replyText(rows[3]).contains(QStringLiteral("区档案馆")));
    CHECK(core::replyText(rows[4]).contains(QStringLiteral("企业登记档案")));
    CHECK(c.refold().replies == rows); // the fold reads back what was recorded
    CHECK(c.refold().rejected.isEmpty());
    // The reply is the end: no second one.
    CHECK_FALSE(c.add(EventType::DisclosureReplied, reply(rows), "2026-09-28").ok());
}

TEST_CASE("政府信息公开条例 Art. 36: a disclosure case is answered, not granted like a licence")
{
    test::CaseBuilder c = acceptedApplication();
    const QList<EventType> offered = core::legalActions(c.state(), c.context(), d("2026-09-21"));
    CHECK(offered.contains(EventType::DisclosureReplied));
    CHECK_FALSE(offered.contains(EventType::Decided));
    const core::Status decided =
        c.add(EventType::Decided, payload::decided(QStringLiteral("granted")), "2026-09-21");
    REQUIRE_FALSE(decided.ok());
    CHECK(decided.error().code == QStringLiteral("decided.disclosure"));
    // An older log holding a disclosure decision still folds as it was recorded.
    c.force(EventType::Decided, payload::decided(QStringLiteral("granted")), "2026-09-21");
    CHECK(c.refold().status == core::CaseStatus::Decided);
    CHECK(c.refold().rejected.isEmpty());

    // A licence is never answered by a disclosure reply.
    test::CaseBuilder licence(test::licenceItem());
    REQUIRE(licence
                .add(EventType::Received, payload::received(licence.receivedInput("2026-09-18")),
                     "2026-09-18")
                .ok());
    REQUIRE(licence.add(EventType::Accepted, payload::accepted(), "2026-09-18").ok());
    CHECK_FALSE(core::legalActions(licence.state(), licence.context(), d("2026-09-21"))
                    .contains(EventType::DisclosureReplied));
    CHECK_FALSE(
        licence
            .add(EventType::DisclosureReplied, reply({row("x", ReplyType::NotExist)}), "2026-09-21")
            .ok());
}

TEST_CASE("政府信息公开条例 Art. 32, 33: the third party's days are not counted in the reply limit")
{
    test::CaseBuilder plain = acceptedApplication();
    const core::WorkingCalendar& calendar = *plain.context().calendar;
    const QDate accepted = d("2026-09-18");
    REQUIRE(plain.clock(core::ClockKind::Statutory, "2026-09-21")->clock.deadline ==
            nthWorkingDay(calendar, accepted, 20));

    test::CaseBuilder c = acceptedApplication();
    REQUIRE_FALSE(
        c.add(EventType::Suspended,
              payload::suspended(QStringLiteral("third_party"), QStringLiteral("涉及企业商业秘密")),
              "2026-09-22")
            .ok()); // the third party must be named
    REQUIRE(
        c.add(EventType::Suspended,
              payload::suspended(QStringLiteral("third_party"), QStringLiteral("涉及企业商业秘密"),
                                 std::nullopt, QStringLiteral("甲公司，联系人李四 13800000000")),
              "2026-09-22")
            .ok());
    // Art. 32: the third party has 15 working days from the letter.
    CHECK(c.clock(core::ClockKind::ThirdPartyOpinion, "2026-09-23")->clock.deadline ==
          nthWorkingDay(calendar, d("2026-09-22"), 15));
    // Only the third party's opinion ends the consultation.
    CHECK_FALSE(
        core::legalActions(c.state(), c.context(), d("2026-10-13")).contains(EventType::Resumed));
    CHECK_FALSE(c.add(EventType::Resumed, {}, "2026-10-13").ok());
    REQUIRE(c.add(EventType::ThirdPartyAnswered,
                  payload::thirdPartyAnswered(QStringLiteral("objected"),
                                              QStringLiteral("认为合同报价属商业秘密")),
                  "2026-10-13")
                .ok());
    const int notCounted = workingDaysBetween(calendar, d("2026-09-22"), d("2026-10-13"));
    REQUIRE(notCounted > 0);
    // Art. 33: the consultation's days are left out of the 20 working days.
    CHECK(c.clock(core::ClockKind::Statutory, "2026-10-13")->clock.deadline ==
          nthWorkingDay(calendar, accepted, 20 + notCounted));
    CHECK(c.state().thirdPartyOpinion == QStringLiteral("objected"));
    CHECK(c.clock(core::ClockKind::ThirdPartyOpinion, "2026-10-13")->clock.stopped ==
          d("2026-10-13"));
}

TEST_CASE("政府信息公开条例 Art. 32: silence lets the office decide only after the 15 working "
          "days, and the reply says how the opinion was weighed")
{
    test::CaseBuilder c = acceptedApplication();
    REQUIRE(c.add(EventType::Suspended,
                  payload::suspended(QStringLiteral("third_party"), QStringLiteral("涉及个人隐私"),
                                     std::nullopt, QStringLiteral("张某")),
                  "2026-09-22")
                .ok());
    const QDate due = nthWorkingDay(*c.context().calendar, d("2026-09-22"), 15);
    const QByteArray dueDay = due.toString(Qt::ISODate).toLatin1();
    const QByteArray nextDay =
        nthWorkingDay(*c.context().calendar, due, 1).toString(Qt::ISODate).toLatin1();
    CHECK_FALSE(c.add(EventType::ThirdPartyAnswered, payload::thirdPartyAnswered({}),
                      dueDay.constData())
                    .ok()); // the opinion must be recorded
    const core::Status early =
        c.add(EventType::ThirdPartyAnswered, payload::thirdPartyAnswered(QStringLiteral("silent")),
              dueDay.constData());
    REQUIRE_FALSE(early.ok());
    CHECK(early.error().code == QStringLiteral("third_party.silent_early"));
    REQUIRE(c.add(EventType::ThirdPartyAnswered,
                  payload::thirdPartyAnswered(QStringLiteral("silent")), nextDay.constData())
                .ok());
    const QList<ReplyRow> rows{row("某小区业主名册", ReplyType::NotDisclosed,
                                   QStringLiteral("third_party_rights"),
                                   QStringLiteral("涉及个人隐私，公开会对第三方合法权益造成损害"))};
    const core::Status unweighed =
        c.add(EventType::DisclosureReplied, reply(rows), nextDay.constData());
    REQUIRE_FALSE(unweighed.ok());
    CHECK(unweighed.error().code == QStringLiteral("disclosure.third_party_weighed"));
    REQUIRE(c.add(EventType::DisclosureReplied,
                  reply(rows, QStringLiteral("第三方逾期未提出意见，本机关依法决定不予公开")),
                  nextDay.constData())
                .ok());
    CHECK(c.state().thirdPartyWeighed.contains(QStringLiteral("逾期未提出意见")));
}

TEST_CASE("信息处理费管理办法 Art. 4: by count, the fee bands at 10/11/30/31/40/41 applications")
{
    // The rate of the n-th application in a calendar month.
    CHECK(core::countRateYuan(10) == 0);
    CHECK(core::countRateYuan(11) == 100);
    CHECK(core::countRateYuan(30) == 100);
    CHECK(core::countRateYuan(31) == 200);
    CHECK(core::countRateYuan(40) == 200);
    CHECK(core::countRateYuan(41) == 300);
    CHECK(core::countRateYuan(51) == 400);
    // What the first n applications of a month cost together (超额累进, Art. 3).
    CHECK(core::countFeeYuan(0, 10) == 0);
    CHECK(core::countFeeYuan(0, 11) == 100);
    CHECK(core::countFeeYuan(0, 30) == 20 * 100);
    CHECK(core::countFeeYuan(0, 31) == 20 * 100 + 200);
    CHECK(core::countFeeYuan(0, 40) == 20 * 100 + 10 * 200);
    CHECK(core::countFeeYuan(0, 41) == 20 * 100 + 10 * 200 + 300);
    // One application after 29 earlier ones, split into 3 items (一事一申请): the 30th-32nd.
    CHECK(core::countFeeYuan(29, 3) == 100 + 200 + 200);
}

TEST_CASE("信息处理费管理办法 Art. 5: by volume, the fee bands at 30/31/100/101/200/201 pages")
{
    CHECK(core::volumeFeeYuan(30) == 0);
    CHECK(core::volumeFeeYuan(31) == 10);
    CHECK(core::volumeFeeYuan(100) == 70 * 10);
    CHECK(core::volumeFeeYuan(101) == 70 * 10 + 20);
    CHECK(core::volumeFeeYuan(200) == 70 * 10 + 100 * 20);
    CHECK(core::volumeFeeYuan(201) == 70 * 10 + 100 * 20 + 40);
}

TEST_CASE("信息处理费管理办法 Art. 3: one basis per application, the amount the 办法 gives")
{
    test::CaseBuilder c = acceptedApplication();
    const core::Status free =
        c.add(EventType::FeeNoticed, payload::feeNoticed(QStringLiteral("count"), 1, 9, 0),
              "2026-09-21"); // the 10th: free
    REQUIRE_FALSE(free.ok());
    CHECK(free.error().code == QStringLiteral("fee.free"));
    const core::Status wrong =
        c.add(EventType::FeeNoticed, payload::feeNoticed(QStringLiteral("volume"), 120, 0, 1200),
              "2026-09-21");
    REQUIRE_FALSE(wrong.ok());
    CHECK(wrong.error().code == QStringLiteral("fee.amount"));
    CHECK(wrong.error().message.contains(QStringLiteral("1100")));
    CHECK_FALSE(c.add(EventType::FeeNoticed,
                      payload::feeNoticed(QStringLiteral("both"), 1, 12, 100), "2026-09-21")
                    .ok());
    REQUIRE(c.add(EventType::FeeNoticed,
                  payload::feeNoticed(QStringLiteral("volume"), 120, 0, 1100), "2026-09-21")
                .ok());
    CHECK(c.state().feePending());
    REQUIRE(
        c.add(EventType::FeePaid, payload::feePaid(QStringLiteral("PJ0001")), "2026-09-24").ok());
    // Never a second notice, by the other basis or the same.
    CHECK_FALSE(c.add(EventType::FeeNoticed,
                      payload::feeNoticed(QStringLiteral("count"), 1, 12, 100), "2026-09-25")
                    .ok());
}

TEST_CASE("国办函〔2020〕109号: the time from the fee notice to payment is not counted")
{
    test::CaseBuilder c = acceptedApplication();
    const core::WorkingCalendar& calendar = *c.context().calendar;
    REQUIRE(c.add(EventType::FeeNoticed, payload::feeNoticed(QStringLiteral("count"), 1, 10, 100),
                  "2026-09-21")
                .ok());
    CHECK(c.clock(core::ClockKind::FeePayment, "2026-09-22")->clock.deadline ==
          nthWorkingDay(calendar, d("2026-09-21"), core::kFeePaymentDays));
    // While the fee is pending only payment (or its lapse) ends the suspension.
    CHECK_FALSE(c.add(EventType::Resumed, {}, "2026-09-23").ok());
    CHECK_FALSE(c.add(EventType::FeePaid, payload::feePaid(), "2026-09-29").ok()); // receipt
    REQUIRE(
        c.add(EventType::FeePaid, payload::feePaid(QStringLiteral("PJ0002")), "2026-09-29").ok());
    const int notCounted = workingDaysBetween(calendar, d("2026-09-21"), d("2026-09-29"));
    REQUIRE(notCounted > 0);
    CHECK(c.clock(core::ClockKind::Statutory, "2026-09-29")->clock.deadline ==
          nthWorkingDay(calendar, d("2026-09-18"), 20 + notCounted));
}

TEST_CASE("国办函〔2020〕109号: not paid within the period, the application counts as withdrawn")
{
    test::CaseBuilder c = acceptedApplication();
    REQUIRE(c.add(EventType::FeeNoticed, payload::feeNoticed(QStringLiteral("count"), 2, 30, 400),
                  "2026-09-21")
                .ok());
    const QDate due = nthWorkingDay(*c.context().calendar, d("2026-09-21"), core::kFeePaymentDays);
    CHECK(core::dueSystemEvents(c.state(), c.context(), due)->isEmpty());
    auto lapse = core::dueSystemEvents(c.state(), c.context(), due.addDays(1));
    REQUIRE(lapse->size() == 1);
    CHECK(lapse->first().type == EventType::FeeLapsed);
    CHECK(lapse->first().payload.value(QStringLiteral("startedBy")).toString() ==
          c.state().feeNoticeEventId);
    const QByteArray after = due.addDays(1).toString(Qt::ISODate).toLatin1();
    const core::Status late =
        c.add(EventType::FeePaid, payload::feePaid(QStringLiteral("PJ9")), after.constData());
    REQUIRE_FALSE(late.ok());
    CHECK(late.error().code == QStringLiteral("fee.paid_late"));
    REQUIRE(c.add(EventType::FeeLapsed, lapse->first().payload, after.constData(), "00:00",
                  core::kSystemActor)
                .ok());
    CHECK(c.state().status == core::CaseStatus::Withdrawn);
    CHECK_FALSE(c.state().isOpen());
    CHECK(c.state().closedReason == QStringLiteral("case.fee_lapsed"));
    CHECK(c.clock(core::ClockKind::Statutory, after.constData())->clock.stopped);
}

TEST_CASE("信息处理费管理办法 Art. 4: the same applicant is the same ID number or USCC")
{
    core::Applicant a;
    a.name = QStringLiteral("王五");
    a.idNumber = QStringLiteral("62010219900101001x");
    core::Applicant b = a;
    b.name = QStringLiteral("王 五");
    b.phone = QStringLiteral("13900000000");
    CHECK(core::applicantFeeKey(a) == core::applicantFeeKey(b));
    CHECK(core::applicantFeeKey(a) == QStringLiteral("id:62010219900101001X"));
    core::Applicant firm;
    firm.organisation = true;
    firm.uscc = QStringLiteral("91620102MA7XXXXX0Q");
    firm.idNumber = a.idNumber; // its legal representative's, never the key
    CHECK(core::applicantFeeKey(firm) == QStringLiteral("uscc:91620102MA7XXXXX0Q"));
    CHECK(core::defaultApplicantKind(firm) == core::ApplicantKind::Business);
    firm.uscc = QStringLiteral("31620000MD0000000X");
    CHECK(core::defaultApplicantKind(firm) == core::ApplicantKind::LegalService);
    CHECK(core::defaultApplicantKind(a) == core::ApplicantKind::NaturalPerson);
}
