#include "ui/MatterIntakeDialog.h"

#include "core/CasePayloads.h"
#include "core/Identifiers.h"
#include "core/PinyinInitials.h"
#include "store/CaseStore.h"
#include "store/CatalogRepository.h"
#include "store/MatterRepository.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QStackedWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace onewindow::ui {

namespace {

using core::MaterialState;

QTableWidget* table(const QStringList& headers, QWidget* parent)
{
    auto* t = new QTableWidget(0, static_cast<int>(headers.size()), parent);
    t->setHorizontalHeaderLabels(headers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setSelectionMode(QAbstractItemView::SingleSelection);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->verticalHeader()->hide();
    t->horizontalHeader()->setStretchLastSection(true);
    return t;
}

// Whether `item` is among the items a matter may join under some answers: all yes or all no.
bool joinsItem(const core::Matter& matter, const QHash<QString, core::Matter>& all,
               const QString& item)
{
    core::MatterAnswers yes, no;
    for (const core::MatterQuestion& q : core::matterQuestions(matter, all)) {
        yes.insert(q.key, true);
        no.insert(q.key, false);
    }
    return core::applicableItems(matter, all, yes).contains(item) ||
           core::applicableItems(matter, all, no).contains(item);
}

} // namespace

MatterIntakeDialog::MatterIntakeDialog(store::Store& store, store::CaseStore& cases,
                                       const store::User& clerk, QWidget* parent)
    : QDialog(parent), m_store(store), m_cases(cases), m_clerk(clerk)
{
    setWindowTitle(tr("Matter intake (one application for a whole matter)"));
    resize(860, 560);
    auto* layout = new QVBoxLayout(this);
    m_title = new QLabel(this);
    m_title->setStyleSheet(QStringLiteral("font-weight: bold;"));
    layout->addWidget(m_title);
    m_pages = new QStackedWidget(this);
    layout->addWidget(m_pages, 1);
    m_problem = new QLabel(this);
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #b00020;"));
    layout->addWidget(m_problem);
    auto* hint = new QLabel(tr("Enter: next · Esc: back"), this);
    hint->setStyleSheet(QStringLiteral("color: #666;"));
    layout->addWidget(hint);

    QVBoxLayout* l = nullptr;
    m_pages->addWidget(page(tr("1 Matter"), l));
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("matterSearch"));
    m_search->setPlaceholderText(tr("Matter name, code or pinyin initials"));
    m_matterList = new QListWidget(this);
    m_matterList->setObjectName(QStringLiteral("matterList"));
    l->addWidget(m_search);
    l->addWidget(m_matterList, 1);
    connect(m_search, &QLineEdit::textChanged, this, &MatterIntakeDialog::filterMatters);
    m_search->installEventFilter(this);

    m_pages->addWidget(page(tr("2 Questions"), l));
    m_questionLayout = l;
    m_applying = new QLabel(this);
    m_applying->setWordWrap(true);
    l->addStretch(1);
    l->addWidget(m_applying);

    m_pages->addWidget(page(tr("3 Applicant"), l));
    auto* form = new QFormLayout;
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("matterApplicantName"));
    m_id = new QLineEdit(this);
    m_id->setObjectName(QStringLiteral("matterApplicantId"));
    m_phone = new QLineEdit(this);
    m_phone->setObjectName(QStringLiteral("matterApplicantPhone"));
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&ID number:"), m_id);
    form->addRow(tr("&Phone:"), m_phone);
    l->addLayout(form);
    l->addStretch(1);

    m_pages->addWidget(page(tr("4 Materials (each paper once)"), l));
    m_checkTable = table({tr("Material"), tr("State"), tr("Requirement"), tr("Needed by")}, this);
    m_checkTable->setObjectName(QStringLiteral("matterChecklist"));
    m_checkTable->installEventFilter(this);
    l->addWidget(m_checkTable, 1);
    // A held paper taken again all the same (the ID card expired since): why, in a few words.
    m_retakeReason = new QLineEdit(this);
    m_retakeReason->setObjectName(QStringLiteral("matterRetakeReason"));
    m_retakeReason->setPlaceholderText(tr(
        "Why the held paper is taken again (e.g. the ID card expired); Enter: back to the list"));
    m_retakeReason->setMaxLength(100);
    m_retakeReason->setVisible(false);
    m_retakeReason->installEventFilter(this);
    l->addWidget(m_retakeReason);
    l->addWidget(new QLabel(tr("Space: next state · F8: take a held paper again · F9: mark the "
                               "rows still unchecked handed in"),
                            this));

    m_pages->addWidget(page(tr("5 Decision per item"), l));
    m_decisionTable = table({tr("Item"), tr("Decision"), tr("Department"), tr("Missing")}, this);
    m_decisionTable->setObjectName(QStringLiteral("matterDecisions"));
    m_decisionTable->installEventFilter(this);
    l->addWidget(m_decisionTable, 1);
    m_refuseReason = new QLineEdit(this);
    m_refuseReason->setPlaceholderText(tr("Reason of a refusal (行政许可法 Art. 38)"));
    l->addWidget(m_refuseReason);
    l->addWidget(
        new QLabel(tr("Space: accept / one-time notice / refuse · Enter: record all"), this));
    // What the clerk types is kept as they finish each field (a draft, MatterIntakeDraftUi.cpp).
    for (QLineEdit* e : {m_name, m_id, m_phone, m_retakeReason, m_refuseReason})
        connect(e, &QLineEdit::editingFinished, this, &MatterIntakeDialog::saveDraft);

    if (auto all = store::MatterRepository(m_store).currentMatters())
        for (const core::MatterVersion& v : *all) {
            m_allMatters.insert(v.matter.code, v.matter);
            m_versions.insert(v.matter.code, v.version);
        }
    filterMatters(QString());
    go(MatterStep);
}

