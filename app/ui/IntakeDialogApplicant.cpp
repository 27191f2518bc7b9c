// IntakeDialog: the applicant checked as the clerk types (normalised, bounded, each problem said
// beside its field), and the problem labels of the pages.
#include "ui/IntakeDialog.h"

#include "ui_IntakeDialog.h"

#include "core/CasePayloads.h"
#include "core/Identifiers.h"
#include "store/CaseQueries.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>

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

// 结果送达方式 and, for 邮寄, the address: asked with the applicant, after the agent's fields and
// before "copy from an earlier case" in the Tab order.
void IntakeDialog::addDeliveryFields()
{
    m_deliveryCombo = new QComboBox(this);
    m_deliveryCombo->setObjectName(QStringLiteral("deliveryCombo"));
    m_postalEdit = new QLineEdit(this);
    m_postalEdit->setObjectName(QStringLiteral("postalEdit"));
    m_postalEdit->setMaxLength(core::kMaxPostalAddress + 40);
    m_postalEdit->setPlaceholderText(tr("Province, city, street, house number, postcode"));
    m_deliveryProblem = problemLabel(this);
    int row = 0;
    QFormLayout::ItemRole role{};
    m_ui->applicantForm->getWidgetPosition(m_ui->agentProblem, &row, &role);
    auto* deliveryLabel = new QLabel(tr("Result &delivery:"), this);
    deliveryLabel->setBuddy(m_deliveryCombo);
    auto* postalLabel = new QLabel(tr("Postal &address:"), this);
    postalLabel->setBuddy(m_postalEdit);
    m_ui->applicantForm->insertRow(row + 1, deliveryLabel, m_deliveryCombo);
    m_ui->applicantForm->insertRow(row + 2, postalLabel, m_postalEdit);
    m_ui->applicantForm->insertRow(row + 3, QString(), m_deliveryProblem);
    setTabOrder(m_ui->agentIdEdit, m_deliveryCombo);
    setTabOrder(m_deliveryCombo, m_postalEdit);
    setTabOrder(m_postalEdit, m_ui->historyButton);
    const auto showPostal = [this] {
        const bool post = m_deliveryCombo->currentData().toString() ==
                          core::deliveryKey(core::DeliveryOption::Post);
        m_ui->applicantForm->setRowVisible(m_postalEdit, post);
        if (!post)
            m_deliveryProblem->clear();
    };
    connect(m_deliveryCombo, &QComboBox::currentIndexChanged, this, showPostal);
    connect(m_postalEdit, &QLineEdit::textEdited, this, [this] { validateApplicant(); });
    showPostal();
}

// The item's delivery options, its first one chosen (the applicant says otherwise).
void IntakeDialog::fillDelivery()
{
    const QString was = m_deliveryCombo->currentData().toString();
    m_deliveryCombo->clear();
    for (core::DeliveryOption d : m_item.delivery)
        m_deliveryCombo->addItem(core::deliveryName(d), core::deliveryKey(d));
    m_deliveryCombo->setCurrentIndex(std::max(0, m_deliveryCombo->findData(was)));
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
    const bool post =
        m_deliveryCombo->currentData().toString() == core::deliveryKey(core::DeliveryOption::Post);
    const core::Status postalCheck =
        post ? core::checkPostalAddress(m_postalEdit->text()) : core::Status();
    m_deliveryProblem->setText(postalCheck ? QString() : postalCheck.error().message);
    for (const core::Status* s : {&nameCheck, &idCheck, &phoneCheck, &agentNameCheck, &agentCheck,
                                  &legalRepCheck, &postalCheck})
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
