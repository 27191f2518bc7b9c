#include "server/storage/CentralDb.h"

#include <QSqlDriver>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSqlError>
#include <QThread>
#include <QUrl>
#include <QUuid>

#include <memory>

namespace onewindow::server {

using core::Error;
using core::Result;
using core::Status;

namespace {

struct Migration
{
    int version = 0;
    QString name;
    QString text;
};

QList<Migration> shippedMigrations()
{
    QList<Migration> out;
    const QDir dir(QStringLiteral(":/db/central"));
    static const QRegularExpression pattern(QStringLiteral("^(\\d{4})_([a-z0-9_]+)\\.sql$"));
    for (const QString& file : dir.entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name)) {
        const auto m = pattern.match(file);
        if (!m.hasMatch())
            continue;
        QFile f(dir.filePath(file));
        if (!f.open(QIODevice::ReadOnly))
            continue;
        out.append({m.captured(1).toInt(), m.captured(2), QString::fromUtf8(f.readAll())});
    }
    return out;
}

// The statements of a migration: split at a semicolon that ends a line; comment lines dropped.
QStringList statements(const QString& text)
{
    QStringList out;
    QString current;
    for (const QString& line : text.split(QLatin1Char('\n'))) {
        const QString trimmed = line.trimmed();
        if (trimmed.startsWith(QLatin1String("--")) || trimmed.isEmpty())
            continue;
        current += line + QLatin1Char('\n');
        if (trimmed.endsWith(QLatin1Char(';'))) {
            current.chop(2); // ";\n"
            out.append(current.trimmed());
            current.clear();
        }
    }
    if (!current.trimmed().isEmpty())
        out.append(current.trimmed());
    return out;
}

// The key of the advisory lock every migration takes on PostgreSQL ("OneWind" in ASCII).
constexpr qint64 kMigrationLockKey = 0x4f6e6557696e64;

} // namespace

Error databaseError(const QString& detail)
{
    return {QStringLiteral("db.failed"), QStringLiteral("中央数据库操作失败：%1").arg(detail)};
}

std::optional<Error> stepError(const QSqlQuery& query)
{
    if (!query.lastError().isValid())
        return std::nullopt;
    return databaseError(query.lastError().text());
}

Result<DatabaseSpec> DatabaseSpec::postgres(const QString& text)
{
    DatabaseSpec s;
    s.kind = Kind::PostgreSql;
    const QString t = text.trimmed();
    if (t.startsWith(QLatin1String("postgresql://")) ||
        t.startsWith(QLatin1String("postgres://"))) {
        const QUrl url(t, QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty() || url.path().size() < 2)
            return Error{
                QStringLiteral("db.bad_address"),
                QStringLiteral("数据库地址格式应为 postgresql://用户@主机:端口/数据库：%1").arg(t)};
        s.host = url.host();
        s.port = url.port(5432);
        s.user = url.userName();
        s.password = url.password();
        s.database = url.path().mid(1);
        return s;
    }
    // A libpq conninfo: key=value pairs separated by spaces.
    QStringList rest;
    for (const QString& pair : t.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        const qsizetype eq = pair.indexOf(QLatin1Char('='));
        if (eq <= 0)
            return Error{QStringLiteral("db.bad_address"),
                         QStringLiteral("数据库连接串无法识别：“%1”（应为 key=value）").arg(pair)};
        const QString key = pair.left(eq), value = pair.mid(eq + 1);
        if (key == QLatin1String("host") || key == QLatin1String("hostaddr"))
            s.host = value;
        else if (key == QLatin1String("port"))
            s.port = value.toInt();
        else if (key == QLatin1String("dbname"))
            s.database = value;
        else if (key == QLatin1String("user"))
            s.user = value;
        else if (key == QLatin1String("password"))
            s.password = value;
        else
            rest.append(pair);
    }
    if (s.database.isEmpty() || s.port <= 0)
        return Error{QStringLiteral("db.bad_address"),
                     QStringLiteral("数据库连接串须写明 dbname（及有效的 port）：%1").arg(t)};
    s.options = rest.join(QLatin1Char(';'));
    return s;
}

DatabaseSpec DatabaseSpec::sqlite(const QString& path)
{
    DatabaseSpec s;
    s.kind = Kind::Sqlite;
    s.sqlitePath = path;
    return s;
}

