// The demo planner over many seeds and years, without a store import: every planned event of
// every case is admitted by the same append-time checks a window's log runs (core::admitEvent).
#include "support/TestSupport.h"

#include "core/Clock.h"
#include "demo/DemoCases.h"
#include "demo/DemoCatalog.h"
#include "demo/DemoSchedule.h"
#include "store/CaseStore.h"
#include "store/CatalogRepository.h"
#include "store/Store.h"

#include <QTemporaryDir>

#include <algorithm>
#include <array>

using namespace onewindow;

namespace {

const QTimeZone kShanghai(QByteArrayLiteral("Asia/Shanghai"));

// A store with the demo catalog, its calendar (2007-2026 as shipped) and fold contexts.
struct PlanBench
{
    QTemporaryDir dir;
    core::FakeClock clock;
    std::unique_ptr<store::Store> store;
    std::unique_ptr<store::CaseStore> cases;
    core::WorkingCalendar calendar;
    QList<core::ServiceItem> items;
    QList<int> versions;

    explicit PlanBench(const QDate& today) : clock(QDateTime(today, QTime(8, 0), kShanghai))
    {
        auto opened = store::Store::open(dir.filePath(QStringLiteral("plan.sqlite")), clock);
        REQUIRE(opened.ok());
        store = std::move(opened).value();
        cases = std::make_unique<store::CaseStore>(*store);
        store::CatalogRepository catalog(*store);
        REQUIRE(catalog.importItems(demo::demoItems(), QStringLiteral("demo")).ok());
        auto current = catalog.currentItems();
        REQUIRE(current.ok());
        for (const core::ItemVersion& v : *current) {
            items.append(v.item);
            versions.append(v.version);
        }
        calendar = cases->calendar();
    }

    // Plans `count` cases of `seed` received before `today`, makes those whose plan has a step
    // of type `shape` and returns how many were made; fails on the first event the append-time
    // check refuses.
    int makeAll(quint64 seed, int count, const QDate& today, core::EventType shape)
    {
        const qint64 cutoff = QDateTime(today, QTime(0, 0), kShanghai).toMSecsSinceEpoch() - 1;
        const demo::DemoPlanner planner(calendar, kShanghai, items, seed, cutoff);
        QList<core::FoldContext> contexts;
        for (int i = 0; i < items.size(); ++i) {
            auto context = cases->contextFor(items[i].code, versions[i]);
            REQUIRE(context.ok());
            context.value().item = &planner.items()[i];
            context.value().calendar = &calendar;
            context.value().zone = kShanghai;
            contexts.append(*context);
        }
        QStringList devices;
        for (int w = 0; w < demo::kWindows; ++w)
            devices.append(QStringLiteral("00000000-0000-7000-8000-0000000000%1")
                               .arg(w, 2, 10, QLatin1Char('0')));
        const demo::DemoCaseMaker maker(planner, contexts, versions, devices,
                                        QStringLiteral("620102"), seed);
        const demo::DemoSchedule schedule(planner, seed, count,
                                          static_cast<qint32>(today.toJulianDay()));
        // Numbering does not matter to the checks: every step gets 1.
        const std::vector<quint32> ones(256, 1);
        const std::vector<quint16> zeros(256, 0);
        int made = 0;
        quint64 index = 0;
        for (int d = 0; d < schedule.days(); ++d) {
            for (const demo::CaseSlot& slot : schedule.slotsOn(d, index)) {
                const demo::CasePlan plan = planner.plan(slot);
                if (std::none_of(plan.steps.begin(), plan.steps.end(),
                                 [&](const demo::PlanStep& s) { return s.type == shape; }))
                    continue;
                REQUIRE(plan.steps.size() <= ones.size());
                QList<core::Event> events;
                auto state = maker.make(plan, {ones.data(), zeros.data(), ones.data()}, events);
                if (!state) {
                    INFO("seed " << seed << ", case " << slot.index << ", received "
                                 << QDate::fromJulianDay(slot.jd) << ", item "
                                 << items[plan.item].name.toStdString());
                    FAIL(state.error().message.toStdString());
                }
                ++made;
            }
            index += static_cast<quint64>(schedule.casesOn(d));
        }
        return made;
    }
};

} // namespace

TEST_CASE("民法典 Art. 203: demo plans ask for an extension of a limit in 日 by its deadline as "
          "the clock counts it after a suspension, over many seeds and years")
{
    // `demo seed --cases 1000000` failed with demo.illegal_event (期限已届满…不能再申请延期): a
    // case suspended before its extension request had the request planned on the working-day
    // count of the limit plus as many working days as the suspension lasted, while a limit in 日
    // moves by the suspended calendar days and then by Art. 203 (seed 1 up to 2026-12-06:
    // 住房公积金个人住房贷款, 15 日, received 2026-10-09, asked after its 2026-10-27 deadline).
    // Every case with an extension request of each seed and year is made here and admitted.
    const std::array<std::pair<quint64, const char*>, 6> runs{{{1, "2026-12-06"},
                                                               {2, "2025-05-20"},
                                                               {3, "2024-02-01"},
                                                               {4, "2022-10-12"},
                                                               {5, "2020-01-22"},
                                                               {6, "2017-06-30"}}};
    PlanBench bench(test::d("2026-12-06"));
    int made = 0;
    for (const auto& [seed, today] : runs)
        made += bench.makeAll(seed, 120'000, test::d(today), core::EventType::ExtensionRequested);
    // About 2.8 % of the non-same-day cases ask for one.
    CHECK(made > 6 * 120'000 / 100);
}
