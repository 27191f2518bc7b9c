#pragma once

#include "core/Error.h"
#include "server/storage/CentralDb.h"

#include <QList>
#include <QString>

#include <functional>

namespace onewindow::server {

// One thing found wrong in the central store: a stable code, the hall, what it concerns (a hall
// order, an event, a case, a device, a number, a master record) and what was found against what
// was expected, in Chinese for the hall's IT person.
struct CheckFinding
{
    QString code; // hall_seq.hole, event.checksum, case.head ... (docs/operations.md)
    QString hall;
    QString subject;
    QString detail;
};

struct CheckTotals
{
    qint64 halls = 0;
    qint64 events = 0;
    qint64 records = 0; // master records
    qint64 cases = 0;
    qint64 devices = 0;
    qint64 numbers = 0;
};

// `onewindow-server check` (issue 17): a read-only integrity check of the central store after a
// crash, a restore or a failover. For each hall: its order is 1..halls.seq with no hole or
// duplicate over events and master records; every event's checksum recomputes from its stored
// texts (core::sync::eventFromWire, as a push is checked); every device's sequences are 1..n and
// its next_seq is n + 1; the cases table (hall, head) equals what folding the hall's accepted
// events in hall order gives (the last one that is not core::sync::isMergeable); issued_numbers
// holds exactly the numbers the accepted events issued (numberIssuedBy as the ledger records them,
// caseNumberImportedBy for an administrator's import); every master record's versions are 1..n.
// Imported events (accepted with the import's reason) stand outside the devices' sequences. It
// reads in one read-only snapshot and never writes.
class IntegrityCheck
{
public:
    explicit IntegrityCheck(CentralDb& db) : m_db(db) {}

    // Called after every `every` events of a hall, and at its end: hall, events read, of how many.
    using Progress = std::function<void(const QString&, qint64, qint64)>;
    void setProgress(Progress progress, qint64 every)
    {
        m_progress = std::move(progress);
        m_every = every;
    }

    // Every hall, or the one named (hall.unknown when there is none). Err only when the database
    // cannot be read.
    core::Result<QList<CheckFinding>> run(const QString& hallCode = {});
    const CheckTotals& totals() const { return m_totals; }

private:
    core::Status checkHall(const QString& hall, qint64 counter);
    core::Status checkHallOrder(const QString& hall, qint64 counter);
    core::Status checkEvents(const QString& hall);
    core::Status checkDevices(const QString& hall);
    core::Status checkMasterVersions(const QString& hall);
    void found(const QString& code, const QString& hall, const QString& subject,
               const QString& detail);

    CentralDb& m_db;
    Progress m_progress;
    qint64 m_every = 100000;
    QList<CheckFinding> m_findings;
    CheckTotals m_totals;
};

} // namespace onewindow::server
