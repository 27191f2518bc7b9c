// CaseStore: a matter (一件事, issue 20) taken in as one act: every part received and decided in
// one transaction, each part's received event naming the matter.
#include "store/CaseStore.h"

#include "core/MatterCase.h"
#include "store/DraftRepository.h"

namespace onewindow::store {

Result<CaseStore::MatterIntake> CaseStore::receiveMatter(
    QList<core::ReceivedInput> parts, const QString& matterCode, int matterVersion,
    const std::function<Result<IntakeDecision>(int part, const Appended& received)>& decide,
    const QString& actor)
{
    if (parts.isEmpty())
        return Error{QStringLiteral("matter.no_parts"),
                     QStringLiteral("按所答情形，该一件事没有需要办理的事项")};
    auto dev = thisDevice();
    if (!dev)
        return dev.error();
    std::optional<MatterIntake> done;
    const Status status = m_store.transaction([&]() -> Status {
        // The matter takes the number its first part is about to get.
        const QDate today = m_store.clock().todayIn(m_settings.zone);
        auto first = nextCaseNumber(*dev, today);
        if (!first)
            return first.error();
        auto parsed = core::CaseNumber::parse(*first);
        if (!parsed)
            return parsed.error();
        MatterIntake intake;
        intake.matterNumber = core::matterNumber(*parsed);
        for (int i = 0; i < parts.size(); ++i) {
            core::ReceivedInput input = parts.at(i);
            input.matter = core::MatterLink{matterCode, matterVersion, intake.matterNumber};
            auto received = receiveInTransaction(std::move(input), *dev, actor);
            if (!received)
                return received.error();
            auto decision = decide(i, *received);
            if (!decision)
                return decision.error();
            if (decision->type == core::EventType::Received)
                return Error{QStringLiteral("case.use_receive"),
                             QStringLiteral("收件请使用收件流程")};
            auto decided = appendInTransaction(received->event.caseId, decision->type,
                                               decision->payload, actor);
            if (!decided)
                return decided.error();
            intake.parts.append(Intake{*received, *decided});
        }
        if (Status s = DraftRepository(m_store).discard(actor); !s)
            return s;
        done = std::move(intake);
        return {};
    });
    settle(status.ok());
    if (!status)
        return status.error();
    return *done;
}

} // namespace onewindow::store
