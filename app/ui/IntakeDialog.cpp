#include "ui/IntakeDialog.h"

#include "ui_IntakeDialog.h"

#include "core/AcceptanceOptions.h"
#include "core/CasePayloads.h"
#include "core/CompetentOffice.h"
#include "core/DateText.h"
#include "core/Identifiers.h"
#include "core/ItemGuide.h"
#include "store/CaseQueries.h"
#include "store/CaseStore.h"
#include "store/CatalogRepository.h"
#include "ui/CatalogModel.h"

#include <algorithm>

#include <QComboBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>

namespace onewindow::ui {

namespace {

// What the refusal letter has room for.
constexpr qsizetype kReasonMax = 200;
constexpr qsizetype kOfficeMax = 60;

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
    m_ui->itemView->horizontalHeader()->setSectionResizeMode(CatalogModel::DepartmentColumn,
                                                             QHeaderView::ResizeToContents);
    m_ui->itemView->horizontalHeader()->setSectionResizeMode(CatalogModel::LimitColumn,
                                                             QHeaderView::ResizeToContents);
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
        auto earlier =
            store::CaseQueries(m_store).byIdNumber(core::normalizeCode(m_ui->idEdit->text()), 1);
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
    // One Tab stop per row (the event filter moves a row on), Space cycles the state, typing in
    // the problem column writes there.
    m_ui->materialsTable->setTabKeyNavigation(false);
    m_ui->materialsTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_ui->materialsTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_ui->materialsTable->setEditTriggers(QAbstractItemView::AnyKeyPressed |
                                          QAbstractItemView::DoubleClicked |
                                          QAbstractItemView::EditKeyPressed);
    m_ui->materialsTable->verticalHeader()->hide();
    m_ui->materialsTable->setHorizontalHeaderLabels({tr("Material"), tr("Requirement"), tr("State"),
                                                     tr("What is wrong / what would satisfy it"),
                                                     tr("Copies")});
    m_ui->materialsTable->horizontalHeader()->setSectionResizeMode(ProblemCol,
                                                                   QHeaderView::Stretch);
    m_ui->materialsTable->installEventFilter(this);
    // No item is chosen before the clerk types: Enter on an empty search takes nothing.
    addProblemLabels();
    addDeliveryFields();

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
    // Pasted text is normalised, never cut: the fields take more than the number needs, and an
    // over-long value is said with its count.
    for (QLineEdit* e : {m_ui->idEdit, m_ui->phoneEdit, m_ui->agentIdEdit}) {
        e->setMaxLength(64);
        connect(e, &QLineEdit::textEdited, this, [this] { validateApplicant(); });
    }
    // 法定代表人 only for an organisation; the refusal's fields only for a refusal.
    const auto showLegalRep = [this] {
        m_ui->applicantForm->setRowVisible(m_ui->legalRepEdit,
                                           m_ui->organisationRadio->isChecked());
    };
    connect(m_ui->organisationRadio, &QRadioButton::toggled, this, showLegalRep);
    showLegalRep();
    const auto showRefusal = [this] {
        for (int row = 0; row < m_ui->refuseForm->rowCount(); ++row)
            m_ui->refuseForm->setRowVisible(row, m_ui->refuseRadio->isChecked());
    };
    connect(m_ui->refuseRadio, &QRadioButton::toggled, this, showRefusal);
    showRefusal();
    watchForDraft();
    go(ItemStep);
}

IntakeDialog::~IntakeDialog()
{
    // The form goes before the widgets do: a field losing focus as they are hidden must not
    // reach back into it (editingFinished -> offerHistory, saveDraft).
    for (QWidget* w : findChildren<QWidget*>())
        w->disconnect(this);
}

IntakeDialog::Step IntakeDialog::step() const
{
    return static_cast<Step>(m_ui->pages->currentIndex());
}

void IntakeDialog::showStepTitle()
{
    static const char* const titles[] = {QT_TR_NOOP("the item"), QT_TR_NOOP("the applicant"),
                                         QT_TR_NOOP("channel and receipt day"),
                                         QT_TR_NOOP("the materials"), QT_TR_NOOP("the decision")};
    // Only a disclosure application has the channel page: other items number their steps 1-4,
    // so no step seems skipped.
    const bool disclosure = m_item.profile == core::ProcedureProfile::Disclosure;
    const int number = step() + 1 - (!disclosure && step() > ChannelStep ? 1 : 0);
    const QString title =
        tr("Step %1 of %2: %3").arg(number).arg(disclosure ? 5 : 4).arg(tr(titles[step()]));
    m_ui->stepLabel->setText(
        QStringLiteral("<b>%1</b>　%2").arg(title, m_item.name.toHtmlEscaped()));
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
            m_problems.append(tr("Choose the item first: type its name, code or pinyin "
                                 "initials."));
            m_itemProblem->setText(m_problems.first());
            return false;
        }
        m_itemProblem->clear();
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
        if (!validateMaterials())
            return false;
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
        QTableWidget* t = m_ui->materialsTable;
        if (watched == t) {
            const int row = t->currentRow();
            switch (key->key()) {
            case Qt::Key_Space:
                cycleMaterialState(row);
                return true;
            case Qt::Key_F9: // the clerk has looked at every paper: the rest are provided
                markRemainingProvided();
                next();
                return true;
            case Qt::Key_Tab:
                if (row + 1 < t->rowCount()) {
                    t->setCurrentCell(row + 1, StateCol);
                    return true;
                }
                break;
            case Qt::Key_Backtab:
                if (row > 0) {
                    t->setCurrentCell(row - 1, StateCol);
                    return true;
                }
                break;
            default:
                break;
            }
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
    fillDelivery();
    // The title names the item as the clerk moves through the list, not the first one shown.
    showStepTitle();
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
    // A deferred material whose deferral day falls after the promised completion day: the clerk
    // is told the earlier day the applicant must bring it by.
    bool deferring = false;
    for (const core::Correction& c : corrections)
        for (const core::Material& m : m_item.materials)
            if (m.code == c.materialCode && m.deferrable && !m.commitment)
                deferring = true;
    if (acceptable && deferring)
        if (const auto due = core::deferredDueWithinPromise(m_cases.calendar(), m_item, m_today);
            due && due->capped)
            m_ui->decisionProblem->setText(due->warning().message);
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
        const auto tooLong = [this](const QLineEdit* edit, qsizetype limit, const QString& what) {
            const qsizetype size = edit->text().simplified().size();
            if (size > limit)
                m_problems.append(tr("%1 is %2 characters; the refusal letter has room for %3.")
                                      .arg(what)
                                      .arg(size)
                                      .arg(limit));
        };
        // 行政许可法 Art. 32 para. 1 (2): never a body of the catalog that handles no such item;
        // a name the catalog does not know is flagged on the printed letter's preview.
        if (core::fromKey(core::kRefusalKinds, m_ui->refuseKindCombo->currentData().toString()) ==
            core::RefusalKind::NotCompetent) {
            QList<core::ServiceItem> catalog;
            if (auto items = store::CatalogRepository(m_store).currentItems())
                for (const core::ItemVersion& v : *items)
                    catalog.append(v.item);
            const core::CompetentOfficeCheck checked =
                core::checkCompetentOffice(m_ui->officeEdit->text(), m_item, catalog);
            if (!checked.status)
                m_problems.append(checked.status.error().message);
        }
        tooLong(m_ui->refuseReasonEdit, kReasonMax, tr("The reason"));
        tooLong(m_ui->officeEdit, kOfficeMax, tr("The office's name"));
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
    in.applicant.name = core::normalizeName(m_ui->nameEdit->text());
    (in.applicant.organisation ? in.applicant.uscc : in.applicant.idNumber) =
        core::normalizeCode(m_ui->idEdit->text());
    in.applicant.phone = core::normalizeCode(m_ui->phoneEdit->text());
    if (in.applicant.organisation)
        in.applicant.legalRepresentative = core::normalizeName(m_ui->legalRepEdit->text());
    in.applicant.agentName = core::normalizeName(m_ui->agentNameEdit->text());
    in.applicant.agentIdNumber = core::normalizeCode(m_ui->agentIdEdit->text());
    in.materials = checklist();
    in.delivery = core::deliveryFromKey(m_deliveryCombo->currentData().toString());
    if (in.delivery == core::DeliveryOption::Post)
        in.postalAddress = m_postalEdit->text().simplified();
    // The decision is made from the case as received, inside the store's transaction: receipt,
    // decision and the draft's removal stand or fall together.
    const auto decide = [this](const store::CaseStore::Appended& received)
        -> core::Result<store::CaseStore::IntakeDecision> {
        if (m_ui->refuseRadio->isChecked())
            return store::CaseStore::IntakeDecision{
                core::EventType::Refused,
                core::payload::refused(m_ui->refuseKindCombo->currentData().toString(),
                                       m_ui->refuseReasonEdit->text().simplified(),
                                       m_ui->officeEdit->text().simplified())};
        if (m_ui->noticeRadio->isChecked())
            return store::CaseStore::IntakeDecision{
                core::EventType::NoticeIssued,
                core::payload::notice(core::correctionsFor(received.state, m_item),
                                      m_item.correctionDays)};
        QList<std::pair<QString, QDate>> deferred;
        QStringList commitments;
        // 容缺: due within the promise (core::deferredDueWithinPromise), as the clerk was told.
        const auto deferredDue =
            core::deferredDueWithinPromise(m_cases.calendar(), m_item, m_today);
        for (const core::Correction& c : core::correctionsFor(received.state, m_item))
            for (const core::Material& m : m_item.materials)
                if (m.code == c.materialCode)
                    m.commitment
                        ? commitments.append(m.code)
                        : deferred.append({m.code, deferredDue ? deferredDue->due : QDate()});
        if (!deferred.isEmpty() && !deferredDue)
            return deferredDue.error();
        return store::CaseStore::IntakeDecision{core::EventType::Accepted,
                                                core::payload::accepted(deferred, commitments)};
    };
    auto recorded = m_cases.receiveAndDecide(in, decide, m_clerk.userId);
    if (!recorded) {
        // Nothing was stored and the draft is kept: the clerk can correct and record again.
        m_problems = QStringList{recorded.error().message};
        m_ui->decisionProblem->setText(
            tr("Nothing was recorded: %1").arg(recorded.error().message));
        return false;
    }
    m_caseId = recorded->received.event.caseId;
    m_caseNumber = recorded->received.state.caseNumber;
    m_keepDraft = false; // the store removed it with the case's recording
    m_savedDraft.clear();
    accept();
    return true;
}

} // namespace onewindow::ui
