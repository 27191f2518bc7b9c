// The clerk's window beyond cases: what an intake draft save costs (one upsert, synchronous=FULL,
// written on each completed step and committed field), reading it back, logging an inquiry and
// listing a window's day, and the tray's look at a clerk's open cases each minute.
//
// Usage: bench_window [STORE]   a seeded store for the tray's look (onewindowctl demo seed);
//                               drafts and inquiries are measured in a fresh temporary store.
#include "core/Clock.h"
#include "core/HallSettings.h"
#include "core/WarningWatch.h"
#include "store/CaseQueries.h"
#include "store/CaseStore.h"
#include "store/DraftRepository.h"
#include "store/InquiryRepository.h"
#include "store/Store.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

using namespace onewindow;

namespace {

void measure(const char* name, int runs, const std::function<void(int)>& work)
{
    std::vector<double> ms;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        work(i);
        ms.push_back(t.nsecsElapsed() / 1e6);
    }
    std::sort(ms.begin(), ms.end());
    std::printf("%-52s %6d %10.3f %10.3f\n", name, runs, ms[ms.size() / 2], ms.back());
}

core::IntakeDraft typicalDraft(int i)
{
    core::IntakeDraft d;
    d.step = 3;
    d.itemQuery = QStringLiteral("spjyxk");
    d.itemCode = QStringLiteral("11620102MB1234567X20001100001");
    d.itemName = QStringLiteral("食品经营许可");
    d.applicant.name = QStringLiteral("张三");
    d.applicant.idNumber = QStringLiteral("11010519491231002X");
    d.applicant.phone = QStringLiteral("13912345678");
    d.confirmedOn = QDate(2026, 9, 18);
    for (int m = 0; m < 8; ++m) { // a licence checklist of eight materials
        core::MaterialCheck c;
        c.code = QStringLiteral("00%1").arg(m);
        c.name = QStringLiteral("食品经营许可申请材料第%1项").arg(m + 1);
        c.state = m == i % 8 ? core::MaterialState::Defective : core::MaterialState::Provided;
        c.problem = m == i % 8 ? QStringLiteral("未加盖公章") : QString();
        c.copies = 1;
        d.materials.append(c);
    }
    return d;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    core::SystemClock clock;
    // The inquiries of a year and a half, 60 a day: the fresh store's clock moves a day per 60.
    core::FakeClock days(QDateTime(QDate(2025, 3, 3), QTime(1, 0), QTimeZone::utc()));
    QTemporaryDir dir;
    auto fresh = store::Store::open(dir.filePath(QStringLiteral("w.sqlite")), days);
    if (!fresh) {
        std::fprintf(stderr, "%s\n", qPrintable(fresh.error().message));
        return 1;
    }
    store::Store& s = **fresh;
    std::printf("%-52s %6s %10s %10s\n", "work", "runs", "median ms", "worst ms");
    store::DraftRepository drafts(s);
    std::printf("draft JSON of a licence intake at the materials step: %lld bytes\n",
                static_cast<long long>(typicalDraft(0).toJson().size()));
    measure("intake draft: save (upsert, synchronous=FULL)", 200, [&](int i) {
        if (!drafts.save(QStringLiteral("clerk-1"), typicalDraft(i)))
            std::abort();
    });
    measure("intake draft: load and parse", 200, [&](int) {
        if (!drafts.load(QStringLiteral("clerk-1")))
            std::abort();
    });

    store::InquiryRepository inquiries(s);
    core::Inquiry in;
    in.clerkId = QStringLiteral("clerk-1");
    in.windowCode = QStringLiteral("W07");
    in.person = QStringLiteral("王女士");
    in.question = QStringLiteral("办理食品经营许可需要哪些材料？");
    in.answer = QStringLiteral("已按办事指南逐项告知");
    const core::Status batch = s.transaction([&]() -> core::Status {
        measure("first inquiry: record (inside one batch)", 30000, [&](int i) {
            if (i % 60 == 59)
                days.advanceDays(1);
            in.windowCode = i % 4 == 0 ? QStringLiteral("W08") : QStringLiteral("W07");
            if (!inquiries.record(in))
                std::abort();
        });
        return {};
    });
    if (!batch)
        return 1;
    measure("first inquiry: record (its own commit)", 100, [&](int) {
        if (!inquiries.record(in))
            std::abort();
    });
    qsizetype listed = 0;
    measure("first inquiry: a window's list of today", 50, [&](int) {
        auto day = inquiries.onDay(days.todayIn(core::HallSettings().zone), QStringLiteral("W07"));
        if (!day)
            std::abort();
        listed = day->size();
    });
    std::printf("(%lld inquiries listed of 30,100 stored)\n", static_cast<long long>(listed));
    const QDate today = clock.todayIn(core::HallSettings().zone);

    if (argc < 2)
        return 0;
    const QString path = QString::fromLocal8Bit(argv[1]);
    if (!QFileInfo::exists(path)) {
        std::fprintf(stderr, "no store at %s\n", qPrintable(path));
        return 1;
    }
    auto big = store::Store::open(path, clock);
    if (!big) {
        std::fprintf(stderr, "%s\n", qPrintable(big.error().message));
        return 1;
    }
    store::CaseQueries q(**big);
    auto busiest = q.openByUrgency(today, 1);
    if (!busiest || busiest->isEmpty())
        return 1;
    const QString clerk = busiest->first().clerkId;
    core::WarningWatch watch;
    qsizetype rows = 0;
    measure("tray look: a clerk's open cases (500) and the watch", 60, [&](int) {
        auto open = q.clerkOpen(clerk, today, 500);
        QList<core::WatchedCase> cases;
        for (const store::CaseRow& r : *open)
            cases.append({r.caseId, r.caseNumber, r.itemName, r.levelOn(today),
                          r.levelOn(today.addDays(-1))});
        rows = open->size();
        watch.observe(today, cases);
    });
    std::printf("store %s: %d cases; the clerk has %lld open cases in the look\n", qPrintable(path),
                q.caseCount().value(), static_cast<long long>(rows));
    return 0;
}
