#pragma once

#include "core/Error.h"

#include <QJsonObject>
#include <QStringList>

namespace onewindow::core {

// The hall's back offices (移交后台): the departments a case may be forwarded to, one list per
// hall, authored by the server (decision 8, record `hall.back_offices`, docs/sync-protocol.md).
// A back-office workstation's queue shows the cases whose latest forwarding names its department
// exactly, so a forwarding must name one of these, never free text a typo sends to nobody.

// The record's body, `{"departments": [NAME, ...]}`, in the order the hall listed them.
QJsonObject backOfficesToJson(const QStringList& departments);
// The names of a body; a body that is not that shape (a name empty or repeated, a non-string)
// is an error saying what is wrong, nothing taken.
Result<QStringList> backOfficesFromJson(const QJsonObject& body);

// A department's name as the server takes it (`backoffice add`, `enrol --department`): 1–100
// characters after trimming, no line breaks or control characters.
Status checkDepartmentName(const QString& name);

// A forwarding at an enrolled window: `to` must be one of the hall's back offices, exactly.
// Refused with the list of the known ones, or, the list empty, with who can fill it.
Status checkForwardTo(const QString& to, const QStringList& known);

} // namespace onewindow::core
