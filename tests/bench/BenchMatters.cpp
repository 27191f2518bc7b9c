// The board of matters and the matters' figures on a hall that has taken in many matters (issue 20:
// one district hall took in 169,914 一件事 applications in a year). Side by side with the baseline,
// what both did before migration 0022: fold every matter the store holds (the figures over all
// time do exactly that).
//
// Usage: bench_matters [STORE [MATTERS]]   (default /tmp/bench-matters.sqlite, 3000 matters)
// A missing STORE is made: the demo hall (demo::buildDemoStore), then MATTERS 开办企业 intakes
// spread over the year before 2026-12-04, every part accepted; a matter older than a month has
// every part decided two days after its intake, the rest stay open.
#include "core/CasePayloads.h"
#include "core/Clock.h"
#include "core/Matter.h"
#include "demo/DemoBuild.h"
#include "store/CaseStore.h"
#include "store/CatalogRepository.h"
#include "store/HallConfig.h"
#include "store/MatterCases.h"
#include "store/MatterRepository.h"
#include "store/Store.h"
#include "store/UserRepository.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTimeZone>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <functional>
#include <vector>

using namespace onewindow;

namespace {

const QDate kToday(2026, 12, 4);

int fail(const core::Error& e)
{
    std::fprintf(stderr, "bench_matters: %s\n", qPrintable(e.message));
    return 1;
}

QDateTime at(const QDate& day, int minute)
{
    // 09:00 Beijing time plus `minute`: 01:00 UTC.
    return QDateTime(day, QTime(1, 0), QTimeZone::utc()).addSecs(minute * 60);
}

// One scheduled action: take matter `index` in, or decide its parts.
struct Step
{
    QDateTime when;
    int index = 0;
    bool decide = false;
};

core::Status fill(const QString& path, core::FakeClock& clock, int matters)
{
    demo::DemoBuild hall;
    hall.hall = true;
    if (auto built = demo::buildDemoStore(path, clock, hall); !built)
        return built.error();
    auto opened = store::Store::open(path, clock);
    if (!opened)
        return opened.error();
    store::Store& st = **opened;
    auto config = store::HallConfigRepository(st).load();
    if (!config)
        return config.error();
    store::CaseStore cases(st, *config);
    auto users = store::UserRepository(st).users();
    if (!users)
        return users.error();
    QString clerk;
    for (const store::User& u : *users)
        if (u.role == core::Role::Clerk && u.active && clerk.isEmpty())
            clerk = u.userId;
    auto all = store::MatterRepository(st).currentByCode();
    if (!all)
        return all.error();
    const QString code = QStringLiteral("KBQY");
    if (!all->contains(code))
        return core::Error{QStringLiteral("bench.no_matter"),
                           QStringLiteral("演示目录没有开办企业")};
    auto versions = store::MatterRepository(st).currentMatters();
    if (!versions)
        return versions.error();
    int matterVersion = 1;
    for (const core::MatterVersion& v : *versions)
        if (v.matter.code == code)
            matterVersion = v.version;
    auto items = store::CatalogRepository(st).currentItems();
    if (!items)
        return items.error();
    QList<core::ReceivedInput> parts;
    for (const QString& itemCode : core::applicableItems(all->value(code), *all, {}))
        for (const core::ItemVersion& v : *items)
            if (v.item.code == itemCode) {
                core::ReceivedInput in;
                in.itemCode = v.item.code;
                in.itemVersion = v.version;
                in.applicant.name = QStringLiteral("张三");
                in.applicant.idNumber = QStringLiteral("11010519491231002X");
                in.applicant.phone = QStringLiteral("13912345678");
                in.materials = core::checklistFor(v.item);
                for (core::MaterialCheck& m : in.materials)
                    if (m.state == core::MaterialState::Unchecked)
                        m.state = core::MaterialState::Provided;
                parts.append(in);
            }

    std::vector<Step> steps;
    const QDate first = kToday.addDays(-365);
    for (int i = 0; i < matters; ++i) {
        const QDate day = first.addDays(static_cast<qint64>(i) * 365 / matters);
        const QDateTime when = at(day, i % 400);
        steps.push_back({when, i, false});
        if (day < kToday.addDays(-30))
            steps.push_back({when.addDays(2), i, true});
    }
    std::stable_sort(steps.begin(), steps.end(),
                     [](const Step& a, const Step& b) { return a.when < b.when; });
    std::vector<QStringList> caseIds(static_cast<size_t>(matters));
    const auto accept =
        [](int,
           const store::CaseStore::Appended&) -> core::Result<store::CaseStore::IntakeDecision> {
        return store::CaseStore::IntakeDecision{core::EventType::Accepted,
                                                core::payload::accepted()};
    };
    int done = 0;
    for (const Step& s : steps) {
        clock.set(s.when);
        if (!s.decide) {
            auto taken = cases.receiveMatter(parts, code, matterVersion, accept, clerk);
            if (!taken)
                return taken.error();
            for (const auto& p : taken->parts)
                caseIds[static_cast<size_t>(s.index)].append(p.received.event.caseId);
        } else {
            for (const QString& id : caseIds[static_cast<size_t>(s.index)])
                if (auto d = cases.append(id, core::EventType::Decided,
                                          core::payload::decided(QStringLiteral("granted"),
                                                                 QStringLiteral("准字1号")),
                                          clerk);
                    !d)
                    return d.error();
        }
        if (++done % 1000 == 0)
            std::fprintf(stderr, "  %d of %zu steps\n", done, steps.size());
    }
    return {};
}

double threadCpuMs()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

// Wall time is what the supervisor waits; CPU time (this thread's) is what it costs, and what
// compares fairly on a machine shared with other work. Returns the median CPU time.
double measure(const char* name, const std::function<qsizetype()>& run)
{
    std::vector<double> ms;
    std::vector<double> cpu;
    qsizetype rows = 0;
    for (int i = 0; i < 7; ++i) {
        QElapsedTimer t;
        const double c0 = threadCpuMs();
        t.start();
        rows = run();
        ms.push_back(static_cast<double>(t.nsecsElapsed()) / 1e6);
        cpu.push_back(threadCpuMs() - c0);
    }
    const double first = ms.front();
    std::sort(ms.begin(), ms.end());
    std::sort(cpu.begin(), cpu.end());
    std::printf("%-52s %7lld %9.1f %9.1f %9.1f %9.1f\n", name, static_cast<long long>(rows), first,
                ms[ms.size() / 2], ms.back(), cpu[cpu.size() / 2]);
    return cpu[cpu.size() / 2];
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const QString path = args.value(1, QStringLiteral("/tmp/bench-matters.sqlite"));
    const int matters = args.value(2, QStringLiteral("3000")).toInt();
    core::FakeClock clock(at(kToday.addDays(-366), 0));
    if (!QFileInfo::exists(path)) {
        std::fprintf(stderr, "bench_matters: making %s with %d matters\n", qPrintable(path),
                     matters);
        QElapsedTimer t;
        t.start();
        if (core::Status made = fill(path, clock, matters); !made)
            return fail(made.error());
        std::fprintf(stderr, "  made in %.0f s\n", static_cast<double>(t.elapsed()) / 1e3);
    }
    clock.set(at(kToday, 120));
    auto opened = store::Store::open(path, clock);
    if (!opened)
        return fail(opened.error());
    auto config = store::HallConfigRepository(**opened).load();
    if (!config)
        return fail(config.error());
    store::CaseStore cases(**opened, *config);

    std::printf("%s, matters received up to %s (ms: first, median, worst of 7; CPU: median)\n",
                qPrintable(path), qPrintable(kToday.toString(Qt::ISODate)));
    std::printf("%-52s %7s %9s %9s %9s %9s\n", "", "matters", "first", "median", "worst", "CPU");
    const auto count = [](const auto& r) -> qsizetype {
        if (!r) {
            std::fprintf(stderr, "bench_matters: %s\n", qPrintable(r.error().message));
            std::exit(1);
        }
        return static_cast<qsizetype>(
            r->byMatter.isEmpty() ? 0 : r->total.received + r->total.finished);
    };
    const double board = measure("board of matters (open ones)", [&] {
        auto open = store::loadOpenMatters(cases, kToday);
        if (!open) {
            std::fprintf(stderr, "bench_matters: %s\n", qPrintable(open.error().message));
            std::exit(1);
        }
        return open->size();
    });
    const double month = measure("figures of matters, this month (received+finished)", [&] {
        return count(store::matterFigures(cases, QDate(2026, 12, 1), kToday, kToday));
    });
    measure("figures of matters, this year (received+finished)",
            [&] { return count(store::matterFigures(cases, QDate(2026, 1, 1), kToday, kToday)); });
    const double all = measure("baseline: every matter folded (as before 0022)", [&] {
        return count(store::matterFigures(cases, QDate(2000, 1, 1), QDate(2100, 12, 31), kToday));
    });
    std::printf("board %.0fx and this month's figures %.0fx less CPU than folding every matter\n",
                all / std::max(board, 0.01), all / std::max(month, 0.01));
    return 0;
}
