// Issue 19: the hall's disclosure applications counted from the store: the same applicant across
// cases for the processing fee (国办函〔2020〕109号 Art. 4) and the annual report's table 三.
#include "store/DisclosureQueries.h"

#include "core/CasePayloads.h"
#include "core/DisclosureFee.h"
#include "store/CatalogRepository.h"
#include "support/CatalogFixtures.h"
#include "support/HallFixture.h"
#include "support/TestSupport.h"

using namespace onewindow;
using core::EventType;
namespace payload = core::payload;

namespace {

struct DisclosureHall : test::HallFixture
{
    core::ServiceItem disclosure = [] {
        core::ServiceItem disc = test::sampleItem(9, QStringLiteral("政府信息公开申请"));
        disc.profile = core::ProcedureProfile::Disclosure;
        disc.kind = core::ItemKind::Disclosure;
        return disc;
    }();

    DisclosureHall()
    {
        REQUIRE(
            store::CatalogRepository(*store).importItems({disclosure}, QStringLiteral("t")).ok());
    }

    // An application received (and accepted) at `date` by a person with `id`.
    QString apply(const char* date, const QString& id, const QString& name = QStringLiteral("王五"))
    {
        setNow(date, "10:00");
        core::ReceivedInput in = intake(false, name);
        in.itemCode = disclosure.code;
        in.applicant.idNumber = id;
        in.materials = core::checklistFor(disclosure);
        auto r = cases->receive(in, QStringLiteral("clerk-1"));
        INFO((r ? QString() : r.error().message).toStdString());
        REQUIRE(r.ok());
        setNow(date, "10:10");
        REQUIRE(cases
                    ->append(r->event.caseId, EventType::Accepted, payload::accepted(),
                             QStringLiteral("clerk-1"))
                    .ok());
        return r->event.caseId;
    }

    void reply(const QString& id, const char* date, core::ReplyType type)
    {
        setNow(date, "15:00");
        const core::ReplyRow row{QStringLiteral("某信息"),   type, {},
                                 QStringLiteral("门户网站"), {},   {}};
        auto r = cases->append(id, EventType::DisclosureReplied,
                               payload::disclosureReplied({row}, QStringLiteral("natural_person")),
                               QStringLiteral("clerk-1"));
        INFO((r ? QString() : r.error().message).toStdString());
        REQUIRE(r.ok());
    }
};

const QString kWang = QStringLiteral("11010519491231002X");
const QString kLi = QStringLiteral("110105194912310038");

} // namespace

TEST_CASE("信息处理费管理办法 Art. 4: an applicant's applications are counted per calendar month "
          "across the hall's cases by ID number")
{
    DisclosureHall h;
    QStringList wang;
    for (int day = 1; day <= 11; ++day) {
        const QByteArray date =
            QStringLiteral("2026-09-%1").arg(day, 2, 10, QLatin1Char('0')).toLatin1();
        // Under another name now and then (the same ID): the same applicant.
        wang.append(h.apply(date.constData(), kWang,
                            day % 4 == 0 ? QStringLiteral("王小五") : QStringLiteral("王五")));
    }
    const QString li = h.apply("2026-09-11", kLi, QStringLiteral("李四"));
    const QString october = h.apply("2026-10-08", kWang);
    const store::DisclosureQueries q(*h.cases);
    CHECK(*q.earlierApplicationsInMonth(wang.first()) == 0);
    CHECK(*q.earlierApplicationsInMonth(wang[9]) == 9);      // the 10th: free
    CHECK(*q.earlierApplicationsInMonth(wang.last()) == 10); // the 11th: 100 元
    CHECK(*q.earlierApplicationsInMonth(li) == 0);
    CHECK(*q.earlierApplicationsInMonth(october) == 0); // a new month
    CHECK(core::countFeeYuan(*q.earlierApplicationsInMonth(wang.last()), 1) == 100);
}

TEST_CASE("政府信息公开条例 Art. 50: the annual table counted from the store's events")
{
    DisclosureHall h;
    const QString before = h.apply("2025-06-02", kLi);
    h.reply(before, "2025-06-10", core::ReplyType::Disclosed);
    const QString carried = h.apply("2025-12-29", kWang);
    h.reply(carried, "2026-01-05", core::ReplyType::NotExist);
    const QString answered = h.apply("2026-03-02", kLi);
    h.reply(answered, "2026-03-10", core::ReplyType::Published);
    h.apply("2026-12-30", kWang); // still open at the year's end
    auto t = store::DisclosureQueries(*h.cases).annualTable(2026);
    REQUIRE(t.ok());
    const int total = core::kAnnualColumns - 1;
    CHECK(t->newApplications(total) == 2);
    CHECK(t->carriedOver(total) == 1);
    CHECK(t->result(core::AnnualResult::Unable1, total) == 1);
    CHECK(t->result(core::AnnualResult::Disclosed, total) == 1);
    CHECK(t->processed(total) == 2);
    CHECK(t->carriedForward(total) == 1);
    CHECK(t->balances());
    CHECK(store::DisclosureQueries(*h.cases).annualTable(2025)->newApplications(total) == 2);
}
