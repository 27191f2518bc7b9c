#include "ui/ReadyPage.h"

#include "core/CaseState.h"
#include "core/Identifiers.h"
#include "store/CaseQueries.h"
#include "ui/RecordModel.h"
#include "ui/UiText.h"

#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

namespace onewindow::ui {

namespace {

constexpr int kLimit = 500;

} // namespace

ReadyPage::ReadyPage(store::Store& store, QWidget* parent)
    : QWidget(parent), m_store(store),
      m_model(new RecordModel(
          {tr("Case number"), tr("Item"), tr("Applicant"), tr("State"), tr("Result back at")},
          this))
{
    m_summary = new QLabel(this);
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("readyList"));
    m_view->setModel(m_model);
    setUpListView(m_view, 1);
    // Alt+6 (the View menu) lands on the list: ↓ and Enter at once.
    setFocusProxy(m_view);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_view, 1);
    connect(m_view, &QTableView::activated, this, [this](const QModelIndex& index) {
        if (const RecordModel::Record* r = m_model->recordAt(index.row()))
            Q_EMIT openCase(r->caseId);
    });
}

QString ReadyPage::summary() const
{
    return m_summary->text();
}

void ReadyPage::showEvent(QShowEvent* event)
{
    refresh(); // another window's or the back office's results come in by sync meanwhile
    QWidget::showEvent(event);
}

void ReadyPage::refresh()
{
    auto rows = store::CaseQueries(m_store).readyForPickup(kLimit);
    if (!rows) {
        m_summary->setText(rows.error().message);
        return;
    }
    const QString keep = m_model->recordAt(m_view->currentIndex().row())
                             ? m_model->recordAt(m_view->currentIndex().row())->caseId
                             : QString();
    QList<RecordModel::Record> records;
    int current = 0;
    for (const store::CaseQueries::Ready& r : *rows) {
        const auto status = core::caseStatusFromKey(r.row.status);
        if (r.row.caseId == keep)
            current = static_cast<int>(records.size());
        records.append(RecordModel::Record{
            r.row.caseId,
            {r.row.caseNumber, r.row.itemName,
             QStringLiteral("%1 %2").arg(r.row.applicantName,
                                         core::maskIdNumber(r.row.applicantId)),
             status ? core::caseStatusName(*status) : r.row.status,
             r.readyAtUtc.isValid()
                 ? r.readyAtUtc.toTimeZone(m_zone).toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                 : QStringLiteral("—")},
            core::WarningLevel::Normal});
    }
    m_summary->setText(tr("%n result(s) ready for pick-up, the longest waiting first", nullptr,
                          static_cast<int>(records.size())));
    m_model->setRecords(records);
    m_view->resizeColumnsToContents();
    if (m_model->rowCount() > 0)
        m_view->setCurrentIndex(m_model->index(current, 0));
}

} // namespace onewindow::ui
