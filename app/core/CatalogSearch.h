#pragma once

#include "core/Catalog.h"

#include <QList>
#include <QString>

namespace onewindow::core {

// What the catalog search needs of an item.
struct CatalogEntry
{
    QString code;
    QString name;
    QString department;
    QString office;
    ProcedureProfile profile = ProcedureProfile::Licence;
    int promisedDays = 0;
    int version = 0;
    QString initials; // pinyinInitials(name); filled by CatalogSearch when empty
};

CatalogEntry catalogEntry(const ServiceItem& item, int version);

// Search as clerks type: a name fragment (不动产), an implementation code or its prefix, or pinyin
// initials (bdc finds 不动产…). Several words separated by spaces must all match. Best matches
// first: the exact code, then names or initials that start with the query, then the rest.
class CatalogSearch
{
public:
    void setEntries(QList<CatalogEntry> entries);
    const QList<CatalogEntry>& entries() const { return m_entries; }

    // Indexes into entries(), best first, at most `limit`.
    QList<int> search(const QString& query, int limit = 200) const;

private:
    QList<CatalogEntry> m_entries;
    QList<QString> m_lowerCodes;
};

} // namespace onewindow::core
