#pragma once
// Internal to the event descriptions (core/events/*.cpp): what several of them use.
#include "core/CasePayloads.h"
#include "core/EventSpec.h"

#include <QJsonObject>

#include <algorithm>
#include <initializer_list>
#include <span>

namespace onewindow::core::events {

inline Error refuse(const char* code, const QString& message)
{
    return Error{QString::fromLatin1(code), message};
}

// A payload's text field, trimmed.
inline QString text(const QJsonObject& o, const char* key)
{
    return o.value(QLatin1String(key)).toString().trimmed();
}

// "name: text" as most timeline lines read.
inline QString nameColon(const QString& name, const QString& rest)
{
    return QStringLiteral("%1：%2").arg(name, rest);
}

inline bool isOneOf(CaseStatus s, std::initializer_list<CaseStatus> list)
{
    return std::find(list.begin(), list.end(), s) != list.end();
}

// 行政许可法 Art. 32: once the notice period has run out without a notice, the case counts as
// accepted from receipt; neither a notice nor an acceptance may follow. Empty when not so.
inline QString deemedAlready(const CaseState& s)
{
    return s.timeline.deemedAccepted
               ? QStringLiteral(
                     "告知期限已过，本件已依法自收件之日起视为受理（行政许可法 Art. 32）")
               : QString();
}

// 政府信息公开条例 Art. 32: the case waits for a consulted third party's opinion.
inline bool thirdPartyRunning(const CaseState& s)
{
    return s.status == CaseStatus::Suspended &&
           s.suspensionKind == keyOf(kSuspensionKinds, SuspensionKind::ThirdParty);
}

const Material* findMaterial(const ServiceItem& item, const QString& code);
MaterialCheck* materialOf(CaseState& s, const QString& code);
// Materials that must be put right before acceptance: short ones that are not optional.
QList<const MaterialCheck*> shortMaterials(const CaseState& s, const ServiceItem& item);
// The deadline of the case's clock of `kind` as of `asOf`, if it has one.
std::optional<QDate> clockDeadline(const CaseState& s, const FoldContext& ctx, ClockKind kind,
                                   const QDate& asOf);

// The groups of descriptions, in the order actions are offered.
std::span<const EventSpec> receiptEvents();    // ReceiptEvents.cpp: receipt, notice, correction
std::span<const EventSpec> acceptanceEvents(); // AcceptanceEvents.cpp: acceptance or its end
std::span<const EventSpec> processingEvents(); // ProcessingEvents.cpp: to the decision, delivery
std::span<const EventSpec> disclosureEvents(); // DisclosureEvents.cpp: reply, fee (条例 Art. 36)
std::span<const EventSpec> oversightEvents();  // OversightEvents.cpp: supervision, rating, records
std::span<const EventSpec> matterEvents();     // MatterEvents.cpp: a case joined to a matter
std::span<const EventSpec> holdEvents();       // HoldEvents.cpp: 领办, its release and recall
std::span<const EventSpec> inquiryEvents();    // InquiryEvents.cpp: a question about the case
std::span<const EventSpec> recallEvents();     // RecallEvents.cpp: a void document's recall closed

} // namespace onewindow::core::events
