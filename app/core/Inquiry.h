#pragma once

#include "core/Error.h"

#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace onewindow::core {

// A question asked at the window under first-inquiry duty (首问负责): the first person asked
// answers it or refers the asker to whoever can, and it is logged even though no case is opened.
struct Inquiry
{
    QString inquiryId;
    QDateTime askedAtUtc;
    QDate askedOn; // civil date in the hall
    QString clerkId;
    QString windowCode;
    QString person;   // who asked: a name or a description
    QString phone;    // optional
    QString itemCode; // empty when not about a catalog item
    QString itemName; // the catalog item's name, or what the asker named in their own words
    QString question;
    QString answer;
    QString referredTo;     // department, window or person; may be empty when answered
    QDateTime amendedAtUtc; // the latest correction, if any, and by whom
    QString amendedBy;
    // The case asked about ("我的件办到哪了"), if any: the inquiry is then also the case's event
    // case.inquired (咨询), written in the same transaction. Empty: not about a case.
    QString caseId;
    QString caseNumber;

    friend bool operator==(const Inquiry&, const Inquiry&) = default;
};

// One problem of an inquiry form, tied to its field so the form can show it inline.
struct InquiryProblem
{
    enum Field
    {
        Person,
        Phone,
        Question,
        Answer, // an answer or a referral is missing
    };
    Field field;
    Error error;
};

// First-inquiry duty means the asker leaves with an answer or with someone to go to: the person,
// the question and an answer or a referral are needed; a phone, when given, must be a mobile or a
// landline number.
QList<InquiryProblem> checkInquiry(const Inquiry& inquiry);

// An inquiry about a case as the case's event (case.inquired, 咨询; decision 1: mergeable, so it
// never conflicts with the case's work): the inquiry's id, who asked, the phone when given, the
// question, the answer and/or the referral, and the window. Empty optional fields are left out.
QJsonObject inquiredPayload(const Inquiry& inquiry);
// The payload's strict check, run when the event is appended (at the window and at the hall's
// server): only the keys above (and the audited import's importedFrom; a caseHead a device may name
// is no condition, decision 1: mergeable), each a string; the id and
// the window present; and first-inquiry duty as for the log itself (checkInquiry). The first
// problem, with its code.
Status checkInquiredPayload(const QJsonObject& payload);

// The clerk typed a case reference (case number or query code) that names no case here, or a
// query code that several cases share; and an inquiry already in a case's record, which the log
// no longer corrects (the case's event is immutable).
Error inquiryCaseUnknown(const QString& reference);
Error inquiryCaseAmbiguous(const QString& queryCode, int cases);
Error inquiryInCaseRecord(const QString& caseNumber);

} // namespace onewindow::core
