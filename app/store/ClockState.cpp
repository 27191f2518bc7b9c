#include "store/ClockState.h"

#include "core/ClockOffset.h"
#include "core/EventChecksum.h"

#include <QSqlError>
#include <QSqlQuery>

namespace onewindow::store {

namespace {

core::Error clockError(const QSqlQuery& q)
{
    return {QStringLiteral("store.clock_state"),
            QStringLiteral("读写时钟偏差失败：%1").arg(q.lastError().text())};
}

} // namespace

core::Result<std::optional<ClockState>> loadClockState(Store& store)
{
    QSqlQuery q(store.database());
    if (!q.exec(QStringLiteral("SELECT c.offset_ms, c.measured_at_utc, c.online FROM sync_state "
                               "LEFT JOIN sync_clock c ON c.singleton = 1")))
        return clockError(q);
    if (!q.next())
        return std::optional<ClockState>{};
    ClockState s;
    s.offsetMs = q.value(0).toLongLong();
    s.measuredAtUtc = QDateTime::fromString(q.value(1).toString(), Qt::ISODateWithMs);
    s.online = q.value(2).toInt() == 1 && s.measuredAtUtc.isValid();
    return std::optional<ClockState>{s};
}

core::Status recordClockOffset(Store& store, qint64 offsetMs, const QDateTime& measuredAtUtc)
{
    QSqlQuery q(store.database());
    q.prepare(QStringLiteral("INSERT INTO sync_clock (singleton, offset_ms, measured_at_utc, "
                             "online) SELECT 1, ?, ?, 1 FROM sync_state WHERE true ON CONFLICT "
                             "(singleton) DO UPDATE SET offset_ms = excluded.offset_ms, "
                             "measured_at_utc = excluded.measured_at_utc, online = 1"));
    q.addBindValue(offsetMs);
    q.addBindValue(QString::fromUtf8(core::canonicalTimeText(measuredAtUtc)));
    if (!q.exec())
        return clockError(q);
    store.clock().setServerOffsetMs(offsetMs);
    return {};
}

core::Status markClockOffline(Store& store)
{
    QSqlQuery q(store.database());
    if (!q.exec(QStringLiteral("UPDATE sync_clock SET online = 0")))
        return clockError(q);
    return {};
}

void applyStoredClockOffset(Store& store)
{
    QSqlQuery q(store.database());
    // A store not enrolled, or never measured, has nothing to give.
    if (q.exec(QStringLiteral("SELECT offset_ms FROM sync_clock")) && q.next())
        store.clock().setServerOffsetMs(q.value(0).toLongLong());
}

core::Status refuseIfClockGap(Store& store, int maxGapSeconds)
{
    auto state = loadClockState(store);
    if (!state)
        return state.error();
    if (!*state || !(*state)->online)
        return {};
    if (core::sync::clockGapExceeded((*state)->offsetMs, maxGapSeconds))
        return core::sync::clockGap((*state)->offsetMs, maxGapSeconds);
    return {};
}

} // namespace onewindow::store
