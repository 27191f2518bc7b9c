// Sign-in timing, a known login beside an unknown one (issue 14, item 14): both run one Argon2id
// verification, so their times should match and not tell which logins exist. Prints the
// median and worst of N attempts of each (a wrong password for the known login, so its account's
// failure count is reset between rounds by a right one, not timed).
//
// Usage: bench_signin [ATTEMPTS]   (default 10)
#include "core/Clock.h"
#include "store/Store.h"
#include "store/UserRepository.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTimeZone>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace onewindow;

namespace {

struct Figures
{
    double median = 0;
    double worst = 0;
};

Figures figuresOf(std::vector<double> ms)
{
    std::sort(ms.begin(), ms.end());
    return Figures{ms[ms.size() / 2], ms.back()};
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const int n = argc > 1 ? std::max(1, atoi(argv[1])) : 10;
    QTemporaryDir dir;
    core::FakeClock clock(QDateTime(QDate(2026, 9, 18), QTime(2, 0), QTimeZone::utc()));
    auto store = store::Store::open(dir.filePath(QStringLiteral("bench.sqlite")), clock);
    if (!store) {
        std::fprintf(stderr, "%s\n", qPrintable(store.error().message));
        return 1;
    }
    store::UserRepository users(**store);
    if (!users.create(QStringLiteral("zhangsan"), QStringLiteral("张三"), core::Role::Clerk,
                      QStringLiteral("W07"), QStringLiteral("demo-clerk-password"))) {
        std::fprintf(stderr, "cannot create the user\n");
        return 1;
    }
    std::vector<double> known;
    std::vector<double> unknown;
    for (int i = 0; i < n; ++i) {
        QElapsedTimer t;
        t.start();
        users.signIn(QStringLiteral("zhangsan"), QStringLiteral("wrong"));
        known.push_back(double(t.nsecsElapsed()) / 1e6);
        users.signIn(QStringLiteral("zhangsan"), QStringLiteral("demo-clerk-password"));
        t.restart();
        users.signIn(QStringLiteral("nobody"), QStringLiteral("wrong"));
        unknown.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    const Figures k = figuresOf(known);
    const Figures u = figuresOf(unknown);
    std::printf("sign-in, %d attempts each       median ms   worst ms\n", n);
    std::printf("  known login, wrong password  %9.1f  %9.1f\n", k.median, k.worst);
    std::printf("  unknown login                %9.1f  %9.1f\n", u.median, u.worst);
    std::printf("  unknown / known (median)     %9.2f\n", u.median / k.median);
    return 0;
}
