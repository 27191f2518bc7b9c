#pragma once

#include "core/Error.h"
#include "server/Model.h"

#include <QStringList>

namespace onewindow::server {

class CentralDb;

// Decision 6, failover (docs/sync-protocol.md "Failover"): each hall's epoch, carried by every
// push and pull answer. A database that may have lost commits the windows were told of (a
// promoted asynchronous standby, a restored backup) starts a new epoch with `onewindow-server
// failover`: the hall's counter at that moment is the base, below which both histories agree.
class Epochs
{
public:
    explicit Epochs(CentralDb& db) : m_db(db) {}

    core::Result<HallEpoch> of(const QString& hallCode);
    // A new epoch for each hall, all in one transaction (an unknown hall: none), based on the
    // hall's counter now or on the last epoch's base where that is lower.
    core::Result<QList<HallEpoch>> begin(const QStringList& hallCodes);

private:
    CentralDb& m_db;
};

} // namespace onewindow::server
