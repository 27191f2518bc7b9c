#pragma once

#include "core/CalendarImport.h"
#include "store/CaseStore.h"

#include <QStringList>

namespace onewindow::store {

struct CalendarImportOutcome
{
    core::CalendarImportPlan plan; // its errors (nothing imported), warnings and notes
    int casesRecomputed = 0;       // open cases whose timeline now records a moved deadline
    int casesChecked = 0;          // cases whose clocks reach into the notices' years
    bool imported = false;
    // What was done, one line each, for the window's message and the ctl's output.
    QStringList doneLines() const;
};

// The one calendar import, used by the window, the ctl and (later) the server: reads the files,
// plans them against the stored calendar (core::planCalendarImport), then stores the notices and
// recomputes every case they touch in one transaction (CaseStore::importCalendar). All or nothing:
// on any error nothing is stored.
CalendarImportOutcome importCalendarFiles(CaseStore& cases, const QStringList& paths);

} // namespace onewindow::store
