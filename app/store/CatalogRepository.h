#pragma once

#include "core/Catalog.h"
#include "core/CatalogSearch.h"
#include "core/Matter.h"
#include "store/Store.h"

#include <QList>

namespace onewindow::store {

struct CatalogImportSummary
{
    int added = 0;     // new items (version 1)
    int changed = 0;   // items that got a new version
    int unchanged = 0; // identical to their current version: no new version
    // The same for the file's matters (一件事, issue 20).
    int mattersAdded = 0;
    int mattersChanged = 0;
    int mattersUnchanged = 0;
};

// The service catalog: immutable item versions and the current version of each item.
class CatalogRepository
{
public:
    explicit CatalogRepository(Store& store) : m_store(store) {}

    // Stores each item as a new version where it differs from its current one, all in one
    // transaction. Items must have passed core::validateItem(); they are checked again here.
    Result<CatalogImportSummary> importItems(const QList<core::ServiceItem>& items,
                                             const QString& note);
    // A catalog file's items and matters in one transaction, all or nothing: the matters are
    // checked against the catalog as it will be (MatterRepository.cpp).
    Result<CatalogImportSummary> importCatalog(const QList<core::ServiceItem>& items,
                                               const QList<core::Matter>& matters,
                                               const QString& note);
    // The editor's save: a new version of one item (or the current one when nothing changed).
    Result<int> saveItem(const core::ServiceItem& item, const QString& note);

    Result<QList<core::CatalogEntry>> entries() const; // current versions, for search and lists
    Result<QList<core::ItemVersion>> currentItems() const;
    Result<core::ItemVersion> currentItem(const QString& code) const;
    Result<core::ItemVersion> itemVersion(const QString& code, int version) const;
    Result<QList<core::ItemVersion>> history(const QString& code) const; // oldest first
    Result<int> itemCount() const;

private:
    Result<CatalogImportSummary> storeItems(const QList<core::ServiceItem>& items,
                                            const QString& note);
    // The writes of storeItems(), inside the caller's transaction.
    Status writeItems(const QList<core::ServiceItem>& items, const QString& note,
                      CatalogImportSummary& summary);

    Store& m_store;
};

} // namespace onewindow::store
