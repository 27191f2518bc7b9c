#include "support/TestSupport.h"

#include "core/Clock.h"
#include "store/CaseStore.h"
#include "store/Store.h"
#include "store/StoreMaintenance.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QThread>

#include <csignal>

using namespace onewindow;

namespace {

int rounds()
{
    bool ok = false;
    const int fromEnv = qEnvironmentVariableIntValue("ONEWINDOW_CRASH_ROUNDS", &ok);
    return ok && fromEnv > 0 ? fromEnv : 50;
}

} // namespace

TEST_CASE("The store loses no acknowledged action when the process is killed at any instant")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("crash.sqlite"));
    QSet<QString> acknowledged;
    QRandomGenerator rng(20261122);
    qint64 killedWithWork = 0;
    const int total = rounds();
    for (int round = 0; round < total; ++round) {
        QProcess child;
        child.start(QStringLiteral(CRASH_CHILD_PATH), {path, QString::number(round)});
        REQUIRE(child.waitForStarted());
        // Let it acknowledge a random number of actions (counted, not timed: a slower or busier
        // machine gets the same work done before each kill), then kill it with no warning at a
        // random instant of the next one.
        const int target = static_cast<int>(rng.bounded(1, 12));
        QByteArray out;
        while (out.count('\n') < target && child.state() == QProcess::Running)
            if (child.waitForReadyRead(60000))
                out += child.readAllStandardOutput();
            else
                break;
        INFO("round " << round << ": " << out.count('\n') << " of " << target
                      << " actions acknowledged before the kill");
        REQUIRE(out.count('\n') >= target);
        QThread::usleep(static_cast<unsigned long>(rng.bounded(0, 3000)));
        ::kill(static_cast<pid_t>(child.processId()), SIGKILL);
        REQUIRE(child.waitForFinished(10000));
        const QByteArray err = child.readAllStandardError();
        INFO("round " << round << " stderr: " << err.toStdString());
        CHECK(err.isEmpty());
        // A line is an acknowledgement only if it ends in a newline: the kill may cut the last one.
        const QList<QByteArray> lines = (out + child.readAllStandardOutput()).split('\n');
        for (qsizetype i = 0; i + 1 < lines.size(); ++i)
            acknowledged.insert(QString::fromLatin1(lines[i]));
        killedWithWork += lines.size() > 1 ? 1 : 0;

        core::FakeClock clock(QDateTime::fromSecsSinceEpoch(1795000000, QTimeZone::utc()));
        auto opened = store::Store::open(path, clock);
        REQUIRE(opened.ok());
        QSqlQuery q((*opened)->database());
        REQUIRE(q.exec(QStringLiteral("SELECT event_id FROM events")));
        QSet<QString> stored;
        while (q.next())
            stored.insert(q.value(0).toString());
        q.finish();
        qsizetype lost = 0;
        for (const QString& id : acknowledged)
            lost += stored.contains(id) ? 0 : 1;
        CHECK(lost == 0);
        store::CaseStore cases(**opened);
        auto report = store::checkStore(cases);
        REQUIRE(report.ok());
        INFO(report->details.join(QLatin1Char('\n')).toStdString()
             << report->gaps.join(QLatin1Char('\n')).toStdString());
        CHECK(report->integrity == QStringList{QStringLiteral("ok")});
        CHECK(report->gaps.isEmpty()); // device sequence contiguous
        CHECK(report->ok());
    }
    CHECK(acknowledged.size() >= total); // at least one acknowledged action before each kill
    CHECK(killedWithWork == total);
    WARN("crash test: " << total << " kills, " << acknowledged.size()
                        << " acknowledged events, all present");
}
