#include "ui/IntakeDialog.h"

#include "ui_IntakeDialog.h"

#include "core/AcceptanceOptions.h"
#include "core/CasePayloads.h"
#include "core/DateText.h"
#include "core/Identifiers.h"
#include "core/ItemGuide.h"
#include "store/CaseQueries.h"
#include "store/CaseStore.h"
#include "store/CatalogRepository.h"
#include "ui/CatalogModel.h"

#include <algorithm>

#include <QComboBox>
#include <QHeaderView>
#include <QKeyEvent>
#include <QSpinBox>

namespace onewindow::ui {

namespace {

const QList<core::MaterialState> kIntakeStates{
    core::MaterialState::Provided, core::MaterialState::Missing, core::MaterialState::Defective,
    core::MaterialState::NotApplicable};

} // namespace

IntakeDialog::IntakeDialog(store::Store& store, store::CaseStore& cases, const store::User& clerk,
                           QDate today, QWidget* parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::IntakeDialog>()), m_store(store), m_cases(cases),
      m_clerk(clerk), m_today(today), m_catalog(new CatalogModel(this))
{
    m_ui->setupUi(this);
    auto entries = store::CatalogRepository(m_store).entries();
    m_catalog->setEntries(entries ? *entries : QList<core::CatalogEntry>());
    if (!entries) {
        qWarning("intake: catalog: %s: %s", qPrintable(entries.error().code),
                 qPrintable(entries.error().message));
        m_ui->itemHint->setText(tr("The service catalog could not be read: %1 Close this window "
                                   "and try again; if it happens again, call the administrator.")
                                    .arg(entries.error().message));
    }
    m_ui->itemView->setModel(m_catalog);
    m_ui->itemView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_ui->itemView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_ui->itemView->horizontalHeader()->setSectionResizeMode(CatalogModel::NameColumn,
                                                             QHeaderView::Stretch);
    m_ui->itemView->verticalHeader()->hide();
    m_ui->itemSearchEdit->setPlaceholderText(tr("Name, code or pinyin initials (e.g. bdc)"));
    m_ui->itemSearchEdit->installEventFilter(this);
    connect(m_ui->itemSearchEdit, &QLineEdit::textChanged, this, [this](const QString& q) {
        m_catalog->setQuery(q);
        if (m_catalog->rowCount() > 0)
            m_ui->itemView->setCurrentIndex(m_catalog->index(0, 0));
    });
    connect(m_ui->itemView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& index) { loadItem(m_catalog->codeAt(index.row())); });

    connect(m_ui->idEdit, &QLineEdit::editingFinished, this, &IntakeDialog::offerHistory);
    connect(m_ui->historyButton, &QPushButton::clicked, this, [this] {
        auto earlier = store::CaseQueries(m_store).byIdNumber(m_ui->idEdit->text().trimmed(), 1);
        if (earlier && !earlier->isEmpty()) {
            m_ui->nameEdit->setText(earlier->first().applicantName);
            m_ui->phoneEdit->setText(earlier->first().applicantPhone);
        }
    });
    m_ui->historyButton->hide();
    for (core::Channel c : {core::Channel::InPerson, core::Channel::PostSigned,
                            core::Channel::PostPlain, core::Channel::Internet, core::Channel::Fax})
        m_ui->channelCombo->addItem(core::channelName(c), static_cast<int>(c));
    m_ui->confirmedEdit->setDate(m_today);
    connect(m_ui->channelCombo, &QComboBox::currentIndexChanged, this,
            &IntakeDialog::refreshReceipt);
    connect(m_ui->confirmedEdit, &QDateEdit::dateChanged, this, &IntakeDialog::refreshReceipt);

    m_ui->materialsTable->setColumnCount(5);
    m_ui->materialsTable->setHorizontalHeaderLabels({tr("Material"), tr("Requirement"), tr("State"),
                                                     tr("What is wrong / what would satisfy it"),
                                                     tr("Copies")});
    m_ui->materialsTable->horizontalHeader()->setSectionResizeMode(ProblemCol,
                                                                   QHeaderView::Stretch);
    m_ui->materialsTable->installEventFilter(this);
    // The first item is loaded once the checklist has its columns (its rows would be empty).
    if (m_catalog->rowCount() > 0)
        m_ui->itemView->setCurrentIndex(m_catalog->index(0, 0));

