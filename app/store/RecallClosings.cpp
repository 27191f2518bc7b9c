#include "store/RecallClosings.h"

#include "store/RejectedRecords.h"

namespace onewindow::store {

Result<CaseStore::Appended> closeRecall(CaseStore& cases, const QString& caseId,
                                        core::RecallClosing closing, const QString& actorId)
{
    auto voided = RejectedRecords(cases.store()).voidedDocuments(caseId);
    if (!voided)
        return voided.error();
    const QString number = closing.number.trimmed();
    for (const VoidedDocument& d : *voided)
        if (d.number == number && (closing.kind.trimmed().isEmpty() || closing.kind == d.kind)) {
            closing.kind = d.kind;
            closing.number = number;
            return cases.append(caseId, core::EventType::RecallClosed,
                                core::recallClosedPayload(closing), actorId);
        }
    QStringList numbers;
    for (const VoidedDocument& d : *voided)
        numbers.append(d.number);
    return core::Error{
        QStringLiteral("recall_closed.not_void"),
        numbers.isEmpty()
            ? QStringLiteral("本件没有作废的文书，无需追回；本次未记录")
            : QStringLiteral("本件作废的文书中没有编号“%1”（作废的是：%2），请核对编号；本次未记录")
                  .arg(number, numbers.join(QStringLiteral("、")))};
}

} // namespace onewindow::store
