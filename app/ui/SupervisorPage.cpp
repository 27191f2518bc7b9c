#include "ui/SupervisorPage.h"

#include "ui/MatterBoard.h"

#include "core/CasePayloads.h"
#include "core/Clock.h"
#include "store/CaseStore.h"
#include "store/SupervisionQueries.h"
#include "ui/BoardModel.h"
#include "ui/HostTabKey.h"
#include "ui/RecordModel.h"
#include "ui/SupervisionNotice.h"
#include "ui/SupervisionOrderDialog.h"
#include "ui/UiState.h"
#include "ui/UiText.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonObject>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QTreeView>
#include <QVBoxLayout>

namespace onewindow::ui {

using store::BoardGrouping;

SupervisorPage::SupervisorPage(store::Store& store, QWidget* parent)
    : QWidget(parent), m_store(store), m_tabs(new QTabWidget(this)), m_period(new QComboBox(this)),
      m_board(new BoardModel(this))
{
    setObjectName(QStringLiteral("supervisorPage"));
    m_print = [this](const QString& caseId, core::DocumentKind kind) {
        if (m_printing.cases)
            previewDocument(this, m_printing, caseId, kind);
    };
    m_period->addItem(tr("Last 30 days"), 30);
    m_period->addItem(tr("Last 90 days"), 90);
    m_period->addItem(tr("Last 365 days"), 365);
    m_period->setCurrentIndex(0); // a bad rating's follow-up runs 5 to 15 working days
    m_period->setToolTip(tr("The lists of repeat notices, ratings and deemed cases cover cases "
                            "received (or decided) in this period"));
    connect(m_period, &QComboBox::currentIndexChanged, this, [this] {
        m_stale.unite({RepeatNoticesTab, RatingsTab, DeemedTab});
        refreshTab(m_tabs->currentIndex());
    });
    m_tabs->setCornerWidget(m_period);
    m_tabs->addTab(buildBoard(), tr("&Board"));
    m_tabs->addTab(buildApprovals(), tr("E&xtension requests"));
    addList(OrdersTab, tr("&Orders"),
            {tr("Case number"), tr("Item"), tr("To"), tr("What to do"), tr("Due by"),
             tr("Ordered by"), tr("Ordered on")});
    addList(RepeatNoticesTab, tr("Re&peat notices"),
            {tr("Case number"), tr("Item"), tr("Applicant"), tr("Clerk"), tr("Issued on"),
             tr("Reason"), tr("Agreed by"), tr("Materials")});
    addList(RatingsTab, tr("Bad ra&tings"),
            {tr("Case number"), tr("Item"), tr("Applicant"), tr("Rating"), tr("Comment"),
             tr("Rated on"), tr("Follow-up due"), tr("Follow-up")});
    addList(DeemedTab, tr("D&eemed cases"),
            {tr("Case number"), tr("Item"), tr("Applicant"), tr("Clerk"), tr("Received"),
             tr("What the law made of it")});
    m_matterBoard = new MatterBoard(m_tabs);
    m_tabs->addTab(m_matterBoard, tr("One-&window matters"));
    buildRejected(tr("Records that did not ta&ke effect"));
    // Alt+U: no other tab or button of this page has it, and its one other owner in the window is
    // the main window's 大厅督办(&U), which lends it to this tab while the page shows (HostTabKey).
    addList(TimeFlagsTab, tr("Records with &uncertain times"),
            {tr("Hall order"), tr("Window"), tr("Case number"), tr("Record"), tr("Recorded at"),
             tr("Received by the server"), tr("Why in doubt")});
    // The tab indexes are the Tab values; a tab is read from the store when it is looked at.
    connect(m_tabs, &QTabWidget::currentChanged, this, &SupervisorPage::refreshTab);
    new HostTabKey(this);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs);
}

