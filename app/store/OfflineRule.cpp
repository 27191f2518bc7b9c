#include "store/OfflineRule.h"

#include "core/CaseHold.h"
#include "core/EventSpec.h"
#include "store/ClockState.h"

#include <QSqlError>
#include <QSqlQuery>

namespace onewindow::store {

namespace {

core::Result<bool> holdAccepted(Store& store, const QString& holdEventId)
{
    QSqlQuery q(store.database());
    q.prepare(QStringLiteral("SELECT verdict FROM placement WHERE event_id = ?"));
    q.addBindValue(holdEventId);
    if (!q.exec())
        return core::Error{QStringLiteral("store.placement_read"),
                           QStringLiteral("读取领办记录失败：%1").arg(q.lastError().text())};
    return q.next() && q.value(0).toString() == QLatin1String("accepted");
}

} // namespace

core::Status checkOfflineRule(Store& store, const core::CaseState& state, core::EventType type,
                              const QString& deviceId, bool caseKnownToHall)
{
    const bool deciding = core::eventSpec(type).irreversible;
    if (type != core::EventType::Held && !deciding)
        return {};
    auto clock = loadClockState(store);
    if (!clock)
        return clock.error();
    if (!*clock)
        return type == core::EventType::Held
                   ? core::Status(core::Error{
                         QStringLiteral("case.hold_no_hall"),
                         QStringLiteral("本工作站没有加入大厅服务器，只有本窗口办件，无需领办")})
                   : core::Status();
    // Offline: the latest sync attempt reached no server after one had answered. A window that
    // has no measurement yet (just enrolled) is taken as online: the server judges anyway.
    if ((*clock)->online || !(*clock)->measuredAtUtc.isValid())
        return {};
    if (type == core::EventType::Held)
        return core::Error{QStringLiteral("case.hold_offline"),
                           QStringLiteral("领办须由大厅服务器确认：本工作站当前离线（上次同步未连上"
                                          "服务器）。请联网（立即同步）后再领办")};
    if (!caseKnownToHall)
        return {};
    if (core::heldBy(state, deviceId)) {
        auto accepted = holdAccepted(store, state.holdEventId);
        if (!accepted)
            return accepted.error();
        if (*accepted)
            return {};
    }
    return core::Error{
        QStringLiteral("case.not_held_offline"),
        QStringLiteral("本工作站当前离线：离线时只能对本窗口已领办（经大厅服务器确认）的办件%1，"
                       "以免两个窗口对同一办件作出不同决定。请联网（立即同步）后再办理，"
                       "或联网时先领办本件")
            .arg(QString::fromUtf16(core::eventSpec(type).name))};
}

core::Status refuseIfRetired(Store& store)
{
    QSqlQuery q(store.database());
    if (!q.exec(QStringLiteral("SELECT retired_at_utc, stopped_code, stopped_message FROM "
                               "sync_state")))
        return core::Error{QStringLiteral("store.sync_state"),
                           QStringLiteral("读取同步状态失败：%1").arg(q.lastError().text())};
    if (!q.next())
        return {};
    if (!q.value(1).toString().isEmpty())
        return core::Error{QStringLiteral("sync.device_stopped"),
                           QStringLiteral("本工作站已停止与大厅同步（%1），新的办理不会被大厅登记，"
                                          "未作记录。请联系管理员重新登记本窗口")
                               .arg(q.value(2).toString())};
    if (!q.value(0).toString().isEmpty())
        return core::Error{QStringLiteral("sync.device_retired"),
                           QStringLiteral("本设备已停用（%1 UTC）：窗口已由新设备接替，不能再办理，"
                                          "未作记录。请到新设备上办理")
                               .arg(q.value(0).toString())};
    return {};
}

} // namespace onewindow::store
