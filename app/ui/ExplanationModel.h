#pragma once

#include "core/DayUnit.h"
#include "core/WorkingCalendar.h"

#include <QAbstractTableModel>
#include <QList>

namespace onewindow::ui {

// The days of a deadline count, one row each: date, weekday, counted as which working day or
// skipped, and why (weekend, the holiday's name, make-up working day; for a case's clock also the
// suspended working days and the days its extension added).
class ExplanationModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        DateColumn,
        WeekdayColumn,
        CountColumn,
        ReasonColumn,
        ColumnCount,
    };
    using QAbstractTableModel::QAbstractTableModel;

    // `unit`: how the clock counted (calendar-day clocks count every day, weekends included).
    void setDays(QList<core::ExplainedDay> days, core::DayUnit unit = core::DayUnit::WorkingDays);
    const QList<core::ExplainedDay>& days() const { return m_days; }
    int countedCount() const;
    int skippedCount() const;
    int suspendedCount() const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QList<core::ExplainedDay> m_days;
    core::DayUnit m_unit = core::DayUnit::WorkingDays;
};

} // namespace onewindow::ui
