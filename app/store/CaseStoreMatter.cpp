// CaseStore: a matter (一件事, issue 20) taken in as one act: every part received and decided in
// one transaction, each part's received event naming the matter.
#include "store/CaseStore.h"

#include "core/MatterCase.h"
#include "core/MatterHandOut.h"
#include "store/DraftRepository.h"
#include "store/MatterRepository.h"

namespace onewindow::store {

// A paper marked as held by the case the matter starts from (MaterialCheck::heldBy) must be one
// that case's acceptance holds under the matter's shared-material rule (core::heldByJoinedCase);
// so must a paper marked as taken again all the same (retakenFrom), which also says why. Anything
// else is refused before anything is written.
Status CaseStore::checkHeldPapers(const QList<core::ReceivedInput>& parts,
                                  const QString& matterCode, int matterVersion,
                                  const QString& joinCaseId)
{
    std::optional<core::CaseState> joined;
    std::optional<core::MatterVersion> matter;
    QHash<QString, core::Matter> matters;
    for (const core::ReceivedInput& part : parts)
        for (const core::MaterialCheck& m : part.materials) {
            if (m.heldBy.isEmpty() && m.retakenFrom.isEmpty())
                continue;
            if (!joined && !joinCaseId.isEmpty()) {
                auto s = state(joinCaseId);
                if (!s)
                    return s.error();
                joined = *s;
                MatterRepository repository(m_store);
                auto v = repository.matterVersion(matterCode, matterVersion);
                if (!v)
                    return v.error();
                matter = *v;
                auto all = repository.currentByCode();
                if (!all)
                    return all.error();
                matters = *all;
            }
            if (!m.retakenFrom.isEmpty()) {
                // Taken again though the case holds it: said why, and only a paper it holds.
                if (!m.heldBy.isEmpty() || !joined ||
                    core::heldByJoinedCase(matter->matter, matters, *joined, m.code) !=
                        m.retakenFrom)
                    return Error{QStringLiteral("matter.retaken"),
                                 QStringLiteral("材料“%1”标为重新收取，但办件 %2 并未在受理时收取"
                                                "这份共用材料：请在清单中按普通材料核验，本次未"
                                                "保存任何内容")
                                     .arg(m.name, m.retakenFrom)};
                const QString reason = m.retakenReason.trimmed();
                if (reason.isEmpty() || reason.size() > 100)
                    return Error{QStringLiteral("matter.retaken_reason"),
                                 QStringLiteral("重新收取材料“%1”（办件 %2 已收取）须写明原因（100 "
                                                "字以内，如“身份证已过期”），本次未保存任何内容")
                                     .arg(m.name, m.retakenFrom)};
                continue;
            }
            if (!joined || m.state != core::MaterialState::Provided ||
                core::heldByJoinedCase(matter->matter, matters, *joined, m.code) != m.heldBy)
                return Error{QStringLiteral("matter.held_by"),
                             QStringLiteral("材料“%1”标为已由办件 %2 收取，但发起本一件事的办件"
                                            "并未在受理时收取这份共用材料：请在清单中重新核验该"
                                            "材料，本次未保存任何内容")
                                 .arg(m.name, m.heldBy)};
        }
    return {};
}

Result<CaseStore::MatterIntake> CaseStore::receiveMatter(
    QList<core::ReceivedInput> parts, const QString& matterCode, int matterVersion,
    const std::function<Result<IntakeDecision>(int part, const Appended& received)>& decide,
    const QString& actor, const QString& joinCaseId)
{
    if (parts.isEmpty())
        return Error{QStringLiteral("matter.no_parts"),
                     QStringLiteral("按所答情形，该一件事没有需要办理的事项")};
    if (Status s = checkHeldPapers(parts, matterCode, matterVersion, joinCaseId); !s)
        return s.error();
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
        // The matter intake's own draft goes with the record; a single case's, kept apart, stays.
        if (Status s = DraftRepository(m_store).discardMatter(actor); !s)
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
