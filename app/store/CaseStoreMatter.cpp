// CaseStore: a matter (一件事, issue 20) taken in as one act: every part received and decided in
// one transaction, each part's received event naming the matter.
#include "store/CaseStore.h"

#include "core/MatterCase.h"
#include "core/MatterHandOut.h"
#include "store/DraftRepository.h"

namespace onewindow::store {

Result<CaseStore::MatterIntake> CaseStore::receiveMatter(
    QList<core::ReceivedInput> parts, const QString& matterCode, int matterVersion,
    const std::function<Result<IntakeDecision>(int part, const Appended& received)>& decide,
    const QString& actor, const QString& joinCaseId)
{
    if (parts.isEmpty())
        return Error{QStringLiteral("matter.no_parts"),
                     QStringLiteral("按所答情形，该一件事没有需要办理的事项")};
    if (Status clock = checkClock(); !clock)
        return clock.error();
    auto dev = thisDevice();
    if (!dev)
        return dev.error();
    std::optional<MatterIntake> done;
    const Status status = m_store.transaction([&]() -> Status {
        // The matter takes the number its first part is about to get.
        // Started from a case taken in alone, the matter takes that case's number instead.
        MatterIntake intake;
        QString first;
        if (!joinCaseId.isEmpty()) {
            auto joined = current(joinCaseId);
            if (!joined)
                return joined.error();
            first = joined->loaded.state.caseNumber;
        } else {
            const QDate today = m_store.clock().todayIn(m_settings.zone);
            auto next = nextCaseNumber(*dev, today);
            if (!next)
                return next.error();
            first = *next;
        }
        auto parsed = core::CaseNumber::parse(first);
        if (!parsed)
            return parsed.error();
        intake.matterNumber = core::matterNumber(*parsed);
        if (!joinCaseId.isEmpty()) {
            auto joined = appendInTransaction(joinCaseId, core::EventType::MatterJoined,
                                              core::matterJoinedPayload(core::MatterLink{
                                                  matterCode, matterVersion, intake.matterNumber}),
                                              actor);
            if (!joined)
                return joined.error();
            intake.joined = *joined;
        }
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

Result<QList<CaseStore::Appended>> CaseStore::handOutMatter(const QString& matterNumber,
                                                            const QStringList& caseIds,
                                                            const QJsonObject& delivered,
                                                            bool partial, const QString& actor)
{
    if (caseIds.isEmpty())
        return Error{QStringLiteral("matter.nothing_ready"),
                     QStringLiteral("该一件事没有已办结待出件的办件")};
    if (Status clock = checkClock(); !clock)
        return clock.error();
    if (m_producesSystemEvents) {
        const QDate today = m_store.clock().todayIn(m_settings.zone);
        for (const QString& id : caseIds)
            if (auto caught = catchUpCase(id, today); !caught)
                return caught.error();
    }
    QList<Appended> done;
    const QJsonObject payload = core::matterHandOutPayload(delivered, matterNumber, partial);
    const Status status = m_store.transaction([&]() -> Status {
        for (const QString& id : caseIds) {
            auto appended = appendInTransaction(id, core::EventType::Delivered, payload, actor);
            if (!appended)
                return appended.error();
            done.append(*appended);
        }
        return {};
    });
    settle(status.ok());
    if (!status)
        return status.error();
    return done;
}

} // namespace onewindow::store
