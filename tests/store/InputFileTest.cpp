// app/input: the one reader of the files a person names, and the path checks that keep an output
// off the store and a hall's files inside its folder.
#include "support/TestSupport.h"

#include "input/InputFile.h"
#include "input/PathChecks.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <sys/stat.h>

using namespace onewindow;
using core::InputKind;

namespace {

QString write(const QTemporaryDir& dir, const char* name, const QByteArray& bytes)
{
    const QString path = dir.filePath(QString::fromLatin1(name));
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(bytes);
    return path;
}

} // namespace

TEST_CASE("The input reader reads a regular file up to its kind's limit and not a byte more")
{
    QTemporaryDir dir;
    const qint64 limit = core::inputLimit(InputKind::CalendarNotice).maxBytes;
    const QString exact = write(dir, "exact.json", QByteArray(limit, 'x'));
    auto read = input::readInputFile(exact, InputKind::CalendarNotice);
    REQUIRE(read.ok());
    CHECK(read->size() == limit);
    const QString over = write(dir, "over.json", QByteArray(limit + 1, 'x'));
    auto refused = input::readInputFile(over, InputKind::CalendarNotice);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == QStringLiteral("input.too_large"));
    CHECK(refused.error().message.contains(over));
    CHECK(refused.error().message.contains(QStringLiteral("1 MB")));
    // Through a symlink the file it names is read.
    const QString link = dir.filePath(QStringLiteral("link.json"));
    REQUIRE(QFile::link(exact, link));
    CHECK(input::readInputFile(link, InputKind::CalendarNotice).ok());
    // The program's own resources are read as they are.
    auto resource = input::readInputFile(QStringLiteral(":/resources/calendars/2026.json"),
                                         InputKind::CalendarNotice);
    REQUIRE(resource.ok());
    CHECK(resource->contains("2026-01-01"));
}

TEST_CASE("The input reader refuses a FIFO, a device, a directory and a sparse 5 GB file unread")
{
    QTemporaryDir dir;
    const QString fifo = dir.filePath(QStringLiteral("fifo"));
    REQUIRE(::mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0);
    const QString big = dir.filePath(QStringLiteral("big.json"));
    {
        QFile f(big);
        REQUIRE(f.open(QIODevice::WriteOnly));
        REQUIRE(f.resize(5LL * 1024 * 1024 * 1024));
    }
    for (InputKind kind : {InputKind::CalendarNotice, InputKind::Catalog, InputKind::HallProfile,
                           InputKind::Template, InputKind::Image}) {
        // A FIFO with no writer would block a plain open() forever; this returns at once.
        auto f = input::readInputFile(fifo, kind);
        REQUIRE_FALSE(f.ok());
        CHECK(f.error().code == QStringLiteral("input.not_regular"));
        CHECK(f.error().message.contains(fifo));
        auto z = input::readInputFile(QStringLiteral("/dev/zero"), kind);
        REQUIRE_FALSE(z.ok());
        CHECK(z.error().code == QStringLiteral("input.not_regular"));
        auto d = input::readInputFile(dir.path(), kind);
        REQUIRE_FALSE(d.ok());
        CHECK(d.error().code == QStringLiteral("input.not_regular"));
        auto b = input::readInputFile(big, kind);
        REQUIRE_FALSE(b.ok());
        CHECK(b.error().code == QStringLiteral("input.too_large"));
        auto missing = input::readInputFile(dir.filePath(QStringLiteral("none.json")), kind);
        REQUIRE_FALSE(missing.ok());
        CHECK(missing.error().code == QStringLiteral("input.cannot_read"));
    }
}

TEST_CASE("An output path is the store when it is the file, a link to it, or its -wal/-shm")
{
    QTemporaryDir dir;
    const QString store = write(dir, "s.sqlite", "SQLite format 3");
    CHECK(input::isStoreFile(store, store));
    CHECK(input::isStoreFile(dir.path() + QStringLiteral("/./s.sqlite"), store));
    CHECK(input::isStoreFile(store + QStringLiteral("-wal"), store)); // not yet written
    CHECK(input::isStoreFile(store + QStringLiteral("-shm"), store));
    const QString link = dir.filePath(QStringLiteral("out.pdf"));
    REQUIRE(QFile::link(store, link));
    CHECK(input::isStoreFile(link, store));
    const QString walLink = dir.filePath(QStringLiteral("wal.pdf"));
    REQUIRE(QFile::link(store + QStringLiteral("-wal"), walLink)); // dangling until SQLite writes
    CHECK(input::isStoreFile(walLink, store));
    const QString hard = dir.filePath(QStringLiteral("hard.csv"));
    REQUIRE(::link(QFile::encodeName(store).constData(), QFile::encodeName(hard).constData()) == 0);
    CHECK(input::isStoreFile(hard, store));
    CHECK_FALSE(input::isStoreFile(dir.filePath(QStringLiteral("report.pdf")), store));
    CHECK_FALSE(input::isStoreFile(write(dir, "other.sqlite", "x"), store));
}

TEST_CASE("A hall's file is inside its folder only when it resolves there, symlinks included")
{
    QTemporaryDir dir;
    QDir(dir.path()).mkdir(QStringLiteral("config"));
    const QString config = dir.filePath(QStringLiteral("config"));
    const QString inside = write(dir, "config/acceptance.html", "<p>x</p>");
    const QString outside = write(dir, "secret.txt", "secret");
    CHECK(input::insideFolder(QStringLiteral("acceptance.html"), config) == inside);
    CHECK(input::insideFolder(inside, config) == inside);
    CHECK_FALSE(input::insideFolder(QStringLiteral("../secret.txt"), config));
    CHECK_FALSE(input::insideFolder(outside, config));
    CHECK_FALSE(input::insideFolder(QStringLiteral("/etc/passwd"), config));
    CHECK_FALSE(input::insideFolder(QStringLiteral("missing.html"), config));
    REQUIRE(QFile::link(outside, config + QStringLiteral("/innocent.html")));
    CHECK_FALSE(input::insideFolder(QStringLiteral("innocent.html"), config));
}

// Found by fuzzing hall.json: Qt's canonicalFilePath() gives a name back unresolved when the
// system cannot resolve it for another reason than a missing file, and the unresolved
// "config/../…" still began with the folder's name.
TEST_CASE("A hall's file the system cannot resolve is never inside its folder: a name too long, "
          "a symlink loop")
{
    QTemporaryDir dir;
    QDir(dir.path()).mkdir(QStringLiteral("config"));
    const QString config = dir.filePath(QStringLiteral("config"));
    write(dir, "config/acceptance.html", "<p>x</p>");
    write(dir, "outside.html", "<p>secret</p>");

    // One component longer than NAME_MAX (255 bytes): ENAMETOOLONG, not ENOENT.
    const QString tooLong = QStringLiteral("../outside.html") + QString(300, QLatin1Char('W'));
    CHECK_FALSE(input::insideFolder(tooLong, config));
    CHECK_FALSE(input::insideFolder(QString(300, QLatin1Char('W')), config));

    // A link to itself: ELOOP on the way, and ".." after it would climb out.
    REQUIRE(QFile::link(config + QStringLiteral("/loop"), config + QStringLiteral("/loop")));
    CHECK_FALSE(input::insideFolder(QStringLiteral("loop/../../outside.html"), config));
    CHECK_FALSE(input::insideFolder(QStringLiteral("loop"), config));

    // What resolves inside still does, through a ".".
    CHECK(input::insideFolder(QStringLiteral("./acceptance.html"), config) ==
          QDir(config).canonicalPath() + QStringLiteral("/acceptance.html"));
}
