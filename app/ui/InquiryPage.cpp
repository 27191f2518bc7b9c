#include "ui/InquiryPage.h"

#include "store/CaseStore.h"
#include "store/CatalogRepository.h"
#include "store/InquiryRepository.h"
#include "store/Store.h"
#include "ui/CatalogModel.h"
#include "ui/InquiryModel.h"
#include "ui/UiText.h"

#include <QApplication>
#include <QDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QTableView>
#include <QVBoxLayout>

namespace onewindow::ui {

InquiryPage::InquiryPage(store::Store& store, const core::Clock& clock, core::HallSettings settings,
                         QWidget* parent)
    : QWidget(parent), m_store(store), m_clock(clock), m_settings(std::move(settings)),
      m_catalog(new CatalogModel(this)), m_model(new InquiryModel(this))
{
    reloadCatalog();

    m_person = new QLineEdit(this);
    m_person->setObjectName(QStringLiteral("inquiryPerson"));
    m_person->setPlaceholderText(tr("Name, or how to address them (e.g. Ms Wang)"));
    m_phone = new QLineEdit(this);
    m_phone->setObjectName(QStringLiteral("inquiryPhone"));
    m_phone->setMaxLength(13);
    m_phone->setPlaceholderText(tr("Optional: mobile, or landline with area code"));
    m_case = new QLineEdit(this);
    m_case->setObjectName(QStringLiteral("inquiryCase"));
    m_case->setPlaceholderText(tr("Optional: when the question is about a case, its number or "
                                  "6-digit query code (it then goes into the case's record)"));
    m_item = new QLineEdit(this);
    m_item->setObjectName(QStringLiteral("inquiryItem"));
    m_item->setPlaceholderText(
        tr("Name, code or pinyin initials; Down and Enter pick an item, or keep your own words"));
    m_matches = new QTableView(this);
    m_matches->setObjectName(QStringLiteral("inquiryItemMatches"));
    m_matches->setModel(m_catalog);
    setUpListView(m_matches, CatalogModel::NameColumn);
    m_matches->setMaximumHeight(140);
    m_matches->hide();
    m_itemNote = new QLabel(this);
    m_question = new QPlainTextEdit(this);
    m_question->setObjectName(QStringLiteral("inquiryQuestion"));
    m_answer = new QPlainTextEdit(this);
    m_answer->setObjectName(QStringLiteral("inquiryAnswer"));
    for (QPlainTextEdit* e : {m_question, m_answer}) {
        e->setTabChangesFocus(true);
        e->setMaximumHeight(70);
    }
    m_referred = new QLineEdit(this);
    m_referred->setObjectName(QStringLiteral("inquiryReferred"));
    m_referred->setPlaceholderText(
        tr("Department, window or person the asker was sent to (leave empty if answered here)"));
    m_personProblem = problemLabel("personProblem");
    m_phoneProblem = problemLabel("phoneProblem");
    m_questionProblem = problemLabel("questionProblem");
    m_answerProblem = problemLabel("answerProblem");
    m_caseProblem = problemLabel("caseProblem");
    m_save = new QPushButton(tr("&Record (Ctrl+Enter)"), this);
    m_save->setObjectName(QStringLiteral("inquirySave"));
    m_cancel = new QPushButton(tr("Cancel the correction (Esc)"), this);
    m_cancel->setObjectName(QStringLiteral("inquiryCancel"));
    m_cancel->hide();
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("inquiryStatus"));
    m_summary = new QLabel(this);
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("inquiryList"));
    m_view->setModel(m_model);
    setUpListView(m_view, InquiryModel::QuestionColumn);

    // Under each field, its problem in red.
    auto* form = new QFormLayout;
    const auto field = [this, form](const QString& text, QWidget* input, QList<QWidget*> below) {
        auto* label = new QLabel(text, this);
        label->setBuddy(input); // Alt + the underlined letter
        auto* column = new QVBoxLayout;
        column->setContentsMargins(0, 0, 0, 0);
        column->setSpacing(2);
        column->addWidget(input);
        for (QWidget* w : below)
            column->addWidget(w);
        form->addRow(label, column);
    };
    field(tr("&Asked by:"), m_person, {m_personProblem});
    field(tr("&Phone:"), m_phone, {m_phoneProblem});
    field(tr("&Case asked about:"), m_case, {m_caseProblem});
    field(tr("I&tem:"), m_item, {m_matches, m_itemNote});
    field(tr("&Question:"), m_question, {m_questionProblem});
    field(tr("A&nswer:"), m_answer, {});
    field(tr("Re&ferred to:"), m_referred, {m_answerProblem});
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("First inquiry: whoever is asked first answers or refers the "
                                    "asker, and logs it even when no case is opened. Enter on "
                                    "one of today's inquiries below corrects it."),
                                 this));
    layout->addLayout(form);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_save);
    layout->addLayout(buttons);
    layout->addWidget(m_status);
    layout->addWidget(m_summary);
    layout->addWidget(m_view, 1);

    connect(m_save, &QPushButton::clicked, this, &InquiryPage::submit);
    connect(m_cancel, &QPushButton::clicked, this, &InquiryPage::cancelCorrecting);
    connect(m_view, &QTableView::activated, this,
            [this](const QModelIndex& index) { startCorrecting(index.row()); });
    auto* escape = new QShortcut(QKeySequence(Qt::Key_Escape), this);
    escape->setContext(Qt::WidgetWithChildrenShortcut);
    connect(escape, &QShortcut::activated, this, [this] {
        if (m_matches->isVisible()) { // Esc first closes the item list
            m_matches->hide();
            m_item->setFocus();
        } else if (correcting()) {
            cancelCorrecting();
        } else if (auto* dialog = qobject_cast<QDialog*>(window())) {
            dialog->reject(); // the form opened from a case view: Esc closes it
        }
    });
    for (const QKeySequence& keys :
         {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)}) {
        auto* shortcut = new QShortcut(keys, this);
        shortcut->setContext(Qt::WidgetWithChildrenShortcut);
        connect(shortcut, &QShortcut::activated, this, &InquiryPage::submit);
    }
    connect(m_item, &QLineEdit::textEdited, this, &InquiryPage::showMatches);
    connect(m_matches, &QTableView::activated, this,
            [this](const QModelIndex& index) { pickItem(index.row()); });
    m_item->installEventFilter(this);
    m_matches->installEventFilter(this);
    // A problem disappears as soon as its field is touched again.
    connect(m_person, &QLineEdit::textEdited, m_personProblem, &QLabel::clear);
    connect(m_phone, &QLineEdit::textEdited, m_phoneProblem, &QLabel::clear);
    connect(m_case, &QLineEdit::textEdited, m_caseProblem, &QLabel::clear);
    connect(m_question, &QPlainTextEdit::textChanged, m_questionProblem, &QLabel::clear);
    connect(m_answer, &QPlainTextEdit::textChanged, m_answerProblem, &QLabel::clear);
    connect(m_referred, &QLineEdit::textEdited, m_answerProblem, &QLabel::clear);
}

