#pragma once

#include "core/CaseState.h"
#include "core/Catalog.h"
#include "store/UserRepository.h"

#include <QDialog>

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
// every short material pre-filled, or refuse). Nothing is stored until the last step is valid.
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

protected:
    void reject() override; // Esc: one step back; on the first step, close
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void go(Step step);
    bool validateApplicant();
    bool validateDecision();
    bool finish();
    void loadItem(const QString& code);
    void fillChecklist();
    void refreshDecision();
    void refreshReceipt();
    void offerHistory();

    std::unique_ptr<Ui::IntakeDialog> m_ui;
    store::Store& m_store;
    store::CaseStore& m_cases;
    store::User m_clerk;
    QDate m_today;
    CatalogModel* m_catalog;
    core::ServiceItem m_item;
    int m_itemVersion = 0;
    QStringList m_problems;
    QString m_caseNumber;
    QString m_caseId;
};

} // namespace onewindow::ui
