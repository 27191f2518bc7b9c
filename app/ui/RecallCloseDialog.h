#pragma once

#include "core/Error.h"
#include "core/RecallClose.h"
#include "store/UserRepository.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;

namespace onewindow::store {
class CaseStore;
}

namespace onewindow::ui {

// 追回办结 (decision 3): how the recall of one void document ended, 已追回 or 无法追回 with why,
// recorded as the case's case.recall_closed by the signed-in supervisor
// (store::closeRecall). Bad input is told in the dialog and records nothing.
class RecallCloseDialog : public QDialog
{
    Q_OBJECT
public:
    RecallCloseDialog(store::CaseStore& cases, const store::User& supervisor, const QString& caseId,
                      const QString& caseNumber, const QString& kind, const QString& number,
                      QWidget* parent = nullptr);

    // For tests: the fields as the supervisor would fill them.
    void setClosing(core::RecallOutcome outcome, const QString& note);
    // Checks and records the closing; on success the dialog is accepted.
    core::Status submit();
    QString problem() const;

private:
    store::CaseStore& m_cases;
    store::User m_supervisor;
    QString m_caseId;
    QString m_kind;
    QString m_number;
    QComboBox* m_outcome;
    QLineEdit* m_note;
    QLabel* m_problem;
};

} // namespace onewindow::ui
