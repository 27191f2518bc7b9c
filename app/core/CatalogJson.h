#pragma once

#include "core/Catalog.h"
#include "core/Error.h"
#include "core/Matter.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>

namespace onewindow::core {

// The catalog file format (resources/catalog/FORMAT.md): "onewindow-catalog", format version 1.
struct CatalogParse
{
    QList<ServiceItem> items;
    QList<Matter> matters; // 一件事 (optional "matters" array), naming items of the same file
    QList<Error> errors;   // every problem; nothing may be imported unless empty
    bool ok() const { return errors.isEmpty(); }
};

// Parses and validates a whole catalog file: types, enums, unknown fields, then validateItem()
// for each item, and codes unique across the file; then validateMatter() for each matter and
// checkMatterReferences() against the file's items.
CatalogParse parseCatalog(const QByteArray& json, const QString& source);
// The file of `items` and `matters` ("matters" written only when there are any).
QByteArray catalogToJson(const QList<ServiceItem>& items, const QList<Matter>& matters = {});

// One item as the format's JSON object (also the stored payload of an item version).
QJsonObject itemToJson(const ServiceItem& item);
// Reads one item; type problems are appended to `errors` (validateItem() is not run).
ServiceItem itemFromJson(const QJsonObject& object, QList<Error>& errors);

} // namespace onewindow::core
