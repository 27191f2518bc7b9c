// `deadline --batch` standard input: split into lines exactly as the ctl reads it, each line
// parsed and answered. One answer or one problem per non-blank line, always.
#include "FuzzSupport.h"

#include "core/DeadlineClock.h"
#include "core/DeadlineQuery.h"

#include <algorithm>
#include <cstdio>

using namespace onewindow;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    std::size_t at = 0;
    const auto next = [&] { return at < size ? static_cast<int>(data[at++]) : EOF; };
    const core::WorkingCalendar& calendar = fuzz::shippedCalendar();

    qsizetype lines = 0;
    core::BatchLine line;
    while (core::readBatchLine(next, line)) {
        ++lines;
        FUZZ_CHECK(line.bytes.size() <= core::BatchLine::kMaxLine, QString());
        const core::BatchLineParse parsed = core::parseBatchLine(line);
        if (line.hasNul || line.tooLong)
            FUZZ_CHECK(!parsed.problem.isEmpty(), QStringLiteral("line %1").arg(lines));
        if (parsed.blank || !parsed.problem.isEmpty())
            continue;
        const core::DeadlineQuery& q = parsed.query;
        FUZZ_CHECK(q.from.isValid() && q.n >= 0, QString::fromUtf8(line.bytes));
        const auto answer = calendar.nthWorkingDayAfter(q.from, q.n);
        if (answer)
            FUZZ_CHECK(answer->date >= q.from, QString::fromUtf8(line.bytes));
        // The same question in calendar days (`deadline FROM N --calendar-days`).
        core::ClockInput in;
        in.trigger = q.from;
        in.limit = q.n;
        in.unit = core::DayUnit::CalendarDays;
        const auto clock = core::computeClock(calendar, in, q.from);
        if (clock && q.n <= 1000)
            core::explainClock(calendar, *clock);
        if (answer && q.n <= 1000)
            calendar.explain(q.from, q.n);
    }
    // As many lines as line feeds, and one more for bytes after the last.
    const qsizetype feeds = std::count(data, data + size, std::uint8_t('\n'));
    FUZZ_CHECK(lines == feeds + (size > 0 && data[size - 1] != '\n' ? 1 : 0),
               QStringLiteral("%1 lines for %2 line feeds").arg(lines).arg(feeds));
    return 0;
}