MatterIntakeDialog::~MatterIntakeDialog()
{
    // The dialog's members go before its widgets do: a field losing focus as the widgets are
    // hidden must not reach back into them (editingFinished -> saveDraft -> draft()).
    for (QWidget* w : findChildren<QWidget*>())
        w->disconnect(this);
}

void MatterIntakeDialog::startFrom(const core::CaseState& part)
{
    m_joinCaseId = part.caseId;
    m_joinCaseNumber = part.caseNumber;
    m_joinItemCode = part.itemCode;
    m_joinState = part;
    setWindowTitle(tr("Matter intake started from case %1").arg(part.caseNumber));
    m_name->setText(part.applicant.name);
    m_id->setText(part.applicant.idNumber);
    m_phone->setText(part.applicant.phone);
    filterMatters(m_search->text());
}

QWidget* MatterIntakeDialog::page(const QString& title, QVBoxLayout*& layout)
{
    auto* w = new QWidget(this);
    w->setWindowTitle(title);
    layout = new QVBoxLayout(w);
    layout->setContentsMargins(0, 0, 0, 0);
    return w;
}

MatterIntakeDialog::Step MatterIntakeDialog::step() const
{
    return static_cast<Step>(m_pages->currentIndex());
}

void MatterIntakeDialog::go(Step s)
{
    m_pages->setCurrentIndex(s);
    m_title->setText(m_pages->currentWidget()->windowTitle() +
                     (m_matter.name.isEmpty() ? QString() : QStringLiteral(" · ") + m_matter.name));
    m_problem->clear();
    m_problems.clear();
    switch (s) {
    case MatterStep:
        m_search->setFocus();
        break;
    case QuestionStep:
        if (!m_questions.isEmpty())
            m_questions.first()->setFocus();
        break;
    case ApplicantStep:
        m_name->setFocus();
        break;
    case ChecklistStep:
        m_checkTable->setFocus();
        m_checkTable->selectRow(0);
        break;
    case DecisionStep:
        m_decisionTable->setFocus();
        m_decisionTable->selectRow(0);
        break;
    }
    saveDraft();
}

void MatterIntakeDialog::filterMatters(const QString& text)
{
    m_matterList->clear();
    const QString query = text.trimmed();
    QStringList codes = m_allMatters.keys();
    std::sort(codes.begin(), codes.end(), [this](const QString& a, const QString& b) {
        return m_allMatters.value(a).name < m_allMatters.value(b).name;
    });
    for (const QString& code : codes) {
        const core::Matter& m = m_allMatters.value(code);
        if (!m_joinItemCode.isEmpty() && !joinsItem(m, m_allMatters, m_joinItemCode))
            continue;
        if (!query.isEmpty() && !m.name.contains(query) &&
            !core::pinyinInitials(m.name).startsWith(query.toLower()) &&
            !m.code.startsWith(query.toUpper()))
            continue;
        auto* row = new QListWidgetItem(
            tr("%1 (%2, promised within %3 working days)").arg(m.name, m.code).arg(m.promisedDays),
            m_matterList);
        row->setData(Qt::UserRole, m.code);
    }
    m_matterList->setCurrentRow(0);
}

bool MatterIntakeDialog::chooseMatter()
{
    QListWidgetItem* current = m_matterList->currentItem();
    if (!current) {
        m_problems = {tr("No matter matches; type part of its name, its code or its initials.")};
        return false;
    }
    m_matter = m_allMatters.value(current->data(Qt::UserRole).toString());
    qDeleteAll(m_questions);
    m_questions.clear();
    for (const core::MatterQuestion& q : core::matterQuestions(m_matter, m_allMatters)) {
        auto* box = new QCheckBox(q.text, this);
        box->setProperty("key", q.key);
        m_questionLayout->insertWidget(static_cast<int>(m_questions.size()), box);
        connect(box, &QCheckBox::toggled, this, &MatterIntakeDialog::refreshApplying);
        box->installEventFilter(this);
        m_questions.append(box);
    }
    refreshApplying();
    return true;
}

