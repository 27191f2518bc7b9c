#pragma once

#include "core/Error.h"

#include <QChar>
#include <QDate>
#include <QString>
#include <QStringView>

namespace onewindow::core {

// Unified social credit code (GB 32100-2015): 18 characters from 0-9 and A-Y without I O Z S V;
// the 18th is a check character over the first 17.
inline constexpr QStringView kUsccAlphabet = u"0123456789ABCDEFGHJKLMNPQRTUWXY";
QChar usccCheckChar(QStringView first17); // a null QChar when the 17 are not valid characters
Status checkUscc(const QString& code);

// Citizen identity number (GB 11643-1999): 6-digit region, 8-digit birth date, 3-digit sequence
// (odd = male), check character. `today`, when valid, rejects birth dates in the future.
QChar citizenIdCheckChar(QStringView first17);
Status checkCitizenId(const QString& id, const QDate& today = QDate());
QDate citizenIdBirthDate(const QString& id);

// Mobile phone numbers: 11 digits, 1[3-9] then 9 digits; a wrong length is said with its count.
Status checkMobile(const QString& phone);

// What clerks paste into an ID, credit code or phone field: full-width digits and letters become
// ASCII, spaces, dashes and underscores are dropped, letters are capitalised
// ("１１０１０５ １９４９-１２３１ ００２ｘ" -> "11010519491231002X").
QString normalizeCode(const QString& text);
// A name as pasted: full-width to ASCII, white space runs to one space, trimmed.
QString normalizeName(const QString& text);

// Names have the room their printed place gives them (the notices' applicant line, the queue's
// column): a person 30 characters (long minority names with ·, transliterated foreign names), an
// organisation 60 (its registered name).
inline constexpr qsizetype kPersonNameMax = 30;
inline constexpr qsizetype kOrganisationNameMax = 60;
enum class NameField
{
    Applicant,
    Organisation,
    LegalRepresentative,
    Agent,
};
qsizetype nameLimit(NameField field);
// Empty, too long (with the count) or with control characters: refused with a message naming the
// field.
Status checkName(const QString& name, NameField field);

// Hall code: the 6-digit administrative division code of the hall's district, e.g. 620102.
Status checkHallCode(const QString& code);
// Window (device) code: a capital letter, then 1-5 capitals or digits, e.g. W07 (2-6 in all).
Status checkWindowCode(const QString& code);

// Lists and printed receipts show an ID number as its first 6 and last 4 characters.
QString maskIdNumber(const QString& id);
// Printed documents show a phone number the same way: the first 3 and the last 4 digits, the rest
// as * (13912345678 -> 139****5678, 0931-8463021 -> 093*-***3021); 7 digits or fewer as they are.
QString maskPhone(const QString& phone);

} // namespace onewindow::core