QLabel* InquiryPage::problemLabel(const char* name)
{
    auto* label = new QLabel(this);
    label->setObjectName(QString::fromLatin1(name));
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("color: #a40000;"));
    return label;
}

void InquiryPage::setClerk(const store::User& clerk)
{
    m_clerk = clerk;
    // The inquiry is logged at this workstation's window; a store not yet set up has none.
    m_windowCode = m_settings.deviceCode.isEmpty() ? clerk.windowCode : m_settings.deviceCode;
    refresh();
}

void InquiryPage::refresh()
{
    const QDate today = m_settings.today(m_clock);
    auto inquiries = store::InquiryRepository(m_store).onDay(today, m_windowCode);
    if (!inquiries) {
        m_summary->setText(inquiries.error().message);
        return;
    }
    m_model->setInquiries(*inquiries, m_settings.zone);
    m_summary->setText(
        tr("Today at window %1: %n inquiry(ies)", nullptr, static_cast<int>(inquiries->size()))
            .arg(m_windowCode));
    m_view->resizeColumnsToContents();
    m_view->horizontalHeader()->setSectionResizeMode(InquiryModel::QuestionColumn,
                                                     QHeaderView::Stretch);
    if (!inquiries->isEmpty())
        m_view->scrollToBottom();
}

QString InquiryPage::summary() const
{
    return m_summary->text();
}

