#include "input/PathChecks.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cstdlib>
#include <sys/stat.h>

namespace onewindow::input {

namespace {

// `path` with every symlink, "." and ".." resolved, by realpath(3) itself; nothing when it fails.
// QFileInfo::canonicalFilePath() hands the name back unresolved when realpath fails for another
// reason than a missing file (a component longer than NAME_MAX, a symlink loop, a folder this
// user may not search): "config/../outside.htm<300 letters>" then still read as inside config
// (found by fuzzing hall.json).
std::optional<QString> realPath(const QString& path)
{
    char* resolved = ::realpath(QFile::encodeName(path).constData(), nullptr);
    if (!resolved)
        return std::nullopt;
    QString out = QFile::decodeName(resolved);
    std::free(resolved);
    return out;
}

// Where `path` leads once its folder and (if any) its own symlink are resolved, for a file that
// may not exist yet.
QString resolvedName(const QString& path)
{
    QFileInfo info(path);
    for (int hops = 0; info.isSymLink() && hops < 16; ++hops)
        info = QFileInfo(info.absoluteDir(), info.symLinkTarget());
    if (const auto real = realPath(info.absoluteFilePath()))
        return *real;
    const auto dir = realPath(info.absolutePath());
    return QDir(dir ? *dir : QDir::cleanPath(info.absolutePath())).filePath(info.fileName());
}

} // namespace

bool sameFile(const QString& a, const QString& b)
{
    struct stat sa
    {
    };
    struct stat sb
    {
    };
    if (::stat(QFile::encodeName(a).constData(), &sa) == 0 &&
        ::stat(QFile::encodeName(b).constData(), &sb) == 0)
        return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
    return resolvedName(a) == resolvedName(b);
}

bool isStoreFile(const QString& path, const QString& storePath)
{
    for (const char* suffix : {"", "-wal", "-shm", "-journal"})
        if (sameFile(path, storePath + QLatin1String(suffix)))
            return true;
    return false;
}

bool isPlainFileName(const QString& name)
{
    if (name.isEmpty())
        return false;
    for (const QChar c : name)
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            return false;
    return true;
}

QString shownFileName(const QString& name)
{
    QString out;
    for (const QChar c : name)
        out += (c.unicode() < 0x20 || c.unicode() == 0x7f)
                   ? QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'))
                   : QString(c);
    return out;
}

std::optional<QString> insideFolder(const QString& path, const QString& folder)
{
    // A NUL ends a name for the system, and Qt resolves the name cut there ("seal.png\0/../x" is
    // seal.png): refused before any file function sees it (found by fuzzing a template's <img>).
    if (!isPlainFileName(path) || !isPlainFileName(folder))
        return std::nullopt;
    const auto root = realPath(QFileInfo(folder).absoluteFilePath());
    if (!root)
        return std::nullopt;
    const auto resolved = realPath(QDir(*root).filePath(path));
    if (!resolved || !resolved->startsWith(*root + QLatin1Char('/')))
        return std::nullopt;
    return resolved;
}

} // namespace onewindow::input
