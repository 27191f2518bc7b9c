#pragma once

#include "core/Clock.h"
#include "demo/DemoSeeder.h"

namespace onewindow::demo {

// What a new demo store holds.
struct DemoBuild
{
    int cases = 0;     // seeded cases (none: the hall alone)
    quint64 seed = 1;  // the same seed and today give the same cases
    bool hall = false; // also the demo hall's setup, catalog and accounts (prepareDemoHall)
};

// Makes a demo store at `path`, which must not exist: built in a private file that nobody sees
// (store::Store::build), filled through the store's public paths, and linked at `path` only when
// complete. A failure (a full disk) or a kill at any moment leaves no store at `path`, and the
// seed can simply be run again; never a store with half its cases and gaps in the windows'
// sequences. A `path` that exists is refused and left untouched.
Result<DemoSeedSummary> buildDemoStore(const QString& path, const core::Clock& clock,
                                       const DemoBuild& what,
                                       const DemoSeeder::Progress& progress = {});

} // namespace onewindow::demo
