#pragma once

#include "core/WorkingCalendar.h"

#include <QWidget>

#include <memory>

namespace Ui {
class DeadlinePage;
}

namespace onewindow::ui {

class ExplanationModel;

// The deadline calculator: a start date and N working days give the N-th working day after the
// start (the start never counts), with every counted and skipped day listed and why.
class DeadlinePage : public QWidget
{
    Q_OBJECT
public:
    DeadlinePage(const core::WorkingCalendar* calendar, QDate today, QWidget* parent = nullptr);
    ~DeadlinePage() override;

    void setCalendar(const core::WorkingCalendar* calendar);
    void setQuery(const QDate& from, int days);
    // The hall's day turned: a 'from' date still on the old today (the default) moves on to the
    // new one; a date the clerk chose stays.
    void setToday(const QDate& today);
    QDate today() const { return m_today; }
    QDate from() const;
    QString resultText() const;
    QString provisionalText() const;
    ExplanationModel* model() const { return m_model; }

private:
    void recompute();

    std::unique_ptr<Ui::DeadlinePage> m_ui;
    const core::WorkingCalendar* m_calendar;
    ExplanationModel* m_model;
    QDate m_today;
};

} // namespace onewindow::ui
