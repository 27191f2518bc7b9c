#pragma once

#include "store/CaseStore.h"
#include "store/UserRepository.h"

namespace onewindow::demo {

// `onewindowctl demo work --actions N [--seed S]` (issue 18): N random legal actions at this
// window as its clerks would make them, each a real transaction through the window's path (intake
// through CaseStore::receive, every other action through core::CaseActions and
// CaseStore::append). The fault test and the benchmarks use it; a hall can rehearse with it.
struct WorkReport
{
    int intakes = 0;
    int actions = 0;
    int refused = 0; // an action the store refused at append time (a day's check): counted, skipped
};

core::Result<WorkReport> demoWork(store::CaseStore& cases, const QList<store::User>& staff,
                                  int actions, quint64 seed);

} // namespace onewindow::demo
