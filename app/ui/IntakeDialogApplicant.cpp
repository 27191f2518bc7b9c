// IntakeDialog: the applicant checked as the clerk types (normalised, bounded, each problem said
// beside its field), and the problem labels of the pages.
#include "ui/IntakeDialog.h"

#include "ui_IntakeDialog.h"

#include "core/Identifiers.h"
#include "store/CaseQueries.h"

#include <QFormLayout>
#include <QLabel>

namespace onewindow::ui {

namespace {

QLabel* problemLabel(QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("color: #b00020;"));
    return label;
}

} // namespace

void IntakeDialog::addProblemLabels()
{
    m_itemProblem = problemLabel(this);
    m_ui->itemLayout->insertWidget(2, m_itemProblem);
    m_nameProblem = problemLabel(this);
    int row = 0;
    QFormLayout::ItemRole role{};
    m_ui->applicantForm->getWidgetPosition(m_ui->nameEdit, &row, &role);
    m_ui->applicantForm->insertRow(row + 1, QString(), m_nameProblem);
    m_sameIdWarning = problemLabel(this);
    m_sameIdWarning->setStyleSheet(QStringLiteral("color: #8a5a00;"));
    m_ui->applicantForm->getWidgetPosition(m_ui->idProblem, &row, &role);
    m_ui->applicantForm->insertRow(row + 1, QString(), m_sameIdWarning);
    m_materialsProblem = problemLabel(this);
    m_ui->materialsLayout->addWidget(m_materialsProblem);
}

bool IntakeDialog::validateApplicant()
{
    const bool person = m_ui->personRadio->isChecked();
    const QString id = core::normalizeCode(m_ui->idEdit->text());
    const core::Status idCheck = person ? core::checkCitizenId(id, m_today) : core::checkUscc(id);
    m_ui->idProblem->setText(idCheck ? QString() : idCheck.error().message);
    const QString phone = core::normalizeCode(m_ui->phoneEdit->text());
    const core::Status phoneCheck = phone.isEmpty() ? core::Status() : core::checkMobile(phone);
    m_ui->phoneProblem->setText(phoneCheck ? QString() : phoneCheck.error().message);
    const QString agentId = core::normalizeCode(m_ui->agentIdEdit->text());
    const core::Status agentCheck =
        agentId.isEmpty() ? core::Status() : core::checkCitizenId(agentId, m_today);
    const QString agentName = core::normalizeName(m_ui->agentNameEdit->text());
    const core::Status agentNameCheck =
        agentName.isEmpty() ? core::Status() : core::checkName(agentName, core::NameField::Agent);
    m_ui->agentProblem->setText(!agentNameCheck ? agentNameCheck.error().message
                                : agentCheck    ? QString()
                                                : agentCheck.error().message);
    const QString name = core::normalizeName(m_ui->nameEdit->text());
    const core::Status nameCheck =
        core::checkName(name, person ? core::NameField::Applicant : core::NameField::Organisation);
    const QString legalRep = core::normalizeName(m_ui->legalRepEdit->text());
    const core::Status legalRepCheck =
        person || legalRep.isEmpty()
            ? core::Status()
            : core::checkName(legalRep, core::NameField::LegalRepresentative);
    m_nameProblem->setText(nameCheck ? QString() : nameCheck.error().message);
    m_problems.clear();
    for (const core::Status* s :
         {&nameCheck, &idCheck, &phoneCheck, &agentNameCheck, &agentCheck, &legalRepCheck})
        if (!*s)
            m_problems.append(s->error().message);
    // The same number under another name in an earlier case is pointed out (a typo in either);
    // the clerk decides, it does not block.
    m_sameIdWarning->clear();
    if (idCheck && !name.isEmpty()) {
        auto earlier = store::CaseQueries(m_store).byIdNumber(id, 1);
        if (earlier && !earlier->isEmpty() && earlier->first().applicantName != name)
            m_sameIdWarning->setText(
                tr("Case %1 has this number under the name %2, not %3: check the ID card.")
                    .arg(earlier->first().caseNumber, earlier->first().applicantName, name));
    }
    return m_problems.isEmpty();
}

void IntakeDialog::offerHistory()
{
    auto earlier =
        store::CaseQueries(m_store).byIdNumber(core::normalizeCode(m_ui->idEdit->text()), 1);
    const bool found = earlier && !earlier->isEmpty();
    m_ui->historyButton->setVisible(found);
    if (found)
        m_ui->historyButton->setText(
            tr("Copy from an &earlier case (%1, %2)")
                .arg(earlier->first().applicantName, earlier->first().caseNumber));
}

} // namespace onewindow::ui
