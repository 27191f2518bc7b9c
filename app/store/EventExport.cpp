#include "store/EventExport.h"

#include "store/EventRows.h"

#include <QSqlError>
#include <QSqlQuery>

namespace onewindow::store {

namespace {

core::Error readError(const QSqlQuery& q)
{
    return core::Error{QStringLiteral("store.events_read"),
                       QStringLiteral("读取办件记录失败：%1").arg(q.lastError().text())};
}

} // namespace

core::Status exportEventPages(const Store& store, int pageSize, const EventPageSink& take)
{
    // One forward-only statement read as it goes: SQLite sorts on disk, never all in memory.
    QSqlQuery q(store.database());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT %1 FROM events ORDER BY hlc, device_id, device_seq")
                    .arg(kEventColumns)))
        return readError(q);
    QList<core::Event> page;
    page.reserve(pageSize);
    while (q.next()) {
        auto e = eventFromRow(q);
        if (!e)
            return e.error();
        page.append(std::move(*e));
        if (page.size() >= pageSize) {
            if (core::Status s = take(page); !s)
                return s;
            page.clear();
        }
    }
    if (q.lastError().isValid())
        return readError(q);
    if (!page.isEmpty())
        return take(page);
    return {};
}

core::Result<QStringList> eventActors(const Store& store)
{
    QSqlQuery q(store.database());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT DISTINCT actor_id FROM events ORDER BY actor_id")))
        return readError(q);
    QStringList out;
    while (q.next())
        out.append(q.value(0).toString());
    return out;
}

} // namespace onewindow::store
