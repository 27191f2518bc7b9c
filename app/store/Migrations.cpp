#include "store/Migrations.h"

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

QStringList splitSqlStatements(const QString& script)
{
    QStringList statements;
    QString current;
    for (const QString& line : script.split(QLatin1Char('\n'))) {
        current += line + QLatin1Char('\n');
        const QByteArray utf8 = current.toUtf8();
        if (sqlite3_complete(utf8.constData())) {
            const QString statement = current.trimmed();
            if (!statement.isEmpty() && statement != QStringLiteral(";"))
                statements.append(statement);
            current.clear();
        }
    }
    if (!current.trimmed().isEmpty()) {
        // A trailing statement without its semicolon; comments alone are dropped by SQLite.
        statements.append(current.trimmed());
    }
    return statements;
}

core::Status migrate(QSqlDatabase& db)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next())
        return sqlError("store.unreadable", QStringLiteral("读取数据版本"), q.lastError().text());
    const int current = q.value(0).toInt();
    q.finish();

    for (const Migration& m : shippedMigrations()) {
        if (m.version <= current)
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
