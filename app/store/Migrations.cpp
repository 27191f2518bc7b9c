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

namespace {

int g_failStatement = 0; // failMigrationStatementForTesting()

} // namespace

core::Result<QList<Migration>> loadShippedMigrations()
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d{4})_([a-z0-9_]+)\\.sql$"));
    QList<Migration> out;
    const QDir dir(QStringLiteral(":/db/local"));
    for (const QString& file : dir.entryList(QDir::Files, QDir::Name)) {
        const QRegularExpressionMatch m = pattern.match(file);
        if (!m.hasMatch())
            continue;
        QFile f(dir.filePath(file));
        // A migration that cannot be read would leave a store that claims a version it lacks.
        if (!f.open(QIODevice::ReadOnly))
            return core::Error{QStringLiteral("store.migration_unreadable"),
                               QStringLiteral("无法读取程序自带的数据升级文件 %1（%2），"
                                              "程序安装可能已损坏，请重新安装；数据未被改动")
                                   .arg(file, f.errorString())};
        out.append(Migration{m.captured(1).toInt(), m.captured(2), QString::fromUtf8(f.readAll())});
    }
    std::sort(out.begin(), out.end(),
              [](const Migration& a, const Migration& b) { return a.version < b.version; });
    return out;
}

QList<Migration> shippedMigrations()
{
    auto all = loadShippedMigrations();
    return all ? *all : QList<Migration>{};
}

int latestSchemaVersion()
{
    const QList<Migration> all = shippedMigrations();
    return all.isEmpty() ? 0 : all.last().version;
}

void failMigrationStatementForTesting(int n)
{
    g_failStatement = n;
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

core::Status migrate(QSqlDatabase& db, int upTo, const std::function<core::Status()>& seedNew)
{
    auto migrations = loadShippedMigrations();
    if (!migrations)
        return migrations.error();
    // The functions of core the migrations call (0013: the events' checksums).
    if (core::Status s = registerEventChecksumFunction(db); !s)
        return s;
    QSqlQuery q(db);
    // One exclusive transaction for every step: a second process opening the same store waits
    // here (busy timeout), then reads the version the first one committed and finds nothing to
    // do; a failure or a crash anywhere leaves the store as it was.
    if (!q.exec(QStringLiteral("BEGIN EXCLUSIVE")))
        return sqlError("store.locked", QStringLiteral("开始升级"), q.lastError().text());
    const auto fail = [&](const core::Error& e) -> core::Status {
        q.finish();
        q.exec(QStringLiteral("ROLLBACK"));
        return e;
    };
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next())
        return fail(
            sqlError("store.unreadable", QStringLiteral("读取数据版本"), q.lastError().text()));
    const int current = q.value(0).toInt();
    q.finish();
    int statements = 0;
    int reached = current;
    for (const Migration& m : *migrations) {
        if (m.version <= current || (upTo >= 0 && m.version > upTo))
            continue;
        for (const QString& statement : splitSqlStatements(m.sql)) {
            const bool injected = g_failStatement > 0 && ++statements == g_failStatement;
            if (injected || !q.exec(statement))
                return fail(
                    sqlError("store.migration_failed",
                             QStringLiteral("升级到第 %1 版（%2）").arg(m.version).arg(m.name),
                             injected ? QStringLiteral("test fault") : q.lastError().text()));
        }
        reached = m.version;
    }
    if (current == 0 && seedNew) {
        const bool injected = g_failStatement > 0 && ++statements == g_failStatement;
        if (injected)
            return fail(Error{QStringLiteral("store.migration_failed"),
                              QStringLiteral("载入日历失败：test fault")});
        if (core::Status s = seedNew(); !s)
            return fail(s.error());
    }
    if (reached != current && !q.exec(QStringLiteral("PRAGMA user_version = %1").arg(reached)))
        return fail(sqlError("store.migration_failed", QStringLiteral("记录数据版本"),
                             q.lastError().text()));
    if (!q.exec(QStringLiteral("COMMIT")))
        return fail(
            sqlError("store.migration_failed", QStringLiteral("保存升级"), q.lastError().text()));
    return {};
}

} // namespace onewindow::store
