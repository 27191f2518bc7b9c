#include "input/PathChecks.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <sys/stat.h>

namespace onewindow::input {

namespace {

// Where `path` leads once its folder and (if any) its own symlink are resolved, for a file that
// may not exist yet.
QString resolvedName(const QString& path)
{
    QFileInfo info(path);
    for (int hops = 0; info.isSymLink() && hops < 16; ++hops)
        info = QFileInfo(info.absoluteDir(), info.symLinkTarget());
    if (const QString canonical = info.canonicalFilePath(); !canonical.isEmpty())
        return canonical;
    const QString dir = info.absoluteDir().canonicalPath();
    return QDir(dir.isEmpty() ? info.absolutePath() : dir).filePath(info.fileName());
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
    const QString root = QFileInfo(folder).canonicalFilePath();
    if (root.isEmpty())
        return std::nullopt;
    const QString resolved = QFileInfo(QDir(root), path).canonicalFilePath();
    if (resolved.isEmpty() || !resolved.startsWith(root + QLatin1Char('/')))
        return std::nullopt;
    return resolved;
}

} // namespace onewindow::input