QString DatabaseSpec::describe() const
{
    if (kind == Kind::Sqlite)
        return QStringLiteral("sqlite:%1").arg(sqlitePath);
    return QStringLiteral("postgresql://%1@%2:%3/%4").arg(user, host).arg(port).arg(database);
}

namespace {

// Issue 17, F3: a mistyped, missing or truncated --store was made a new empty store and served;
// every window that synced to it got 401 and stopped for good. Only `hall create` makes a store.
Status checkSqliteFile(const DatabaseSpec& spec)
{
    const QFileInfo file(spec.sqlitePath);
    if (!file.absoluteDir().exists())
        return Error{QStringLiteral("db.no_folder"),
                     QStringLiteral("中央数据库的文件夹 %1 不存在（不会自动建立）：请检查 --store "
                                    "是否写错")
                         .arg(QDir::toNativeSeparators(file.absolutePath()))};
    if (spec.mayCreate)
        return {};
    if (!file.exists())
        return Error{
            QStringLiteral("db.missing"),
            QStringLiteral("中央数据库 %1 不存在：请检查 --store 是否写错；要新建中央数据库，"
                           "请先运行 hall create")
                .arg(spec.sqlitePath)};
    if (file.size() == 0)
        return Error{
            QStringLiteral("db.empty_file"),
            QStringLiteral("中央数据库 %1 是空文件（0 字节），可能是复制中断或磁盘已满：请检查 "
                           "--store 或从备份恢复；要新建中央数据库，请先运行 hall create")
                .arg(spec.sqlitePath)};
    return {};
}

} // namespace

Error noHallToServe(const CentralDb& db)
{
    return Error{
        QStringLiteral("serve.no_hall"),
        QStringLiteral("%1 中没有任何大厅，不予服务（各窗口同步时会被拒绝并停止同步）："
                       "请检查 --store 或 --database 是否指向本大厅的中央数据库；新大厅请先运行 "
                       "hall create")
            .arg(db.address())};
}

Status CentralDb::checkHoldsStore(const DatabaseSpec& spec)
{
    QSqlQuery q(m_db);
    const QString sql =
        m_kind == DatabaseSpec::Kind::Sqlite
            ? QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = "
                             "'schema_migrations'")
            : QStringLiteral("SELECT COUNT(*) FROM information_schema.tables WHERE table_name = "
                             "'schema_migrations' AND table_schema = current_schema()");
    if (!q.exec(sql) || !q.next())
        return databaseError(QStringLiteral("%1：%2").arg(spec.describe(), q.lastError().text()));
    if (q.value(0).toInt() == 0)
        return Error{
            QStringLiteral("db.not_central"),
            QStringLiteral("%1 不是 OneWindow 的中央数据库（其中没有大厅数据）：请检查 "
                           "--store 或 --database 是否写错；要新建中央数据库，请先运行 hall "
                           "create")
                .arg(spec.describe())};
    return {};
}

CentralDb::~CentralDb()
{
    m_kept.clear(); // before the connection they were prepared on
    if (m_db.isOpen())
        m_db.close();
    m_db = QSqlDatabase();
    if (!m_name.isEmpty())
        QSqlDatabase::removeDatabase(m_name);
}

