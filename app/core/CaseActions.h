#pragma once

#include "core/CaseFold.h"
#include "core/EventSpec.h"
#include "core/Users.h"

#include <QJsonObject>

namespace onewindow::core {

// An action a person takes on a case as the window offers it (the case view's buttons and
// `onewindowctl case act`): one path, one set of checks.

// Approving or refusing an extension and giving a supervision order are a supervisor's (or an
// administrator's): a clerk is not offered them.
bool supervisorOnly(EventType type);
// The offered action named `name` (its key, case.decided, or the part after the dot, decided).
std::optional<EventType> offeredActionByName(const QString& name);
// The form's values as text (--FIELD VALUE) made into the form's values: a number field must be
// a whole number in its range, a choice one of its options; a text field left out starts as the
// form starts it. Refused with the field's label and what it takes.
Result<QJsonObject> formValuesFromText(EventType type, const QHash<QString, QString>& given,
                                       const CaseState& state);

} // namespace onewindow::core
