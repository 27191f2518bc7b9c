#include "store/Store.h"

#include "store/ClockState.h"

#include "store/SqlStatement.h"

#include "store/CalendarRepository.h"
#include "store/Migrations.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryFile>
#include <QThread>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace onewindow::store {

namespace {

QString nextConnectionName()
{
    static QAtomicInteger<quint64> counter;
    return QStringLiteral("onewindow-store-%1").arg(counter.fetchAndAddRelaxed(1));
}

// Creates the missing folders of `folder`, each readable by its owner only (the store holds names,
// ID numbers and password hashes); folders that exist keep their permissions.
bool makePrivateFolders(const QString& folder)
{
    QStringList missing;
    for (QFileInfo f(folder); !f.exists(); f = QFileInfo(f.absolutePath())) {
        if (f.isRoot())
            return false;
        missing.prepend(f.absoluteFilePath());
    }
    for (const QString& dir : missing)
        if (!QDir().mkdir(dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner) &&
            !QFileInfo(dir).isDir())
            return false;
    return true;
}

const QString kBuildSuffix = QStringLiteral(".building");

// The private files of builds beside `info` whose process is gone (killed while building, or
// between publishing and removing its name): a live build holds its file's flock.
void removeDeadBuilds(const QFileInfo& info)
{
    const QDir folder(info.absolutePath());
    const QStringList names = folder.entryList(
        {QStringLiteral(".") + info.fileName() + QStringLiteral(".*") + kBuildSuffix},
        QDir::Files | QDir::Hidden | QDir::System);
    for (const QString& name : names) {
        const QByteArray file = QFile::encodeName(folder.filePath(name));
        const int fd = ::open(file.constData(), O_RDWR | O_CLOEXEC | O_NOFOLLOW);
        if (fd < 0)
            continue;
        if (::flock(fd, LOCK_EX | LOCK_NB) == 0)
            ::unlink(file.constData());
        ::close(fd);
    }
}

// A new private file beside `info` (0600), locked with flock for as long as `fd` stays open.
bool makeBuildFile(const QFileInfo& info, QString& file, int& fd)
{
    for (int attempt = 0; attempt < 5; ++attempt) {
        QByteArray name =
            QFile::encodeName(info.absolutePath() + QStringLiteral("/.") + info.fileName() +
                              QStringLiteral(".XXXXXX") + kBuildSuffix);
        fd = ::mkostemps(name.data(), static_cast<int>(kBuildSuffix.size()), O_CLOEXEC);
        if (fd < 0)
            return false;
        // Between mkostemps and flock another build's cleanup may have taken the name for dead:
        // the file is ours only if the name still leads to it once locked.
        struct stat mine = {};
        struct stat named = {};
        if (::flock(fd, LOCK_EX) == 0 && ::fstat(fd, &mine) == 0 &&
            ::stat(name.constData(), &named) == 0 && mine.st_ino == named.st_ino &&
            mine.st_dev == named.st_dev) {
            file = QFile::decodeName(name);
            return true;
        }
        ::close(fd);
        fd = -1;
    }
    errno = EEXIST;
    return false;
}

} // namespace

Error sqlError(const char* code, const QString& what, const QString& driverText)
{
    QString message = QStringLiteral("%1失败：%2").arg(what, driverText.trimmed());
    if (driverText.contains(QStringLiteral("not a database")) ||
        driverText.contains(QStringLiteral("malformed")))
        message = QStringLiteral("%1失败：数据文件已损坏或不是 OneWindow 数据文件（%2）。"
                                 "请从备份恢复，或联系管理员。")
                      .arg(what, driverText.trimmed());
    else if (driverText.contains(QStringLiteral("readonly")))
        message = QStringLiteral("%1失败：数据文件只读，请检查文件和所在文件夹的写权限（%2）")
                      .arg(what, driverText.trimmed());
    else if (driverText.contains(QStringLiteral("disk is full")) ||
             driverText.contains(QStringLiteral("database or disk is full")))
        message =
            QStringLiteral("%1失败：磁盘已满，请清理磁盘空间后重试；数据未被改动。").arg(what);
    else if (driverText.contains(QStringLiteral("locked")) ||
             driverText.contains(QStringLiteral("busy")))
        message = QStringLiteral("%1失败：数据文件正被其他程序占用，请稍后重试（%2）")
                      .arg(what, driverText.trimmed());
    return Error{QString::fromLatin1(code), message};
}

Store::Store(QString path, QString connectionName, const core::Clock& clock)
    : m_path(std::move(path)), m_connectionName(std::move(connectionName)), m_clock(clock)
{}

