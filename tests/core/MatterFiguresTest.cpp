// The figures of matters (一件事一次办, issue 20): received, finished, finished within the
// matter's own promise, and the average working days, by matter and by department.
#include "support/CaseBuilder.h"
#include "support/MatterFixtures.h"
#include "support/TestSupport.h"

#include "core/MatterFigures.h"

using namespace onewindow;
using core::EventType;
using test::d;
namespace payload = core::payload;

namespace {

core::ServiceItem inDepartment(core::ServiceItem item, const char* department)
{
    item.department = QString::fromUtf8(department);
    return item;
}

// A part of `matterNumber`, received and accepted on `date` (decided on `decided` if given).
test::CaseBuilder part(const core::ServiceItem& item, const QString& matterNumber, int sequence,
                       const char* date, const char* decided = nullptr)
{
    test::CaseBuilder c(item);
    core::ReceivedInput in = c.receivedInput(date);
    in.caseNumber = QStringLiteral("620102-20260930-W07-%1").arg(sequence, 4, 10, QLatin1Char('0'));
    in.matter = core::MatterLink{QStringLiteral("KBQY"), 1, matterNumber};
    REQUIRE(c.add(EventType::Received, payload::received(in), date).ok());
    REQUIRE(c.add(EventType::Accepted, payload::accepted(), date, "10:05").ok());
    if (decided)
        REQUIRE(
            c.add(EventType::Decided, payload::decided(QStringLiteral("granted")), decided, "16:00")
                .ok());
    return c;
}

core::MatterFacts factsOf(const core::Matter& matter, const QList<test::CaseBuilder*>& parts,
                          const char* asOf)
{
    QList<core::CaseState> states;
    QList<core::MatterPartCase> cases;
    for (test::CaseBuilder* p : parts) {
        states.append(p->state());
        cases.append(core::MatterPartCase{*p->context().item, p->state()});
    }
    const core::WorkingCalendar& calendar = *parts.first()->context().calendar;
    auto progress = core::matterProgress(calendar, matter.promisedDays, states, d(asOf));
    REQUIRE(progress.ok());
    auto facts = core::matterFacts(calendar, matter, *progress, cases);
    REQUIRE(facts.ok());
    return *facts;
}

const core::MatterFigureRow* rowOf(const QList<core::MatterFigureRow>& rows, const QString& key)
{
    for (const core::MatterFigureRow& r : rows)
        if (r.key == key)
            return &r;
    return nullptr;
}

} // namespace

TEST_CASE("一件事: figures of matters count received, finished and finished within the matter's "
          "promise, by matter and by department")
{
    const auto items = test::threeItems();
    const core::ServiceItem market = inDepartment(items.at(0), "市场监管局");
    const core::ServiceItem police = inDepartment(items.at(1), "公安局");
    const core::ServiceItem social = inDepartment(items.at(2), "人社局");
    core::Matter business = test::openingABusiness(items); // promised within 1 working day
    core::Matter other = business;
    other.code = QStringLiteral("QTSX");
    other.name = QStringLiteral("其他一件事");

    // A: received Wednesday 09-30 before the National Day holiday, due 10-08; its parts decided
    // 10-08 and 10-09: finished a day late, 2 working days after its intake.
    test::CaseBuilder a0 =
        part(market, QStringLiteral("620102-20260930-W07-0001-J"), 1, "2026-09-30", "2026-10-08");
    test::CaseBuilder a2 =
        part(social, QStringLiteral("620102-20260930-W07-0001-J"), 2, "2026-09-30", "2026-10-09");
    // B: received and finished on Friday 10-09: within its promise, 0 working days.
    test::CaseBuilder b0 =
        part(market, QStringLiteral("620102-20260930-W07-0003-J"), 3, "2026-10-09", "2026-10-09");
    // C: received 10-09, still open.
    test::CaseBuilder c1 =
        part(police, QStringLiteral("620102-20260930-W07-0004-J"), 4, "2026-10-09");

    const QList<core::MatterFacts> facts{factsOf(business, {&a0, &a2}, "2026-10-12"),
                                         factsOf(business, {&b0}, "2026-10-12"),
                                         factsOf(other, {&c1}, "2026-10-12")};
    CHECK(facts.at(0).departments ==
          QStringList{QStringLiteral("市场监管局"), QStringLiteral("人社局")});
    CHECK(facts.at(0).finishedOn == d("2026-10-09"));
    CHECK_FALSE(facts.at(0).onTime);
    CHECK(facts.at(0).workingDays == 2);
    CHECK(facts.at(1).onTime);
    CHECK_FALSE(facts.at(2).finishedOn.has_value());

    const core::MatterFigureTable october =
        core::matterFigures(facts, d("2026-10-01"), d("2026-10-31"));
    // A was received in September: it counts among October's finished, not its received.
    CHECK(october.total.received == 2);
    CHECK(october.total.finished == 2);
    CHECK(october.total.finishedOnTime == 1);
    CHECK(october.total.workingDays == 2);
    CHECK(core::matterFigureText(october.total, QStringLiteral("on_time_rate")) ==
          QStringLiteral("50.0%"));
    CHECK(core::matterFigureText(october.total, QStringLiteral("average_days")) ==
          QStringLiteral("1.0"));

    REQUIRE(october.byMatter.size() == 2);
    const core::MatterFigureRow* kbqy = rowOf(october.byMatter, QStringLiteral("KBQY"));
    REQUIRE(kbqy);
    CHECK(kbqy->figures == core::MatterFigureSet{1, 2, 1, 2});
    CHECK(rowOf(october.byMatter, QStringLiteral("QTSX"))->figures ==
          core::MatterFigureSet{1, 0, 0, 0});

    // A matter counts in every department of its parts: the rows do not add up to the total.
    REQUIRE(october.byDepartment.size() == 3);
    CHECK(rowOf(october.byDepartment, QStringLiteral("市场监管局"))->figures ==
          core::MatterFigureSet{1, 2, 1, 2});
    CHECK(rowOf(october.byDepartment, QStringLiteral("人社局"))->figures ==
          core::MatterFigureSet{0, 1, 0, 2});
    CHECK(rowOf(october.byDepartment, QStringLiteral("公安局"))->figures ==
          core::MatterFigureSet{1, 0, 0, 0});

    // September: A received, nothing finished, nothing to divide by.
    const core::MatterFigureTable september =
        core::matterFigures(facts, d("2026-09-01"), d("2026-09-30"));
    CHECK(september.total == core::MatterFigureSet{1, 0, 0, 0});
    CHECK(core::matterFigureText(september.total, QStringLiteral("on_time_rate")) ==
          QStringLiteral("—"));
    CHECK(september.byDepartment.size() == 2);
}
