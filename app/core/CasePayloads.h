#pragma once

#include "core/CaseState.h"
#include "core/Catalog.h"

#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>
#include <utility>

namespace onewindow::core {

// What a clerk enters at intake (the received event's payload).
struct ReceivedInput
{
    QString caseNumber;
    QString queryCode;
    QString itemCode;
    int itemVersion = 0;
    Channel channel = Channel::InPerson;
    QDate receiptDate;
    QString windowCode;
    Applicant applicant;
    QList<MaterialCheck> materials;
};

// Payload builders: the one place the JSON of each event type is written (the fold reads it).
namespace payload {
QJsonObject received(const ReceivedInput& in);
QJsonObject notice(const QList<Correction>& corrections, int correctionDays, bool repeat = false,
                   const QString& repeatReason = {}, const QString& approvedBy = {});
QJsonObject corrected(const QList<MaterialCheck>& materials);
QJsonObject accepted(const QList<std::pair<QString, QDate>>& deferred = {},
                     const QStringList& commitments = {});
QJsonObject refused(const QString& reasonKind, const QString& reason,
                    const QString& competentOffice = {});
QJsonObject withdrawn(const QString& reason);
QJsonObject suspended(const QString& reasonKind, const QString& reason,
                      std::optional<QDate> expectedEnd = {});
QJsonObject extensionRequested(const QString& clock, int days, const QString& reason);
QJsonObject extensionRefused(const QString& reason);
QJsonObject forwarded(const QString& to, const QString& note = {});
QJsonObject decided(const QString& outcome, const QString& decisionNumber = {});
QJsonObject delivered(const QString& method, const QString& signer = {},
                      const QString& carrier = {}, const QString& trackingNumber = {});
// `order`: which of the case's orders is answered (1, 2 ...), so an answer that meets a newer
// order in another window's log does not close that one.
QJsonObject supervisionAnswered(const QString& reply, int order);
QJsonObject supervised(const QString& toClerk, const QString& toWindow, const QString& note,
                       std::optional<QDate> due);
QJsonObject note(const QString& text);
QJsonObject rated(int level, const QString& comment = {});
QJsonObject followedUp(const QString& result);
// `source`: the event the document was written from (see DocumentKind.h); a reprint names the
// same source and number.
QJsonObject documentPrinted(const QString& kind, const QString& number, int copies, bool reprint,
                            const QString& source = {});
} // namespace payload

// The checklist of an item's materials for intake, every one provided.
QList<MaterialCheck> checklistFor(const ServiceItem& item);
// The one-time notice a case needs now: every short material (missing or defective, not optional)
// with what is wrong and what would satisfy it, ready for the clerk to edit.
QList<Correction> correctionsFor(const CaseState& state, const ServiceItem& item);

// The five levels of 好差评.
QString ratingName(int level); // 5 非常满意 … 1 非常不满意

} // namespace onewindow::core