Store::~Store()
{
    m_begin.reset();
    m_commit.reset();
    m_rollback.reset();
    if (m_db.isOpen())
        m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
    if (!m_buildFile.isEmpty()) // built and never published: nothing is left
        ::unlink(QFile::encodeName(m_buildFile).constData());
    if (m_buildLock >= 0)
        ::close(m_buildLock);
}

QString Store::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
           QStringLiteral("/onewindow/onewindow.sqlite");
}

QSqlDatabase Store::database() const
{
    return m_db;
}

int Store::schemaVersion() const
{
    QSqlQuery q(database());
    if (q.exec(QStringLiteral("PRAGMA user_version")) && q.next())
        return q.value(0).toInt();
    return -1;
}

int Store::pendingMigrations(const QString& path)
{
    if (path.isEmpty() || !QFileInfo(path).isFile())
        return 0;
    int version = 0;
    const QString name = nextConnectionName();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(QStringLiteral("PRAGMA user_version")) && q.next())
                version = q.value(0).toInt();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    const int latest = latestSchemaVersion();
    return version > 0 && version < latest ? latest - version : 0;
}

Result<std::unique_ptr<Store>> Store::open(const QString& path, const core::Clock& clock)
{
    const QFileInfo info(path);
    if (path.isEmpty())
        return Error{QStringLiteral("store.no_path"), QStringLiteral("未指定数据文件路径")};
    if (info.isDir())
        return Error{QStringLiteral("store.is_directory"),
                     QStringLiteral("数据文件路径 %1 是一个文件夹，请指定文件").arg(path)};
    bool created = false;
    if (!info.exists()) {
        auto made = create(info.absoluteFilePath(), clock);
        if (!made)
            return made.error();
        created = *made;
    } else if (!info.isWritable()) {
        return Error{QStringLiteral("store.read_only"),
                     QStringLiteral("数据文件 %1 只读，请检查文件权限；数据未被改动").arg(path)};
    }
    // From here on the file exists and is never removed or re-initialised: another process may
    // hold it, and it may hold a hall's data.
    auto store = openFile(info.absoluteFilePath(), path, clock, Mode::Existing);
    if (store) {
        (*store)->m_created = created;
        // Decision 7: "now" is the machine's clock plus the offset measured from the hall server.
        applyStoredClockOffset(**store);
    }
    return store;
}

Result<bool> Store::create(const QString& path, const core::Clock& clock)
{
    const QFileInfo info(path);
    if (!makePrivateFolders(info.absolutePath()))
        return Error{QStringLiteral("store.cannot_create"),
                     QStringLiteral("无法创建数据文件夹 %1，请检查权限").arg(info.absolutePath())};
    // The new store is built complete (schema and shipped calendars) in a file of its own, created
    // 0600, and linked into place only then: `path` never names a half-made store, and when
    // another process links its store first, ours is dropped and theirs opened.
    QTemporaryFile building(info.absolutePath() + QStringLiteral("/.") + info.fileName() +
                            QStringLiteral(".XXXXXX.new"));
    if (!building.open())
        return Error{QStringLiteral("store.cannot_create"),
                     QStringLiteral("无法在 %1 中创建数据文件（%2），请检查权限和磁盘空间")
                         .arg(info.absolutePath(), building.errorString())};
    building.close();
    const QString temporary = building.fileName();
    {
        auto built = openFile(temporary, path, clock, Mode::Building);
        if (!built)
            return built.error();
    } // closed: everything is in the file itself (rollback journal while building)
    if (::link(QFile::encodeName(temporary).constData(), QFile::encodeName(path).constData()) == 0)
        return true;
    const int error = errno;
    if (error == EEXIST)
        return false; // another process created it first: open theirs
    return Error{QStringLiteral("store.cannot_create"),
                 QStringLiteral("无法创建数据文件 %1（%2），请检查权限和磁盘空间")
                     .arg(path, QString::fromLocal8Bit(std::strerror(error)))};
}

Result<std::unique_ptr<Store>> Store::build(const QString& path, const core::Clock& clock)
{
    const QFileInfo info(path);
    if (path.isEmpty())
        return Error{QStringLiteral("store.no_path"), QStringLiteral("未指定数据文件路径")};
    if (!makePrivateFolders(info.absolutePath()))
        return Error{QStringLiteral("store.cannot_create"),
                     QStringLiteral("无法创建数据文件夹 %1，请检查权限").arg(info.absolutePath())};
    removeDeadBuilds(info);
    QString file;
    int fd = -1;
    if (!makeBuildFile(info, file, fd))
        return Error{QStringLiteral("store.cannot_create"),
                     QStringLiteral("无法在 %1 中创建数据文件（%2），请检查权限和磁盘空间")
                         .arg(info.absolutePath(), QString::fromLocal8Bit(std::strerror(errno)))};
    auto built = openFile(file, path, clock, Mode::Bulk);
    if (!built) {
        ::unlink(QFile::encodeName(file).constData());
        ::close(fd);
        return built.error();
    }
    (*built)->m_buildFile = file;
    (*built)->m_buildLock = fd;
    return built;
}

