#include "support/CatalogFixtures.h"
#include "support/TestSupport.h"

#include "core/AcceptanceOptions.h"
#include "core/CatalogJson.h"

using namespace onewindow;
using onewindow::test::d;

namespace {

QStringList codes(const QList<core::Error>& errors)
{
    QStringList out;
    for (const core::Error& e : errors)
        out.append(e.code);
    return out;
}

} // namespace

TEST_CASE(
    "Deferred materials (容缺受理) are due the item's deferralDays-th working day after acceptance")
{
    core::ServiceItem item = test::sampleItem();
    REQUIRE(item.deferralDays == 5); // the default
    // Accepted Thursday 2026-09-24: 中秋 09-25..27 and 国庆 10-01..07 are off, Saturday 10-10 is
    // a make-up working day -> 09-28, 09-29, 09-30, 10-08, 10-09 (5) ... 10-10, 10-12..15 (10).
    auto due = core::deferredMaterialDue(test::officialCalendar(), item, d("2026-09-24"));
    REQUIRE(due.ok());
    CHECK(*due == d("2026-10-09"));
    item.deferralDays = 10;
    auto longer = core::deferredMaterialDue(test::officialCalendar(), item, d("2026-09-24"));
    REQUIRE(longer.ok());
    CHECK(*longer == d("2026-10-15"));
    item.deferralDays = 1;
    CHECK(*core::deferredMaterialDue(test::officialCalendar(), item, d("2026-09-30")) ==
          d("2026-10-08"));
}

TEST_CASE("The catalog's deferralDays: absent means 5, kept through JSON, only 1-60 accepted")
{
    core::ServiceItem item = test::sampleItem();
    QJsonObject json = core::itemToJson(item);
    CHECK_FALSE(json.contains(QStringLiteral("deferralDays"))); // the default is not written
    QList<core::Error> errors;
    CHECK(core::itemFromJson(json, errors).deferralDays == 5);
    CHECK(errors.isEmpty());

    item.deferralDays = 15;
    json = core::itemToJson(item);
    CHECK(json.value(QStringLiteral("deferralDays")).toInt() == 15);
    CHECK(core::itemFromJson(json, errors).deferralDays == 15);
    CHECK(errors.isEmpty());

    for (int days : {0, 61}) {
        item.deferralDays = days;
        const QList<core::Error> problems = core::validateItem(item);
        CHECK(codes(problems).contains(QStringLiteral("item.deferral_days")));
        for (const core::Error& e : problems)
            if (e.code == QStringLiteral("item.deferral_days"))
                CHECK(e.message.contains(QStringLiteral("1–60 个工作日")));
    }
    for (int days : {1, 60}) {
        item.deferralDays = days;
        CHECK_FALSE(codes(core::validateItem(item)).contains(QStringLiteral("item.deferral_days")));
    }
}
