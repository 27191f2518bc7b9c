// CaseStore: intake recorded as one act (received, decided, the draft gone) in one transaction.
#include "store/CaseStore.h"

#include "core/CasePayloads.h"
#include "store/ClockState.h"
#include "store/DraftRepository.h"
#include "store/Ids.h"
#include "store/OfflineRule.h"

namespace onewindow::store {

Status CaseStore::checkClock()
{
    // Every act passes here first: a retired or stopped window records nothing new (decision 9),
    // and online, not with a clock far from the server's (decision 7).
    if (Status s = refuseIfRetired(m_store); !s)
        return s;
    return refuseIfClockGap(m_store, m_settings.maxClockGapSeconds);
}

Result<CaseStore::Appended> CaseStore::receive(core::ReceivedInput input, const QString& actor)
{
    if (Status clock = checkClock(); !clock)
        return clock.error();
    auto dev = thisDevice();
    if (!dev)
        return dev.error();
    std::optional<Appended> done;
    const Status status = m_store.transaction([&]() -> Status {
        auto appended = receiveInTransaction(std::move(input), *dev, actor);
        if (!appended)
            return appended.error();
        done = *appended;
        return {};
    });
    settle(status.ok());
    if (!status)
        return status.error();
    return *done;
}

Result<CaseStore::Appended> CaseStore::receiveInTransaction(core::ReceivedInput input,
                                                            const DeviceInfo& device,
                                                            const QString& actor)
{
    const QDate today = m_store.clock().todayIn(m_settings.zone);
    auto number = nextCaseNumber(device, today);
    if (!number)
        return number.error();
    input.caseNumber = *number;
    input.queryCode = newQueryCode();
    if (!input.receiptDate.isValid())
        input.receiptDate = today;
    input.windowCode = device.deviceCode;
    const QString caseId = newUuidV7(m_store.clock().nowUtc().toMSecsSinceEpoch());
    return appendInTransaction(caseId, core::EventType::Received, core::payload::received(input),
                               actor);
}

Result<CaseStore::Intake> CaseStore::receiveAndDecide(
    core::ReceivedInput input,
    const std::function<Result<IntakeDecision>(const Appended& received)>& decide,
    const QString& actor)
{
    if (Status clock = checkClock(); !clock)
        return clock.error();
    auto dev = thisDevice();
    if (!dev)
        return dev.error();
    std::optional<Intake> done;
    // A crash or a refusal between receiving and deciding would leave a received case whose
    // decision is lost while the draft that held it is gone: all three steps stand or fall
    // together.
    const Status status = m_store.transaction([&]() -> Status {
        auto received = receiveInTransaction(std::move(input), *dev, actor);
        if (!received)
            return received.error();
        auto decision = decide(*received);
        if (!decision)
            return decision.error();
        if (decision->type == core::EventType::Received)
            return Error{QStringLiteral("case.use_receive"), QStringLiteral("收件请使用收件流程")};
        auto decided =
            appendInTransaction(received->event.caseId, decision->type, decision->payload, actor);
        if (!decided)
            return decided.error();
        if (Status s = DraftRepository(m_store).discard(actor); !s)
            return s;
        done = Intake{*received, *decided};
        return {};
    });
    settle(status.ok());
    if (!status)
        return status.error();
    return *done;
}

} // namespace onewindow::store
