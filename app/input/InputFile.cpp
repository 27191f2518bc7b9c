#include "input/InputFile.h"

#include <QFile>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace onewindow::input {

namespace {

QString systemError(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

// Closes the descriptor whatever way the read ends.
struct Fd
{
    int fd;
    ~Fd()
    {
        if (fd >= 0)
            ::close(fd);
    }
};

} // namespace

core::Result<QByteArray> readInputFile(const QString& path, core::InputKind kind)
{
    const qint64 maxBytes = core::inputLimit(kind).maxBytes;
    if (path.startsWith(QLatin1Char(':'))) {
        QFile resource(path);
        if (!resource.open(QIODevice::ReadOnly))
            return core::inputUnreadable(kind, path, resource.errorString());
        return resource.read(maxBytes);
    }
    // O_NONBLOCK: opening a FIFO must not wait for a writer; the type is checked right after.
    const QByteArray local = QFile::encodeName(path);
    Fd file{::open(local.constData(), O_RDONLY | O_NONBLOCK | O_CLOEXEC)};
    if (file.fd < 0)
        return core::inputUnreadable(kind, path, systemError(errno));
    struct stat st
    {
    };
    if (::fstat(file.fd, &st) != 0)
        return core::inputUnreadable(kind, path, systemError(errno));
    if (!S_ISREG(st.st_mode))
        return core::inputNotRegular(kind, path);
    if (st.st_size > maxBytes)
        return core::inputTooLarge(kind, path);
    // Read at most one byte past the limit: a file growing while it is read is refused too.
    QByteArray bytes;
    bytes.resize(static_cast<qsizetype>(st.st_size) + 1);
    qsizetype have = 0;
    for (;;) {
        if (have == bytes.size()) {
            if (have > maxBytes)
                return core::inputTooLarge(kind, path);
            bytes.resize(std::min<qsizetype>(bytes.size() * 2, maxBytes + 1));
        }
        const ssize_t n =
            ::read(file.fd, bytes.data() + have, static_cast<size_t>(bytes.size() - have));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return core::inputUnreadable(kind, path, systemError(errno));
        }
        if (n == 0)
            break;
        have += n;
    }
    if (have > maxBytes)
        return core::inputTooLarge(kind, path);
    bytes.truncate(have);
    return bytes;
}

} // namespace onewindow::input
