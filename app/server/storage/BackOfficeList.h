#pragma once

#include "core/Error.h"
#include "server/Model.h"
#include "server/storage/MasterData.h"

#include <QList>
#include <QStringList>

namespace onewindow::server {

// The hall's back offices (core/BackOffices.h), one `hall.back_offices` record per hall whose
// every version holds the whole list, so a window's pull brings it whole (decision 8). Written by
// `backoffice add|remove` and by `enrol --role backoffice --department D` when D is not yet
// listed (a department may be listed before its PC is enrolled; enrolling its PC lists it).
class BackOfficeList
{
public:
    explicit BackOfficeList(MasterData& data) : m_data(data) {}

    // The hall's list, in the order it was built; empty when never written.
    core::Result<QStringList> list(const QString& hallCode);
    // `name` (trimmed) added at the end in the caller's transaction unless listed already; the
    // record written, or none.
    core::Result<QList<MasterRecord>> ensureLocked(const QString& hallCode, const QString& name);
    // `backoffice add`: a name already listed is refused (backoffice.exists), nothing written.
    core::Result<MasterRecord> add(const QString& hallCode, const QString& name);
    // `backoffice remove`: a name not listed is refused, and so is one an active back-office
    // device of the hall (`devices`) still serves: its queue would keep cases nobody could
    // forward there again. Retire or revoke the device first.
    core::Result<MasterRecord> remove(const QString& hallCode, const QString& name,
                                      const QList<Device>& devices);

private:
    core::Result<QList<MasterRecord>> write(const QString& hallCode, const QStringList& names,
                                            bool locked);

    MasterData& m_data;
};

} // namespace onewindow::server
