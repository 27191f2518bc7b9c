#pragma once

#include "core/HolidayNotice.h"
#include "store/Store.h"

#include <QList>

namespace onewindow::store {

// Persists the State Council notices the working-day calendar is built from.
class CalendarRepository
{
public:
    explicit CalendarRepository(Store& store) : m_store(store) {}

    Result<QList<core::HolidayNotice>> loadNotices() const;

    // Replaces the stored notice of each given year, all in one transaction: either every notice is
    // stored or none is. Unpublished notices (no papers, no days) must be filtered out by the
    // caller.
    Status importNotices(const QList<core::HolidayNotice>& notices);
    // The same without its own transaction, for callers that import inside a larger one.
    Status writeNotices(const QList<core::HolidayNotice>& notices);

    // The official calendars shipped with the program (resources/calendars), for a new store. A
    // file that cannot be read or parsed is an error (a damaged installation), never skipped:
    // skipping it would leave its year provisional for good.
    static Result<QList<core::HolidayNotice>> shippedNotices();
    // Writes them without a transaction of its own (a new store seeds them in its migration's).
    Status writeShippedCalendars();

private:
    Store& m_store;
};

} // namespace onewindow::store
