#pragma once

#include "core/WorkingCalendar.h"

#include <QWidget>

class QLabel;
class QTableView;
class QToolButton;

namespace onewindow::ui {

class MonthModel;

// The working-day calendar month by month: days off with the holiday's name, make-up working days,
// and a banner when the year is provisional. PgUp/PgDn change the month, Ctrl+Home goes to today.
class CalendarPage : public QWidget
{
    Q_OBJECT
public:
    CalendarPage(const core::WorkingCalendar* calendar, QDate today, QWidget* parent = nullptr);

    void showMonth(int year, int month);
    void setCalendar(const core::WorkingCalendar* calendar);
    // The hall's day turned: today's highlight moves, and a page showing the old today's month
    // follows to the new one (one browsed elsewhere stays where it is).
    void setToday(const QDate& today);
    QDate today() const { return m_today; }
    int shownYear() const;
    int shownMonth() const;
    MonthModel* model() const { return m_model; }
    QString bannerText() const;

private:
    void step(int months);
    void refreshHeader();

    const core::WorkingCalendar* m_calendar;
    QDate m_today;
    MonthModel* m_model;
    QTableView* m_view;
    QLabel* m_title;
    QLabel* m_banner;
    QLabel* m_source;
};

} // namespace onewindow::ui