QStringList InquiryPage::problems() const
{
    QStringList out;
    for (const QLabel* l :
         {m_personProblem, m_phoneProblem, m_caseProblem, m_questionProblem, m_answerProblem})
        if (!l->text().isEmpty())
            out.append(l->text());
    return out;
}

void InquiryPage::showMatches(const QString& text)
{
    m_itemCode.clear(); // typing again: the words are the asker's until an item is picked
    m_itemName.clear();
    m_catalog->setQuery(text);
    const bool any = !text.trimmed().isEmpty() && m_catalog->rowCount() > 0;
    m_matches->setVisible(any);
    if (any)
        m_matches->setCurrentIndex(m_catalog->index(0, 0));
    m_itemNote->setText(text.trimmed().isEmpty() ? QString()
                                                 : tr("Not a catalog item yet: Enter picks the "
                                                      "highlighted item, Tab keeps these words."));
}

void InquiryPage::pickItem(int row)
{
    const QString code = m_catalog->codeAt(row);
    if (code.isEmpty())
        return;
    m_itemCode = code;
    m_itemName = m_catalog->data(m_catalog->index(row, CatalogModel::NameColumn)).toString();
    m_item->setText(m_itemName);
    m_matches->hide();
    m_itemNote->setText(tr("Catalog item: %1 (%2)").arg(m_itemName, m_itemCode));
    m_question->setFocus();
}

bool InquiryPage::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        const bool enter = (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) &&
                           key->modifiers() == Qt::NoModifier;
        if (watched == m_item && key->key() == Qt::Key_Down && m_matches->isVisible()) {
            m_matches->setFocus();
            return true;
        }
        if (watched == m_item && enter) {
            if (m_matches->isVisible() && m_matches->currentIndex().isValid())
                pickItem(m_matches->currentIndex().row());
            else
                m_question->setFocus();
            return true;
        }
        if (watched == m_matches && enter) {
            pickItem(m_matches->currentIndex().row());
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void InquiryPage::reloadCatalog()
{
    auto entries = store::CatalogRepository(m_store).entries();
    m_catalog->setEntries(entries ? *entries : QList<core::CatalogEntry>());
    if (!entries) {
        qWarning("inquiry: catalog: %s: %s", qPrintable(entries.error().code),
                 qPrintable(entries.error().message));
        if (m_itemNote) // the constructor's first read comes before the form: shown when shown
            m_itemNote->setText(tr("The service catalog could not be read: %1 Record the inquiry "
                                   "without an item, or call the administrator.")
                                    .arg(entries.error().message));
    }
}

void InquiryPage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    reloadCatalog(); // an administrator may have imported or edited items meanwhile
    refresh();       // the day may have turned since the page was last seen
    if (!isAncestorOf(QApplication::focusWidget()))
        m_person->setFocus(); // Alt+5, then type the asker's name
}

