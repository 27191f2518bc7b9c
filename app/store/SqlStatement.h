#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QVariant>

class QSqlDatabase;
struct sqlite3;
struct sqlite3_stmt;

namespace onewindow::store {

// One prepared statement on the store's own SQLite connection, stepped through SQLite's C API.
// For the few statements every case action runs: QSqlQuery's per-call bookkeeping (a QVariant
// per bound value, a result cache set up and torn down) cost more than SQLite's own work there.
// Values bind exactly as Qt's QSQLITE driver binds them, so rows read the same either way.
class SqlStatement
{
public:
    SqlStatement(const QSqlDatabase& db, const QString& sql);
    ~SqlStatement();
    SqlStatement(const SqlStatement&) = delete;
    SqlStatement& operator=(const SqlStatement&) = delete;

    // 0-based like QSqlQuery::bindValue; SQLite keeps its own copy of the value.
    void bind(int index, const QVariant& value);
    void bind(int index, const QString& value);
    void bind(int index, qint64 value);
    // Text already in UTF-8.
    void bindUtf8(int index, const QByteArray& utf8);
    // Runs to the first row (true) or to the end (false; error() says whether it failed).
    bool next();
    // Runs a statement that returns no rows; false with error() set when it failed.
    bool exec();
    qint64 int64(int column) const;
    bool isNull(int column) const;
    QString text(int column) const;
    // Ready to bind and run again (bound values are kept).
    void reset();
    QString error() const { return m_error; }
    qint64 lastInsertRowid() const;
    // Rows the last run inserted, updated or deleted.
    qint64 changes() const;

private:
    sqlite3* m_db = nullptr;
    sqlite3_stmt* m_stmt = nullptr;
    QString m_error;
    QList<QByteArray> m_text; // text bound by index, kept while SQLite refers to it
    bool m_done = true;       // reset before the next run
};

} // namespace onewindow::store
