#pragma once

#include "core/Clock.h"
#include "core/HallSettings.h"
#include "core/Inquiry.h"
#include "store/UserRepository.h"

#include <QTimeZone>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableView;

namespace onewindow::store {
class CaseStore;
class Store;
} // namespace onewindow::store

namespace onewindow::ui {

class CatalogModel;
class InquiryModel;

// First-inquiry duty (首问负责): a question answered or referred at the window is logged though no
// case is opened. The form: who asked (phone optional), the item (found as at intake: name, code or
// pinyin initials, Down and Enter to pick; or the asker's own words), the question, the answer and
// where they were referred, and the case asked about when there is one (its number or query code:
// the inquiry then also goes into the case's record, decision 1). Ctrl+Enter records; a problem
// shows in red under its field and nothing is stored. Below, this window's inquiries of today.
class InquiryPage : public QWidget
{
    Q_OBJECT
public:
    InquiryPage(store::Store& store, const core::Clock& clock, core::HallSettings settings,
                QWidget* parent = nullptr);

    // Who answers at this window (the window code and time zone come from the hall's settings).
    void setClerk(const store::User& clerk);
    void setSettings(const core::HallSettings& settings) { m_settings = settings; }
    // The signed-in session's case log: an inquiry about a case is appended to it. Without one
    // the case field refuses (nobody signed in).
    void setCases(store::CaseStore* cases) { m_cases = cases; }
    // The case asked about, filled in (the case view's 登记咨询); the asker's name is next.
    void setCaseReference(const QString& reference);
    // Ctrl+Enter: checks, records (or, while correcting, saves the correction), clears the form
    // and lists the inquiry; false with problems shown.
    bool submit();
    // Enter on a listed inquiry of today: its words back in the form to be corrected; Esc or
    // recording it ends the correction.
    void startCorrecting(int row);
    void cancelCorrecting();
    bool correcting() const { return !m_correcting.isEmpty(); }
    // Something typed into the form and not recorded yet (quitting or signing out asks first).
    bool hasUnsavedInput() const;
    // Empties the form (a session closed after its user agreed to drop what was typed).
    void clearForm();
    void refresh();

    InquiryModel* model() const { return m_model; }
    // The last inquiry recorded by submit() (its id, and its case when it was about one).
    const core::Inquiry& lastRecorded() const { return m_lastRecorded; }
    QString pickedItemCode() const { return m_itemCode; }
    QStringList problems() const;
    QString summary() const;

Q_SIGNALS:
    // A new inquiry was recorded (not a correction).
    void recorded();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    void reloadCatalog();
    void pickItem(int row);
    void showMatches(const QString& text);
    QLabel* problemLabel(const char* name);

    store::Store& m_store;
    const core::Clock& m_clock;
    store::CaseStore* m_cases = nullptr;
    core::Inquiry m_lastRecorded;
    store::User m_clerk;
    QString m_windowCode;
    core::HallSettings m_settings;
    CatalogModel* m_catalog;
    InquiryModel* m_model;
    QString m_itemCode; // empty: the item is the asker's own words
    QString m_itemName;
    QString m_correcting; // the inquiry being corrected; empty: a new one is recorded
    QLineEdit* m_person;
    QLineEdit* m_phone;
    QLineEdit* m_item;
    QTableView* m_matches;
    QLabel* m_itemNote = nullptr;
    QPlainTextEdit* m_question;
    QPlainTextEdit* m_answer;
    QLineEdit* m_referred;
    QLineEdit* m_case;
    QPushButton* m_save;
    QPushButton* m_cancel;
    QLabel* m_personProblem;
    QLabel* m_phoneProblem;
    QLabel* m_questionProblem;
    QLabel* m_answerProblem;
    QLabel* m_caseProblem;
    QLabel* m_status;
    QLabel* m_summary;
    QTableView* m_view;
};

} // namespace onewindow::ui