Status Store::publish(std::unique_ptr<Store> built, const QString& path)
{
    if (!built || built->m_buildFile.isEmpty())
        return Error{QStringLiteral("store.not_built"),
                     QStringLiteral("只有新建中的数据文件才能发布到 %1").arg(path)};
    const QByteArray file = QFile::encodeName(built->m_buildFile);
    const int fd = built->m_buildLock;
    built->m_buildFile.clear();
    built->m_buildLock = -1;
    built.reset(); // closed: every write is in the file (its journal was in memory)
    const auto fail = [&](const char* code, const QString& message) -> Status {
        ::unlink(file.constData());
        ::close(fd);
        return Error{QString::fromLatin1(code), message};
    };
    const QFileInfo info(path);
    // Written without syncs while it filled: on disk before it gets its name.
    if (::fsync(fd) != 0)
        return fail("store.cannot_create",
                    QStringLiteral("无法写入数据文件 %1（%2），请检查磁盘空间；未生成数据文件")
                        .arg(path, QString::fromLocal8Bit(std::strerror(errno))));
    if (::link(file.constData(), QFile::encodeName(info.absoluteFilePath()).constData()) != 0) {
        const int error = errno;
        if (error == EEXIST)
            return fail(
                "store.exists",
                QStringLiteral("数据文件 %1 已存在，未被改动；新生成的数据已丢弃").arg(path));
        return fail("store.cannot_create",
                    QStringLiteral("无法创建数据文件 %1（%2），请检查权限和磁盘空间")
                        .arg(path, QString::fromLocal8Bit(std::strerror(error))));
    }
    ::unlink(file.constData());
    if (const int dir = ::open(QFile::encodeName(info.absolutePath()).constData(),
                               O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        dir >= 0) {
        ::fsync(dir); // the new name survives a power cut
        ::close(dir);
    }
    ::close(fd);
    return {};
}

Result<std::unique_ptr<Store>> Store::openFile(const QString& file, const QString& shownPath,
                                               const core::Clock& clock, Mode mode)
{
    std::unique_ptr<Store> store(new Store(file, nextConnectionName(), clock));
    store->m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), store->m_connectionName);
    store->m_db.setDatabaseName(file);
    if (Status s = store->prepare(shownPath, mode); !s)
        return s.error();
    return store;
}

