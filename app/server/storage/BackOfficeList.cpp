#include "server/storage/BackOfficeList.h"

#include "core/BackOffices.h"

namespace onewindow::server {

using core::Error;
using core::Result;

Result<QStringList> BackOfficeList::list(const QString& hallCode)
{
    const std::optional<MasterRecord> held =
        m_data.latestOf(hallCode, record::kBackOffices, hallCode);
    if (!held)
        return QStringList();
    return core::backOfficesFromJson(held->body);
}

Result<QList<MasterRecord>> BackOfficeList::write(const QString& hallCode, const QStringList& names,
                                                  bool locked)
{
    const QList<MasterChange> change{
        {record::kBackOffices, hallCode, core::backOfficesToJson(names)}};
    return locked ? m_data.appendLocked(hallCode, change) : m_data.append(hallCode, change);
}

Result<QList<MasterRecord>> BackOfficeList::ensureLocked(const QString& hallCode,
                                                         const QString& name)
{
    if (core::Status s = core::checkDepartmentName(name); !s)
        return s.error();
    auto names = list(hallCode);
    if (!names)
        return names.error();
    if (names->contains(name.trimmed()))
        return QList<MasterRecord>();
    return write(hallCode, QStringList(*names) << name.trimmed(), true);
}

Result<MasterRecord> BackOfficeList::add(const QString& hallCode, const QString& name)
{
    if (core::Status s = core::checkDepartmentName(name); !s)
        return s.error();
    auto names = list(hallCode);
    if (!names)
        return names.error();
    if (names->contains(name.trimmed()))
        return Error{QStringLiteral("backoffice.exists"),
                     QStringLiteral("本大厅已有后台科室“%1”，未作任何改动").arg(name.trimmed())};
    auto written = write(hallCode, QStringList(*names) << name.trimmed(), false);
    if (!written)
        return written.error();
    return written->first();
}

Result<MasterRecord> BackOfficeList::remove(const QString& hallCode, const QString& name,
                                            const QList<Device>& devices)
{
    auto names = list(hallCode);
    if (!names)
        return names.error();
    if (!names->contains(name))
        return Error{QStringLiteral("backoffice.unknown"),
                     names->isEmpty()
                         ? QStringLiteral("本大厅尚未登记后台科室，没有“%1”").arg(name)
                         : QStringLiteral("本大厅没有后台科室“%1”（现有：%2），未作任何改动")
                               .arg(name, names->join(QStringLiteral("、")))};
    for (const Device& d : devices)
        if (d.hallCode == hallCode && d.role == QLatin1String("backoffice") &&
            d.department == name && d.revokedAt.isEmpty() && d.retiredAt.isEmpty())
            return Error{QStringLiteral("backoffice.in_use"),
                         QStringLiteral("后台科室“%1”仍有在用的后台设备（窗口 %2，设备 %3）：请先"
                                        "用 device retire 或 device revoke 停用它，未作任何改动")
                             .arg(name, d.windowCode, d.deviceId)};
    QStringList kept = *names;
    kept.removeAll(name);
    auto written = write(hallCode, kept, false);
    if (!written)
        return written.error();
    return written->first();
}

} // namespace onewindow::server
