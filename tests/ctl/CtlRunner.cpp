#include "ctl/CtlRunner.h"

#include "support/TestSupport.h"

#include "core/Clock.h"
#include "store/Store.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

namespace onewindow::test {

namespace {

CtlRun run(QProcess& p, const QString& store, const QStringList& args, const QByteArray& input)
{
    p.start(QStringLiteral(ONEWINDOWCTL_PATH),
            QStringList{QStringLiteral("--store"), store} + args);
    REQUIRE(p.waitForStarted());
    p.write(input);
    p.closeWriteChannel();
    REQUIRE(p.waitForFinished(120000));
    REQUIRE(p.exitStatus() == QProcess::NormalExit);
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

} // namespace

CtlRun runCtl(const QString& store, const QStringList& args, const QByteArray& input)
{
    QProcess p;
    return run(p, store, args, input);
}

CtlRun runCtlAt(const QDateTime& nowUtc, const QString& store, const QStringList& args)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("ONEWINDOW_FAKE_NOW"), nowUtc.toUTC().toString(Qt::ISODate));
    p.setProcessEnvironment(env);
    return run(p, store, args, {});
}

QString writeTempFile(const QTemporaryDir& dir, const char* name, const QByteArray& bytes)
{
    const QString path = dir.filePath(QString::fromLatin1(name));
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(bytes);
    return path;
}

QString newStore(const QTemporaryDir& dir, const char* name)
{
    const QString path = dir.filePath(QString::fromLatin1(name));
    const core::FakeClock clock(QDateTime(QDate(2026, 9, 18), QTime(2, 0), QTimeZone::utc()));
    REQUIRE(store::Store::open(path, clock).ok());
    return path;
}

QStringList args(std::initializer_list<const char*> words)
{
    QStringList out;
    for (const char* w : words)
        out.append(QString::fromUtf8(w));
    return out;
}

} // namespace onewindow::test
