#pragma once

#include "core/WorkingCalendar.h"

#include <QAbstractTableModel>
#include <QDate>

namespace onewindow::ui {

// One month as a 6 x 7 grid (Monday first), each cell a day with its kind in the working-day
// calendar: days off with the holiday's name, make-up working days, weekends, provisional years.
class MonthModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Role
    {
        DateRole = Qt::UserRole + 1,
        KindRole,        // core::DayKind as int
        InMonthRole,     // bool: the cell belongs to the shown month
        ProvisionalRole, // bool
        TodayRole,       // bool: the hall's today, shown in bold
    };

    explicit MonthModel(const core::WorkingCalendar* calendar, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    void setMonth(int year, int month);
    void setCalendar(const core::WorkingCalendar* calendar);
    // The hall's today (shown in bold); the day changes at the hall's midnight.
    void setToday(const QDate& today);
    QDate today() const { return m_today; }
    int year() const { return m_first.year(); }
    int month() const { return m_first.month(); }
    QDate dateAt(const QModelIndex& index) const;
    QModelIndex indexOf(const QDate& date) const;

private:
    const core::WorkingCalendar* m_calendar;
    QDate m_first;     // first day of the shown month
    QDate m_gridStart; // the Monday on or before it
    QDate m_today;
};

} // namespace onewindow::ui
