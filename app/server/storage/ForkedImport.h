#pragma once

#include "core/Clock.h"
#include "core/PendingExport.h"
#include "core/SyncProtocol.h"
#include "server/Model.h"
#include "server/storage/CentralDb.h"

#include <QList>
#include <QString>

namespace onewindow::server {

// Decisions 2 and 9: the audited import of a device's events that it may no longer push itself
// (stopped for a reused sequence, revoked, or retired and gone). The events are checked (every
// one of that device or a system event, checksums intact, nothing the hall holds with other
// content), given new identities — a device of the import's own (`import-…`, its window and role
// the source's) and ids derived from the originals, which each payload names (importedFrom), so
// neither the server nor a workstation ever holds two events under one (device, sequence) — and
// then judged exactly like a push of that device: a change on a stale head, a case number the
// hall issued since, an actor without the role at the event's time are rejected with the winner
// and come down to every window as rejected. The import is recorded (device_imports) and its
// device retired when it ends; run again with the same file it resumes where it stopped.
struct ImportedEvent
{
    qint64 sourceSeq = 0; // the original device sequence (0 for a system event)
    QString sourceEventId;
    QString eventId; // as stored in the hall
    QString type;
    QString caseId;
    QString state; // accepted, rejected, held (the hall already had it)
    qint64 hallSeq = 0;
    QString reasonCode;
    QString reason;
    QString winner;
};

struct ImportReport
{
    QString importDeviceId;
    QString sourceDeviceId;
    QString hallCode;
    int inFile = 0;
    int alreadyHeld = 0;
    int accepted = 0;
    int rejected = 0;
    QList<ImportedEvent> events; // in the file's order
};

struct ImportRecord
{
    QString importDeviceId, hallCode, sourceDeviceId, importedBy, reason, fileSha256, startedAt,
        finishedAt;
    int inFile = 0, alreadyHeld = 0, accepted = 0, rejected = 0;
};

class ForkedImport
{
public:
    ForkedImport(CentralDb& db, const core::Clock& clock) : m_db(db), m_clock(clock) {}

    // Checks the file against the hall and returns what would be imported (state "new" for the
    // events to judge), without writing anything.
    core::Result<ImportReport> check(const QString& sourceDeviceId,
                                     const core::sync::PendingExport& file,
                                     const QByteArray& fileSha256);
    core::Result<ImportReport> run(const QString& sourceDeviceId,
                                   const core::sync::PendingExport& file,
                                   const QByteArray& fileSha256, const QString& by,
                                   const QString& reason);
    core::Result<QList<ImportRecord>> list(const QString& hallCode);

private:
    struct Plan
    {
        Device source;
        QString importDeviceId;
        ImportReport report;
        QList<core::Event> fresh; // re-keyed, without sequences yet
        QList<qsizetype> freshSlots;
        QList<core::sync::WireEvent> system;
        QList<qsizetype> systemSlots;
    };
    core::Result<Plan> plan(const QString& sourceDeviceId, const core::sync::PendingExport& file,
                            const QByteArray& fileSha256);
    core::Result<Device> importDevice(const Plan& plan, const QByteArray& fileSha256,
                                      const QString& by, const QString& reason);
    core::Status finish(const Plan& plan, const ImportReport& report);

    CentralDb& m_db;
    const core::Clock& m_clock;
};

} // namespace onewindow::server
