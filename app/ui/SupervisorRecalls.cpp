// 未生效记录 and its one action, 追回办结 (decision 3): the records the hall did not take, the
// documents printed on them (void, to be recalled), and the supervisor closing a recall.
#include "core/Users.h"
#include "store/CaseStore.h"
#include "ui/RecallCloseDialog.h"
#include "ui/RecordModel.h"
#include "ui/SupervisorPage.h"
#include "ui/UiText.h"

#include <QAction>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace onewindow::ui {

void SupervisorPage::buildRejected(const QString& title)
{
    auto* page = new QWidget(m_tabs);
    const QStringList headers{tr("Case number"), tr("Window"), tr("What did not take effect"),
                              tr("Why"), tr("What stands / follow-up")};
    auto* model = new RecordModel(headers, this);
    auto* view = new QTableView(page);
    view->setObjectName(QStringLiteral("rejectedList"));
    view->setModel(model);
    setUpListView(view, static_cast<int>(headers.size()) - 1);
    m_lists.insert(RejectedTab, model);
    m_listViews.insert(RejectedTab, view);
    // Enter: a void document's open recall is closed; any other row opens its case.
    connect(view, &QTableView::activated, this, [this, model](const QModelIndex& i) {
        if (m_openRecalls.contains(i.row()) && mayCloseRecall())
            closeRecall();
        else if (const RecordModel::Record* r = model->recordAt(i.row()))
            open(r->caseId);
    });
    m_closeRecall = new QPushButton(tr("&Close the recall..."), page);
    m_closeRecall->setObjectName(QStringLiteral("closeRecallButton"));
    m_closeRecall->setToolTip(tr("The selected void document: record whether the paper was got "
                                 "back or cannot be (Enter on its row)"));
    m_closeRecall->setAutoDefault(false);
    connect(m_closeRecall, &QPushButton::clicked, this, [this] { closeRecall(); });
    // The context menu (the Menu key too) offers the same two actions.
    auto* openAction = new QAction(tr("Open the case"), view);
    auto* closeAction = new QAction(tr("Close the recall..."), view);
    closeAction->setObjectName(QStringLiteral("closeRecallAction"));
    connect(openAction, &QAction::triggered, this, [this, view, model] {
        if (const RecordModel::Record* r = model->recordAt(view->currentIndex().row()))
            open(r->caseId);
    });
    connect(closeAction, &QAction::triggered, this, [this] { closeRecall(); });
    view->addActions({openAction, closeAction});
    view->setContextMenuPolicy(Qt::ActionsContextMenu);
    connect(view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &SupervisorPage::updateRecallAction);
    connect(model, &QAbstractItemModel::modelReset, this, &SupervisorPage::updateRecallAction);
    auto* hint = new QLabel(tr("A void document stays in red until its recall is closed."), page);
    auto* bar = new QHBoxLayout;
    bar->addWidget(m_closeRecall);
    bar->addWidget(hint, 1);
    auto* layout = new QVBoxLayout(page);
    layout->addWidget(view, 1);
    layout->addLayout(bar);
    m_tabs->addTab(page, title);
}

bool SupervisorPage::mayCloseRecall() const
{
    const QTableView* view = m_listViews.value(RejectedTab);
    return m_cases && core::roleMayRecord(m_user.role, core::EventType::RecallClosed) && view &&
           m_openRecalls.contains(view->currentIndex().row());
}

void SupervisorPage::updateRecallAction()
{
    if (!m_closeRecall)
        return;
    // A clerk never gets the action; a supervisor where a row's recall is open.
    const bool mayRecord =
        m_cases && core::roleMayRecord(m_user.role, core::EventType::RecallClosed);
    m_closeRecall->setVisible(mayRecord);
    m_closeRecall->setEnabled(mayCloseRecall());
    if (QTableView* view = m_listViews.value(RejectedTab))
        for (QAction* a : view->actions())
            if (a->objectName() == QLatin1String("closeRecallAction")) {
                a->setVisible(mayRecord);
                a->setEnabled(mayCloseRecall());
            }
}

void SupervisorPage::closeRecall()
{
    if (!mayCloseRecall())
        return;
    const RecallRow row = m_openRecalls.value(m_listViews.value(RejectedTab)->currentIndex().row());
    RecallCloseDialog dialog(*m_cases, m_user, row.caseId, row.caseNumber, row.kind, row.number,
                             this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    refreshTab(RejectedTab);
}

} // namespace onewindow::ui