QWidget* SupervisorPage::buildBoard()
{
    auto* page = new QWidget(m_tabs);
    m_grouping = new QComboBox(page);
    m_grouping->setObjectName(QStringLiteral("boardGrouping"));
    const QList<std::pair<QString, BoardGrouping>> groupings{
        {tr("No grouping"), BoardGrouping::None}, {tr("Window"), BoardGrouping::Window},
        {tr("Clerk"), BoardGrouping::Clerk},      {tr("Department"), BoardGrouping::Department},
        {tr("Item"), BoardGrouping::Item},        {tr("Procedure"), BoardGrouping::Profile},
        {tr("State"), BoardGrouping::Status},     {tr("Warning level"), BoardGrouping::Level}};
    for (const auto& [name, grouping] : groupings)
        m_grouping->addItem(name, static_cast<int>(grouping));
    m_filter = new QLineEdit(page);
    m_filter->setObjectName(QStringLiteral("boardFilter"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setPlaceholderText(tr("Window, clerk, department, item, procedure, state or warning "
                                    "level; several words narrow further; Down goes to the list"));
    m_filter->installEventFilter(this);
    auto* groupLabel = new QLabel(tr("&Group by:"), page);
    groupLabel->setBuddy(m_grouping);
    auto* filterLabel = new QLabel(tr("Fi&lter:"), page);
    filterLabel->setBuddy(m_filter);
    auto* supervise = new QPushButton(tr("&Supervise..."), page);
    supervise->setToolTip(tr("Give a supervision order on the selected case (Ctrl+D)"));
    supervise->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    connect(supervise, &QPushButton::clicked, this, [this] { orderSupervision(); });
    auto* bar = new QHBoxLayout;
    bar->addWidget(groupLabel);
    bar->addWidget(m_grouping);
    bar->addWidget(filterLabel);
    bar->addWidget(m_filter, 1);
    bar->addWidget(supervise);
    m_counts = new QLabel(page);
    m_counts->setObjectName(QStringLiteral("boardCounts"));
    m_boardView = new QTreeView(page);
    m_boardView->setModel(m_board);
    m_boardView->setUniformRowHeights(true);
    m_boardView->setAlternatingRowColors(false);
    m_boardView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_boardView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_boardView->setExpandsOnDoubleClick(false);
    connect(m_boardView, &QTreeView::activated, this, [this](const QModelIndex& index) {
        if (const store::BoardRow* r = m_board->caseAt(index))
            open(r->row.caseId);
        else
            m_boardView->setExpanded(index.siblingAtColumn(0),
                                     !m_boardView->isExpanded(index.siblingAtColumn(0)));
    });
    setBoardColumnWidths();
    // A width the supervisor drags is theirs: the page no longer fits the clock columns.
    connect(m_boardView->header(), &QHeaderView::sectionResized, this, [this](int column) {
        if (!m_sizing && m_boardView->header()->sectionResizeMode(column) != QHeaderView::Stretch)
            m_ownWidths = true;
    });
    // Groups start collapsed to their counts (red first); the ones the supervisor opened stay
    // open when the board is read again.
    connect(m_boardView, &QTreeView::expanded, this, [this](const QModelIndex& index) {
        if (index.internalId() == 0 && index.row() < m_board->groups().size())
            m_openGroups.insert(m_board->groups().at(index.row()).key);
    });
    connect(m_boardView, &QTreeView::collapsed, this, [this](const QModelIndex& index) {
        if (index.internalId() == 0 && index.row() < m_board->groups().size())
            m_openGroups.remove(m_board->groups().at(index.row()).key);
    });
    connect(m_board, &QAbstractItemModel::modelReset, this, [this] {
        const bool grouped = m_board->grouping() != BoardGrouping::None;
        m_boardView->setRootIsDecorated(grouped);
        const QSet<QString> open = m_openGroups;
        for (int i = 0; grouped && i < m_board->rowCount(); ++i) {
            m_boardView->setFirstColumnSpanned(i, QModelIndex(), true);
            if (open.contains(m_board->groups().at(i).key))
                m_boardView->expand(m_board->index(i, 0));
        }
        m_openGroups = open;
        m_counts->setText(tr("Open cases shown: %1 · %2")
                              .arg(m_board->shownRows().size())
                              .arg(m_board->totalCountsText()));
    });
    connect(m_grouping, &QComboBox::currentIndexChanged, this, [this] {
        m_openGroups.clear();
        m_board->setGrouping(static_cast<BoardGrouping>(m_grouping->currentData().toInt()));
    });
    connect(m_filter, &QLineEdit::textChanged, m_board, &BoardModel::setFilterText);
    auto* layout = new QVBoxLayout(page);
    layout->addLayout(bar);
    layout->addWidget(m_counts);
    layout->addWidget(m_boardView, 1);
    return page;
}

QWidget* SupervisorPage::buildApprovals()
{
    auto* page = new QWidget(m_tabs);
    auto* model =
        new RecordModel({tr("Case number"), tr("Item"), tr("Applicant"), tr("Clerk"), tr("Clock"),
                         tr("Working days"), tr("Reason"), tr("Requested on"), tr("Deadline now")},
                        this);
    m_lists.insert(ApprovalsTab, model);
    m_approvalsView = new QTableView(page);
    m_approvalsView->setModel(model);
    setUpListView(m_approvalsView, 6);
    m_listViews.insert(ApprovalsTab, m_approvalsView);
    connect(m_approvalsView, &QTableView::activated, this, [this, model](const QModelIndex& i) {
        if (const RecordModel::Record* r = model->recordAt(i.row()))
            open(r->caseId);
    });
    m_refuseReason = new QLineEdit(page);
    m_refuseReason->setObjectName(QStringLiteral("refuseReason"));
    m_refuseReason->setPlaceholderText(tr("Required to reject; the applicant is told"));
    auto* reasonLabel = new QLabel(tr("&Reason for rejecting:"), page);
    reasonLabel->setBuddy(m_refuseReason);
    auto* approve = new QPushButton(tr("&Approve"), page);
    auto* reject = new QPushButton(tr("Re&ject"), page);
    m_printExtension = new QCheckBox(tr("Print the extension &notice after approving"), page);
    m_printExtension->setChecked(true);
    m_approvalMessage = new QLabel(page);
    m_approvalMessage->setWordWrap(true);
    connect(approve, &QPushButton::clicked, this,
            [this] { approveExtension(currentApprovalRow()); });
    connect(reject, &QPushButton::clicked, this,
            [this] { refuseExtension(currentApprovalRow(), m_refuseReason->text()); });
    auto* bar = new QHBoxLayout;
    bar->addWidget(approve);
    bar->addWidget(m_printExtension);
    bar->addStretch(1);
    bar->addWidget(reasonLabel);
    bar->addWidget(m_refuseReason, 2);
    bar->addWidget(reject);
    auto* layout = new QVBoxLayout(page);
    layout->addWidget(m_approvalsView, 1);
    layout->addLayout(bar);
    layout->addWidget(m_approvalMessage);
    return page;
}

QTableView* SupervisorPage::addList(Tab tab, const QString& title, const QStringList& headers)
{
    auto* model = new RecordModel(headers, this);
    auto* view = new QTableView(m_tabs);
    view->setModel(model);
    setUpListView(view, static_cast<int>(headers.size()) - 1);
    connect(view, &QTableView::activated, this, [this, model](const QModelIndex& i) {
        if (const RecordModel::Record* r = model->recordAt(i.row()))
            open(r->caseId);
    });
    m_lists.insert(tab, model);
    m_listViews.insert(tab, view);
    m_tabs->addTab(view, title);
    return view;
}

RecordModel* SupervisorPage::listModel(Tab tab)
{
    refreshTab(tab);
    return m_lists.value(tab);
}

void SupervisorPage::setSupervisor(store::CaseStore& cases, const store::User& user,
                                   const DocumentPrinting& printing)
{
    m_user = user;
    if (user.role == core::Role::Clerk) { // not theirs to see: hold nothing of the store
        m_cases = nullptr;
        m_printing = {};
        m_board->setBoard({}, QDate(), {});
        m_matterBoard->clear();
        for (RecordModel* list : std::as_const(m_lists))
            list->setRecords({});
        return;
    }
    m_cases = &cases;
    m_printing = printing;
    m_matterBoard->setCases(cases, user, printing);
    m_boardMark = -1; // read the board whole for whoever signs in
    // The defaults below are not the previous person's choice: stop saving for them first.
    uistate::rememberHeader(m_boardView->header(), QStringLiteral("board/columns"), QString());
    m_sizing = true;
    setBoardColumnWidths();
    m_ownWidths =
        uistate::restoreHeader(m_boardView->header(), QStringLiteral("board/columns"), user.userId);
    m_sizing = false;
    uistate::rememberHeader(m_boardView->header(), QStringLiteral("board/columns"), user.userId);
    refresh();
}

QDate SupervisorPage::today() const
{
    // A clerk's empty page has no case store; its date is never shown.
    return m_cases ? m_cases->settings().today(m_store.clock()) : QDate();
}

void SupervisorPage::refresh()
{
    if (!m_cases)
        return;
    m_names = staffNames(m_store);
    // Only the tab in view is read now (the board and five lists together are ~100 ms on a big
    // store); the others when they are opened.
    m_stale = {BoardTab,  ApprovalsTab, OrdersTab,   RepeatNoticesTab, RatingsTab,
               DeemedTab, MattersTab,   RejectedTab, TimeFlagsTab};
    if (isVisible())
        refreshTab(m_tabs->currentIndex());
}

void SupervisorPage::refreshTab(int tab)
{
    // Sync brings them at any time; the rejected and flagged few are read at once.
    if (tab == RejectedTab || tab == TimeFlagsTab)
        m_stale.insert(tab);
    if (!m_cases || !m_stale.remove(tab))
        return;
    if (tab == BoardTab)
        refreshBoard();
    else if (tab == MattersTab)
        m_matterBoard->refresh(today());
    else
        refreshList(static_cast<Tab>(tab));
}

void SupervisorPage::refreshBoard()
{
    store::SupervisionQueries q(m_store, m_cases->calendar(), m_cases->settings().zone);
    const QDate day = today();
    // The mark is read before the cases: an event appended meanwhile is read again next time.
    const auto mark = q.eventMark();
    const bool current = mark && m_boardMark >= 0 && m_boardDay == day && m_boardNames == m_names;
    if (current && *mark == m_boardMark)
        return; // nothing happened since the board was read
    if (current) {
        // Only the cases the new events touched are read again (a big hall's board is thousands
        // of cases; an action touches one).
        if (const auto touched = q.casesChangedSince(m_boardMark))
            if (auto rows = q.boardCases(day, *touched)) {
                m_board->updateCases(*touched, std::move(rows).value());
                m_boardMark = *mark;
                fitClockColumns();
                return;
            }
    }
    auto rows = q.board(day);
    if (!rows) {
        m_boardMark = -1;
        m_board->setBoard({}, day, m_names);
        m_counts->setText(rows.error().message);
        return;
    }
    m_boardMark = mark ? *mark : -1;
    m_boardDay = day;
    m_boardNames = m_names;
    m_board->setBoard(*rows, day, m_names);
    fitClockColumns();
}

void SupervisorPage::setGrouping(int comboIndex)
{
    m_grouping->setCurrentIndex(comboIndex);
}

void SupervisorPage::setFilterText(const QString& text)
{
    m_filter->setText(text);
}

QString SupervisorPage::countsLine()
{
    refreshTab(BoardTab);
    return m_counts->text();
}

QString SupervisorPage::approvalMessage() const
{
    return m_approvalMessage->text();
}

QString SupervisorPage::currentBoardCase() const
{
    const store::BoardRow* r = m_board->caseAt(m_boardView->currentIndex());
    return r ? r->row.caseId : QString();
}

int SupervisorPage::currentApprovalRow() const
{
    return m_approvalsView->currentIndex().isValid() ? m_approvalsView->currentIndex().row() : -1;
}

void SupervisorPage::open(const QString& caseId)
{
    Q_EMIT openCase(caseId);
    refresh();
}

void SupervisorPage::orderSupervision(const QString& caseId)
{
    const QString id = caseId.isEmpty() ? currentBoardCase() : caseId;
    if (!m_cases || id.isEmpty()) {
        m_counts->setText(
            tr("Select a case on the board first (arrow keys), then give the order."));
        return;
    }
    QList<store::User> clerks;
    QStringList windows;
    if (auto users = store::UserRepository(m_store).users())
        for (const store::User& u : *users) {
            if (u.active && u.role == core::Role::Clerk)
                clerks.append(u);
            if (!u.windowCode.isEmpty() && !windows.contains(u.windowCode))
                windows.append(u.windowCode);
        }
    for (const store::BoardRow& r : m_board->shownRows())
        if (!r.row.windowCode.isEmpty() && !windows.contains(r.row.windowCode))
            windows.append(r.row.windowCode);
    windows.sort();
    SupervisionOrderDialog dialog(*m_cases, m_user, id, today(), clerks, windows, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (dialog.printAfter())
        m_print(id, core::DocumentKind::Supervision);
    refresh();
}

core::Status SupervisorPage::approveExtension(int row)
{
    const RecordModel::Record* r = m_lists.value(ApprovalsTab)->recordAt(row);
    if (!m_cases || !r) {
        m_approvalMessage->setText(tr("Select a request in the list first."));
        return core::Error{QStringLiteral("approval.none"), m_approvalMessage->text()};
    }
    const QString caseId = r->caseId;
    const QString number = r->cells.value(0);
    auto done =
        m_cases->append(caseId, core::EventType::ExtensionApproved, QJsonObject(), m_user.userId);
    if (!done) {
        m_approvalMessage->setText(done.error().message);
        return done.error();
    }
    m_approvalMessage->setText(
        tr("Extension of %1 approved; the clocks count it now.").arg(number));
    if (m_printExtension->isChecked())
        m_print(caseId, core::DocumentKind::Extension);
    refresh();
    return {};
}

core::Status SupervisorPage::refuseExtension(int row, const QString& reason)
{
    const RecordModel::Record* r = m_lists.value(ApprovalsTab)->recordAt(row);
    if (!m_cases || !r) {
        m_approvalMessage->setText(tr("Select a request in the list first."));
        return core::Error{QStringLiteral("approval.none"), m_approvalMessage->text()};
    }
    if (reason.trimmed().isEmpty()) {
        m_approvalMessage->setText(
            tr("Write the reason for rejecting the extension; the applicant is told it."));
        m_refuseReason->setFocus();
        return core::Error{QStringLiteral("approval.reason"), m_approvalMessage->text()};
    }
    const QString number = r->cells.value(0);
    auto done = m_cases->append(r->caseId, core::EventType::ExtensionRefused,
                                core::payload::extensionRefused(reason.trimmed()), m_user.userId);
    if (!done) {
        m_approvalMessage->setText(done.error().message);
        return done.error();
    }
    m_refuseReason->clear();
    m_approvalMessage->setText(tr("Extension of %1 rejected.").arg(number));
    refresh();
    return {};
}

void SupervisorPage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    refresh(); // the day may have turned since the last look
}

bool SupervisorPage::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_filter && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if (key->key() == Qt::Key_Down || key->key() == Qt::Key_Return ||
            key->key() == Qt::Key_Enter) {
            m_boardView->setFocus();
            if (!m_boardView->currentIndex().isValid() && m_board->rowCount() > 0)
                m_boardView->setCurrentIndex(m_board->index(0, 0));
            return true;
        }
        if (key->key() == Qt::Key_Escape) {
            m_filter->clear();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace onewindow::ui
