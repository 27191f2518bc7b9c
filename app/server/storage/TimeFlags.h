#pragma once

#include "core/Clock.h"
#include "core/Error.h"
#include "server/storage/CentralDb.h"

#include <QList>
#include <QString>

namespace onewindow::server {

// Decision 7 at the server (db/central/0011_clock_flags.sql): each device's last contact, and
// the flags kept beside events whose own time lies outside [last contact - tolerance, receipt +
// tolerance]. A flag never changes the event or its verdict.
struct TimeFlag
{
    qint64 hallSeq = 0;
    QString eventId;
    QString deviceId;
    QString window;
    QString type;
    QString reasonCode; // core::sync::kTimeBeforeContact / kTimeAfterReceipt
    QString occurredAt;
    QString receivedAt;
    QString lastContactAt;
};

class TimeFlags
{
public:
    // The tolerance a server takes unless `serve --clock-tolerance` says otherwise.
    static constexpr int kDefaultToleranceSeconds = 120;

    TimeFlags(CentralDb& db, const core::Clock& clock) : m_db(db), m_clock(clock) {}

    // The device was heard from now (a pull; enrolment sets it too).
    core::Status touchContact(const QString& deviceId);
    // The device's last contact as stored (canonical UTC text; empty: never).
    core::Result<QString> lastContact(const QString& deviceId);
    // In the push's transaction: the flag of the event stored at `hallSeq`.
    core::Status flag(const QString& hallCode, qint64 hallSeq, const QString& eventId,
                      const QString& deviceId, const QString& reasonCode, const QString& occurredAt,
                      const QString& receivedAt, const QString& lastContactAt);
    // The hall's flagged events in hall order, the newest `limit`.
    core::Result<QList<TimeFlag>> list(const QString& hallCode, int limit);

private:
    CentralDb& m_db;
    const core::Clock& m_clock;
};

} // namespace onewindow::server
