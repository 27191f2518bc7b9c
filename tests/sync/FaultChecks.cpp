#include "sync/FaultChecks.h"

#include <catch2/catch.hpp>

#include <QDateTime>
#include <QProcess>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>

#include <algorithm>

namespace onewindow::test {

namespace {

bool isDecision(const QString& type)
{
    return type == QStringLiteral("case.decided") || type == QStringLiteral("case.refused");
}

QString runLine(const QString& program, const QStringList& args)
{
    QProcess p;
    p.start(program, args);
    REQUIRE(p.waitForFinished(60000));
    INFO(QString::fromUtf8(p.readAllStandardError()).toStdString());
    REQUIRE(p.exitCode() == 0);
    return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
}

bool contiguous(const QList<qint64>& ascending)
{
    for (int i = 0; i < ascending.size(); ++i)
        if (ascending[i] != i + 1)
            return false;
    return true;
}

} // namespace

HallFacts hallFacts(const server::DatabaseSpec& spec, const QString& hall)
{
    auto db = server::CentralDb::open(spec);
    REQUIRE(db.ok());
    HallFacts f;
    QSqlQuery q = (*db)->query();
    REQUIRE((*db)->run(q, QStringLiteral("SELECT seq FROM halls WHERE hall_code = ?"), {hall}));
    REQUIRE(q.next());
    f.cursor = q.value(0).toLongLong();
    QSet<QString> enrolled;
    REQUIRE(
        (*db)->run(q, QStringLiteral("SELECT device_id FROM devices WHERE hall_code = ?"), {hall}));
    while (q.next())
        enrolled.insert(q.value(0).toString());
    f.devices = static_cast<int>(enrolled.size());
    REQUIRE((*db)->run(q, QStringLiteral("SELECT count(*) FROM time_flags WHERE hall_code = ?"),
                       {hall}));
    REQUIRE(q.next());
    f.flagged = q.value(0).toInt();
    REQUIRE(
        (*db)->run(q,
                   QStringLiteral("SELECT event_id, device_id, device_seq, verdict, case_id, "
                                  "type, occurred_at, received_at FROM events WHERE hall_code = ? "
                                  "ORDER BY hall_seq"),
                   {hall}));
    QHash<QString, int> decisions;
    QSet<QString> cases;
    while (q.next()) {
        const QString id = q.value(0).toString();
        const QString device = q.value(1).toString();
        const bool accepted = q.value(3).toString() == QStringLiteral("accepted");
        ++f.events;
        f.rejected += accepted ? 0 : 1;
        ++f.copies[id];
        f.deviceSeqOf.insert(id, q.value(2).toLongLong());
        if (enrolled.contains(device))
            f.seqs[device].append(q.value(2).toLongLong());
        cases.insert(q.value(4).toString());
        // A clock ahead shows as an event received before it occurred (a clock behind hides
        // in the time an event waits to go up).
        const QDateTime occurred = QDateTime::fromString(q.value(6).toString(), Qt::ISODateWithMs);
        const QDateTime received = QDateTime::fromString(q.value(7).toString(), Qt::ISODateWithMs);
        if (occurred.isValid() && received.isValid())
            f.widestSkew = qMax(f.widestSkew, received.secsTo(occurred));
        if (accepted && isDecision(q.value(5).toString())) {
            ++f.decisions;
            if (++decisions[q.value(4).toString()] == 2)
                f.casesWithTwoDecisions.append(q.value(4).toString());
        }
    }
    f.cases = static_cast<int>(cases.size());
    for (QList<qint64>& s : f.seqs)
        std::sort(s.begin(), s.end());
    return f;
}

void checkHall(const HallFacts& facts)
{
    for (auto it = facts.copies.cbegin(); it != facts.copies.cend(); ++it) {
        INFO("event " << it.key().toStdString());
        CHECK(it.value() == 1);
    }
    for (auto it = facts.seqs.cbegin(); it != facts.seqs.cend(); ++it) {
        INFO("device " << it.key().toStdString() << " sequences up to " << it.value().last());
        CHECK(contiguous(it.value()));
    }
    INFO("cases " << facts.casesWithTwoDecisions.join(QLatin1Char(' ')).toStdString());
    CHECK(facts.casesWithTwoDecisions.isEmpty());
}

void checkStation(const QString& storePath, const HallFacts& facts)
{
    const QString name = QStringLiteral("fault-check-") + storePath;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(storePath);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        REQUIRE(db.open());
        QSqlQuery q(db);
        REQUIRE(q.exec(QStringLiteral("SELECT device_id FROM sync_state")));
        REQUIRE(q.next());
        const QString device = q.value(0).toString();
        q.prepare(QStringLiteral("SELECT event_id, device_seq, sync_state FROM events WHERE "
                                 "device_id = ? ORDER BY device_seq"));
        q.addBindValue(device);
        REQUIRE(q.exec());
        QList<qint64> own;
        int pending = 0, missing = 0, wrongSeq = 0;
        while (q.next()) {
            const QString id = q.value(0).toString();
            own.append(q.value(1).toLongLong());
            pending += q.value(2).toString() == QStringLiteral("pending") ? 1 : 0;
            if (facts.copies.value(id) != 1)
                ++missing;
            else if (facts.deviceSeqOf.value(id) != q.value(1).toLongLong())
                ++wrongSeq;
        }
        INFO("device " << device.toStdString() << ": " << own.size() << " own events");
        CHECK(pending == 0);
        CHECK(missing == 0); // every acknowledged event on the server exactly once
        CHECK(wrongSeq == 0);
        CHECK(contiguous(own));
        CHECK(own.size() == facts.seqs.value(device).size());

        REQUIRE(q.exec(QStringLiteral(
            "SELECT e.case_id FROM events e JOIN placement p ON p.event_id = e.event_id "
            "WHERE p.verdict = 'accepted' AND e.type IN ('case.decided', 'case.refused') "
            "GROUP BY e.case_id HAVING count(*) > 1")));
        QStringList two;
        while (q.next())
            two.append(q.value(0).toString());
        INFO("cases " << two.join(QLatin1Char(' ')).toStdString());
        CHECK(two.isEmpty());
    }
    QSqlDatabase::removeDatabase(name);
}

QString serverDigest(const QStringList& databaseArgs, const QString& hall)
{
    return runLine(QStringLiteral(ONEWINDOW_SERVER_PATH),
                   databaseArgs + QStringList{QStringLiteral("digest"), hall});
}

QString storeDigest(const QString& storePath)
{
    return runLine(
        QStringLiteral(ONEWINDOWCTL_PATH),
        {QStringLiteral("--store"), storePath, QStringLiteral("store"), QStringLiteral("digest")});
}

} // namespace onewindow::test
