// The demo hall seeder: plans every case twice (once to number each window's events in time
// order, once to write them), makes the events on a worker thread and imports them in batches,
// one transaction each, on the store's thread.
#include "demo/DemoSeeder.h"
#include "demo/DemoPlan.h"
#include "store/UserRepository.h"

#include "demo/DemoCases.h"
#include "demo/DemoCatalog.h"
#include "demo/DemoPeople.h"
#include "demo/DemoSchedule.h"
#include "store/CaseQueries.h"
#include "store/CatalogRepository.h"
#include "store/DocumentCounters.h"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <thread>

namespace onewindow::demo {

using store::CatalogRepository;

namespace {

constexpr quint64 kDeviceSalt = 0x646576696365; // "device"

// Each planned step's device sequence and HLC counter, by its ordinal in planning order: a
// window's events are numbered in the order they happened, as its workstation would have.
struct Numbering
{
    std::vector<quint32> seqs;
    std::vector<quint16> counters;
    std::vector<quint32> documents; // a printed document's number, per device, kind and year
    QMap<std::pair<int, int>, quint32> storeWindowDocuments; // (kind, year) -> last number
};

Numbering numberEvents(const DemoPlanner& planner, const DemoSchedule& schedule, int storeWindow)
{
    using Timed = std::vector<std::pair<qint64, quint32>>; // (UTC ms, ordinal)
    std::array<Timed, kWindows> perDevice;
    std::map<std::tuple<int, int, int>, Timed> perDocument; // (window, kind, year)
    quint32 ordinal = 0;
    quint64 index = 0;
    Numbering n;
    for (int d = 0; d < schedule.days(); ++d) {
        for (const CaseSlot& slot : schedule.slotsOn(d, index)) {
            const CasePlan plan = planner.plan(slot);
            for (const PlanStep& step : plan.steps) {
                // A system event stands outside every device's sequence (core/SystemEvents.h).
                if (step.actor != Actor::System)
                    perDevice[step.window].emplace_back(step.utcMs, ordinal);
                if (step.type == core::EventType::DocumentPrinted)
                    perDocument[{step.window, step.variant, QDate::fromJulianDay(step.jd).year()}]
                        .emplace_back(step.utcMs, ordinal);
                ++ordinal;
            }
        }
        index += static_cast<quint64>(schedule.casesOn(d));
    }
    n.seqs.resize(ordinal);
    n.counters.resize(ordinal);
    n.documents.resize(ordinal);
    for (Timed& events : perDevice) {
        std::sort(events.begin(), events.end());
        for (std::size_t k = 0; k < events.size(); ++k) {
            const quint32 o = events[k].second;
            n.seqs[o] = static_cast<quint32>(k + 1);
            n.counters[o] = k > 0 && events[k - 1].first == events[k].first
                                ? static_cast<quint16>(n.counters[events[k - 1].second] + 1)
                                : quint16(0);
        }
    }
    for (auto& [key, printed] : perDocument) {
        std::sort(printed.begin(), printed.end());
        for (std::size_t k = 0; k < printed.size(); ++k)
            n.documents[printed[k].second] = static_cast<quint32>(k + 1);
        if (std::get<0>(key) == storeWindow)
            n.storeWindowDocuments.insert({std::get<1>(key), std::get<2>(key)},
                                          static_cast<quint32>(printed.size()));
    }
    return n;
}

void tally(DemoSeedSummary& sum, const core::CaseState& s, const core::FoldContext& context,
           const QDate& today)
{
    const core::CaseTimeline& t = s.timeline;
    ++sum.cases;
    sum.events += s.eventCount;
    ++sum.byStatus[core::caseStatusKey(s.status)];
    sum.noticeCases += s.notices.isEmpty() ? 0 : 1;
    sum.notices += static_cast<int>(s.notices.size());
    sum.repeatNotices += s.repeatNotices;
    sum.deemedAccepted += t.deemedAccepted ? 1 : 0;
    sum.forwarded += s.forwardedTo.isEmpty() ? 0 : 1;
    sum.suspended += t.suspensions.isEmpty() ? 0 : 1;
    for (const core::ExtensionRequest& r : s.extensions) {
        sum.extensionsApproved += r.approved.value_or(false) ? 1 : 0;
        sum.extensionsRefused += r.approved.has_value() && !*r.approved ? 1 : 0;
    }
    sum.supervised += s.supervisionOrders > 0 ? 1 : 0;
    if (s.rating && *s.rating >= 1 && *s.rating <= 5)
        ++sum.ratings[static_cast<std::size_t>(*s.rating)];
    sum.followedUp += t.followedUp ? 1 : 0;
    const auto clocks = core::clocksOf(s, context, today);
    if (!clocks)
        return;
    bool red = false;
    bool yellow = false;
    for (const core::CaseClock& c : *clocks) {
        if (c.kind == core::ClockKind::Promised && t.decided &&
            c.clock.status.level == core::WarningLevel::DoneLate)
            ++sum.decidedLate;
        red = red || c.clock.status.level == core::WarningLevel::Red;
        yellow = yellow || c.clock.status.level == core::WarningLevel::Yellow;
    }
    if (s.isOpen()) {
        ++sum.openCases;
        sum.openRed += red ? 1 : 0;
        sum.openYellow += !red && yellow ? 1 : 0;
    }
}

void merge(DemoSeedSummary& into, const DemoSeedSummary& part)
{
    into.cases += part.cases;
    into.events += part.events;
    for (auto it = part.byStatus.begin(); it != part.byStatus.end(); ++it)
        into.byStatus[it.key()] += it.value();
    into.noticeCases += part.noticeCases;
    into.notices += part.notices;
    into.repeatNotices += part.repeatNotices;
    into.deemedAccepted += part.deemedAccepted;
    into.forwarded += part.forwarded;
    into.suspended += part.suspended;
    into.extensionsApproved += part.extensionsApproved;
    into.extensionsRefused += part.extensionsRefused;
    into.supervised += part.supervised;
    into.decidedLate += part.decidedLate;
    for (std::size_t i = 0; i < into.ratings.size(); ++i)
        into.ratings[i] += part.ratings[i];
    into.followedUp += part.followedUp;
    into.openCases += part.openCases;
    into.openRed += part.openRed;
    into.openYellow += part.openYellow;
}

struct Batch
{
    QList<core::Event> events;
    int cases = 0;
    DemoSeedSummary tally;
    std::optional<core::Error> error;
    bool last = false;
};

// Makes the cases day by day, about kBatchCases at a time.
class Generator
{
public:
    Generator(const DemoPlanner& planner, const DemoSchedule& schedule, const DemoCaseMaker& maker,
              const Numbering& numbering, const QList<core::FoldContext>& contexts,
              const QDate& today)
        : m_planner(planner), m_schedule(schedule), m_maker(maker), m_numbering(numbering),
          m_contexts(contexts), m_today(today)
    {}

