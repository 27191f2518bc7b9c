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
    // The numbers of the matters with a part not finished (those not done), in number order
    // (the intake day leads): the board's.
    Result<QStringList> openMatterNumbers() const;
    // The numbers of the matters received or finished in [from, to] (and a few more that only
    // touch it: the figures decide), in number order.
    Result<QStringList> matterNumbersTouching(const QDate& from, const QDate& to) const;

private:
    Store& m_store;
};

// The statements behind openMatterNumbers() and matterNumbersTouching() (from and to bound four
// times), open for the query-plan tests: both read the matter parts' partial indexes (0022).
QString openMattersSql();
QString mattersTouchingSql();

} // namespace onewindow::store
