#pragma once

#include "store/Store.h"

#include <QDate>
#include <QStringList>

namespace onewindow::store {

// What the tray told a clerk on a day (table warning_notices), so a restart does not tell it again.
class WarningNoticeRepository
{
public:
    struct Told
    {
        QDate day; // invalid: nothing kept
        QStringList keys;
    };

    explicit WarningNoticeRepository(Store& store) : m_store(store) {}

    Result<Told> load(const QString& clerkId) const;
    Status save(const QString& clerkId, const QDate& day, const QStringList& keys);

private:
    Store& m_store;
};

} // namespace onewindow::store
