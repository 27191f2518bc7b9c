#pragma once

#include "core/CaseClocks.h"
#include "core/Error.h"

#include <QDialog>

#include <memory>
#include <vector>

namespace Ui {
class ClockExplanationDialog;
}

namespace onewindow::ui {

class ExplanationModel;

// The deadline explained (F4 in the case view): pick one of the case's clocks and see every day
// from the day after its start to its deadline, counted or skipped and why, with the totals. An
// applicant who asks "why is it due then?" gets the answer day by day.
class ClockExplanationDialog : public QDialog
{
    Q_OBJECT
public:
    // The explanations are computed here, once, so the dialog holds no reference to the calendar.
    ClockExplanationDialog(const core::WorkingCalendar& calendar, QList<core::CaseClock> clocks,
                           int initial, QWidget* parent = nullptr);
    ~ClockExplanationDialog() override;

    // The clock the clerk is likely asked about: the running one due first, else the first.
    static int likelyClock(const QList<core::CaseClock>& clocks);

    void showClock(int index);
    int currentClock() const;
    ExplanationModel* model() const { return m_model; }
    QString totalsText() const;
    QString detailText() const;

private:
    std::unique_ptr<Ui::ClockExplanationDialog> m_ui;
    QList<core::CaseClock> m_clocks;
    std::vector<core::Result<QList<core::ExplainedDay>>> m_days; // per clock
    ExplanationModel* m_model;
};

} // namespace onewindow::ui
