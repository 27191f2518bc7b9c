#include "store/EventExport.h"

#include "store/EventRows.h"

#include <QSqlError>
#include <QSqlQuery>

namespace onewindow::store {

core::Result<QList<core::Event>> exportEvents(const Store& store)
{
    QSqlQuery q(store.database());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT %1 FROM events ORDER BY hlc, device_id, device_seq")
                    .arg(kEventColumns)))
        return core::Error{QStringLiteral("store.events_read"),
                           QStringLiteral("读取办件记录失败：%1").arg(q.lastError().text())};
    QList<core::Event> out;
    while (q.next()) {
        auto e = eventFromRow(q);
        if (!e)
            return e.error();
        out.append(*e);
    }
    return out;
}

} // namespace onewindow::store
