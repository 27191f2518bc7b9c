// Decision 6, failover, at the window (docs/sync-protocol.md "Failover"): an answer in another
// epoch of the hall than the store's rebases the store before anything of it is written.
#include "sync/SyncClient.h"

#include "core/SyncMessages.h"
#include "core/SyncProtocol.h"

namespace onewindow::sync {

namespace proto = core::sync;

Status SyncClient::followRetirement(const QJsonObject& answer)
{
    const QString at = answer.value(QStringLiteral("retired_at")).toString();
    if (at.isEmpty())
        return {};
    auto state = m_repo.state();
    if (!state)
        return state.error();
    if (*state && (*state)->retiredAtUtc == at)
        return {};
    Q_EMIT logLine(QStringLiteral("sync: this device was retired at the hall at %1").arg(at));
    return m_repo.markRetired(at);
}

Status SyncClient::followEpoch(const QJsonObject& answer, Report& report, bool& rebased)
{
    rebased = false;
    if (!answer.contains(QStringLiteral("epoch")))
        return {}; // a server before decision 6: one epoch forever
    const QString epoch = answer.value(QStringLiteral("epoch")).toString();
    const qint64 base = answer.value(QStringLiteral("epoch_base")).toInteger(-1);
    if (base < 0)
        return proto::badAnswer(QStringLiteral("回答缺少 epoch_base"));
    auto done = m_repo.rebase(epoch, base);
    if (!done)
        return done.error();
    if (!*done)
        return {};
    rebased = true;
    report.epochChanged = true;
    Q_EMIT logLine(QStringLiteral("sync: the hall's server started epoch %1 at %2 (failover): "
                                  "cursor %3 -> %4, %5 placements dropped, %6 own events to "
                                  "push again, %7 users pulled above the base in doubt")
                       .arg(epoch)
                       .arg(base)
                       .arg((*done)->cursorBefore)
                       .arg(std::min((*done)->cursorBefore, base))
                       .arg((*done)->placementsDropped)
                       .arg((*done)->ownPending)
                       .arg((*done)->usersInDoubt));
    return {};
}

} // namespace onewindow::sync
