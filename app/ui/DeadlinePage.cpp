#include "ui/DeadlinePage.h"

#include "ui_DeadlinePage.h"

#include "core/DateText.h"
#include "ui/ExplanationModel.h"
#include "ui/UiText.h"

#include <QHeaderView>

namespace onewindow::ui {

DeadlinePage::DeadlinePage(const core::WorkingCalendar* calendar, QDate today, QWidget* parent)
    : QWidget(parent), m_ui(std::make_unique<Ui::DeadlinePage>()), m_calendar(calendar),
      m_model(new ExplanationModel(this))
{
    m_ui->setupUi(this);
    m_ui->explanationView->setModel(m_model);
    m_ui->explanationView->verticalHeader()->hide();
    m_ui->explanationView->horizontalHeader()->setStretchLastSection(true);
    QFont big = m_ui->resultLabel->font();
    big.setPointSizeF(big.pointSizeF() * 1.5);
    big.setBold(true);
    m_ui->resultLabel->setFont(big);
    m_ui->provisionalLabel->setStyleSheet(
        QStringLiteral("QLabel { background: %1; border: 1px solid #e0b252; padding: 6px; }")
            .arg(QLatin1String(colors::provisional)));
    m_today = today;
    m_ui->fromEdit->setDate(today);

    connect(m_ui->fromEdit, &QDateEdit::dateChanged, this, &DeadlinePage::recompute);
    connect(m_ui->daysSpin, &QSpinBox::valueChanged, this, &DeadlinePage::recompute);
    recompute();
}

DeadlinePage::~DeadlinePage() = default;

void DeadlinePage::setCalendar(const core::WorkingCalendar* calendar)
{
    m_calendar = calendar;
    recompute();
}

void DeadlinePage::setQuery(const QDate& from, int days)
{
    const QSignalBlocker blockDate(m_ui->fromEdit);
    const QSignalBlocker blockDays(m_ui->daysSpin);
    m_ui->fromEdit->setDate(from);
    m_ui->daysSpin->setValue(days);
    recompute();
}

void DeadlinePage::setToday(const QDate& today)
{
    if (!today.isValid() || today == m_today)
        return;
    const bool onDefault = m_ui->fromEdit->date() == m_today;
    m_today = today;
    if (onDefault)
        m_ui->fromEdit->setDate(today); // recomputes
}

QDate DeadlinePage::from() const
{
    return m_ui->fromEdit->date();
}

QString DeadlinePage::resultText() const
{
    return m_ui->resultLabel->text();
}

QString DeadlinePage::provisionalText() const
{
    return m_ui->provisionalLabel->isVisibleTo(this) ? m_ui->provisionalLabel->text() : QString();
}

void DeadlinePage::recompute()
{
    if (!m_calendar)
        return;
    const QDate from = m_ui->fromEdit->date();
    const int n = m_ui->daysSpin->value();
    auto answer = m_calendar->nthWorkingDayAfter(from, n);
    if (!answer) {
        m_ui->resultLabel->setText(answer.error().message);
        m_ui->provisionalLabel->hide();
        m_ui->summaryLabel->clear();
        m_model->setDays({});
        return;
    }
    m_ui->resultLabel->setText(
        tr("%1 (%2)").arg(core::chineseDate(answer->date), core::weekdayName(answer->date)));
    m_ui->provisionalLabel->setVisible(answer->provisional);
    m_ui->provisionalLabel->setText(
        tr("Provisional: the count reaches a year whose State Council holiday notice has not been "
           "imported; its statutory holidays were predicted and no make-up working day is known "
           "yet."));
    auto days = m_calendar->explain(from, n);
    m_model->setDays(days ? *days : QList<core::ExplainedDay>());
    m_ui->summaryLabel->setText(
        tr("Counting starts the day after %1: %2 working days counted, %3 days skipped.")
            .arg(core::chineseDate(from))
            .arg(n)
            .arg(m_model->skippedCount()));
    m_ui->explanationView->resizeColumnsToContents();
}

} // namespace onewindow::ui