bool InquiryPage::submit()
{
    core::Inquiry in;
    in.clerkId = m_clerk.userId;
    in.windowCode = m_windowCode;
    in.person = m_person->text();
    in.phone = m_phone->text();
    in.itemCode = m_itemCode;
    in.itemName = m_itemCode.isEmpty() ? m_item->text().trimmed() : m_itemName;
    in.question = m_question->toPlainText();
    in.answer = m_answer->toPlainText();
    in.referredTo = m_referred->text();
    for (QLabel* l :
         {m_personProblem, m_phoneProblem, m_caseProblem, m_questionProblem, m_answerProblem})
        l->clear();
    m_status->clear();
    const QList<core::InquiryProblem> problems = core::checkInquiry(in);
    QWidget* first = nullptr;
    for (const core::InquiryProblem& p : problems) {
        QLabel* label = m_answerProblem;
        QWidget* field = m_answer;
        switch (p.field) {
        case core::InquiryProblem::Person:
            label = m_personProblem;
            field = m_person;
            break;
        case core::InquiryProblem::Phone:
            label = m_phoneProblem;
            field = m_phone;
            break;
        case core::InquiryProblem::Question:
            label = m_questionProblem;
            field = m_question;
            break;
        case core::InquiryProblem::Answer:
            break;
        }
        label->setText(p.error.message);
        if (!first)
            first = field;
    }
    if (first) {
        first->setFocus();
        return false;
    }
    const bool correction = correcting();
    in.inquiryId = m_correcting;
    const QString caseReference = correction ? QString() : m_case->text().trimmed();
    store::InquiryRepository inquiries(m_store);
    core::Result<core::Inquiry> saved = core::Error{};
    if (correction)
        saved = inquiries.amend(in, m_clerk.userId, m_windowCode, m_settings.zone);
    else if (caseReference.isEmpty())
        saved = inquiries.record(in, m_settings.zone);
    else if (!m_cases)
        saved = core::Error{QStringLiteral("inquiry.clerk"),
                            tr("Sign in before recording an inquiry.")};
    else
        saved = inquiries.recordAbout(in, caseReference, *m_cases);
    if (!saved) {
        // A case that cannot be found is told under its field; anything else below the form.
        const QString code = saved.error().code;
        if (code == QLatin1String("inquiry.case_unknown") ||
            code == QLatin1String("inquiry.case_ambiguous")) {
            m_caseProblem->setText(saved.error().message);
            m_case->setFocus();
            m_case->selectAll();
        } else {
            m_status->setText(saved.error().message);
        }
        return false;
    }
    cancelCorrecting(); // clears the form
    refresh();
    if (correction) {
        m_status->setText(tr("Inquiry from %1 corrected.").arg(saved->person));
        return true;
    }
    m_lastRecorded = *saved;
    m_status->setText(saved->caseNumber.isEmpty()
                          ? tr("Inquiry from %1 recorded.").arg(saved->person)
                          : tr("Inquiry from %1 recorded, and in the record of case %2.")
                                .arg(saved->person, saved->caseNumber));
    Q_EMIT recorded();
    return true;
}

void InquiryPage::startCorrecting(int row)
{
    const core::Inquiry* i = m_model->inquiryAt(row);
    if (!i)
        return;
    if (!i->caseId.isEmpty()) { // its words are in the case's record as they were recorded
        m_status->setText(core::inquiryInCaseRecord(i->caseNumber).message);
        return;
    }
    clearForm();
    m_correcting = i->inquiryId;
    m_person->setText(i->person);
    m_phone->setText(i->phone);
    m_item->setText(i->itemName);
    m_itemCode = i->itemCode;
    m_itemName = i->itemName;
    if (!m_itemCode.isEmpty())
        m_itemNote->setText(tr("Catalog item: %1 (%2)").arg(m_itemName, m_itemCode));
    m_question->setPlainText(i->question);
    m_answer->setPlainText(i->answer);
    m_referred->setText(i->referredTo);
    m_save->setText(tr("&Save the correction (Ctrl+Enter)"));
    m_case->setEnabled(false); // a correction stays an inquiry about no case
    m_cancel->show();
    m_status->setText(tr("Correcting the inquiry from %1 asked at %2.")
                          .arg(i->person, i->askedAtUtc.toTimeZone(m_settings.zone)
                                              .time()
                                              .toString(QStringLiteral("HH:mm"))));
    m_person->setFocus();
    m_person->selectAll();
}

void InquiryPage::cancelCorrecting()
{
    const bool was = correcting();
    m_correcting.clear();
    clearForm();
    m_save->setText(tr("&Record (Ctrl+Enter)"));
    m_case->setEnabled(true);
    m_cancel->hide();
    if (was)
        m_status->clear();
    m_person->setFocus();
}

bool InquiryPage::hasUnsavedInput() const
{
    for (const QLineEdit* e : {m_person, m_phone, m_case, m_item, m_referred})
        if (!e->text().trimmed().isEmpty())
            return true;
    return !m_question->toPlainText().trimmed().isEmpty() ||
           !m_answer->toPlainText().trimmed().isEmpty();
}

void InquiryPage::clearForm()
{
    for (QLineEdit* e : {m_person, m_phone, m_case, m_item, m_referred})
        e->clear();
    m_question->clear();
    m_answer->clear();
    m_itemCode.clear();
    m_itemName.clear();
    m_itemNote->clear();
    m_matches->hide();
    for (QLabel* l :
         {m_personProblem, m_phoneProblem, m_caseProblem, m_questionProblem, m_answerProblem})
        l->clear();
}

void InquiryPage::setCaseReference(const QString& reference)
{
    if (correcting())
        cancelCorrecting();
    m_case->setText(reference);
    m_caseProblem->clear();
    m_person->setFocus();
}

} // namespace onewindow::ui
