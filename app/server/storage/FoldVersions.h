#pragma once

#include "core/Error.h"

#include <QString>

namespace onewindow::server {

class CentralDb;

// Decision 10, versions (docs/sync-protocol.md): which folds a hall's devices run. A device's fold
// is the one its last request named; a hall takes an event of a type only while every active
// device folds it (hallFold), and once it holds one, its floor rises and an older device is told
// to upgrade (426 fold_behind_hall) instead of pulling records it cannot fold.
class FoldVersions
{
public:
    explicit FoldVersions(CentralDb& db) : m_db(db) {}

    // The newest fold the hall's accepted events need (1 for a new hall).
    core::Result<int> floorOf(const QString& hallCode);
    // The oldest fold among the hall's active devices (not revoked, stopped or retired), never
    // below the hall's floor (a device under it cannot pull: it holds nothing back).
    core::Result<int> hallFold(const QString& hallCode);
    // The device named `fold` in its request: kept when it changed.
    core::Status record(const QString& deviceId, int fold);
    // An accepted event needs `fold`: the hall's floor rises to it (inside the push transaction).
    core::Status raiseFloor(const QString& hallCode, int fold);

private:
    CentralDb& m_db;
};

} // namespace onewindow::server
