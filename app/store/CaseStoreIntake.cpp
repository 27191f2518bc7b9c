// CaseStore: intake recorded as one act (received, decided, the draft gone) in one transaction.
#include "store/CaseStore.h"

#include "store/ClockState.h"
#include "store/DraftRepository.h"

namespace onewindow::store {

Status CaseStore::checkClock()
{
    return refuseIfClockGap(m_store, m_settings.maxClockGapSeconds);
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
