#pragma once

#include "core/CaseState.h"
#include "core/Catalog.h"
#include "core/IntakeDraft.h"
#include "store/UserRepository.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;

#include <functional>
#include <memory>

namespace Ui {
class IntakeDialog;
}

namespace onewindow::store {
class CaseStore;
}

namespace onewindow::ui {

class CatalogModel;

// Intake at the window, from blank screen to decision, all by keyboard: Enter moves on, Esc goes
// back. 1 the item, 2 the applicant (checked inline), 3 for disclosure the channel and its receipt
// day, 4 the materials checklist, 5 the decision the checklist allows (accept, one-time notice with
// every short material pre-filled, or refuse). Nothing is recorded until the last step is valid,
// but once the item is chosen the form is kept as the clerk's draft (each completed step and each
// committed field: one small write), so a crash, a power cut or the lock loses nothing; the next
// intake offers it back. Recording the case or cancelling on purpose removes the draft.
class IntakeDialog : public QDialog
{
    Q_OBJECT
public:
    enum Step
    {
        ItemStep,
        ApplicantStep,
        ChannelStep,
        MaterialsStep,
        DecisionStep,
    };
    IntakeDialog(store::Store& store, store::CaseStore& cases, const store::User& clerk,
                 QDate today, QWidget* parent = nullptr);
    ~IntakeDialog() override;

    Step step() const;
    bool next(); // validates this step; on the last one records the case; false with problems shown
    void back();
    QStringList problems() const { return m_problems; }

    QString caseNumber() const { return m_caseNumber; }
    QString caseId() const { return m_caseId; }
    const core::ServiceItem& item() const { return m_item; }
    // The materials as checked so far (test seam and the notice preview).
    QList<core::MaterialCheck> checklist() const;
    void setMaterialState(int row, core::MaterialState state, const QString& problem = {});

    // The form as it stands, and the form put back from a draft (false with the clerk told when
    // the draft's item is no longer in the catalog).
    core::IntakeDraft draft() const;
    bool restore(const core::IntakeDraft& draft);
    enum class DraftOffer
    {
        None,      // no draft of this clerk
        Restored,  // the clerk continued it
        Discarded, // the clerk started afresh; the draft is gone
        Damaged,   // it could not be read or restored: the clerk was told, the draft is gone
    };
    // Offers this clerk's interrupted intake back ("继续上次未完成的收件？"), before exec().
    DraftOffer offerDraft();
    // Test seam: questions and messages go to these instead of message boxes.
    void setPrompts(std::function<bool(const QString&)> ask,
                    std::function<void(const QString&)> tell);

protected:
    void reject() override; // Esc: one step back; on the first step, close
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    enum MaterialColumn
    {
        NameCol,
        RequirementCol,
        StateCol,
        ProblemCol,
        CopiesCol,
    };
    void go(Step step);
    void showStepTitle();
    bool advance();
    bool validateApplicant();
    bool validateDecision();
    bool finish();
    void loadItem(const QString& code);
    void fillChecklist();
    void paintMaterialRow(int row, core::MaterialState state);
    void cycleMaterialState(int row);
    void markRemainingProvided();
    bool validateMaterials();
    void addProblemLabels();
    void refreshDecision();
    void refreshReceipt();
    void offerHistory();
    void saveDraft();
    void discardDraft();
    void watchForDraft();
    bool ask(const QString& question, const QString& detail, bool yesByDefault = true);
    void tell(const QString& message);

    std::unique_ptr<Ui::IntakeDialog> m_ui;
    store::Store& m_store;
    store::CaseStore& m_cases;
    store::User m_clerk;
    QDate m_today;
    CatalogModel* m_catalog;
    QLabel* m_itemProblem = nullptr;
    QLabel* m_nameProblem = nullptr;
    QLabel* m_sameIdWarning = nullptr;
    QLabel* m_materialsProblem = nullptr;
    // The applicant's choice of how the result is delivered, and the address for 邮寄 (issue 15).
    QComboBox* m_deliveryCombo = nullptr;
    QLineEdit* m_postalEdit = nullptr;
    QLabel* m_deliveryProblem = nullptr;
    void addDeliveryFields();
    void fillDelivery();
    core::ServiceItem m_item;
    int m_itemVersion = 0;
    QStringList m_problems;
    QString m_caseNumber;
    QString m_caseId;
    bool m_keepDraft = false; // from the item step on
    bool m_restoring = false;
    QByteArray m_savedDraft;
    std::function<bool(const QString&)> m_ask;
    std::function<void(const QString&)> m_tell;
};

} // namespace onewindow::ui
