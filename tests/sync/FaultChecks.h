#pragma once

// What the fault test (sync/FaultTest.cpp) asserts once the hall has converged, read from the
// server's database and each workstation's store file after their programs have stopped.
#include "server/storage/CentralDb.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace onewindow::test {

struct HallFacts
{
    qint64 cursor = 0; // the hall's commit counter
    int events = 0;
    int rejected = 0;
    int cases = 0;
    int devices = 0;
    int decisions = 0;     // accepted case.decided / case.refused events
    qint64 widestSkew = 0; // seconds between an event's own time and the server's receipt, most
    int flagged = 0;       // events the server flagged for their time (decision 7)
    QHash<QString, int> copies;         // event id -> rows holding it
    QHash<QString, qint64> deviceSeqOf; // event id -> its device sequence
    QHash<QString, QList<qint64>> seqs; // enrolled device -> its sequences, ascending
    QStringList casesWithTwoDecisions;
};

HallFacts hallFacts(const server::DatabaseSpec& spec, const QString& hall);
// Every event once; each enrolled device's sequence 1..n; no case with two decisions in force.
void checkHall(const HallFacts& facts);
// The station's own events all acknowledged, contiguous, each on the server exactly once with
// its sequence; no case with two decisions in force in its store either.
void checkStation(const QString& storePath, const HallFacts& facts);

// `onewindow-server ... digest HALL` and `onewindowctl --store PATH store digest`, one line each.
QString serverDigest(const QStringList& databaseArgs, const QString& hall);
QString storeDigest(const QString& storePath);

} // namespace onewindow::test
