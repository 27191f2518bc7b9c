// Issue 15: what the applicant chose at intake (how the result is delivered, where it is posted)
// is recorded in the receipt event and printed; a 容缺 material is due within the promise; the
// supervision order marks a provisional deadline.
#include "documents/DocumentFixture.h"
#include "support/CatalogFixtures.h"
#include "support/TestSupport.h"

#include "core/AcceptanceOptions.h"
#include "core/CasePayloads.h"

#include <QRegularExpression>

using namespace onewindow;
using core::DocumentKind;
using core::EventType;
using test::compact;
using test::d;
namespace payload = core::payload;

namespace {

bool has(const test::DocumentFixture::Printed& p, const QString& s)
{
    return compact(p.text).contains(compact(s));
}

} // namespace

TEST_CASE("The receipt event records the delivery chosen at intake and the postal address; the "
          "acceptance notice prints that choice, not every method")
{
    test::DocumentFixture h;
    REQUIRE(h.item.delivery.contains(core::DeliveryOption::Post));

    core::ReceivedInput in = h.intake(false);
    in.delivery = core::DeliveryOption::Post;
    auto noAddress = h.cases->receive(in, QStringLiteral("clerk-1"));
    REQUIRE_FALSE(noAddress.ok());
    CHECK(noAddress.error().code == QStringLiteral("case.postal_address"));
    CHECK(noAddress.error().message == QStringLiteral("选择邮寄送达的，请填写邮寄地址"));
    CHECK(h.count(QStringLiteral("SELECT count(*) FROM events")) == 0); // nothing stored

    in.delivery = core::DeliveryOption::Electronic; // not one the item offers
    REQUIRE_FALSE(h.item.delivery.contains(core::DeliveryOption::Electronic));
    auto notOffered = h.cases->receive(in, QStringLiteral("clerk-1"));
    REQUIRE_FALSE(notOffered.ok());
    CHECK(notOffered.error().code == QStringLiteral("case.delivery"));

    in.delivery = core::DeliveryOption::Post;
    in.postalAddress = QStringLiteral("兰州市城关区张掖路街道酒泉路100号3单元501室");
    auto posted = h.cases->receive(in, QStringLiteral("clerk-1"));
    REQUIRE(posted.ok());
    CHECK(posted->event.payload.value(QStringLiteral("delivery")).toString() ==
          QStringLiteral("post"));
    const QString id = posted->event.caseId;
    CHECK(h.cases->state(id)->delivery == core::DeliveryOption::Post);
    h.setNow("2026-09-18", "10:30");
    h.append(id, EventType::Accepted, payload::accepted());
    const auto p = h.print(id, DocumentKind::Acceptance);
    INFO(p.text.toStdString());
    // The facts table sets the address in its cell over several lines.
    CHECK(has(p, QStringLiteral("邮寄（邮寄地址：兰州市城关")));
    CHECK(has(p, QStringLiteral("酒泉路100号3")));
    CHECK_FALSE(has(p, QStringLiteral("窗口领取、邮寄")));

    // A window pickup prints only that.
    in.delivery = core::DeliveryOption::Window;
    const QString window = h.cases->receive(in, QStringLiteral("clerk-1"))->event.caseId;
    h.append(window, EventType::Accepted, payload::accepted());
    const auto w = h.print(window, DocumentKind::Acceptance);
    CHECK(has(w, QStringLiteral("结果送达方式窗口领取")));
    CHECK_FALSE(has(w, QStringLiteral("邮寄")));

    // A case taken in before the choice was recorded stays valid and prints the item's methods.
    const auto old = h.print(h.accepted(), DocumentKind::Acceptance);
    CHECK(has(old, QStringLiteral("结果送达方式窗口领取、邮寄")));
}

