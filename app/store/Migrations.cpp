#include "store/Migrations.h"

#include "store/EventChecksums.h"
#include "store/Store.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

#include <sqlite3.h>

#include <algorithm>

namespace onewindow::store {

QList<Migration> shippedMigrations()
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d{4})_([a-z0-9_]+)\\.sql$"));
    QList<Migration> out;
    const QDir dir(QStringLiteral(":/db/local"));
    for (const QString& file : dir.entryList(QDir::Files, QDir::Name)) {
        const QRegularExpressionMatch m = pattern.match(file);
        if (!m.hasMatch())
            continue;
        QFile f(dir.filePath(file));
        if (!f.open(QIODevice::ReadOnly))
            continue;
        out.append(Migration{m.captured(1).toInt(), m.captured(2), QString::fromUtf8(f.readAll())});
    }
    std::sort(out.begin(), out.end(),
              [](const Migration& a, const Migration& b) { return a.version < b.version; });
    return out;
}

int latestSchemaVersion()
{
    const QList<Migration> all = shippedMigrations();
    return all.isEmpty() ? 0 : all.last().version;
}

namespace {

// True when `text` holds nothing but white space and -- comments.
bool onlyComments(const QString& text)
{
    for (const QString& line : text.split(QLatin1Char('\n'))) {
        const QString t = line.trimmed();
        if (!t.isEmpty() && !t.startsWith(QStringLiteral("--")))
            return false;
    }
    return true;
}

} // namespace

QStringList splitSqlStatements(const QString& script)
{
    // Cut after each semicolon that completes a statement (SQLite's own judgement, so a trigger's
    // BEGIN ... END and semicolons inside strings stay whole); comments after it go with the next.
    QStringList statements;
    QString current;
    for (const QChar c : script) {
        current += c;
        if (c != QLatin1Char(';') || !sqlite3_complete(current.toUtf8().constData()))
            continue;
        if (!onlyComments(current))
            statements.append(current.trimmed());
        current.clear();
    }
    if (!onlyComments(current))
        statements.append(current.trimmed()); // a last statement without its semicolon
    return statements;
}

core::Status migrate(QSqlDatabase& db, int upTo)
{
    // The functions of core the migrations call (0013: the events' checksums).
    if (core::Status s = registerEventChecksumFunction(db); !s)
        return s;
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next())
        return sqlError("store.unreadable", QStringLiteral("读取数据版本"), q.lastError().text());
    const int current = q.value(0).toInt();
    q.finish();

    for (const Migration& m : shippedMigrations()) {
        if (m.version <= current || (upTo >= 0 && m.version > upTo))
            continue;
        if (!q.exec(QStringLiteral("BEGIN IMMEDIATE")))
            return sqlError("store.locked", QStringLiteral("开始升级"), q.lastError().text());
        for (const QString& statement : splitSqlStatements(m.sql)) {
            if (!q.exec(statement)) {
                const QString reason = q.lastError().text();
                q.exec(QStringLiteral("ROLLBACK"));
                return sqlError("store.migration_failed",
                                QStringLiteral("升级到第 %1 版（%2）").arg(m.version).arg(m.name),
                                reason);
            }
        }
        if (!q.exec(QStringLiteral("PRAGMA user_version = %1").arg(m.version)) ||
            !q.exec(QStringLiteral("COMMIT"))) {
            const QString reason = q.lastError().text();
            q.exec(QStringLiteral("ROLLBACK"));
            return sqlError("store.migration_failed", QStringLiteral("记录数据版本"), reason);
        }
    }
    return {};
}

} // namespace onewindow::store
