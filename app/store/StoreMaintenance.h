#pragma once

#include "store/CaseStore.h"

#include <functional>

namespace onewindow::store {

using Progress = std::function<void(qint64 done, qint64 total)>;

struct CheckReport
{
    QStringList integrity; // PRAGMA integrity_check: "ok" or SQLite's findings
    qint64 casesChecked = 0;
    qint64 mismatches = 0; // cases whose stored projection differs from a rebuild
    qint64 orphans = 0;    // projection rows without events
    QStringList gaps;      // devices whose sequence numbers are not contiguous; event ids twice
    QStringList details;   // the first differences, for a person to read
    qint64 tampered = 0;   // events whose bytes no longer match their checksum
    QStringList tamperedEvents; // the first of them, named

    bool ok() const
    {
        return integrity == QStringList{QStringLiteral("ok")} && mismatches == 0 && orphans == 0 &&
               gaps.isEmpty() && tampered == 0;
    }
};

// `store check`: SQLite's integrity check, contiguous device sequences, every event's checksum,
// and proof that folding every case's events again gives exactly the stored projection. Reads
// only.
Result<CheckReport> checkStore(CaseStore& cases, const Progress& progress = {});

// What the window asks of its store when it opens it, on a worker thread: SQLite's quick_check
// (the file's structure: pages, b-trees, record formats) and every event's checksum, on a
// read-only connection of the calling thread, so a big store delays no sign-in. Cheaper than
// checkStore (no index contents, no refold of every case); what it finds means the file is
// damaged, and `store check` then says everything.
struct QuickCheckReport
{
    QStringList findings; // PRAGMA quick_check: "ok" or SQLite's findings
    qint64 tampered = 0;  // events whose bytes no longer match their checksum
    QStringList tamperedEvents;

    bool ok() const { return findings == QStringList{QStringLiteral("ok")} && tampered == 0; }
};
Result<QuickCheckReport> quickCheckStore(const QString& path, const core::Clock& clock);

// `store rebuild`: drops the projections and folds every case again, in one transaction.
Result<qint64> rebuildProjections(CaseStore& cases, const Progress& progress = {});

// `store backup DEST`: a consistent copy of the whole store (VACUUM INTO), written under a
// temporary name and renamed, so DEST is never half a backup. DEST must not exist.
Status backupStore(Store& store, const QString& destination);

} // namespace onewindow::store
