#include "store/SqlStatement.h"

#include <QDate>
#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlDriver>

#include <sqlite3.h>

namespace onewindow::store {

namespace {

sqlite3* handleOf(const QSqlDatabase& db)
{
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3* const*>(handle.constData());
}

// What Qt's driver treats as SQL NULL (QSqlResultPrivate::isVariantNull).
bool isSqlNull(const QVariant& v)
{
    if (v.isNull())
        return true;
    switch (v.userType()) {
    case QMetaType::QString:
        return static_cast<const QString*>(v.constData())->isNull();
    case QMetaType::QByteArray:
        return static_cast<const QByteArray*>(v.constData())->isNull();
    case QMetaType::QDate:
        return static_cast<const QDate*>(v.constData())->isNull();
    case QMetaType::QDateTime:
        return static_cast<const QDateTime*>(v.constData())->isNull();
    default:
        return false;
    }
}

} // namespace

SqlStatement::SqlStatement(const QSqlDatabase& db, const QString& sql) : m_db(handleOf(db))
{
    if (!m_db) {
        m_error = QStringLiteral("not an open SQLite connection");
        return;
    }
    const QByteArray text = sql.toUtf8();
    if (sqlite3_prepare_v2(m_db, text.constData(), static_cast<int>(text.size()), &m_stmt,
                           nullptr) != SQLITE_OK) {
        m_error = QString::fromUtf8(sqlite3_errmsg(m_db));
        m_stmt = nullptr;
    }
}

SqlStatement::~SqlStatement()
{
    sqlite3_finalize(m_stmt);
}

void SqlStatement::bind(int index, const QString& value)
{
    reset();
    if (value.isNull()) {
        sqlite3_bind_null(m_stmt, index + 1);
        return;
    }
    if (!value.isValidUtf16()) {
        // A lone surrogate: SQLite's own translation, as Qt's driver gets it.
        sqlite3_bind_text16(m_stmt, index + 1, value.utf16(),
                            static_cast<int>(value.size() * sizeof(QChar)), SQLITE_TRANSIENT);
        return;
    }
    // UTF-8, the store's own encoding: SQLite takes it as it is instead of translating UTF-16
    // when the statement runs.
    bindUtf8(index, value.toUtf8());
}

void SqlStatement::bindUtf8(int index, const QByteArray& utf8)
{
    reset();
    // The bytes live in the statement until the value is bound again.
    if (index >= m_text.size())
        m_text.resize(index + 1);
    m_text[index] = utf8;
    sqlite3_bind_text(m_stmt, index + 1, m_text[index].constData(),
                      static_cast<int>(m_text[index].size()), SQLITE_STATIC);
}

void SqlStatement::bind(int index, qint64 value)
{
    reset();
    sqlite3_bind_int64(m_stmt, index + 1, value);
}

void SqlStatement::bind(int index, const QVariant& value)
{
    reset();
    if (isSqlNull(value)) {
        sqlite3_bind_null(m_stmt, index + 1);
        return;
    }
    switch (value.userType()) {
    case QMetaType::QByteArray: {
        const QByteArray b = value.toByteArray();
        sqlite3_bind_blob(m_stmt, index + 1, b.constData(), static_cast<int>(b.size()),
                          SQLITE_TRANSIENT);
        return;
    }
    case QMetaType::Bool:
    case QMetaType::Int:
    case QMetaType::UInt:
        sqlite3_bind_int(m_stmt, index + 1, value.toInt());
        return;
    case QMetaType::Double:
        sqlite3_bind_double(m_stmt, index + 1, value.toDouble());
        return;
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
        sqlite3_bind_int64(m_stmt, index + 1, value.toLongLong());
        return;
    case QMetaType::QDateTime:
        bind(index, value.toDateTime().toString(Qt::ISODateWithMs));
        return;
    case QMetaType::QTime:
        bind(index, value.toTime().toString(QStringLiteral("hh:mm:ss.zzz")));
        return;
    default:
        bind(index, value.toString());
        return;
    }
}

bool SqlStatement::next()
{
    if (!m_stmt)
        return false;
    m_done = false;
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW) {
        m_error.clear(); // a run that failed before does not stain this one
        return true;
    }
    if (rc != SQLITE_DONE)
        m_error = QString::fromUtf8(sqlite3_errmsg(m_db));
    else
        m_error.clear();
    return false;
}

bool SqlStatement::exec()
{
    if (!m_stmt)
        return false;
    reset();
    m_done = false;
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_DONE || rc == SQLITE_ROW) {
        m_error.clear();
        reset(); // no read lock or open statement left behind
        return true;
    }
    m_error = QString::fromUtf8(sqlite3_errmsg(m_db));
    reset();
    return false;
}

qint64 SqlStatement::int64(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

bool SqlStatement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

QString SqlStatement::text(int column) const
{
    const auto* chars = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, column));
    if (!chars)
        return QString();
    return QString::fromUtf8(chars, sqlite3_column_bytes(m_stmt, column));
}

void SqlStatement::reset()
{
    if (m_stmt && !m_done) {
        sqlite3_reset(m_stmt);
        m_done = true;
    }
}

qint64 SqlStatement::lastInsertRowid() const
{
    return m_db ? sqlite3_last_insert_rowid(m_db) : 0;
}

qint64 SqlStatement::changes() const
{
    return m_db ? sqlite3_changes(m_db) : 0;
}

} // namespace onewindow::store
