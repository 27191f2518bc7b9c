#pragma once

#include "core/Error.h"
#include "server/Model.h"

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
    // A new epoch for the hall, based on its counter now; in one transaction of its own.
    core::Result<HallEpoch> begin(const QString& hallCode);

private:
    CentralDb& m_db;
};

} // namespace onewindow::server
