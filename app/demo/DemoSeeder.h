#pragma once

#include "store/CaseStore.h"
#include "store/Store.h"

#include <QDate>
#include <QMap>

#include <array>
#include <functional>

namespace onewindow::demo {

using core::Error;
using core::Result;
using core::Status;
using store::CaseStore;
using store::Store;

// What a demo seed made, and its mix as of the store clock's today.
struct DemoSeedSummary
{
    int cases = 0;
    qint64 events = 0;
    QDate firstDay; // the first and last receipt day
    QDate lastDay;
    QMap<QString, int> byStatus; // case status key -> cases
    int noticeCases = 0;         // cases with at least one one-time notice
    int notices = 0;
    int repeatNotices = 0;
    int deemedAccepted = 0;
    int forwarded = 0;
    int suspended = 0;
    int extensionsApproved = 0;
    int extensionsRefused = 0;
    int supervised = 0;
    int decidedLate = 0;          // after the promised deadline
    std::array<int, 6> ratings{}; // by level 1..5
    int followedUp = 0;
    int openCases = 0;
    int openRed = 0;    // a running clock past its deadline today
    int openYellow = 0; // a running clock in its warning days today (none red)
};

// The demo hall (`onewindowctl demo seed`): N cases of hall 620102 received at its twelve
// windows over about N/400 working days back from the store clock's today, as every window's
// workstation would have logged them (each window its own device with its own sequence), and
// imported with their projections through the store's bulk import (CaseStore::importEvents).
// The same seed and today give the same events. The import takes several transactions: seed a
// store that nobody sees until it is complete (buildDemoStore, DemoBuild.h), never a hall in use.
class DemoSeeder
{
public:
    using Progress = std::function<void(int done, int total)>;

    DemoSeeder(Store& store, CaseStore& cases, quint64 seed, int caseCount, Progress progress = {});

    // Refuses a store that already has cases (the demo hall is seeded into a new store).
    Result<DemoSeedSummary> run();

    static constexpr int kBatchCases = 2000;    // one transaction and one progress call each
    static constexpr int kMaxCases = 2'000'000; // twenty years of a busy county hall

private:
    Store& m_store;
    CaseStore& m_cases;
    quint64 m_seed;
    int m_caseCount;
    Progress m_progress;
};

} // namespace onewindow::demo
