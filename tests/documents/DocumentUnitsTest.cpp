// A limit prints in its own unit: 日 for a law that counts calendar days, 个工作日 otherwise.
#include "documents/DocumentFixture.h"
#include "support/TestSupport.h"

#include "store/CatalogRepository.h"

using namespace onewindow;
using core::DocumentKind;
using test::compact;

TEST_CASE("居民身份证法 Art. 12: the acceptance notice prints 60 日 and its calendar-day deadline")
{
    test::DocumentFixture h;
    core::ServiceItem idCard = h.item;
    idCard.statutoryDays = 60;
    idCard.statutoryUnit = core::DayUnit::CalendarDays;
    idCard.promisedDays = 15;
    REQUIRE(store::CatalogRepository(*h.store).importItems({idCard}, QStringLiteral("test")).ok());
    core::ReceivedInput in = h.intake();
    in.itemVersion = 2;
    auto received = h.cases->receive(in, QStringLiteral("clerk-1"));
    REQUIRE(received.ok());
    h.setNow("2026-09-18", "10:30");
    h.append(received->event.caseId, core::EventType::Accepted, core::payload::accepted());

    const auto p = h.print(received->event.caseId, DocumentKind::Acceptance);
    const QString text = compact(p.text);
    INFO("text: " << p.text.toStdString());
    // 2026-09-18 + 60 days is Tuesday 2026-11-17 (60 working days would run into December).
    CHECK(
        text.contains(compact(QStringLiteral("法定办理时限为60日，法定办结期限为2026年11月17日"))));
    CHECK(text.contains(compact(QStringLiteral("承诺办理时限为15个工作日"))));
    CHECK_FALSE(text.contains(QStringLiteral("60个工作日")));
}
