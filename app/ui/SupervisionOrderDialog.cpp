#include "ui/SupervisionOrderDialog.h"

#include "core/CasePayloads.h"
#include "core/DateText.h"
#include "store/CaseStore.h"

#include "ui_SupervisionOrderDialog.h"

#include <QPushButton>

#include <algorithm>

namespace onewindow::ui {

SupervisionOrderDialog::SupervisionOrderDialog(store::CaseStore& cases,
                                               const store::User& supervisor, const QString& caseId,
                                               const QDate& today, const QList<store::User>& clerks,
                                               const QStringList& windows, QWidget* parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::SupervisionOrderDialog>()), m_cases(cases),
      m_supervisor(supervisor), m_caseId(caseId), m_today(today)
{
    m_ui->setupUi(this);
    m_ui->problemLabel->setStyleSheet(QStringLiteral("QLabel { color: #a40000; }"));
    m_ui->problemLabel->hide();
    m_ui->clerkCombo->addItem(tr("(not named)"), QString());
    for (const store::User& u : clerks)
        m_ui->clerkCombo->addItem(u.windowCode.isEmpty()
                                      ? u.displayName
                                      : tr("%1 (window %2)").arg(u.displayName, u.windowCode),
                                  u.userId);
    m_ui->windowCombo->addItem(tr("(not named)"), QString());
    for (const QString& w : windows)
        m_ui->windowCombo->addItem(w, w);
    m_ui->dueEdit->setMinimumDate(today);
    m_ui->dueEdit->setDate(today.addDays(3));
    connect(m_ui->dueCheck, &QCheckBox::toggled, m_ui->dueEdit, &QWidget::setEnabled);

    if (auto state = cases.state(caseId)) {
        // The case's own clerk is the default addressee.
        const int at = m_ui->clerkCombo->findData(state->receivedBy);
        m_ui->clerkCombo->setCurrentIndex(at > 0 ? at : 0);
        m_ui->caseLabel->setText(tr("<b>%1</b> · %2 · %3")
                                     .arg(state->caseNumber.toHtmlEscaped(),
                                          core::caseStatusName(state->status),
                                          state->applicant.name.toHtmlEscaped()));
        setWindowTitle(tr("Supervision order: %1").arg(state->caseNumber));
    } else {
        m_ui->caseLabel->setText(state.error().message.toHtmlEscaped());
        m_ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(false);
    }
    m_ui->noteEdit->setFocus();
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, [this] { submit(); });
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

SupervisionOrderDialog::~SupervisionOrderDialog() = default;

void SupervisionOrderDialog::setOrder(const QString& clerkId, const QString& windowCode,
                                      const QString& note, const std::optional<QDate>& due)
{
    m_ui->clerkCombo->setCurrentIndex(std::max(0, m_ui->clerkCombo->findData(clerkId)));
    m_ui->windowCombo->setCurrentIndex(std::max(0, m_ui->windowCombo->findData(windowCode)));
    m_ui->noteEdit->setPlainText(note);
    m_ui->dueCheck->setChecked(due.has_value());
    if (due) {
        // A date before today is kept as typed so that it is refused with a reason, not clamped.
        m_ui->dueEdit->setMinimumDate(std::min(*due, m_today));
        m_ui->dueEdit->setDate(*due);
    }
}

QString SupervisionOrderDialog::problem() const
{
    return m_ui->problemLabel->isVisibleTo(this) ? m_ui->problemLabel->text() : QString();
}

bool SupervisionOrderDialog::printAfter() const
{
    return m_ui->printCheck->isChecked();
}

core::Status SupervisionOrderDialog::submit()
{
    const QString clerk = m_ui->clerkCombo->currentData().toString();
    const QString window = m_ui->windowCombo->currentData().toString();
    const QString note = m_ui->noteEdit->toPlainText().trimmed();
    const std::optional<QDate> due =
        m_ui->dueCheck->isChecked() ? std::optional<QDate>(m_ui->dueEdit->date()) : std::nullopt;
    auto refuse = [this](QWidget* field, const QString& message) -> core::Status {
        m_ui->problemLabel->setText(message);
        m_ui->problemLabel->show();
        field->setFocus();
        return core::Error{QStringLiteral("supervision.input"), message};
    };
    if (clerk.isEmpty() && window.isEmpty())
        return refuse(m_ui->clerkCombo, tr("Name the clerk or the window the order goes to."));
    if (note.isEmpty())
        return refuse(m_ui->noteEdit, tr("Write what is to be done."));
    if (due && *due < m_today)
        return refuse(
            m_ui->dueEdit,
            tr("The due date cannot be before today (%1).").arg(core::chineseDate(m_today)));
    auto done =
        m_cases.append(m_caseId, core::EventType::Supervised,
                       core::payload::supervised(clerk, window, note, due), m_supervisor.userId);
    if (!done)
        return refuse(m_ui->noteEdit, done.error().message);
    m_ui->problemLabel->hide();
    accept();
    return {};
}

} // namespace onewindow::ui