    Batch next()
    {
        Batch b;
        while (m_day < m_schedule.days() && b.cases < DemoSeeder::kBatchCases) {
            for (const CaseSlot& slot : m_schedule.slotsOn(m_day, m_index)) {
                const CasePlan plan = m_planner.plan(slot);
                const StepNumbers numbers{m_numbering.seqs.data() + m_ordinal,
                                          m_numbering.counters.data() + m_ordinal,
                                          m_numbering.documents.data() + m_ordinal};
                auto state = m_maker.make(plan, numbers, b.events);
                if (!state) {
                    b.error = state.error();
                    return b;
                }
                m_ordinal += plan.steps.size();
                tally(b.tally, *state, m_contexts[plan.item], m_today);
                ++b.cases;
            }
            m_index += static_cast<quint64>(m_schedule.casesOn(m_day));
            ++m_day;
        }
        b.last = m_day >= m_schedule.days();
        return b;
    }

private:
    const DemoPlanner& m_planner;
    const DemoSchedule& m_schedule;
    const DemoCaseMaker& m_maker;
    const Numbering& m_numbering;
    const QList<core::FoldContext>& m_contexts;
    QDate m_today;
    int m_day = 0;
    quint64 m_index = 0;
    std::size_t m_ordinal = 0;
};

// The store's own window goes on numbering documents after the demo's of its code (case numbers
// follow from the cases themselves).
Status keepNumbers(Store& store, const Numbering& n)
{
    QList<store::IssuedNumbers> issued;
    for (auto it = n.storeWindowDocuments.begin(); it != n.storeWindowDocuments.end(); ++it)
        issued.append(
            {static_cast<core::DocumentKind>(it.key().first), it.key().second, it.value()});
    return store::raiseDocumentCounters(store, issued);
}

// Makes the batches on a worker thread (two at most ahead) while this thread imports them.
Result<DemoSeedSummary> makeAndImport(Generator& generator, CaseStore& cases,
                                      const DemoSeeder::Progress& progress, int total)
{
    std::mutex mutex;
    std::condition_variable changed;
    std::deque<Batch> ready;
    bool stop = false;
    std::thread worker([&] {
        for (;;) {
            Batch b = generator.next();
            const bool end = b.last || b.error;
            std::unique_lock lock(mutex);
            changed.wait(lock, [&] { return ready.size() < 2 || stop; });
            if (stop)
                return;
            ready.push_back(std::move(b));
            changed.notify_all();
            if (end)
                return;
        }
    });
    DemoSeedSummary summary;
    std::optional<Error> failure;
    int done = 0;
    for (;;) {
        Batch b;
        {
            std::unique_lock lock(mutex);
            changed.wait(lock, [&] { return !ready.empty(); });
            b = std::move(ready.front());
            ready.pop_front();
            changed.notify_all();
        }
        if (b.error) {
            failure = *b.error;
            break;
        }
        auto imported = cases.importEvents(b.events);
        if (!imported) {
            failure = imported.error();
            break;
        }
        merge(summary, b.tally);
        done += b.cases;
        if (progress)
            progress(done, total);
        if (b.last)
            break;
    }
    {
        std::lock_guard lock(mutex);
        stop = true;
        changed.notify_all();
    }
    worker.join();
    if (failure)
        return *failure;
    return summary;
}

} // namespace

DemoSeeder::DemoSeeder(Store& store, CaseStore& cases, quint64 seed, int caseCount,
                       Progress progress)
    : m_store(store), m_cases(cases), m_seed(seed), m_caseCount(caseCount),
      m_progress(std::move(progress))
{}

Result<DemoSeedSummary> DemoSeeder::run()
{
    if (m_caseCount < 1 || m_caseCount > kMaxCases)
        return Error{QStringLiteral("demo.bad_count"),
                     QStringLiteral("办件数应在 1 到 %1 之间").arg(kMaxCases)};
    auto existing = store::CaseQueries(m_store).caseCount();
    if (!existing)
        return existing.error();
    if (*existing > 0)
        return Error{QStringLiteral("demo.store_not_empty"),
                     QStringLiteral("数据文件 %1 中已有办件，演示数据只生成到新的数据文件；"
                                    "请用 --store 指定一个新文件")
                         .arg(m_store.path())};
    // Receipts reach back ~N/400 working days: not before 2001 (the calendar starts in 2000).
    const QDate today = m_store.clock().todayIn(m_cases.settings().zone);
    const auto days = m_cases.calendar().workingDaysBetween(QDate(2001, 1, 1), today.addDays(-1));
    if (!days || static_cast<qint64>(*days) * DemoSchedule::kCasesPerDay < m_caseCount)
        return Error{
            QStringLiteral("demo.too_many"),
            QStringLiteral("%1 件办件需要追溯到 2001 年以前，超出日历支持的范围").arg(m_caseCount)};
    CatalogRepository catalog(m_store);
    auto itemCount = catalog.itemCount();
    if (!itemCount)
        return itemCount.error();
    if (*itemCount == 0)
        if (auto imported = catalog.importCatalog(demoItems(), demoMatters(),
                                                  QStringLiteral("演示大厅事项目录"));
            !imported)
            return imported.error();
    auto versions = catalog.currentItems();
    if (!versions)
        return versions.error();
    if (versions->isEmpty())
        return Error{QStringLiteral("demo.no_items"), QStringLiteral("事项目录为空")};
    if (Status s = m_cases.ensureDevice(QStringLiteral("620102"), QStringLiteral("W01")); !s)
        return s.error();
    auto device = m_cases.device();
    if (!device)
        return device.error();
    // The seeded staff by name: timelines and boards say 郭凯怡, not clerk-w02-3. They have no
    // account here (switched off, no password anyone knows); the demo's own accounts stay.
    store::UserRepository staff(m_store);
    for (int w = 0; w < kWindows; ++w)
        for (int c = 0; c < clerksAt(w); ++c)
            if (Status s = staff.recordStaff(clerkId(w, c), staffName(clerkId(w, c)),
                                             core::Role::Clerk, windowCode(w));
                !s)
                return s.error();
    for (int p = 0; p < kSupervisors; ++p)
        if (Status s = staff.recordStaff(supervisorId(p), staffName(supervisorId(p)),
                                         core::Role::Supervisor, QString());
            !s)
            return s.error();

    // Everything the worker thread reads is its own copy (the zone too: not one shared with the
    // store's thread).
    const core::WorkingCalendar calendar = m_cases.calendar();
    const QTimeZone zone(m_cases.settings().zone.id());
    QList<core::ServiceItem> items;
    QList<int> itemVersions;
    for (const core::ItemVersion& v : *versions) {
        items.append(v.item);
        itemVersions.append(v.version);
    }
    // The hall as it stands before opening today: nothing of today yet, so the same seed gives the
    // same hall all day (and nothing happens after the store clock's now).
    const qint64 startOfToday = QDateTime(today, QTime(0, 0), zone).toMSecsSinceEpoch();
    DemoPlanner planner(calendar, zone, items, m_seed, startOfToday - 1);
    QList<core::FoldContext> contexts;
    for (int i = 0; i < items.size(); ++i) {
        auto context = m_cases.contextFor(items[i].code, itemVersions[i]);
        if (!context)
            return context.error();
        context.value().item = &planner.items()[i];
        context.value().calendar = &calendar;
        context.value().zone = zone;
        contexts.append(*context);
    }
    const DemoSchedule schedule(planner, m_seed, m_caseCount,
                                static_cast<qint32>(today.toJulianDay()));
    planner.countFrequentApplicants(schedule); // before any case is planned
    QStringList deviceIds;
    for (int w = 0; w < kWindows; ++w) {
        DemoRandom r(mixSeed(m_seed, static_cast<quint64>(w), kDeviceSalt));
        deviceIds.append(seededUuidV7(planner.utcMs(schedule.day(0), 0) - 1800 * 1000, r));
    }
    int storeWindow = -1;
    for (int w = 0; w < kWindows; ++w)
        if (windowCode(w) == device->deviceCode)
            storeWindow = w;

    if (m_progress)
        m_progress(0, m_caseCount);
    const Numbering numbering = numberEvents(planner, schedule, storeWindow);
    const DemoCaseMaker maker(planner, contexts, itemVersions, deviceIds, device->hallCode, m_seed);
    Generator generator(planner, schedule, maker, numbering, contexts, today);

    auto summary = makeAndImport(generator, m_cases, m_progress, m_caseCount);
    if (!summary)
        return summary.error();
    summary.value().firstDay = QDate::fromJulianDay(schedule.day(0));
    summary.value().lastDay = QDate::fromJulianDay(schedule.day(schedule.days() - 1));
    if (Status s = keepNumbers(m_store, numbering); !s)
        return s.error();
    return summary;
}

} // namespace onewindow::demo
