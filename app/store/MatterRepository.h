#pragma once

#include "core/Matter.h"
#include "store/Store.h"

#include <QList>

namespace onewindow::store {

// A matter (一件事) as lists show it: its current version.
struct MatterEntry
{
    QString code;
    QString name;
    int promisedDays = 0;
    int version = 0;
    QString initials;
};

struct CatalogImportSummary;

// The catalog's matters (issue 20): immutable versions and the current one of each, beside the
// items (CatalogRepository). A case received as part of a matter names the version it used.
class MatterRepository
{
public:
    explicit MatterRepository(Store& store) : m_store(store) {}

    Result<QList<MatterEntry>> entries() const; // current versions, by name
    Result<QList<core::MatterVersion>> currentMatters() const;
    Result<core::MatterVersion> currentMatter(const QString& code) const;
    Result<core::MatterVersion> matterVersion(const QString& code, int version) const;
    Result<QList<core::MatterVersion>> history(const QString& code) const; // oldest first
    // Every current matter by code, for resolving sub-matters.
    Result<QHash<QString, core::Matter>> currentByCode() const;

    // Inside the caller's transaction, after the file's items were written: checks every matter
    // (validateMatter, and the references against the catalog as it now stands with every other
    // stored matter) and stores each one that differs from its current version.
    Status writeMatters(const QList<core::Matter>& matters, const QString& note,
                        CatalogImportSummary& summary);

    // The case ids of a matter's parts, in the order they became parts (received with it or
    // joined to it).
    Result<QStringList> partCaseIds(const QString& matterNumber) const;
    // Every matter's number this store holds parts of, in the order the matters were received.
    Result<QStringList> matterNumbers() const;

private:
    Store& m_store;
};

} // namespace onewindow::store
