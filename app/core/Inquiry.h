#pragma once

#include "core/Error.h"

#include <QDate>
#include <QDateTime>
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

} // namespace onewindow::core
