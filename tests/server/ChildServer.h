#pragma once

// onewindow-server as a child process (the built program, ONEWINDOW_SERVER_PATH): started on a
// free loopback port, its address read from its first line, its log lines kept.
#include "core/Clock.h"
#include "server/storage/CentralDb.h"
#include "server/storage/Registry.h"

#include <catch2/catch.hpp>

#include <QProcess>
#include <QRegularExpression>

#include <csignal>
#include <memory>

namespace onewindow::test {

inline QStringList databaseArgsOf(const server::DatabaseSpec& spec)
{
    if (spec.kind == server::DatabaseSpec::Kind::Sqlite)
        return {QStringLiteral("--store"), spec.sqlitePath};
    return {QStringLiteral("--database"), QString::fromUtf8(qgetenv("ONEWINDOW_TEST_PG"))};
}

// A one-time enrolment code for `window` of `hall` that a child server takes. The child judges
// the code's expiry by the machine's clock, not by the test's fixed one (the tests' clocks stand
// in December 2026): a code made valid for an hour from a fixed clock was refused (403) by every
// child server from an hour after that fixed time on. So the code is valid for an hour from the
// machine's now, whatever day the suite runs on.
inline QString childEnrolCode(server::CentralDb& db, const QString& hall, const QString& window)
{
    const core::SystemClock machine(0);
    server::Registry registry(db, machine);
    auto code = registry.createEnrolCode({hall, window, QStringLiteral("window"), {}, 3600});
    REQUIRE(code.ok());
    return code->first;
}

struct ChildServer
{
    std::unique_ptr<QProcess> process;
    QString host; // 127.0.0.1:PORT
    quint16 port = 0;

    void start(const QStringList& args)
    {
        process = std::make_unique<QProcess>();
        process->start(QStringLiteral(ONEWINDOW_SERVER_PATH), args);
        REQUIRE(process->waitForStarted());
        static const QRegularExpression line(QStringLiteral("listening on ([0-9.]+):([0-9]+)"));
        QString out;
        for (int i = 0; i < 150 && !out.contains(QLatin1Char('\n')); ++i) {
            process->waitForReadyRead(200);
            out += QString::fromUtf8(process->readAllStandardOutput());
        }
        const auto m = line.match(out);
        INFO(out.toStdString() << QString::fromUtf8(process->readAllStandardError()).toStdString());
        REQUIRE(m.hasMatch());
        host = m.captured(1) + QLatin1Char(':') + m.captured(2);
        port = quint16(m.captured(2).toUInt());
    }
    QString base() const { return QStringLiteral("http://") + host; }
    // What it has logged so far (stderr).
    QString log() { return QString::fromUtf8(process->readAllStandardError()); }
    void kill()
    {
        ::kill(pid_t(process->processId()), SIGKILL); // no chance to finish anything
        process->waitForFinished(10000);
    }
    ~ChildServer()
    {
        if (!process || process->state() == QProcess::NotRunning)
            return;
        process->terminate();
        if (!process->waitForFinished(5000))
            process->kill();
        process->waitForFinished(5000);
    }
};

} // namespace onewindow::test
