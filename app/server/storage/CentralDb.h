#pragma once

#include "core/Error.h"

#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <functional>
#include <initializer_list>
#include <map>
#include <memory>
#include <optional>

namespace onewindow::server {

// Where the central store lives: PostgreSQL (the deployment) or one SQLite file (a single hall,
// a laptop demo). One code path; what differs between the two is named in Dialect and nowhere
// else.
struct DatabaseSpec
{
    enum class Kind
    {
        PostgreSql,
        Sqlite
    };
    Kind kind = Kind::Sqlite;
    QString sqlitePath;
    QString host, user, password, database;
    int port = 5432;
    QString options; // further libpq keywords, "key=value;key=value" as QPSQL takes them
    // Whether opening may make a new central store (issue 17, F3): a missing SQLite file, a
    // 0-byte one or a database without our tables. onewindow-server clears it for every command
    // but `hall create`, so a mistyped --store is refused instead of served empty. The folder of
    // a SQLite file is never created.
    bool mayCreate = true;

    // postgresql://USER[:PASSWORD]@HOST[:PORT]/DB or a libpq conninfo "host=... dbname=...".
    static core::Result<DatabaseSpec> postgres(const QString& text);
    static DatabaseSpec sqlite(const QString& path);
    QString describe() const; // for logs: no password
};

// The few places the two databases differ.
struct Dialect
{
    QString begin;      // a write transaction: SQLite takes its lock at BEGIN IMMEDIATE
    QString lockSuffix; // row lock of a SELECT: PostgreSQL's FOR UPDATE; SQLite holds the file
};

// One open connection of the central store, migrated to this program's version.
class CentralDb
{
public:
    CentralDb() = default;
    CentralDb(const CentralDb&) = delete;
    CentralDb& operator=(const CentralDb&) = delete;
    ~CentralDb();

    // Opens (creating a SQLite file when missing, if spec.mayCreate) and applies the migrations of
    // db/central; a database newer than this program is refused. Without mayCreate, a missing or
    // 0-byte file or a database that holds no central store is refused and nothing is written.
    static core::Result<std::unique_ptr<CentralDb>> open(const DatabaseSpec& spec);

    static int knownVersion(); // the newest migration this program ships
    int version() const;       // the newest applied to this database

    const Dialect& dialect() const { return m_dialect; }
    QSqlDatabase& connection() { return m_db; }
    bool isPostgres() const { return m_kind == DatabaseSpec::Kind::PostgreSql; }
    QString address() const { return m_address; } // DatabaseSpec::describe(): no password
    // This connection's own name, unique in the process (what a cache of database content is
    // kept under: a process may open several databases, tests one after another).
    QString connectionName() const { return m_name; }

    // A prepared statement with positional values bound; exec'd. On failure the error is kept
    // in lastError() and false returned.
    bool run(QSqlQuery& query, const QString& sql, std::initializer_list<QVariant> values = {});
    QSqlQuery query() { return QSqlQuery(m_db); }
    // The same, on a statement prepared once on this connection and kept: the push path runs a
    // few statements for every event, and preparing each afresh costs a PREPARE and DEALLOCATE
    // round trip on PostgreSQL and a parse on SQLite. The query belongs to this object; read its
    // rows before the same text runs again. Kept statements are finished at every commit and
    // rollback. nullptr on failure (lastError() says why).
    QSqlQuery* runKept(const QString& sql, std::initializer_list<QVariant> values = {});
    QString lastError() const { return m_lastError; }

    bool begin();
    // A read-only snapshot for `check` (issue 17): PostgreSQL's REPEATABLE READ READ ONLY, a
    // deferred transaction on SQLite with query_only set, so the check can never write.
    bool beginReadOnly();
    void endReadOnly(); // its rollback; SQLite's connection writes again
    bool commit();
    void rollback();

    // Pokes (issue 17): a hall moved on. On PostgreSQL a NOTIFY on channel onewindow_hall with the
    // hall code, sent inside the caller's transaction, so every server process LISTENing hears it
    // once the transaction commits; nothing on SQLite, which has no such channel: its serving
    // process watches hallCounters() instead (server/LongPoll.h).
    void notifyHallMoved(const QString& hallCode);
    // Calls `heard` with the hall code of every such NOTIFY (PostgreSQL only; false elsewhere).
    bool listenForHalls(QObject* context, std::function<void(const QString&)> heard);
    // Every hall's commit counter (halls.seq), which every event and master record moves,
    // whichever process or connection committed it; nullopt on failure.
    std::optional<QHash<QString, qint64>> hallCounters();

private:
    core::Status migrate();
    core::Status checkHoldsStore(const DatabaseSpec& spec); // without mayCreate (F3)
    void finishKept();

    QString m_name;
    QString m_address;
    QSqlDatabase m_db;
    DatabaseSpec::Kind m_kind = DatabaseSpec::Kind::Sqlite;
    Dialect m_dialect;
    QString m_lastError;
    std::map<QString, std::unique_ptr<QSqlQuery>> m_kept;
};

// The database's own failure as the operator reads it (code db.failed).
core::Error databaseError(const QString& detail);
// After a loop over `query`'s rows: next() answers false both at the end and at a step that
// failed (SQLITE_CORRUPT in a damaged file, a lost PostgreSQL connection), and a reader that took
// the second for the first served a damaged hall's history as if it were whole. The error, if
// the rows ended on one.
std::optional<core::Error> stepError(const QSqlQuery& query);
// The first column of every row `sql` selects, as text in its order; a step error fails it, as
// stepError says why.
inline core::Result<QStringList> textColumn(CentralDb& db, const QString& sql,
                                            std::initializer_list<QVariant> values)
{
    QSqlQuery q = db.query();
    if (!db.run(q, sql, values))
        return databaseError(db.lastError());
    QStringList out;
    while (q.next())
        out.append(q.value(0).toString());
    if (auto failed = stepError(q))
        return *failed;
    return out;
}

// `serve` on a store that holds no hall (F3): its windows would get 401 and stop for good.
core::Error noHallToServe(const CentralDb& db);

} // namespace onewindow::server
