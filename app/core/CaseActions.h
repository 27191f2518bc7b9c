#pragma once

#include "core/CaseFold.h"
#include "core/EventSpec.h"
#include "core/Users.h"

#include <QJsonObject>

namespace onewindow::core {

// The offered action named `name` (its key, case.decided, or the part after the dot, decided).
std::optional<EventType> offeredActionByName(const QString& name);
// The form's values as text (--FIELD VALUE) made into the form's values: a number field must be
// a whole number in its range, a choice one of its options; a text field left out starts as the
// form starts it. Refused with the field's label and what it takes.
Result<QJsonObject> formValuesFromText(EventType type, const QHash<QString, QString>& given,
                                       const CaseState& state);

} // namespace onewindow::core
