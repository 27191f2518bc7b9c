#pragma once

#include "core/Catalog.h"
#include "core/Matter.h"
#include "core/MatterCase.h"
#include "core/MatterIntakeDraft.h"
#include "store/UserRepository.h"

#include <QDialog>

#include <functional>
#include <optional>

class QCheckBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QStackedWidget;
class QTableWidget;
class QVBoxLayout;

namespace onewindow::store {
class CaseStore;
}

namespace onewindow::ui {

// One intake for a whole matter (一件事一次办, issue 20), all by keyboard: Enter moves on, Esc
// goes back. 1 the matter (name, code or pinyin initials), 2 the questions that decide which
// items apply (Space answers yes), 3 the applicant once, 4 the merged checklist (a shared paper
// once, each row naming the items that need it; Space cycles a row, F8 takes a paper the joined
// case holds again with a reason, F9 marks the unchecked rows handed in), 5 per item accept /
// one-time notice / refuse (Space cycles; a short material makes a notice). Recording takes every
// part in one transaction, each with its own case number beside the matter's number.
class MatterIntakeDialog : public QDialog
{
    Q_OBJECT
public:
    enum Step
    {
        MatterStep,
        QuestionStep,
        ApplicantStep,
        ChecklistStep,
        DecisionStep,
    };
    enum class PartDecision
    {
        Accept,
        Notice,
        Refuse,
    };
    MatterIntakeDialog(store::Store& store, store::CaseStore& cases, const store::User& clerk,
                       QWidget* parent = nullptr);
    ~MatterIntakeDialog() override;

    // A matter started from a case taken in alone ("this applicant also needs ..."): its
    // applicant filled in, only the matters joining its item listed, and the case counted as the
    // part of its item (it joins the matter when the intake is recorded; issue 20); the shared
    // papers its acceptance holds count as received (core::markHeldByJoinedCase).
    void startFrom(const core::CaseState& part);
    QString joinedCaseNumber() const { return m_joinCaseNumber; }

    Step step() const;
    bool next(); // validates this step; on the last one records the matter
    void back();
    QStringList problems() const { return m_problems; }

    QString matterNumber() const { return m_matterNumber; }
    QStringList caseNumbers() const { return m_caseNumbers; }
    QStringList caseIds() const { return m_caseIds; }
    const QList<core::ServiceItem>& parts() const { return m_parts; }
    const QList<core::ChecklistRow>& checklist() const { return m_rows; }
    QList<PartDecision> decisions() const { return m_decisions; }

    // Drafts (MatterIntakeDraftUi.cpp), as the single intake keeps them: the intake as far as the
    // clerk got is the clerk's draft, written at each step and each finished field, kept when
    // the window closes the dialog (the idle lock's takeover, signing out: done(Rejected)),
    // dropped when the matter is recorded or the clerk backs out of the first step on purpose.
    enum class DraftOffer
    {
        None,
        Restored,
        Discarded,
        Damaged,
    };
    // Offers the clerk's unfinished matter intake back (a yes/no question); restores it on yes.
    DraftOffer offerDraft();
    core::MatterIntakeDraft draft() const;
    // Test seams for the question and the message (default: message boxes).
    void setPrompts(std::function<bool(const QString&)> ask,
                    std::function<void(const QString&)> tell);
    void done(int result) override;

protected:
    void reject() override; // Esc: one step back; on the first step, close
    bool eventFilter(QObject* watched, QEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override; // Enter: next

private:
    void go(Step step);
    void filterMatters(const QString& text);
    bool chooseMatter();
    void refreshApplying();
    bool validateApplicant();
    void fillChecklist();
    void paintRow(int row);
    void cycleRow(int row);
    // F8 on a paper the joined case holds: taken again (checked like any other row, with a
    // reason); F8 again: held again.
    void retakeRow(int row);
    void markRemainingProvided();
    bool validateChecklist();
    void fillDecisions();
    void paintDecision(int row);
    bool record();
    QWidget* page(const QString& title, QVBoxLayout*& layout);
    void saveDraft();
    void discardDraft();
    bool restore(const core::MatterIntakeDraft& d);
    bool ask(const QString& question);
    void tell(const QString& message);

    store::Store& m_store;
    store::CaseStore& m_cases;
    store::User m_clerk;
    QStackedWidget* m_pages = nullptr;
    QLabel* m_title = nullptr;
    QLabel* m_problem = nullptr;
    QLineEdit* m_search = nullptr;
    QListWidget* m_matterList = nullptr;
    QVBoxLayout* m_questionLayout = nullptr;
    QList<QCheckBox*> m_questions;
    QLabel* m_applying = nullptr;
    QLineEdit* m_name = nullptr;
    QLineEdit* m_id = nullptr;
    QLineEdit* m_phone = nullptr;
    QTableWidget* m_checkTable = nullptr;
    QTableWidget* m_decisionTable = nullptr;
    QLineEdit* m_refuseReason = nullptr;
    QLineEdit* m_retakeReason = nullptr;

    QHash<QString, core::Matter> m_allMatters;
    QHash<QString, int> m_versions; // matter code -> current version
    core::Matter m_matter;
    QList<core::ServiceItem> m_parts;
    QList<int> m_partVersions;
    QList<core::ChecklistRow> m_rows;
    QList<core::MaterialCheck> m_checks; // parallel to m_rows
    QList<PartDecision> m_decisions;     // parallel to m_parts
    QStringList m_problems;
    QString m_matterNumber;
    QStringList m_caseNumbers;
    QStringList m_caseIds;
    QString m_joinCaseId; // startFrom: the case counted as a part
    QString m_joinCaseNumber;
    QString m_joinItemCode;
    std::optional<core::CaseState> m_joinState; // its papers: the shared ones are not asked again
    bool m_joinApplies = false;                 // its item is among those the answers make apply
    bool m_keepDraft = true;
    bool m_restoring = false;
    QByteArray m_savedDraft; // the last draft written: a save of the same is skipped
    std::function<bool(const QString&)> m_ask;
    std::function<void(const QString&)> m_tell;
};

} // namespace onewindow::ui
