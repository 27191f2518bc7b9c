#pragma once

#include "core/DocumentKind.h"
#include "store/UserRepository.h"
#include "ui/DocumentPreview.h"
#include "ui/RecordModel.h"

#include <QDate>
#include <QHash>
#include <QSet>
#include <QWidget>

#include <functional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTabWidget;
class QTableView;
class QTreeView;

namespace onewindow::store {
class Store;
class CaseStore;
} // namespace onewindow::store

namespace onewindow::ui {

class BoardModel;
class MatterBoard;
class RecordModel;

// The hall supervisor's workspace (大厅管理): the overdue board of every open case with both clocks
// and the notice clock, grouped and filtered, Enter opening a case; supervision orders (督办);
// extension requests to approve or refuse; open orders; repeat one-time notices with their
// reasons; bad ratings with their follow-up clocks; deemed acceptance and deemed abandonment;
// the records the hall did not take, with the winner, and the void documents to recall; the
// records the hall's server flagged for their time (decision 7).
class SupervisorPage : public QWidget
{
    Q_OBJECT
public:
    enum Tab
    {
        BoardTab,
        ApprovalsTab,
        OrdersTab,
        RepeatNoticesTab,
        RatingsTab,
        DeemedTab,
        MattersTab, // 一件事: open matters with their own clock (ui/MatterBoard)
        RejectedTab, // 未生效记录 (issue 18): records the hall rejected, and documents to recall
        TimeFlagsTab, // 时间存疑的记录 (decision 7): records the server flagged for their time
    };
    // What printing a document of a case does (the print preview; tests record instead).
    using PrintHook = std::function<void(const QString& caseId, core::DocumentKind kind)>;

    explicit SupervisorPage(store::Store& store, QWidget* parent = nullptr);

    // Who supervises, with the case store to act through; refreshes every list. A clerk gets an
    // empty page that holds nothing.
    void setSupervisor(store::CaseStore& cases, const store::User& user,
                       const DocumentPrinting& printing);
    void setPrintHook(PrintHook hook) { m_print = std::move(hook); }
    void refresh();
    QDate today() const;

    void setGrouping(int comboIndex);
    void setFilterText(const QString& text);
    // These read the board from the store first when it is stale (the page not yet shown).
    QString countsLine();
    BoardModel* boardModel()
    {
        refreshTab(BoardTab);
        return m_board;
    }
    RecordModel* listModel(Tab tab); // read from the store first when it is stale
    QTabWidget* tabs() const { return m_tabs; }
    MatterBoard* matterBoard()
    {
        refreshTab(MattersTab);
        return m_matterBoard;
    }
    QTreeView* boardView() const { return m_boardView; }

    // The board's current case (or `caseId`) gets a supervision order through the dialog.
    void orderSupervision(const QString& caseId = {});
    // Approves the selected extension request (row of the approvals list); prints the extension
    // notice when asked to. Returns the refusal when there is one.
    core::Status approveExtension(int row);
    core::Status refuseExtension(int row, const QString& reason);
    QString approvalMessage() const;
    // 追回办结 (decision 3, SupervisorRecalls.cpp): the current row of 未生效记录 is a void
    // document whose recall is open; the dialog records how it ended as the signed-in supervisor.
    // Only for those core::roleMayRecord lets close one.
    bool mayCloseRecall() const;
    void closeRecall();

Q_SIGNALS:
    void openCase(const QString& caseId);

protected:
    void showEvent(QShowEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QWidget* buildBoard();
    QWidget* buildApprovals();
    QTableView* addList(Tab tab, const QString& title, const QStringList& headers);
    void refreshBoard();
    void setBoardColumnWidths();
    // The clock columns as wide as the widest clock text on the board (SupervisorBoardColumns.cpp),
    // unless the supervisor has set the board's widths.
    void fitClockColumns();
    void refreshTab(int tab); // when the store may have changed since the tab was read
    void refreshList(Tab tab);
    QList<RecordModel::Record> rejectedRecords(); // SupervisorLists.cpp
    void buildRejected(const QString& title);     // SupervisorRecalls.cpp
    void updateRecallAction();
    QList<RecordModel::Record> timeFlagRecords() const;
    void open(const QString& caseId);
    int currentApprovalRow() const;
    QString currentBoardCase() const;

    store::Store& m_store;
    store::CaseStore* m_cases = nullptr;
    store::User m_user;
    DocumentPrinting m_printing;
    PrintHook m_print;
    QHash<QString, QString> m_names;
    QTabWidget* m_tabs;
    QComboBox* m_period;
    BoardModel* m_board;
    QTreeView* m_boardView = nullptr;
    QComboBox* m_grouping = nullptr;
    QLineEdit* m_filter = nullptr;
    QLabel* m_counts = nullptr;
    QTableView* m_approvalsView = nullptr;
    QLineEdit* m_refuseReason = nullptr;
    QCheckBox* m_printExtension = nullptr;
    QLabel* m_approvalMessage = nullptr;
    MatterBoard* m_matterBoard = nullptr;
    // 未生效记录's rows that are void documents with their recall open: the document to close.
    struct RecallRow
    {
        QString caseId;
        QString caseNumber;
        QString kind;
        QString number;
    };
    QHash<int, RecallRow> m_openRecalls;
    QPushButton* m_closeRecall = nullptr;
    QHash<int, RecordModel*> m_lists;
    QHash<int, QTableView*> m_listViews;
    QSet<int> m_stale; // tabs to read again from the store before they are shown
    // The board as last read: the last event then (-1: read it whole), the day and the names.
    qint64 m_boardMark = -1;
    QDate m_boardDay;
    QHash<QString, QString> m_boardNames;
    QSet<QString> m_openGroups; // the keys of the groups the supervisor expanded
    bool m_ownWidths = false;   // the supervisor has set the board's column widths (kept per user)
    bool m_sizing = false;      // widths being set by the page, not by the supervisor
};

} // namespace onewindow::ui
