#pragma once

#include "core/CaseState.h"
#include "core/Error.h"

#include <QByteArray>
#include <QDate>
#include <QList>
#include <QString>

namespace onewindow::core {

// An intake at the window as far as the clerk got: kept so that a crash, a power cut or the idle
// lock loses nothing the applicant has already told. Plain data; the dialog fills and reads it.
struct IntakeDraft
{
    int step = 0; // IntakeDialog::Step reached (0 = the item)
    QString itemQuery;
    QString itemCode;
    QString itemName;
    Applicant applicant; // organisation: uscc; person: idNumber
    QString channel;     // channelKey(); empty: in person
    QDate confirmedOn;
    QList<MaterialCheck> materials; // state, problem and copies per material code
    QString decision;               // "accept", "notice", "refuse" or empty
    QString refuseKind;
    QString refuseReason;
    QString office;
    QString delivery;      // deliveryKey() of the applicant's choice; empty: not chosen yet
    QString postalAddress; // for 邮寄

    QByteArray toJson() const;
    // A draft damaged on disk (not JSON, wrong shape, unknown states) gives an error with a message
    // a clerk can act on, never a half-filled form.
    static Result<IntakeDraft> fromJson(const QByteArray& json);

    // "张三（110105********002X）· 食品经营许可" (ID masked): what the offer to continue shows.
    QString summary() const;

    friend bool operator==(const IntakeDraft&, const IntakeDraft&) = default;
};

} // namespace onewindow::core