Status Store::prepare(const QString& path, Mode mode)
{
    // A zero-length file is no store (a failed copy, a full disk): SQLite would take it for a new
    // empty one and we would set up a new hall in it.
    if (mode == Mode::Existing && QFileInfo(m_path).size() == 0)
        return Error{
            QStringLiteral("store.empty_file"),
            QStringLiteral("数据文件 %1 是空文件（0 字节），不是可用的 OneWindow 数据文件，"
                           "可能是复制中断或磁盘已满。请从备份恢复，或确认无用后删除该"
                           "文件再重新设置；该文件未被改动")
                .arg(path)};
    QSqlDatabase db = database();
    if (!db.open())
        return sqlError("store.cannot_open", QStringLiteral("打开数据文件 %1").arg(path),
                        db.lastError().text());
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next())
        return sqlError("store.damaged", QStringLiteral("读取数据文件 %1").arg(path),
                        q.lastError().text());
    const int version = q.value(0).toInt();
    q.finish();
    if (version == 0 && mode == Mode::Existing) {
        // Some other program's SQLite file, or an empty one: refuse rather than add our tables.
        if (!q.exec(QStringLiteral("SELECT count(*) FROM sqlite_schema")) || !q.next())
            return sqlError("store.damaged", QStringLiteral("读取数据文件 %1").arg(path),
                            q.lastError().text());
        if (q.value(0).toInt() > 0)
            return Error{QStringLiteral("store.foreign_file"),
                         QStringLiteral("%1 不是 OneWindow 数据文件（其中已有其他程序的数据表），"
                                        "请指定其他路径；该文件未被改动")
                             .arg(path)};
        return Error{QStringLiteral("store.not_a_store"),
                     QStringLiteral("%1 不是 OneWindow 数据文件（SQLite 空数据库），请指定其他"
                                    "路径，或确认无用后删除该文件再重新设置；该文件未被改动")
                         .arg(path)};
    }
    const int latest = latestSchemaVersion();
    if (version > latest)
        return Error{
            QStringLiteral("store.too_new"),
            QStringLiteral("数据文件 %1 由较新版本的程序创建（数据版本 %2，本程序最高支持 %3），"
                           "请升级本程序后再打开；数据未被改动")
                .arg(path)
                .arg(version)
                .arg(latest)};
    QStringList pragmas{QStringLiteral("PRAGMA busy_timeout=5000"),
                        QStringLiteral("PRAGMA synchronous=FULL"),
                        QStringLiteral("PRAGMA foreign_keys=ON")};
    if (mode == Mode::Existing) // a store being built stays in one file until it is linked
        pragmas.insert(1, QStringLiteral("PRAGMA journal_mode=WAL"));
    if (mode == Mode::Bulk) // nobody else sees it: a failure drops the whole file, not a commit
        pragmas = QStringList{
            QStringLiteral("PRAGMA journal_mode=MEMORY"), QStringLiteral("PRAGMA synchronous=OFF"),
            QStringLiteral("PRAGMA cache_size=-262144"), QStringLiteral("PRAGMA foreign_keys=ON")};
    for (const QString& pragma : pragmas) {
        // Switching a just-published store to WAL needs it alone for a moment, and SQLite answers
        // "locked" at once instead of waiting out the busy timeout when another process opening
        // it does the same: wait as the timeout would (5 s), then say it is busy.
        bool done = q.exec(pragma);
        for (int tries = 0; !done && tries < 100 &&
                            q.lastError().nativeErrorCode() == QLatin1String("5"); // SQLITE_BUSY
             ++tries) {
            q.finish();
            QThread::msleep(50);
            done = q.exec(pragma);
        }
        if (!done)
            return sqlError("store.pragma", QStringLiteral("设置数据文件 %1").arg(path),
                            q.lastError().text());
        q.finish();
    }
    // The shipped calendars go in with the schema, in the migration's transaction.
    return migrate(db, -1, [this] { return CalendarRepository(*this).writeShippedCalendars(); });
}

Status Store::begin()
{
    if (!m_begin) {
        m_begin = std::make_unique<SqlStatement>(m_db, QStringLiteral("BEGIN IMMEDIATE"));
        m_commit = std::make_unique<SqlStatement>(m_db, QStringLiteral("COMMIT"));
        m_rollback = std::make_unique<SqlStatement>(m_db, QStringLiteral("ROLLBACK"));
    }
    if (!m_begin->exec())
        return sqlError("store.begin", QStringLiteral("开始写入"), m_begin->error());
    return {};
}

Status Store::commit()
{
    if (!m_commit->exec()) {
        const Error e = sqlError("store.commit", QStringLiteral("保存"), m_commit->error());
        rollback();
        return e;
    }
    return {};
}

void Store::rollback()
{
    m_rollback->exec();
}

Result<std::unique_ptr<Store>> Store::openForReading(const QString& path, const core::Clock& clock)
{
    const QFileInfo info(path);
    if (path.isEmpty() || !info.isFile())
        return Error{QStringLiteral("store.not_found"),
                     QStringLiteral("找不到数据文件 %1，请检查路径").arg(path)};
    std::unique_ptr<Store> store(new Store(info.absoluteFilePath(), nextConnectionName(), clock));
    store->m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), store->m_connectionName);
    store->m_db.setDatabaseName(info.absoluteFilePath());
    QSqlDatabase db = store->database();
    if (!db.open())
        return sqlError("store.cannot_open", QStringLiteral("打开数据文件 %1").arg(path),
                        db.lastError().text());
    QSqlQuery q(db);
    for (const QString& pragma :
         {QStringLiteral("PRAGMA busy_timeout=5000"), QStringLiteral("PRAGMA query_only=ON")}) {
        if (!q.exec(pragma))
            return sqlError("store.pragma", QStringLiteral("设置数据文件 %1").arg(path),
                            q.lastError().text());
        q.finish();
    }
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next())
        return sqlError("store.damaged", QStringLiteral("读取数据文件 %1").arg(path),
                        q.lastError().text());
    const int version = q.value(0).toInt();
    q.finish();
    if (version != latestSchemaVersion())
        return Error{QStringLiteral("store.version_mismatch"),
                     QStringLiteral("数据文件 %1 的数据版本（%2）与本程序（%3）不一致，"
                                    "请重新启动本程序后再试；数据未被改动")
                         .arg(path)
                         .arg(version)
                         .arg(latestSchemaVersion())};
    return store;
}

} // namespace onewindow::store
