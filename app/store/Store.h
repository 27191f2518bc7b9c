#pragma once

#include "core/Clock.h"
#include "core/Error.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

#include <memory>

namespace onewindow::store {

class SqlStatement;

using core::Error;
using core::Result;
using core::Status;

// One open workstation store: a SQLite file with our schema, on one connection that belongs to the
// thread that opened it. Every connection gets WAL, synchronous=FULL, foreign keys and a busy
// timeout (architecture.md).
class Store
{
public:
    ~Store();
    Store(const Store&) = delete;
    Store& operator=(const Store&) = delete;

    // Opens the store at `path`, creating it (0600, and its missing folders 0700) when missing,
    // migrating it to the program's schema, and loading the shipped calendars into a new store,
    // all or nothing. Two processes creating one store both end up with the same one. A damaged,
    // empty or foreign file, a store written by a newer program or a read-only file is refused
    // with a message; nothing is changed, and a file that exists is never removed.
    static Result<std::unique_ptr<Store>> open(const QString& path, const core::Clock& clock);

    // Opens an existing store, already at the program's schema, on a read-only connection of the
    // calling thread (a worker's counts and exports): no folder or file is created, no migration
    // runs and nothing can be written (PRAGMA query_only). A store at another schema version is
    // refused: the window's own connection upgrades it.
    static Result<std::unique_ptr<Store>> openForReading(const QString& path,
                                                         const core::Clock& clock);

    // How many migrations opening the existing store at `path` would run (0 for a new or current
    // store, or one open() will refuse): the caller may show progress, as upgrading a big store
    // can take minutes. Reads the file only.
    static int pendingMigrations(const QString& path);

    // The per-user default location (~/.local/share/onewindow/onewindow.sqlite).
    static QString defaultPath();

    // A new store to be filled in bulk (a demo hall) that nobody sees until it is complete: built
    // (schema and shipped calendars) in a private file beside `path`, with no journal on disk and
    // no syncs while it fills. publish() links it at `path`. Dropped unpublished, the file is
    // removed; left by a killed process, the next build() beside the same `path` removes it. So
    // `path` holds either nothing or the whole store.
    static Result<std::unique_ptr<Store>> build(const QString& path, const core::Clock& clock);
    // Closes a built store, syncs it to disk and links it at `path`; refused when `path` exists
    // (nothing is replaced) and when `built` is not a store from build().
    static Status publish(std::unique_ptr<Store> built, const QString& path);

    QSqlDatabase database() const;
    QString path() const { return m_path; }
    int schemaVersion() const;
    bool wasCreated() const { return m_created; }
    const core::Clock& clock() const { return m_clock; }

    // Runs `work` inside BEGIN IMMEDIATE ... COMMIT; rolls back when it fails.
    template <typename Work>
    Status transaction(Work&& work)
    {
        if (Status s = begin(); !s)
            return s;
        Status result = work();
        if (!result) {
            rollback();
            return result;
        }
        return commit();
    }

private:
    enum class Mode
    {
        Existing,
        Building,
        Bulk // build(): a private file, no journal on disk, no syncs until publish()
    };
    Store(QString path, QString connectionName, const core::Clock& clock);
    // Builds a new store beside `path` and links it there; false when another process was first.
    static Result<bool> create(const QString& path, const core::Clock& clock);
    static Result<std::unique_ptr<Store>> openFile(const QString& file, const QString& shownPath,
                                                   const core::Clock& clock, Mode mode);
    Status prepare(const QString& path, Mode mode);
    Status begin();
    Status commit();
    void rollback();

    QString m_path;
    QString m_connectionName;
    QSqlDatabase m_db; // this thread's connection, looked up once
    std::unique_ptr<SqlStatement> m_begin, m_commit, m_rollback;
    const core::Clock& m_clock;
    bool m_created = false;
    QString m_buildFile;  // build(): the private file, removed unless published
    int m_buildLock = -1; // build(): held open with flock while the file is ours
};

// A message for a failed statement, with the store's path and SQLite's reason.
Error sqlError(const char* code, const QString& what, const QString& driverText);

} // namespace onewindow::store
