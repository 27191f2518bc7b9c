// 政府信息公开条例 Art. 50: the annual report's table 三 (国办公开办函〔2021〕30号), counted from
// the cases' facts.
#include "core/DisclosureAnnual.h"
#include "support/CaseBuilder.h"
#include "support/CatalogFixtures.h"
#include "support/TestSupport.h"

using namespace onewindow;
using core::AnnualCase;
using core::AnnualResult;
using core::ApplicantKind;
using core::EventType;
using onewindow::test::d;
namespace payload = core::payload;

namespace {

AnnualCase finished(const char* received, ApplicantKind kind, const char* on, AnnualResult r)
{
    return AnnualCase{d(received), kind, d(on), r};
}

AnnualCase open(const char* received, ApplicantKind kind)
{
    return AnnualCase{d(received), kind, std::nullopt, std::nullopt};
}

int column(ApplicantKind kind)
{
    return static_cast<int>(kind);
}

} // namespace

TEST_CASE("政府信息公开条例 Art. 50: the annual table of a hand-built hall")
{
    using K = ApplicantKind;
    const QList<AnnualCase> hall{
        // Finished in 2025: no part of the 2026 table.
        finished("2025-03-02", K::NaturalPerson, "2025-03-20", AnnualResult::Disclosed),
        // Carried over from 2025 and answered in 2026.
        finished("2025-12-20", K::NaturalPerson, "2026-01-10", AnnualResult::Withheld4),
        finished("2025-12-28", K::Business, "2026-01-05", AnnualResult::Disclosed),
        // Received and answered in 2026.
        finished("2026-02-01", K::NaturalPerson, "2026-02-20", AnnualResult::Disclosed),
        finished("2026-03-01", K::NaturalPerson, "2026-03-10", AnnualResult::PartlyDisclosed),
        finished("2026-04-01", K::LegalService, "2026-04-20", AnnualResult::Unable1),
        finished("2026-05-01", K::Research, "2026-05-08", AnnualResult::NotHandled2),
        finished("2026-06-01", K::SocialWelfare, "2026-06-30", AnnualResult::Other2),
        finished("2026-07-01", K::Other, "2026-07-15", AnnualResult::Withheld8),
        // Received in 2026, still open at its end, or answered only in 2027.
        open("2026-12-20", K::NaturalPerson),
        finished("2026-12-28", K::Business, "2027-01-06", AnnualResult::Disclosed),
        // Received in 2027: not yet.
        open("2027-01-02", K::NaturalPerson),
    };
    const core::AnnualTable t = core::annualTable(hall, 2026);
    const int total = core::kAnnualColumns - 1;
    CHECK(t.newApplications(total) == 8);
    CHECK(t.newApplications(column(K::NaturalPerson)) == 3);
    CHECK(t.newApplications(column(K::Business)) == 1);
    CHECK(t.carriedOver(total) == 2);
    CHECK(t.carriedOver(column(K::Business)) == 1);
    CHECK(t.result(AnnualResult::Disclosed, total) == 2);
    CHECK(t.result(AnnualResult::Disclosed, column(K::Business)) == 1);
    CHECK(t.result(AnnualResult::Withheld4, column(K::NaturalPerson)) == 1);
    CHECK(t.result(AnnualResult::PartlyDisclosed, total) == 1);
    CHECK(t.result(AnnualResult::Unable1, column(K::LegalService)) == 1);
    CHECK(t.result(AnnualResult::NotHandled2, column(K::Research)) == 1);
    CHECK(t.result(AnnualResult::Other2, column(K::SocialWelfare)) == 1);
    CHECK(t.result(AnnualResult::Withheld8, column(K::Other)) == 1);
    CHECK(t.processed(total) == 8);
    CHECK(t.carriedForward(total) == 2);
    CHECK(t.carriedForward(column(K::Business)) == 1);
    // The template's check: new + carried over = processed + carried forward, in every column.
    CHECK(t.balances());
    core::AnnualTable broken = t;
    ++broken.cells[0][0];
    CHECK_FALSE(broken.balances());
    CHECK(core::annualRowLabels().size() == core::AnnualTable::kRows);
}

TEST_CASE("国办公开办函〔2021〕30号: a case counts once, in the row of its reply")
{
    core::ServiceItem item = test::licenceItem();
    item.profile = core::ProcedureProfile::Disclosure;
    item.kind = core::ItemKind::Disclosure;
    test::CaseBuilder c(item);
    REQUIRE(
        c.add(EventType::Received, payload::received(c.receivedInput("2026-09-18")), "2026-09-18")
            .ok());
    REQUIRE(c.add(EventType::Accepted, payload::accepted(), "2026-09-18").ok());
    CHECK_FALSE(core::annualCaseOf(c.state()).result); // open: carried forward
    // Two requests, one disclosed and one withheld: 部分公开, counted once.
    const QList<core::ReplyRow> rows{{QStringLiteral("预算"),
                                      core::ReplyType::Published,
                                      {},
                                      QStringLiteral("门户网站"),
                                      {},
                                      {}},
                                     {QStringLiteral("讨论记录"),
                                      core::ReplyType::NotDisclosed,
                                      QStringLiteral("process_information"),
                                      QStringLiteral("过程性信息"),
                                      {},
                                      {}}};
    REQUIRE(c.add(EventType::DisclosureReplied,
                  payload::disclosureReplied(rows, QStringLiteral("research")), "2026-09-25")
                .ok());
    const AnnualCase a = core::annualCaseOf(c.state());
    CHECK(a.result == AnnualResult::PartlyDisclosed);
    CHECK(a.applicant == ApplicantKind::Research); // as the reply recorded it
    CHECK(a.finished == d("2026-09-25"));
    CHECK(a.received == d("2026-09-18"));
    // Each reply type alone has its own row.
    CHECK(core::annualResultOfRow(rows[1]) == AnnualResult::Withheld6);
    CHECK(
        core::annualResultOfRow({QStringLiteral("x"), core::ReplyType::Repeated, {}, {}, {}, {}}) ==
        AnnualResult::NotHandled2);
    CHECK(
        core::annualResultOfRow({QStringLiteral("x"), core::ReplyType::NotOurs, {}, {}, {}, {}}) ==
        AnnualResult::Unable1);
}
