// IntakeDialog: the interrupted intake kept as the clerk's draft, and offered back.
#include "ui/IntakeDialog.h"

#include "ui_IntakeDialog.h"

#include "core/DateText.h"
#include "store/CaseStore.h"
#include "store/DraftRepository.h"
#include "ui/CatalogModel.h"

#include <QComboBox>
#include <QLineEdit>
#include <QMessageBox>
#include <QTimeZone>

#include <algorithm>

namespace onewindow::ui {

void IntakeDialog::setPrompts(std::function<bool(const QString&)> ask,
                              std::function<void(const QString&)> tell)
{
    m_ask = std::move(ask);
    m_tell = std::move(tell);
}

bool IntakeDialog::ask(const QString& question, const QString& detail, bool yesByDefault)
{
    if (m_ask)
        return m_ask(question + QLatin1Char('\n') + detail);
    QMessageBox box(QMessageBox::Question, windowTitle(), question,
                    QMessageBox::Yes | QMessageBox::No, this);
    box.setInformativeText(detail);
    box.setDefaultButton(yesByDefault ? QMessageBox::Yes : QMessageBox::No);
    return box.exec() == QMessageBox::Yes;
}

void IntakeDialog::tell(const QString& message)
{
    if (m_tell) {
        m_tell(message);
        return;
    }
    QMessageBox::warning(this, windowTitle(), message);
}

// Committed fields (not keystrokes) and completed steps write the draft; next() and back() save
// too. Each save is skipped when nothing changed since the last one.
void IntakeDialog::watchForDraft()
{
    for (QLineEdit* e :
         {m_ui->nameEdit, m_ui->idEdit, m_ui->phoneEdit, m_ui->legalRepEdit, m_ui->agentNameEdit,
          m_ui->agentIdEdit, m_ui->refuseReasonEdit, m_ui->officeEdit, m_postalEdit})
        connect(e, &QLineEdit::editingFinished, this, &IntakeDialog::saveDraft);
    for (QRadioButton* r : {m_ui->personRadio, m_ui->organisationRadio, m_ui->acceptRadio,
                            m_ui->noticeRadio, m_ui->refuseRadio})
        connect(r, &QRadioButton::toggled, this, [this](bool on) {
            if (on)
                saveDraft();
        });
    for (QComboBox* c : {m_ui->channelCombo, m_ui->refuseKindCombo})
        connect(c, &QComboBox::currentIndexChanged, this, &IntakeDialog::saveDraft);
    connect(m_ui->confirmedEdit, &QDateEdit::editingFinished, this, &IntakeDialog::saveDraft);
    connect(m_ui->materialsTable, &QTableWidget::itemChanged, this, &IntakeDialog::saveDraft);
}

void IntakeDialog::saveDraft()
{
    if (!m_keepDraft || m_restoring || !m_caseId.isEmpty() || m_item.code.isEmpty())
        return;
    const core::IntakeDraft now = draft();
    const QByteArray json = now.toJson();
    if (json == m_savedDraft)
        return;
    // A draft that cannot be written is no reason to stop the intake: the case itself is what
    // counts, and it is written in its own transaction at the end.
    if (store::DraftRepository(m_store).save(m_clerk.userId, now))
        m_savedDraft = json;
}

void IntakeDialog::discardDraft()
{
    m_keepDraft = false;
    m_savedDraft.clear();
    store::DraftRepository(m_store).discard(m_clerk.userId);
}

core::IntakeDraft IntakeDialog::draft() const
{
    core::IntakeDraft d;
    d.step = step();
    d.itemQuery = m_ui->itemSearchEdit->text();
    d.itemCode = m_item.code;
    d.itemName = m_item.name;
    d.applicant.organisation = m_ui->organisationRadio->isChecked();
    d.applicant.name = m_ui->nameEdit->text();
    (d.applicant.organisation ? d.applicant.uscc : d.applicant.idNumber) = m_ui->idEdit->text();
    d.applicant.phone = m_ui->phoneEdit->text();
    d.applicant.legalRepresentative = m_ui->legalRepEdit->text();
    d.applicant.agentName = m_ui->agentNameEdit->text();
    d.applicant.agentIdNumber = m_ui->agentIdEdit->text();
    d.channel =
        core::channelKey(static_cast<core::Channel>(m_ui->channelCombo->currentData().toInt()));
    d.confirmedOn = m_ui->confirmedEdit->date();
    d.materials = checklist();
    d.decision = m_ui->acceptRadio->isChecked()   ? QStringLiteral("accept")
                 : m_ui->noticeRadio->isChecked() ? QStringLiteral("notice")
                 : m_ui->refuseRadio->isChecked() ? QStringLiteral("refuse")
                                                  : QString();
    d.refuseKind = m_ui->refuseKindCombo->currentData().toString();
    d.refuseReason = m_ui->refuseReasonEdit->text();
    d.office = m_ui->officeEdit->text();
    d.delivery = m_deliveryCombo->currentData().toString();
    d.postalAddress = m_postalEdit->text();
    return d;
}

bool IntakeDialog::restore(const core::IntakeDraft& d)
{
    m_restoring = true;
    // The item, found by the same search the clerk typed; by its code when the catalog changed.
    const auto rowOf = [this](const QString& code) {
        for (int row = 0; row < m_catalog->rowCount(); ++row)
            if (m_catalog->codeAt(row) == code)
                return row;
        return -1;
    };
    m_ui->itemSearchEdit->setText(d.itemQuery);
    if (rowOf(d.itemCode) < 0)
        m_ui->itemSearchEdit->setText(d.itemCode);
    const int row = rowOf(d.itemCode);
    if (row < 0) {
        m_restoring = false;
        m_ui->itemSearchEdit->clear();
        tell(tr("The unfinished intake of %1 cannot be continued: the item is no longer in the "
                "catalog. Start the intake again.")
                 .arg(d.summary()));
        return false;
    }
    m_ui->itemView->setCurrentIndex(m_catalog->index(row, 0));
    if (m_item.code != d.itemCode)
        loadItem(d.itemCode);

    (d.applicant.organisation ? m_ui->organisationRadio : m_ui->personRadio)->setChecked(true);
    m_ui->nameEdit->setText(d.applicant.name);
    m_ui->idEdit->setText(d.applicant.organisation ? d.applicant.uscc : d.applicant.idNumber);
    m_ui->phoneEdit->setText(d.applicant.phone);
    m_ui->legalRepEdit->setText(d.applicant.legalRepresentative);
    m_ui->agentNameEdit->setText(d.applicant.agentName);
    m_ui->agentIdEdit->setText(d.applicant.agentIdNumber);
    const core::Channel channel = core::channelFromKey(d.channel).value_or(core::Channel::InPerson);
    m_ui->channelCombo->setCurrentIndex(m_ui->channelCombo->findData(static_cast<int>(channel)));
    if (d.confirmedOn.isValid())
        m_ui->confirmedEdit->setDate(d.confirmedOn);

    // Materials by code: a material the item no longer asks for is dropped, a new one keeps its
    // default.
    for (int r = 0; r < m_ui->materialsTable->rowCount(); ++r) {
        const QString code = m_ui->materialsTable->item(r, NameCol)->data(Qt::UserRole).toString();
        for (const core::MaterialCheck& m : d.materials) {
            if (m.code != code)
                continue;
            setMaterialState(r, m.state, m.problem);
            m_ui->materialsTable->item(r, CopiesCol)->setData(Qt::EditRole, m.copies);
        }
    }
    m_ui->refuseKindCombo->setCurrentIndex(
        std::max(0, m_ui->refuseKindCombo->findData(d.refuseKind)));
    m_ui->refuseReasonEdit->setText(d.refuseReason);
    m_ui->officeEdit->setText(d.office);
    if (const int i = m_deliveryCombo->findData(d.delivery); i >= 0)
        m_deliveryCombo->setCurrentIndex(i);
    m_postalEdit->setText(d.postalAddress);

    Step target = static_cast<Step>(std::clamp(d.step, 0, static_cast<int>(DecisionStep)));
    if (target == ChannelStep && m_item.profile != core::ProcedureProfile::Disclosure)
        target = MaterialsStep;
    go(target); // the decision step works out what the checklist allows; the draft's choice wins
    if (d.decision == QStringLiteral("accept") && m_ui->acceptRadio->isEnabled())
        m_ui->acceptRadio->setChecked(true);
    else if (d.decision == QStringLiteral("notice") && m_ui->noticeRadio->isEnabled())
        m_ui->noticeRadio->setChecked(true);
    else if (d.decision == QStringLiteral("refuse"))
        m_ui->refuseRadio->setChecked(true);
    if (target >= ApplicantStep)
        validateApplicant();
    m_restoring = false;
    m_keepDraft = true;
    m_savedDraft = draft().toJson();
    return true;
}

IntakeDialog::DraftOffer IntakeDialog::offerDraft()
{
    store::DraftRepository drafts(m_store);
    auto stored = drafts.load(m_clerk.userId);
    if (!stored) {
        tell(stored.error().message);
        if (stored.error().code == QStringLiteral("draft.corrupt"))
            drafts.discard(m_clerk.userId);
        return DraftOffer::Damaged;
    }
    if (!stored->has_value())
        return DraftOffer::None;
    const store::StoredDraft& found = **stored;
    const QDateTime saved = found.savedAtUtc.toTimeZone(m_cases.settings().zone);
    if (!ask(tr("Continue the intake you did not finish?"),
             tr("%1\nLast saved %2 %3.")
                 .arg(found.draft.summary(), core::chineseDate(saved.date()),
                      saved.time().toString(QStringLiteral("HH:mm"))))) {
        drafts.discard(m_clerk.userId);
        return DraftOffer::Discarded;
    }
    if (!restore(found.draft)) {
        drafts.discard(m_clerk.userId);
        return DraftOffer::Damaged;
    }
    return DraftOffer::Restored;
}

} // namespace onewindow::ui