Result<std::unique_ptr<CentralDb>> CentralDb::open(const DatabaseSpec& spec)
{
    auto db = std::make_unique<CentralDb>();
    db->m_kind = spec.kind;
    db->m_address = spec.describe();
    db->m_name = QStringLiteral("central-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (spec.kind == DatabaseSpec::Kind::Sqlite) {
        if (spec.sqlitePath.isEmpty() || QFileInfo(spec.sqlitePath).isDir())
            return Error{QStringLiteral("db.bad_address"),
                         QStringLiteral("--store 须指向一个数据库文件：%1").arg(spec.sqlitePath)};
        if (Status s = checkSqliteFile(spec); !s)
            return s.error();
        db->m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), db->m_name);
        db->m_db.setDatabaseName(spec.sqlitePath);
        db->m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
        db->m_dialect = {QStringLiteral("BEGIN IMMEDIATE"), QString()};
    } else {
        db->m_db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), db->m_name);
        db->m_db.setHostName(spec.host);
        db->m_db.setPort(spec.port);
        db->m_db.setDatabaseName(spec.database);
        db->m_db.setUserName(spec.user);
        db->m_db.setPassword(spec.password);
        db->m_db.setConnectOptions(spec.options);
        db->m_dialect = {QStringLiteral("BEGIN"), QStringLiteral(" FOR UPDATE")};
    }
    if (!db->m_db.open())
        return Error{QStringLiteral("db.open_failed"),
                     QStringLiteral("无法打开中央数据库 %1：%2")
                         .arg(spec.describe(), db->m_db.lastError().text())};
    if (!spec.mayCreate) { // before the first write (SQLite's WAL switch writes the file)
        if (Status s = db->checkHoldsStore(spec); !s)
            return s.error();
    }
    if (spec.kind == DatabaseSpec::Kind::Sqlite) {
        QSqlQuery q(db->m_db);
        for (const char* pragma :
             {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA foreign_keys=ON"}) {
            // Switching a new file to WAL needs it alone for a moment, and SQLite answers "locked"
            // at once, without waiting out the busy timeout, when another process opening it does
            // the same (four servers started together on one new file): wait as the timeout
            // would (10 s), then say it is busy.
            bool done = q.exec(QString::fromLatin1(pragma));
            for (int tries = 0; !done && tries < 200 &&
                                q.lastError().nativeErrorCode() == QLatin1String("5"); // BUSY
                 ++tries) {
                q.finish();
                QThread::msleep(50);
                done = q.exec(QString::fromLatin1(pragma));
            }
            if (!done)
                return databaseError(q.lastError().text());
            q.finish();
        }
    }
    if (core::Status s = db->migrate(); !s)
        return s.error();
    return db;
}

int CentralDb::knownVersion()
{
    int v = 0;
    for (const Migration& m : shippedMigrations())
        v = std::max(v, m.version);
    return v;
}

int CentralDb::version() const
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT MAX(version) FROM schema_migrations")) || !q.next())
        return 0;
    return q.value(0).toInt();
}

bool CentralDb::run(QSqlQuery& q, const QString& sql, std::initializer_list<QVariant> values)
{
    if (!q.prepare(sql)) {
        m_lastError = q.lastError().text();
        return false;
    }
    // Every column of ours is NOT NULL: an empty QString is bound as '' (Qt binds a null one as
    // NULL), in both databases alike.
    for (const QVariant& v : values)
        q.addBindValue(v.typeId() == QMetaType::QString && v.toString().isNull()
                           ? QVariant(QStringLiteral(""))
                           : v);
    if (!q.exec()) {
        m_lastError = q.lastError().text();
        return false;
    }
    return true;
}

QSqlQuery* CentralDb::runKept(const QString& sql, std::initializer_list<QVariant> values)
{
    auto it = m_kept.find(sql);
    if (it == m_kept.end()) {
        auto q = std::make_unique<QSqlQuery>(m_db);
        q->setForwardOnly(true);
        if (!q->prepare(sql)) {
            m_lastError = q->lastError().text();
            return nullptr;
        }
        it = m_kept.emplace(sql, std::move(q)).first;
    }
    QSqlQuery* q = it->second.get();
    int i = 0;
    for (const QVariant& v : values) // as run(): an empty QString is bound as '', not NULL
        q->bindValue(i++, v.typeId() == QMetaType::QString && v.toString().isNull()
                              ? QVariant(QStringLiteral(""))
                              : v);
    if (!q->exec()) {
        m_lastError = q->lastError().text();
        return nullptr;
    }
    return q;
}

void CentralDb::finishKept()
{
    for (auto& [sql, q] : m_kept)
        q->finish();
}

bool CentralDb::begin()
{
    QSqlQuery q(m_db);
    if (!q.exec(m_dialect.begin)) {
        m_lastError = q.lastError().text();
        return false;
    }
    return true;
}

