#pragma once

#include "core/Error.h"
#include "core/Matter.h"

#include <QJsonObject>
#include <QList>

namespace onewindow::core {

// One matter as the catalog format's JSON object (resources/catalog/FORMAT.md "Matter"), also the
// stored payload of a matter version.
QJsonObject matterToJson(const Matter& matter);
// Reads one matter; type problems (a wrong type, an unknown or missing field) are appended to
// `errors` (validateMatter() is not run).
Matter matterFromJson(const QJsonObject& object, QList<Error>& errors);

} // namespace onewindow::core
