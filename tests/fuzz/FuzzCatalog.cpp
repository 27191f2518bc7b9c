// A service catalog file, as `catalog import` and Ctrl+Shift+I read it: parsed and validated
// item by item; an accepted catalog is written back out, read again, and shown.
#include "FuzzSupport.h"

#include "core/CatalogJson.h"
#include "core/CatalogSearch.h"
#include "core/DeadlineClock.h"
#include "core/ItemGuide.h"

using namespace onewindow;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const core::CatalogParse parsed =
        core::parseCatalog(fuzz::bytesOf(data, size), QStringLiteral("fuzz.json"));
    for (const core::Error& e : parsed.errors)
        FUZZ_CHECK(!e.code.isEmpty() && !e.message.isEmpty(), e.code);
    if (!parsed.ok())
        return 0;

    const core::CatalogParse again =
        core::parseCatalog(core::catalogToJson(parsed.items), QStringLiteral("again.json"));
    FUZZ_CHECK(again.ok(), again.errors.isEmpty() ? QString() : again.errors.first().message);
    FUZZ_CHECK(again.items.size() == parsed.items.size(), QStringLiteral("round trip"));
    QList<core::CatalogEntry> entries;
    for (qsizetype i = 0; i < parsed.items.size(); ++i) {
        const core::ServiceItem& item = parsed.items[i];
        FUZZ_CHECK(again.items[i].code == item.code, item.code);
        FUZZ_CHECK(core::itemToJson(again.items[i]) == core::itemToJson(item), item.code);
        core::itemGuideText(item);
        core::itemGuideHtml(item);
        // Its limits count on a real calendar (a limit too long once read past the calendar's end).
        const QDate trigger(2026, 1, 5);
        for (const auto& [limit, unit] : {std::pair{item.statutoryDays, item.statutoryUnit},
                                          std::pair{item.promisedDays, item.promisedUnit},
                                          std::pair{item.correctionDays, item.correctionUnit}}) {
            core::ClockInput in;
            in.trigger = trigger;
            in.limit = limit;
            in.unit = unit;
            const auto clock = core::computeClock(fuzz::shippedCalendar(), in, trigger);
            FUZZ_CHECK(clock.ok(), clock ? QString() : clock.error().message);
            FUZZ_CHECK(clock->deadline >= trigger, item.code);
            core::explainClock(fuzz::shippedCalendar(), *clock);
        }
        entries.append(core::catalogEntry(item, 1));
    }
    core::CatalogSearch search;
    search.setEntries(entries);
    search.search(parsed.items.first().name.left(2));
    search.search(parsed.items.first().code);
    return 0;
}
