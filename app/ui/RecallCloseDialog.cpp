#include "ui/RecallCloseDialog.h"

#include "core/DocumentKind.h"
#include "store/RecallClosings.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace onewindow::ui {

RecallCloseDialog::RecallCloseDialog(store::CaseStore& cases, const store::User& supervisor,
                                     const QString& caseId, const QString& caseNumber,
                                     const QString& kind, const QString& number, QWidget* parent)
    : QDialog(parent), m_cases(cases), m_supervisor(supervisor), m_caseId(caseId), m_kind(kind),
      m_number(number), m_outcome(new QComboBox(this)), m_note(new QLineEdit(this)),
      m_problem(new QLabel(this))
{
    setObjectName(QStringLiteral("recallCloseDialog"));
    setWindowTitle(tr("Close the recall: %1").arg(number));
    const auto kindOf = core::documentKindFromKey(kind);
    auto* document = new QLabel(
        tr("<b>%1 %2</b><br>Case %3. The act it was printed under did not take effect, so the "
           "document is void and the paper handed out is to be recalled.")
            .arg((kindOf ? core::documentKindName(*kindOf) : kind).toHtmlEscaped(),
                 number.toHtmlEscaped(), caseNumber.toHtmlEscaped()),
        this);
    document->setWordWrap(true);
    for (const auto& row : core::kRecallOutcomes)
        m_outcome->addItem(QString::fromUtf16(row.name), static_cast<int>(row.value));
    m_outcome->setObjectName(QStringLiteral("recallOutcome"));
    m_note->setObjectName(QStringLiteral("recallNote"));
    m_note->setPlaceholderText(tr("Required when not recoverable: why, and what was done instead "
                                  "(e.g. the applicant refused; told in writing that it is void)"));
    m_problem->setObjectName(QStringLiteral("recallProblem"));
    m_problem->setStyleSheet(QStringLiteral("QLabel { color: #a40000; }"));
    m_problem->setWordWrap(true);
    m_problem->hide();
    auto* form = new QFormLayout;
    form->addRow(tr("&Outcome:"), m_outcome);
    form->addRow(tr("&Note:"), m_note);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Record"));
    // Enter records from any field, whichever order the style lays the buttons out in.
    buttons->button(QDialogButtonBox::Ok)->setDefault(true);
    buttons->button(QDialogButtonBox::Cancel)->setAutoDefault(false);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(document);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] { submit(); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_outcome->setFocus();
}

void RecallCloseDialog::setClosing(core::RecallOutcome outcome, const QString& note)
{
    m_outcome->setCurrentIndex(m_outcome->findData(static_cast<int>(outcome)));
    m_note->setText(note);
}

core::Status RecallCloseDialog::submit()
{
    core::RecallClosing closing;
    closing.kind = m_kind;
    closing.number = m_number;
    closing.outcome = static_cast<core::RecallOutcome>(m_outcome->currentData().toInt());
    closing.note = m_note->text();
    auto done = store::closeRecall(m_cases, m_caseId, closing, m_supervisor.userId);
    if (!done) {
        m_problem->setText(done.error().message);
        m_problem->show();
        if (done.error().code == QLatin1String("recall_closed.note"))
            m_note->setFocus();
        return done.error();
    }
    accept();
    return {};
}

QString RecallCloseDialog::problem() const
{
    return m_problem->isVisibleTo(this) ? m_problem->text() : QString();
}

} // namespace onewindow::ui