bool CentralDb::beginReadOnly()
{
    QSqlQuery q(m_db);
    const bool ok =
        isPostgres()
            ? q.exec(QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"))
            : q.exec(QStringLiteral("PRAGMA query_only = ON")) && q.exec(QStringLiteral("BEGIN"));
    if (!ok)
        m_lastError = q.lastError().text();
    return ok;
}

void CentralDb::endReadOnly()
{
    rollback();
    if (!isPostgres()) {
        QSqlQuery q(m_db);
        q.exec(QStringLiteral("PRAGMA query_only = OFF"));
    }
}

void CentralDb::notifyHallMoved(const QString& hallCode)
{
    if (!isPostgres())
        return;
    QSqlQuery q(m_db);
    run(q, QStringLiteral("SELECT pg_notify('onewindow_hall', ?)"), {hallCode});
}

bool CentralDb::listenForHalls(QObject* context, std::function<void(const QString&)> heard)
{
    if (!isPostgres() || !m_db.driver()->subscribeToNotification(QStringLiteral("onewindow_hall")))
        return false;
    QObject::connect(
        m_db.driver(),
        qOverload<const QString&, QSqlDriver::NotificationSource, const QVariant&>(
            &QSqlDriver::notification),
        context,
        [heard = std::move(heard)](const QString&, QSqlDriver::NotificationSource,
                                   const QVariant& payload) { heard(payload.toString()); });
    return true;
}

std::optional<QHash<QString, qint64>> CentralDb::hallCounters()
{
    QSqlQuery q(m_db);
    if (!run(q, QStringLiteral("SELECT hall_code, seq FROM halls")))
        return std::nullopt;
    QHash<QString, qint64> counters;
    while (q.next())
        counters.insert(q.value(0).toString(), q.value(1).toLongLong());
    return counters;
}

bool CentralDb::commit()
{
    finishKept(); // no statement left reading past the transaction
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("COMMIT"))) {
        m_lastError = q.lastError().text();
        rollback();
        return false;
    }
    return true;
}

void CentralDb::rollback()
{
    finishKept();
    QSqlQuery q(m_db);
    q.exec(QStringLiteral("ROLLBACK"));
}

core::Status CentralDb::migrate()
{
    // Several processes may start at once on one empty database (two servers, a server and a
    // command): each step runs in a transaction that first takes the migration lock, PostgreSQL's
    // pg_advisory_xact_lock (released at its commit) or SQLite's write lock (BEGIN IMMEDIATE), and
    // looks again at what is applied once it holds it. Every shipped version that is not recorded
    // is applied (not only those above the highest), so numbers taken by parallel branches fill in.
    QSqlQuery q(m_db);
    auto locked = [this, &q]() -> bool {
        if (!begin())
            return false;
        if (isPostgres() &&
            !q.exec(QStringLiteral("SELECT pg_advisory_xact_lock(%1)").arg(kMigrationLockKey))) {
            m_lastError = q.lastError().text();
            rollback();
            return false;
        }
        return true;
    };
    if (!locked())
        return databaseError(m_lastError);
    if (!q.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER "
                               "PRIMARY KEY, name TEXT NOT NULL)"))) {
        const QString why = q.lastError().text();
        rollback();
        return databaseError(why);
    }
    if (!commit())
        return databaseError(m_lastError);
    const int known = knownVersion();
    if (const int current = version(); current > known)
        return Error{QStringLiteral("db.newer"),
                     QStringLiteral("中央数据库的版本（%1）比本程序支持的版本（%2）新：请升级 "
                                    "onewindow-server，数据库未作改动")
                         .arg(current)
                         .arg(known)};
    for (const Migration& m : shippedMigrations()) {
        // Each migration in one transaction: all of it and its version, or nothing.
        if (!locked())
            return databaseError(m_lastError);
        QSqlQuery applied(m_db);
        if (!run(applied, QStringLiteral("SELECT 1 FROM schema_migrations WHERE version = ?"),
                 {m.version})) {
            rollback();
            return databaseError(m_lastError);
        }
        if (applied.next()) { // applied before, or by another process while this one waited
            rollback();
            continue;
        }
        for (const QString& statement : statements(m.text)) {
            if (!q.exec(statement)) {
                const QString why = q.lastError().text();
                rollback();
                return databaseError(
                    QStringLiteral("迁移 %1_%2：%3").arg(m.version).arg(m.name, why));
            }
        }
        QSqlQuery record(m_db);
        if (!run(record,
                 QStringLiteral("INSERT INTO schema_migrations (version, name) VALUES (?, ?)"),
                 {m.version, m.name})) {
            rollback();
            return databaseError(m_lastError);
        }
        if (!commit())
            return databaseError(m_lastError);
    }
    return {};
}

} // namespace onewindow::server