    m_ui->refuseKindCombo->addItem(
        tr("No licence is needed"),
        core::keyOf(core::kRefusalKinds, core::RefusalKind::NoLicenceNeeded));
    m_ui->refuseKindCombo->addItem(
        tr("Not within this office's competence"),
        core::keyOf(core::kRefusalKinds, core::RefusalKind::NotCompetent));
    m_ui->refuseKindCombo->addItem(tr("Other"),
                                   core::keyOf(core::kRefusalKinds, core::RefusalKind::Other));
    m_ui->noticeEdit->setReadOnly(true);

    connect(m_ui->nextButton, &QPushButton::clicked, this, &IntakeDialog::next);
    connect(m_ui->backButton, &QPushButton::clicked, this, &IntakeDialog::back);
    for (QLineEdit* e : {m_ui->idEdit, m_ui->phoneEdit, m_ui->agentIdEdit})
        connect(e, &QLineEdit::textEdited, this, [this] { validateApplicant(); });
    watchForDraft();
    go(ItemStep);
}

IntakeDialog::~IntakeDialog() = default;

IntakeDialog::Step IntakeDialog::step() const
{
    return static_cast<Step>(m_ui->pages->currentIndex());
}

void IntakeDialog::showStepTitle()
{
    static const char* const titles[] = {
        QT_TR_NOOP("Step 1 of 5: the item"), QT_TR_NOOP("Step 2 of 5: the applicant"),
        QT_TR_NOOP("Step 3 of 5: channel and receipt day"),
        QT_TR_NOOP("Step 4 of 5: the materials"), QT_TR_NOOP("Step 5 of 5: the decision")};
    m_ui->stepLabel->setText(
        QStringLiteral("<b>%1</b>　%2").arg(tr(titles[step()]), m_item.name.toHtmlEscaped()));
}

void IntakeDialog::go(Step s)
{
    m_ui->pages->setCurrentIndex(s);
    showStepTitle();
    m_ui->backButton->setEnabled(s != ItemStep);
    m_ui->nextButton->setText(s == DecisionStep ? tr("&Record (Enter)") : tr("&Next (Enter) >"));
    switch (s) {
    case ItemStep:
        m_ui->itemSearchEdit->setFocus();
        break;
    case ApplicantStep:
        m_ui->nameEdit->setFocus();
        break;
    case ChannelStep:
        refreshReceipt();
        m_ui->channelCombo->setFocus();
        break;
    case MaterialsStep:
        m_ui->materialsTable->setFocus();
        m_ui->materialsTable->setCurrentCell(0, StateCol);
        break;
    case DecisionStep:
        refreshDecision();
        break;
    }
}

bool IntakeDialog::next()
{
    const Step before = step();
    const bool moved = advance();
    if (moved && step() != before) {
        m_keepDraft = true;
        saveDraft();
    }
    return moved;
}

bool IntakeDialog::advance()
{
    m_problems.clear();
    switch (step()) {
    case ItemStep:
        if (m_item.code.isEmpty()) {
            m_problems.append(tr("Choose the item first."));
            return false;
        }
        go(ApplicantStep);
        return true;
    case ApplicantStep:
        if (!validateApplicant())
            return false;
        go(m_item.profile == core::ProcedureProfile::Disclosure ? ChannelStep : MaterialsStep);
        return true;
    case ChannelStep:
        go(MaterialsStep);
        return true;
    case MaterialsStep:
        for (const core::MaterialCheck& m : checklist())
            if (m.state == core::MaterialState::Defective && m.problem.isEmpty())
                m_problems.append(tr("Say what is wrong with %1.").arg(m.name));
        if (!m_problems.isEmpty()) {
            m_ui->decisionProblem->setText(m_problems.join(QLatin1Char('\n')));
            return false;
        }
        go(DecisionStep);
        return true;
    case DecisionStep:
        return validateDecision() && finish();
    }
    return false;
}

void IntakeDialog::back()
{
    const Step s = step();
    if (s == MaterialsStep && m_item.profile != core::ProcedureProfile::Disclosure)
        go(ApplicantStep);
    else if (s != ItemStep)
        go(static_cast<Step>(s - 1));
    saveDraft();
}