TEST_CASE("容缺受理: a deferred material is due by the promised completion day at the latest, "
          "and the clerk is told when the promise cuts the deferral short")
{
    const core::WorkingCalendar calendar = test::officialCalendar();
    core::ServiceItem item = test::sampleItem(); // promised 1 working day, deferral 5
    // Accepted Thursday 2026-09-24: the deferral runs to 10-09, the promise to Monday 09-28.
    auto due = core::deferredDueWithinPromise(calendar, item, d("2026-09-24"));
    REQUIRE(due.ok());
    CHECK(due->byRule == d("2026-10-09"));
    CHECK(due->promised == d("2026-09-28"));
    CHECK(due->capped);
    CHECK(due->due == d("2026-09-28"));
    CHECK(due->warning().code == QStringLiteral("acceptance.deferred_capped"));
    CHECK(due->warning().message.contains(QStringLiteral("晚于承诺办结日期2026年9月28日")));

    item.promisedDays = 10; // promise to 10-15: the deferral day stands
    auto within = core::deferredDueWithinPromise(calendar, item, d("2026-09-24"));
    REQUIRE(within.ok());
    CHECK_FALSE(within->capped);
    CHECK(within->due == d("2026-10-09"));
}

TEST_CASE("An acceptance notice with a 容缺 material due after the promised completion day says "
          "the result waits for it")
{
    test::DocumentFixture h;
    core::ReceivedInput in = h.intake(false);
    in.materials[1].state = core::MaterialState::Missing; // the deferrable 授权委托书
    in.materials[1].copies = 0;
    const QString id = h.cases->receive(in, QStringLiteral("clerk-1"))->event.caseId;
    h.setNow("2026-09-18", "10:30");
    // Recorded as cases were before the rule: due after the promised day (2026-10-09).
    h.append(id, EventType::Accepted,
             payload::accepted({{h.item.materials[1].code, d("2026-12-01")}}));
    const auto late = h.print(id, DocumentKind::Acceptance);
    INFO(late.text.toStdString());
    CHECK(has(late, QStringLiteral("请于2026年12月1日之前（含当日）补交")));
    CHECK(has(late, QStringLiteral("上述补交日期晚于承诺办结日期（2026年10月9日），办理结果在材料"
                                   "补齐后出具")));

    core::ReceivedInput again = h.intake(false);
    again.materials[1].state = core::MaterialState::Missing;
    again.materials[1].copies = 0;
    const QString ok = h.cases->receive(again, QStringLiteral("clerk-1"))->event.caseId;
    h.append(ok, EventType::Accepted,
             payload::accepted({{h.item.materials[1].code, d("2026-09-25")}}));
    const auto fine = h.print(ok, DocumentKind::Acceptance);
    CHECK(has(fine, QStringLiteral("请于2026年9月25日之前（含当日）补交")));
    CHECK_FALSE(has(fine, QStringLiteral("晚于承诺办结日期")));
}

TEST_CASE("The supervision order marks a deadline counted on a provisional calendar year")
{
    test::DocumentFixture h;
    h.setNow("2026-12-10", "09:00");
    const QString id = h.receive();
    h.setNow("2026-12-10", "10:30");
    h.append(id, EventType::Accepted, payload::accepted());
    h.setNow("2026-12-15", "09:30");
    h.append(id, EventType::Supervised,
             payload::supervised(QStringLiteral("clerk-2"), QStringLiteral("W03"),
                                 QStringLiteral("请加快审查进度"), d("2026-12-18")),
             QStringLiteral("supervisor-1"));
    const auto p = h.print(id, DocumentKind::Supervision);
    INFO(p.text.toStdString());
    // Statutory 20 working days from 2026-12-10 end in 2027, a year with no State Council notice.
    CHECK(QRegularExpression(QStringLiteral("法定办结日期2027年\\d+月\\d+日（按临时日历计算）"))
              .match(compact(p.text))
              .hasMatch());
    CHECK_FALSE(
        QRegularExpression(QStringLiteral("承诺办结日期2026年\\d+月\\d+日（按临时日历计算）"))
            .match(compact(p.text))
            .hasMatch());
}
