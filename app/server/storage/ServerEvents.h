#pragma once

#include "core/Error.h"
#include "core/Event.h"
#include "server/Judge.h"
#include "server/storage/CentralDb.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace onewindow::server {

// The SQL of the events the server makes itself (decisions 4 and 9, server/ServerMade.h). Every
// write runs inside the caller's transaction, after lockHall: one hall's writers take turns on its
// row (a push takes it with its commit counter), so what a reader saw under the lock is what the
// hall holds, and a second server process finds the first one's events.
class ServerEvents
{
public:
    explicit ServerEvents(CentralDb& db) : m_db(db) {}

    // Locks the hall's row for the transaction; its time zone.
    core::Result<QString> lockHall(const QString& hallCode);
    // The cases `deviceId` was ever granted a hold of (accepted case.held events).
    core::Result<QStringList> casesHeldBy(const QString& hallCode, const QString& deviceId);
    // The hall's case ids after `after` in id order, at most `limit` (the `due` command's pages).
    core::Result<QStringList> casesAfter(const QString& hallCode, const QString& after, int limit);
    // The same, of the cases with an event placed before hall order `before` (decision 8: the
    // cases the hall held when a notice was written; calendar import's chunks).
    core::Result<QStringList> casesPlacedBefore(const QString& hallCode, const QString& after,
                                                qint64 before, int limit);
    // When the device recorded its latest own event the server holds ('' for none).
    core::Result<QString> lastOwnEventAt(const QString& deviceId);
    // The latest civil day of the device's own events for which its holds were looked at.
    core::Result<QString> dueCheckedOn(const QString& deviceId);
    core::Status setDueCheckedOn(const QString& deviceId, const QString& day);
    // Stores `event` as accepted with the reason that names its maker, at the hall's next order,
    // moving the case's head as a pushed one does; 0 when the hall already holds it.
    core::Result<qint64> appendAccepted(const QString& hallCode, const core::Event& event,
                                        const QString& reasonCode, const QString& reason,
                                        const QString& receivedAt);

private:
    CentralDb& m_db;
};

} // namespace onewindow::server
