#include "core/MatterHandOut.h"

#include "core/MatterCase.h"

#include <algorithm>

namespace onewindow::core {

bool partReadyToHandOut(const CaseState& part)
{
    return part.status == CaseStatus::Decided || part.status == CaseStatus::ResultReady;
}

bool partWithoutResult(const CaseState& part)
{
    return !part.timeline.decided && partFinishedOn(part).has_value();
}

Result<HandOutPlan> planHandOut(const QList<CaseState>& parts, const QList<int>& asked)
{
    QList<int> ready;
    QStringList pending;
    for (int i = 0; i < parts.size(); ++i) {
        const CaseState& part = parts.at(i);
        if (partReadyToHandOut(part))
            ready.append(i);
        else if (part.status != CaseStatus::Delivered && !partWithoutResult(part))
            pending.append(part.caseNumber);
    }
    if (ready.isEmpty())
        return Error{QStringLiteral("matter.nothing_ready"),
                     QStringLiteral("该一件事没有已办结待出件的办件")};
    HandOutPlan plan;
    if (asked.isEmpty()) {
        // 一件事: one hand-out when every part is ready.
        if (!pending.isEmpty())
            return Error{QStringLiteral("matter.not_ready"),
                         QStringLiteral("尚有 %1 件未办结（%2），请待全部办结后一次出件；申请人要求"
                                        "先取已办结的，请选择部分出件")
                             .arg(pending.size())
                             .arg(pending.join(QStringLiteral("、")))};
        plan.parts = ready;
        return plan;
    }
    for (int i : asked) {
        if (i < 0 || i >= parts.size() || !ready.contains(i))
            return Error{QStringLiteral("matter.part_not_ready"),
                         QStringLiteral("办件 %1 尚未办结或已出件，不能出件")
                             .arg(i >= 0 && i < parts.size() ? parts.at(i).caseNumber
                                                             : QString::number(i + 1))};
        if (!plan.parts.contains(i))
            plan.parts.append(i);
    }
    std::sort(plan.parts.begin(), plan.parts.end());
    // Everything left handed out at once is the whole matter's hand-out after all.
    plan.partial = !pending.isEmpty() || plan.parts.size() < ready.size();
    return plan;
}

QJsonObject matterHandOutPayload(QJsonObject delivered, const QString& matterNumber, bool partial)
{
    delivered.insert(QStringLiteral("matter"), QJsonObject{{QStringLiteral("number"), matterNumber},
                                                           {QStringLiteral("partial"), partial}});
    return delivered;
}

Status checkMatterHandOut(const CaseState& part, const QJsonObject& payload)
{
    if (!payload.contains(QStringLiteral("matter")))
        return {};
    const QJsonObject m = payload.value(QStringLiteral("matter")).toObject();
    const QString number = m.value(QStringLiteral("number")).toString();
    if (!part.matter || part.matter->number != number ||
        !m.value(QStringLiteral("partial")).isBool())
        return Error{QStringLiteral("delivered.matter"),
                     QStringLiteral("办件 %1 不属于一件事 %2，不能随该一件事出件")
                         .arg(part.caseNumber, number)};
    return {};
}

QString matterHandOutSuffix(const QJsonObject& payload)
{
    if (!payload.contains(QStringLiteral("matter")))
        return {};
    const QJsonObject m = payload.value(QStringLiteral("matter")).toObject();
    const QString number = m.value(QStringLiteral("number")).toString();
    return m.value(QStringLiteral("partial")).toBool()
               ? QStringLiteral("（一件事 %1，应申请人要求部分出件）").arg(number)
               : QStringLiteral("（一件事 %1 一次出件）").arg(number);
}

QJsonObject matterJoinedPayload(const MatterLink& link)
{
    return QJsonObject{
        {QStringLiteral("matter"), QJsonObject{{QStringLiteral("code"), link.code},
                                               {QStringLiteral("version"), link.version},
                                               {QStringLiteral("number"), link.number}}}};
}

} // namespace onewindow::core
