// What the fuzz targets (tests/fuzz) found, each kept as a test of the normal suite; the input
// that found it stays in tests/fuzz/corpus/<target>/ and is replayed by every fuzz run.
#include "support/CaseBuilder.h"
#include "support/CatalogFixtures.h"
#include "support/TestSupport.h"

using namespace onewindow;
using core::EventType;
namespace payload = core::payload;

// fuzz_event_payload, corpus/event_payload/receipt-day-1013.json: a Received payload with the
// receipt day 1013-12-04 was admitted, and then every action that stops a clock (a withdrawal)
// passed checkEvent but failed admitEvent with clock.out_of_range: a case nobody could close.
TEST_CASE("政府信息公开条例 Art. 31: a receipt day after the day it is recorded, or outside the "
          "calendar, is refused")
{
    test::CaseBuilder c(test::licenceItem());
    core::ReceivedInput in = c.receivedInput("2026-09-19");
    in.channel = core::Channel::PostSigned;
    const core::Status later = c.add(EventType::Received, payload::received(in), "2026-09-18");
    REQUIRE_FALSE(later.ok());
    CHECK(later.error().code == QStringLiteral("case.receipt_date_future"));
    CHECK(later.error().message == QStringLiteral("收件日期 2026-09-19 晚于登记当天 2026-09-18"));

    for (const char* day : {"1013-12-04", "1999-12-31"}) {
        in = c.receivedInput(day);
        in.channel = core::Channel::PostSigned;
        const core::Status old = c.add(EventType::Received, payload::received(in), "2026-09-18");
        REQUIRE_FALSE(old.ok());
        CHECK(old.error().code == QStringLiteral("case.receipt_date_range"));
        CHECK(old.error().message.contains(QString::fromLatin1(day)));
    }
    CHECK(c.state().eventCount == 0); // nothing was recorded

    // Signed for the day before it is recorded: received, and the case can be closed.
    in = c.receivedInput("2026-09-17");
    in.channel = core::Channel::PostSigned;
    REQUIRE(c.add(EventType::Received, payload::received(in), "2026-09-18").ok());
    REQUIRE(c.add(EventType::Withdrawn, payload::withdrawn(QStringLiteral("申请人撤回")),
                  "2026-09-18", "10:30")
                .ok());
    CHECK_FALSE(c.state().isOpen());
}