void IntakeDialog::reject()
{
    if (step() != ItemStep && !m_ui->pages->isHidden() && m_caseId.isEmpty()) {
        back();
        return;
    }
    // Esc on the first step cancels on purpose; what the applicant already told is not thrown
    // away by one key too many.
    const core::IntakeDraft typed = draft();
    const bool told = !typed.applicant.name.isEmpty() || !typed.applicant.idNumber.isEmpty() ||
                      !typed.applicant.uscc.isEmpty();
    if (m_caseId.isEmpty() && told &&
        !ask(tr("Cancel this intake?"),
             tr("What was entered for %1 will be cleared.").arg(typed.summary()),
             false)) // Enter keeps the applicant's data
        return;
    discardDraft();
    QDialog::reject();
}

bool IntakeDialog::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if (watched == m_ui->itemSearchEdit && key->key() == Qt::Key_Down) {
            m_ui->itemView->setFocus();
            return true;
        }
        if (watched == m_ui->materialsTable && key->key() == Qt::Key_Space) {
            const int row = m_ui->materialsTable->currentRow();
            if (auto* box =
                    qobject_cast<QComboBox*>(m_ui->materialsTable->cellWidget(row, StateCol)))
                box->setCurrentIndex((box->currentIndex() + 1) % box->count());
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

void IntakeDialog::loadItem(const QString& code)
{
    if (code.isEmpty())
        return;
    auto current = store::CatalogRepository(m_store).currentItem(code);
    if (!current)
        return;
    m_item = current->item;
    m_itemVersion = current->version;
    m_ui->itemGuide->setHtml(core::itemGuideHtml(m_item));
    fillChecklist();
    // The title names the item as the clerk moves through the list, not the first one shown.
    showStepTitle();
}

void IntakeDialog::fillChecklist()
{
    QTableWidget* t = m_ui->materialsTable;
    t->setRowCount(static_cast<int>(m_item.materials.size()));
    for (int row = 0; row < m_item.materials.size(); ++row) {
        const core::Material& m = m_item.materials[row];
        auto* name = new QTableWidgetItem(m.name);
        name->setFlags(name->flags() & ~Qt::ItemIsEditable);
        name->setData(Qt::UserRole, m.code);
        name->setToolTip(m.name);
        t->setItem(row, NameCol, name);
        auto* requirement = new QTableWidgetItem(core::materialSummary(m));
        requirement->setFlags(requirement->flags() & ~Qt::ItemIsEditable);
        requirement->setToolTip(requirement->text());
        t->setItem(row, RequirementCol, requirement);
        auto* state = new QComboBox(t);
        for (core::MaterialState s : kIntakeStates)
            state->addItem(core::materialStateName(s), static_cast<int>(s));
        // Required materials start as provided; conditional and optional ones as not applicable.
        state->setCurrentIndex(m.requirement == core::Requirement::Required ? 0 : 3);
        connect(state, &QComboBox::currentIndexChanged, this, &IntakeDialog::saveDraft);
        t->setCellWidget(row, StateCol, state);
        t->setItem(row, ProblemCol, new QTableWidgetItem());
        auto* copies = new QSpinBox(t);
        copies->setRange(0, 99);
        copies->setValue(m.copies);
        connect(copies, &QSpinBox::editingFinished, this, &IntakeDialog::saveDraft);
        t->setCellWidget(row, CopiesCol, copies);
    }
    // A long material name is cut (its tooltip has it whole) so that the column the clerk
    // writes what is wrong into keeps room to read.
    t->resizeColumnToContents(NameCol);
    t->setColumnWidth(NameCol, std::min(t->columnWidth(NameCol), 320));
}

QList<core::MaterialCheck> IntakeDialog::checklist() const
{
    QList<core::MaterialCheck> out;
    const QTableWidget* t = m_ui->materialsTable;
    for (int row = 0; row < t->rowCount(); ++row) {
        core::MaterialCheck c;
        c.code = t->item(row, NameCol)->data(Qt::UserRole).toString();
        c.name = t->item(row, NameCol)->text();
        const auto* state = qobject_cast<QComboBox*>(t->cellWidget(row, StateCol));
        c.state = static_cast<core::MaterialState>(state ? state->currentData().toInt() : 0);
        c.problem =
            t->item(row, ProblemCol) ? t->item(row, ProblemCol)->text().trimmed() : QString();
        const auto* copies = qobject_cast<QSpinBox*>(t->cellWidget(row, CopiesCol));
        c.copies = copies ? copies->value() : 0;
        out.append(c);
    }
    return out;
}

void IntakeDialog::setMaterialState(int row, core::MaterialState state, const QString& problem)
{
    if (auto* box = qobject_cast<QComboBox*>(m_ui->materialsTable->cellWidget(row, StateCol)))
        box->setCurrentIndex(box->findData(static_cast<int>(state)));
    m_ui->materialsTable->item(row, ProblemCol)->setText(problem);
}

bool IntakeDialog::validateApplicant()
{
    const bool person = m_ui->personRadio->isChecked();
    const QString id = m_ui->idEdit->text().trimmed().toUpper();
    const core::Status idCheck = person ? core::checkCitizenId(id, m_today) : core::checkUscc(id);
    m_ui->idProblem->setText(idCheck ? QString() : idCheck.error().message);
    const QString phone = m_ui->phoneEdit->text().trimmed();
    const core::Status phoneCheck = phone.isEmpty() ? core::Status() : core::checkMobile(phone);
    m_ui->phoneProblem->setText(phoneCheck ? QString() : phoneCheck.error().message);
    const QString agentId = m_ui->agentIdEdit->text().trimmed().toUpper();
    const core::Status agentCheck =
        agentId.isEmpty() ? core::Status() : core::checkCitizenId(agentId, m_today);
    m_ui->agentProblem->setText(agentCheck ? QString() : agentCheck.error().message);
    m_problems.clear();
    if (m_ui->nameEdit->text().trimmed().isEmpty())
        m_problems.append(tr("Enter the applicant's name."));
    for (const core::Status* s : {&idCheck, &phoneCheck, &agentCheck})
        if (!*s)
            m_problems.append(s->error().message);
    return m_problems.isEmpty();
}

void IntakeDialog::offerHistory()
{
    auto earlier =
        store::CaseQueries(m_store).byIdNumber(m_ui->idEdit->text().trimmed().toUpper(), 1);
    const bool found = earlier && !earlier->isEmpty();
    m_ui->historyButton->setVisible(found);
    if (found)
        m_ui->historyButton->setText(
            tr("Copy from an &earlier case (%1, %2)")
                .arg(earlier->first().applicantName, earlier->first().caseNumber));
}

void IntakeDialog::refreshReceipt()
{
    const auto channel = static_cast<core::Channel>(m_ui->channelCombo->currentData().toInt());
    m_ui->confirmedEdit->setEnabled(channel != core::Channel::InPerson);
    m_ui->receiptLabel->setText(
        core::chineseDate(core::receiptDay(channel, m_today, m_ui->confirmedEdit->date())));
}

void IntakeDialog::refreshDecision()
{
    core::CaseState probe;
    probe.materials = checklist();
    const QList<core::Correction> corrections = core::correctionsFor(probe, m_item);
    QStringList lines;
    for (const core::Correction& c : corrections)
        lines.append(tr("%1: %2; required: %3").arg(c.materialName, c.problem, c.requirement));
    m_ui->noticeEdit->setPlainText(lines.join(QLatin1Char('\n')));
    // Short materials block acceptance unless each may be deferred or replaced by a commitment.
    bool acceptable = true;
    for (const core::Correction& c : corrections)
        for (const core::Material& m : m_item.materials)
            if (m.code == c.materialCode && !m.deferrable && !m.commitment)
                acceptable = false;
    m_ui->acceptRadio->setEnabled(acceptable);
    m_ui->noticeRadio->setEnabled(!corrections.isEmpty());
    if (acceptable && corrections.isEmpty())
        m_ui->acceptRadio->setChecked(true);
    else if (!corrections.isEmpty())
        m_ui->noticeRadio->setChecked(true);
    m_ui->decisionProblem->clear();
}

bool IntakeDialog::validateDecision()
{
    m_problems.clear();
    if (m_ui->refuseRadio->isChecked()) {
        if (m_ui->refuseReasonEdit->text().trimmed().isEmpty())
            m_problems.append(
                tr("Give the reason for the refusal (Administrative Licensing Law, Art. 38)."));
        if (core::fromKey(core::kRefusalKinds, m_ui->refuseKindCombo->currentData().toString()) ==
                core::RefusalKind::NotCompetent &&
            m_ui->officeEdit->text().trimmed().isEmpty())
            m_problems.append(
                tr("Name the competent office (Administrative Licensing Law, Art. 32)."));
    } else if (!m_ui->acceptRadio->isChecked() && !m_ui->noticeRadio->isChecked()) {
        m_problems.append(tr("Choose the decision."));
    }
    m_ui->decisionProblem->setText(m_problems.join(QLatin1Char('\n')));
    return m_problems.isEmpty();
}

bool IntakeDialog::finish()
{
    core::ReceivedInput in;
    in.itemCode = m_item.code;
    in.itemVersion = m_itemVersion;
    in.channel = static_cast<core::Channel>(m_ui->channelCombo->currentData().toInt());
    in.receiptDate = core::receiptDay(in.channel, m_today, m_ui->confirmedEdit->date());
    in.applicant.organisation = m_ui->organisationRadio->isChecked();
    in.applicant.name = m_ui->nameEdit->text().trimmed();
    (in.applicant.organisation ? in.applicant.uscc : in.applicant.idNumber) =
        m_ui->idEdit->text().trimmed().toUpper();
    in.applicant.phone = m_ui->phoneEdit->text().trimmed();
    in.applicant.legalRepresentative = m_ui->legalRepEdit->text().trimmed();
    in.applicant.agentName = m_ui->agentNameEdit->text().trimmed();
    in.applicant.agentIdNumber = m_ui->agentIdEdit->text().trimmed().toUpper();
    in.materials = checklist();
    auto received = m_cases.receive(in, m_clerk.userId);
    if (!received) {
        m_problems = QStringList{received.error().message};
        m_ui->decisionProblem->setText(received.error().message);
        return false;
    }
    m_caseId = received->event.caseId;
    m_caseNumber = received->state.caseNumber;
    discardDraft(); // the case holds what the draft held
    core::EventType type = core::EventType::Accepted;
    QJsonObject payload;
    if (m_ui->refuseRadio->isChecked()) {
        type = core::EventType::Refused;
        payload = core::payload::refused(m_ui->refuseKindCombo->currentData().toString(),
                                         m_ui->refuseReasonEdit->text().trimmed(),
                                         m_ui->officeEdit->text().trimmed());
    } else if (m_ui->noticeRadio->isChecked()) {
        type = core::EventType::NoticeIssued;
        payload = core::payload::notice(core::correctionsFor(received->state, m_item),
                                        m_item.correctionDays);
    } else {
        QList<std::pair<QString, QDate>> deferred;
        QStringList commitments;
        const core::Result<QDate> deferredDue =
            core::deferredMaterialDue(m_cases.calendar(), m_item, m_today);
        for (const core::Correction& c : core::correctionsFor(received->state, m_item))
            for (const core::Material& m : m_item.materials)
                if (m.code == c.materialCode)
                    m.commitment ? commitments.append(m.code)
                                 : deferred.append({m.code, deferredDue ? *deferredDue : QDate()});
        if (!deferred.isEmpty() && !deferredDue) {
            m_problems = QStringList{deferredDue.error().message};
            m_ui->decisionProblem->setText(
                tr("Case %1 was received, but: %2").arg(m_caseNumber, deferredDue.error().message));
            return false;
        }
        payload = core::payload::accepted(deferred, commitments);
    }
    auto decided = m_cases.append(m_caseId, type, payload, m_clerk.userId);
    if (!decided) {
        // The case is received and stays so; the decision can be taken on the case itself.
        m_problems = QStringList{decided.error().message};
        m_ui->decisionProblem->setText(
            tr("Case %1 was received, but: %2").arg(m_caseNumber, decided.error().message));
        return false;
    }
    accept();
    return true;
}

} // namespace onewindow::ui