void MatterIntakeDialog::refreshApplying()
{
    core::MatterAnswers answers;
    for (QCheckBox* box : m_questions)
        answers.insert(box->property("key").toString(), box->isChecked());
    m_parts.clear();
    m_partVersions.clear();
    store::CatalogRepository catalog(m_store);
    QStringList names;
    m_joinApplies = false;
    for (const QString& code : core::applicableItems(m_matter, m_allMatters, answers)) {
        // The case the matter starts from is this item's part already.
        if (code == m_joinItemCode) {
            m_joinApplies = true;
            continue;
        }
        if (auto item = catalog.currentItem(code)) {
            m_parts.append(item->item);
            m_partVersions.append(item->version);
            names.append(item->item.name);
        }
    }
    m_applying->setText(
        tr("Items to apply for (%1): %2").arg(names.size()).arg(names.join(QStringLiteral("、"))) +
        (m_joinApplies
             ? QStringLiteral("\n") + tr("Counted as a part: case %1").arg(m_joinCaseNumber)
             : QString()));
}

bool MatterIntakeDialog::validateApplicant()
{
    m_name->setText(core::normalizeName(m_name->text()));
    m_id->setText(core::normalizeCode(m_id->text()));
    m_phone->setText(core::normalizeCode(m_phone->text()));
    if (core::Status s = core::checkName(m_name->text(), core::NameField::Applicant); !s)
        m_problems.append(s.error().message);
    if (core::Status s = core::checkCitizenId(m_id->text()); !s)
        m_problems.append(tr("Applicant: %1").arg(s.error().message));
    if (!m_phone->text().isEmpty())
        if (core::Status s = core::checkMobile(m_phone->text()); !s)
            m_problems.append(s.error().message);
    return m_problems.isEmpty();
}

bool MatterIntakeDialog::next()
{
    m_problems.clear();
    bool ok = true;
    switch (step()) {
    case MatterStep:
        ok = chooseMatter();
        if (ok)
            go(QuestionStep);
        break;
    case QuestionStep:
        refreshApplying();
        ok = !m_parts.isEmpty() && (m_joinCaseId.isEmpty() || m_joinApplies);
        if (!m_joinCaseId.isEmpty() && !m_joinApplies)
            m_problems = {tr("Under these answers the item of case %1 is not part of this matter.")
                              .arg(m_joinCaseNumber)};
        else if (!ok)
            m_problems = {tr("Under these answers no item of the matter applies.")};
        else
            go(ApplicantStep);
        break;
    case ApplicantStep:
        ok = validateApplicant();
        if (ok) {
            fillChecklist();
            go(ChecklistStep);
        }
        break;
    case ChecklistStep:
        ok = validateChecklist();
        if (ok) {
            fillDecisions();
            go(DecisionStep);
        }
        break;
    case DecisionStep:
        ok = record();
        break;
    }
    m_problem->setText(m_problems.join(QLatin1Char('\n')));
    return ok;
}

void MatterIntakeDialog::back()
{
    if (step() == MatterStep) {
        discardDraft(); // backed out on purpose
        QDialog::reject();
    } else {
        go(static_cast<Step>(step() - 1));
    }
}

void MatterIntakeDialog::reject()
{
    back();
}

bool MatterIntakeDialog::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() != QEvent::KeyPress)
        return QDialog::eventFilter(watched, event);
    const auto* key = static_cast<QKeyEvent*>(event);
    if (watched == m_search && (key->key() == Qt::Key_Down || key->key() == Qt::Key_Up)) {
        const int row = m_matterList->currentRow() + (key->key() == Qt::Key_Down ? 1 : -1);
        if (row >= 0 && row < m_matterList->count())
            m_matterList->setCurrentRow(row);
        return true;
    }
    if (watched == m_checkTable && key->key() == Qt::Key_Space) {
        cycleRow(m_checkTable->currentRow());
        saveDraft();
        return true;
    }
    if (watched == m_checkTable && key->key() == Qt::Key_F8) {
        retakeRow(m_checkTable->currentRow());
        saveDraft();
        return true;
    }
    if (watched == m_retakeReason &&
        (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter)) {
        m_checkTable->setFocus(); // on to checking the paper taken again
        return true;
    }
    if ((watched == m_checkTable || watched == m_retakeReason) && key->key() == Qt::Key_F9) {
        // After looking at the papers: the rest handed in, and on to the decisions (one key).
        markRemainingProvided();
        next();
        return true;
    }
    if (watched == m_decisionTable && key->key() == Qt::Key_Space) {
        const int row = m_decisionTable->currentRow();
        if (row >= 0 && row < m_decisions.size()) {
            m_decisions[row] =
                static_cast<PartDecision>((static_cast<int>(m_decisions[row]) + 1) % 3);
            paintDecision(row);
            saveDraft();
        }
        return true;
    }
    return QDialog::eventFilter(watched, event);
}

void MatterIntakeDialog::keyPressEvent(QKeyEvent* event)
{
    if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) {
        next();
        return;
    }
    QDialog::keyPressEvent(event);
}

} // namespace onewindow::ui
