#pragma once

#include "store/MatterCases.h"
#include "store/UserRepository.h"
#include "ui/DocumentPreview.h"

#include <QDate>
#include <QDialog>
#include <QMap>
#include <QVariant>

#include <optional>

class QLabel;
class QPushButton;
class QTableWidget;

namespace onewindow::store {
class CaseStore;
}

namespace onewindow::ui {

// A matter at the window (一件事一次办, issue 20): its number, name and applicant, the matter's
// own promised clock, and each part with its state, department and clocks. All by keyboard:
// Enter opens the selected part's case; Alt+F forwards it to its department (the case's own
// 移交后台, the item's department filled in); Space marks a part the applicant asks for now;
// Alt+H hands out the whole matter once every part is ready, Alt+C only the parts marked (a
// partial hand-out the applicant asked for). Each part handed out gets its own 送达 event
// naming the matter, all in one transaction.
class MatterView : public QDialog
{
    Q_OBJECT
public:
    enum Column
    {
        AskColumn,
        CaseColumn,
        ItemColumn,
        DepartmentColumn,
        StateColumn,
        PromisedColumn,
        StatutoryColumn,
        ColumnCount
    };
    MatterView(store::CaseStore& cases, const store::User& user, const QString& matterNumber,
               const QDate& today, QWidget* parent = nullptr);
    ~MatterView() override;

    void reload();
    QString headerText() const;
    QString problem() const;
    QTableWidget* partsTable() const { return m_table; }
    const std::optional<store::LoadedMatter>& matter() const { return m_matter; }
    QList<int> askedParts() const;
    void setPrinting(const DocumentPrinting& printing) { m_printing = printing; }

    // Test seams, as the buttons do after their form: forward part `row` to `to`; hand out the
    // whole matter (`asked` empty) or the parts asked for, with the delivery form's values.
    core::Status forwardPart(int row, const QString& to, const QString& note = {});
    core::Status handOut(const QList<int>& asked, const QMap<QString, QVariant>& values);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void openPart();
    void forwardSelected();
    void handOutWith(bool partialOnly);
    void fillRow(int row);
    void showProblem(const QString& message);

    store::CaseStore& m_cases;
    store::User m_user;
    QString m_number;
    QDate m_today;
    std::optional<store::LoadedMatter> m_matter;
    QList<bool> m_asked;
    QLabel* m_header = nullptr;
    QLabel* m_problem = nullptr;
    QTableWidget* m_table = nullptr;
    QPushButton* m_forward = nullptr;
    QPushButton* m_handOut = nullptr;
    QPushButton* m_handOutChosen = nullptr;
    std::optional<DocumentPrinting> m_printing;
};

} // namespace onewindow::ui
