#pragma once

#include "store/MatterCases.h"
#include "store/UserRepository.h"
#include "ui/DocumentPreview.h"

#include <QDate>
#include <QWidget>

#include <optional>

class QLabel;
class QTableWidget;

namespace onewindow::store {
class CaseStore;
}

namespace onewindow::ui {

// The supervisor's board of matters (一件事一次办, issue 20): every matter not yet done with its
// own promised clock (deadline, working days left or overdue, yellow and red as a case's clock),
// its parts finished of all, and the applicant; due first at the top. Enter opens the matter.
class MatterBoard : public QWidget
{
    Q_OBJECT
public:
    enum Column
    {
        NumberColumn,
        MatterColumn,
        ApplicantColumn,
        PartsColumn,
        DeadlineColumn,
        StandingColumn,
        ColumnCount
    };
    explicit MatterBoard(QWidget* parent = nullptr);

    void setCases(store::CaseStore& cases, const store::User& user,
                  const DocumentPrinting& printing);
    void clear(); // holds nothing of the store (a clerk signed in)
    void refresh(const QDate& today);
    QTableWidget* table() const { return m_table; }
    const QList<store::LoadedMatter>& matters() const { return m_matters; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void openCurrent();

    store::CaseStore* m_cases = nullptr;
    store::User m_user;
    std::optional<DocumentPrinting> m_printing;
    QDate m_today;
    QList<store::LoadedMatter> m_matters;
    QLabel* m_summary = nullptr;
    QTableWidget* m_table = nullptr;
};

} // namespace onewindow::ui
