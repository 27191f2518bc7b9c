#pragma once

#include "core/Figures.h"
#include "store/CaseQueries.h"
#include "store/Store.h"

#include <QDate>

namespace onewindow::store {

struct FigureQuery
{
    QDate from;
    QDate to;
    core::PeriodKind kind = core::PeriodKind::Month;
    core::GroupBy groupBy = core::GroupBy::None;
    QDate asOf; // today, for "currently overdue"
};

// The supervisor's figures (core/Figures.h), counted from the projection in SQL (one GROUP BY per
// kind of day: received, accepted, refused, decided, rated), then collected into periods.
class StatsQueries
{
public:
    explicit StatsQueries(Store& store) : m_store(store) {}

    Result<core::FigureTable> figures(const FigureQuery& query) const;
    // Every open, unsuspended case past its earliest running deadline on `asOf`, whenever received.
    Result<qint64> overdueNow(const QDate& asOf) const;
    // Checks a query a person typed: dates valid, from <= to, at most ten years.
    static Status check(const FigureQuery& query);
    // True when a store from before migration 0008 still needs `store rebuild` for its figures.
    Result<bool> needsRebuild() const;

private:
    Store& m_store;
};

} // namespace onewindow::store
