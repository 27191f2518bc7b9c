#pragma once

#include "core/Clock.h"
#include "core/Error.h"
#include "core/HallSettings.h"
#include "core/WorkingCalendar.h"
#include "store/CaseStore.h"
#include "store/Store.h"

#include <QStringList>
#include <QTextStream>

#include <memory>

namespace onewindow::ctl {

// Exit statuses: 0 done, 1 the operation failed (bad file content, store error), 2 bad usage.
enum ExitCode
{
    ExitOk = 0,
    ExitFailed = 1,
    ExitUsage = 2,
};

// What every command gets: the arguments after its name, the output streams, and the store,
// opened on first use. A missing store file is refused with what to do (a mistyped --store, or
// no store yet on this machine), except for the commands that start a store
// (mayCreateStore()), which create it with the shipped calendars.
// "Now" is the system clock's, unless ONEWINDOW_FAKE_NOW holds an ISO 8601 instant
// (2026-12-06T17:30:00Z): tests and rehearsals of a given day run the tool at that fixed time.
std::unique_ptr<core::Clock> ctlClock();

class CtlContext
{
public:
    // `storeNamed`: the path came from --store (not the default).
    CtlContext(QString storePath, QStringList args, bool storeNamed = true);

    const QStringList& args() const { return m_args; }
    QTextStream& out() { return m_out; }
    QTextStream& err() { return m_err; }

    // One line on stderr naming the problem; returns ExitUsage.
    int usageError(const QString& message);
    // Every error of a failed operation on stderr; returns ExitFailed.
    int failed(const core::Error& error);

    core::Result<store::Store*> store();
    // Called by a command that sets up or fills a new store (calendar import, catalog import,
    // sync enrol) before it opens the store: a missing file is then created (and said so on
    // stderr) instead of refused.
    void mayCreateStore() { m_mayCreateStore = true; }
    core::Result<core::WorkingCalendar> calendar();
    // The hall's settings from its first-start setup (time zone, office hours), or the defaults.
    core::HallSettings hallSettings();
    // Today at the hall: the clock's civil date in the hall's zone.
    QDate today() { return hallSettings().today(clock()); }
    const core::Clock& clock() const { return *m_clock; }
    // --store PATH (or the default), for a command that makes the store itself (demo seed).
    const QString& storePath() const { return m_storePath; }
    // The store's case log with the hall's settings, opened on first use.
    core::Result<store::CaseStore*> caseStore();
    // A command that writes first produces the time-driven events that fell due (deemed
    // acceptance, deemed abandonment: core/SystemEvents.h), as the window's tick does; a failure
    // is reported and the command goes on. Returns how many were produced.
    int tick();
    // Legal history is recorded at the real time only: a command that writes is refused (one line
    // on stderr, false) while ONEWINDOW_FAKE_NOW fixes the clock.
    bool mayWrite();
    // An output file is never the store or its -wal/-shm (also through a symlink or a hard link):
    // true, with one line on stderr, when `path` is one of them.
    bool isStoreOutput(const QString& path);

private:
    // store.missing with what to do: check the path, or how a store is started.
    core::Error missingStore() const;

    QString m_storePath;
    bool m_storeNamed = true;
    bool m_mayCreateStore = false;
    QStringList m_args;
    QTextStream m_out;
    QTextStream m_err;
    std::unique_ptr<core::Clock> m_clock;
    std::unique_ptr<store::Store> m_store;
    std::unique_ptr<store::CaseStore> m_cases;
    bool m_ticked = false;
};

} // namespace onewindow::ctl
