#include "ui/ClockExplanationDialog.h"

#include "ui_ClockExplanationDialog.h"

#include "core/DateText.h"
#include "ui/ExplanationModel.h"
#include "ui/UiText.h"

#include <QHeaderView>
#include <QPushButton>

#include <algorithm>

namespace onewindow::ui {

ClockExplanationDialog::ClockExplanationDialog(const core::WorkingCalendar& calendar,
                                               QList<core::CaseClock> clocks, int initial,
                                               QWidget* parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::ClockExplanationDialog>()),
      m_clocks(std::move(clocks)), m_model(new ExplanationModel(this))
{
    m_ui->setupUi(this);
    m_ui->explanationView->setModel(m_model);
    m_ui->explanationView->verticalHeader()->hide();
    m_ui->explanationView->horizontalHeader()->setStretchLastSection(true);
    QFont bold = m_ui->totalsLabel->font();
    bold.setBold(true);
    m_ui->totalsLabel->setFont(bold);
    m_ui->provisionalLabel->setStyleSheet(
        QStringLiteral("QLabel { background: %1; border: 1px solid #e0b252; padding: 6px; }")
            .arg(QLatin1String(colors::provisional)));
    for (const core::CaseClock& c : m_clocks) {
        m_days.push_back(core::explainClock(calendar, c.clock));
        m_ui->clockCombo->addItem(
            tr("%1 (deadline %2)")
                .arg(core::clockKindName(c.kind), core::chineseDate(c.clock.deadline)));
    }
    connect(m_ui->clockCombo, &QComboBox::currentIndexChanged, this,
            &ClockExplanationDialog::showClock);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    showClock(initial >= 0 && initial < m_clocks.size() ? initial : 0);
    m_ui->clockCombo->setFocus();
}

ClockExplanationDialog::~ClockExplanationDialog() = default;

int ClockExplanationDialog::likelyClock(const QList<core::CaseClock>& clocks)
{
    int best = -1;
    for (int i = 0; i < clocks.size(); ++i) {
        const core::ClockResult& r = clocks[i].clock;
        if (!r.stopped && (best < 0 || r.deadline < clocks[best].clock.deadline))
            best = i;
    }
    return std::max(best, 0);
}

int ClockExplanationDialog::currentClock() const
{
    return m_ui->clockCombo->currentIndex();
}

QString ClockExplanationDialog::totalsText() const
{
    return m_ui->totalsLabel->text();
}

QString ClockExplanationDialog::detailText() const
{
    return m_ui->detailLabel->text();
}

void ClockExplanationDialog::showClock(int index)
{
    if (index < 0 || index >= m_clocks.size()) {
        m_model->setDays({});
        m_ui->totalsLabel->setText(tr("This case has no clock running yet."));
        m_ui->detailLabel->clear();
        m_ui->provisionalLabel->hide();
        return;
    }
    if (m_ui->clockCombo->currentIndex() != index) {
        const QSignalBlocker block(m_ui->clockCombo);
        m_ui->clockCombo->setCurrentIndex(index);
    }
    const core::ClockResult& r = m_clocks[index].clock;
    const auto& days = m_days[static_cast<std::size_t>(index)];
    m_ui->provisionalLabel->setVisible(r.provisional);
    if (!days) {
        m_model->setDays({});
        m_ui->totalsLabel->setText(days.error().message);
        m_ui->detailLabel->clear();
        return;
    }
    m_model->setDays(*days, r.unit);
    const bool calendarDays = r.unit == core::DayUnit::CalendarDays;
    m_ui->totalsLabel->setText(
        (calendarDays ? tr("Counted %1 calendar days (日), skipped %2 days; deadline %3 (%4).")
                      : tr("Counted %1 working days, skipped %2 days; deadline %3 (%4)."))
            .arg(m_model->countedCount())
            .arg(m_model->skippedCount())
            .arg(core::chineseDate(r.deadline), core::weekdayName(r.deadline)));
    QString detail =
        days->isEmpty()
            ? tr("Due the day the clock starts, %1: no day is counted.")
                  .arg(core::chineseDate(r.trigger))
            : tr("Counting starts the day after %1: a limit of %2 working days, an extension of "
                 "%3, and %4 suspended working days not counted.")
                  .arg(core::chineseDate(r.trigger))
                  .arg(r.limit)
                  .arg(r.extension)
                  .arg(m_model->suspendedCount());
    if (calendarDays && !days->isEmpty())
        detail = tr("Counting starts the day after %1: a limit of %2 calendar days (日), every "
                    "day counted, weekends and holidays included; an extension of %3, and %4 "
                    "suspended days not counted.")
                     .arg(core::chineseDate(r.trigger))
                     .arg(r.limit)
                     .arg(r.extension)
                     .arg(m_model->suspendedCount());
    const auto lastDay = std::find_if(days->begin(), days->end(), [&](const core::ExplainedDay& e) {
        return e.day.date == r.periodEnd;
    });
    if (calendarDays && r.periodEnd != r.deadline && lastDay != days->end())
        detail += tr(" The period's last day, %1, is a day off (%2), so it ends on the next "
                     "working day, %3 (民法典 Art. 203).")
                      .arg(core::chineseDate(r.periodEnd), lastDay->day.reason(),
                           core::chineseDate(r.deadline));
    if (r.stopped)
        detail += tr(" Done on %1.").arg(core::chineseDate(*r.stopped));
    m_ui->detailLabel->setText(detail);
    m_ui->explanationView->resizeColumnsToContents();
}

} // namespace onewindow::ui
