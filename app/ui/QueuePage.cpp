#include "ui/QueuePage.h"

#include "core/CaseNumber.h"

#include "store/CaseQueries.h"
#include "ui/CaseRowModel.h"
#include "ui/HallSearchPanel.h"
#include "ui/SupervisionNotice.h"
#include "ui/UiText.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace onewindow::ui {

QString caseNumberIn(const QString& scanned)
{
    const std::optional<core::CaseNumber> number = core::findCaseNumber(scanned);
    return number ? number->text() : scanned.trimmed();
}

QueuePage::QueuePage(store::Store& store, QWidget* parent)
    : QWidget(parent), m_store(store), m_model(new CaseRowModel(this))
{
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("caseSearch"));
    m_search->setPlaceholderText(tr("Case number, query code, name, ID number or phone; Enter "
                                    "searches (a scanner works too), Esc returns"));
    m_search->setClearButtonEnabled(true);
    m_search->installEventFilter(this);
    m_hallButton = new QPushButton(tr("Search the hall's server (Ctrl+Enter)"), this);
    m_hallButton->setObjectName(QStringLiteral("hallSearchButton"));
    m_hallButton->setAutoDefault(false);
    m_hallButton->hide(); // an island store has no hall to ask
    connect(m_hallButton, &QPushButton::clicked, this, &QueuePage::searchHall);
    m_summary = new QLabel(this);
    m_view = new QTableView(this);
    m_view->setModel(m_model);
    setUpListView(m_view, CaseRowModel::ItemColumn);
    // Typing on the list goes to the search box, and the page's focus (Alt+1) is the search box.
    m_view->installEventFilter(this);
    setFocusProxy(m_search);
    auto* layout = new QVBoxLayout(this);
    auto* searchRow = new QHBoxLayout;
    searchRow->addWidget(m_search, 1);
    searchRow->addWidget(m_hallButton);
    layout->addLayout(searchRow);
    layout->addWidget(m_summary);
    auto* orders = new SupervisionOrdersList(this); // supervision orders to me or my window
    connect(orders, &SupervisionOrdersList::openCase, this, &QueuePage::openCase);
    layout->addWidget(orders);
    layout->addWidget(m_view, 1);
    connect(m_view, &QTableView::activated, this, [this](const QModelIndex& index) {
        if (const store::CaseRow* r = m_model->rowAt(index.row()))
            Q_EMIT openCase(r->caseId);
    });
}

void QueuePage::offerHallSearch(const QString& storePath, const core::Clock& clock,
                                const core::HallSettings& settings)
{
    if (m_hallPanel)
        return;
    m_hallPanel = new HallSearchPanel(storePath, clock, settings, this);
    m_hallName = settings.hallName;
    connect(m_hallPanel, &HallSearchPanel::openCase, this, &QueuePage::openCase);
    connect(m_hallPanel, &HallSearchPanel::backToSearch, this, &QueuePage::focusSearch);
    // Below the list: the hall's hits are a second section, the queue or local hits stay above.
    static_cast<QVBoxLayout*>(layout())->addWidget(m_hallPanel, 1);
    m_hallButton->show();
}

void QueuePage::setHallSettings(const core::HallSettings& settings)
{
    m_hallName = settings.hallName;
    if (m_hallPanel)
        m_hallPanel->setSettings(settings);
}

void QueuePage::searchHall()
{
    if (!m_hallPanel)
        return;
    const QString text = caseNumberIn(m_search->text());
    if (text.isEmpty()) {
        m_summary->setText(tr("Type a case number, or an applicant's ID number, phone or name, "
                              "then press Ctrl+Enter to search the hall's server."));
        m_search->setFocus(Qt::OtherFocusReason);
        return;
    }
    m_hallPanel->find(text);
}

void QueuePage::setClerk(const store::User& clerk, const QDate& today)
{
    m_clerk = clerk;
    m_today = today;
    refresh();
}

QString QueuePage::summary() const
{
    return m_summary->text();
}

void QueuePage::setBackOffice(const QString& department)
{
    m_backOffice = department;
}

void QueuePage::refresh()
{
    store::CaseQueries q(m_store);
    auto rows = m_backOffice.isEmpty() ? q.clerkOpen(m_clerk.userId, m_today, 500)
                                       : q.forwardedTo(m_backOffice, 500);
    if (!rows) {
        m_summary->setText(rows.error().message);
        return;
    }
    int red = 0;
    int yellow = 0;
    for (const store::CaseRow& r : *rows) {
        red += r.levelOn(m_today) == core::WarningLevel::Red ? 1 : 0;
        yellow += r.levelOn(m_today) == core::WarningLevel::Yellow ? 1 : 0;
    }
    if (!m_backOffice.isEmpty()) {
        // The department's own name, as enrolled, is the heading: it already says what it is
        // (the demo's 人力资源和社会保障后台审批组), so nothing is added to it.
        m_summary->setText(tr("%1: %2 forwarded case(s) to decide · red %3 · yellow %4")
                               .arg(m_backOffice)
                               .arg(rows->size())
                               .arg(red)
                               .arg(yellow));
    } else {
        auto counts = q.countsByStatus(m_clerk.userId);
        const int correction = counts ? counts->value(QStringLiteral("awaiting_correction")) : 0;
        m_summary->setText(tr("My open cases: %1 · red %2 · yellow %3 · waiting for correction %4")
                               .arg(rows->size())
                               .arg(red)
                               .arg(yellow)
                               .arg(correction));
    }
    const store::CaseRow* current = m_model->rowAt(m_view->currentIndex().row());
    const QString keep = current ? current->caseId : QString();
    m_model->setRows(*rows, m_today);
    m_view->resizeColumnsToContents();
    // The list always has a current row (the one it had, else the most urgent), so ↓ and Enter
    // work at once.
    if (keep.isEmpty() || !selectCase(keep))
        if (m_model->rowCount() > 0)
            m_view->setCurrentIndex(m_model->index(0, 0));
    findChild<SupervisionOrdersList*>()->showFor(m_store, m_clerk, m_today);
}

void QueuePage::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

bool QueuePage::selectCase(const QString& caseId)
{
    for (int row = 0; row < m_model->rowCount(); ++row)
        if (const store::CaseRow* r = m_model->rowAt(row); r && r->caseId == caseId) {
            m_view->setCurrentIndex(m_model->index(row, 0));
            m_view->scrollTo(m_view->currentIndex());
            return true;
        }
    return false;
}

void QueuePage::search(const QString& text)
{
    auto rows = store::CaseQueries(m_store).search(caseNumberIn(text), 200);
    if (!rows) {
        m_summary->setText(rows.error().message);
        return;
    }
    m_searched = text;
    m_foundNone = rows->isEmpty();
    if (m_hallPanel && rows->isEmpty())
        m_summary->setText(tr("No case here for “%1”: press Enter again (or Ctrl+Enter) to "
                              "search the hall's server (%2) for older ones; Esc returns to my "
                              "queue.")
                               .arg(text.trimmed(), m_hallName));
    else if (m_hallPanel)
        m_summary->setText(tr("%n case(s) found here for “%1”; Ctrl+Enter also searches the "
                              "hall's server for older ones; Esc returns to my queue",
                              nullptr, static_cast<int>(rows->size()))
                               .arg(text.trimmed()));
    else
        m_summary->setText(tr("%n case(s) found for “%1”; Esc returns to my queue", nullptr,
                              static_cast<int>(rows->size()))
                               .arg(text.trimmed()));
    m_model->setRows(*rows, m_today);
    m_view->resizeColumnsToContents();
    if (rows->size() == 1)
        Q_EMIT openCase(rows->first().caseId);
    else if (!rows->isEmpty())
        m_view->setCurrentIndex(m_model->index(0, 0));
}

bool QueuePage::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_search && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            // Ctrl+Enter, or Enter again on a text that found nothing here: the hall's server.
            if (m_hallPanel && ((key->modifiers() & Qt::ControlModifier) ||
                                (m_foundNone && m_search->text() == m_searched)))
                searchHall();
            else
                search(m_search->text());
            return true;
        }
        if (key->key() == Qt::Key_Escape) {
            m_search->clear();
            m_searched.clear();
            if (m_hallPanel)
                m_hallPanel->clear();
            refresh();
            return true;
        }
        if (key->key() == Qt::Key_Down) {
            m_view->setFocus();
            return true;
        }
    }
    if (watched == m_view && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        const bool plain =
            !(key->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier));
        if (plain && !key->text().isEmpty() && key->text().at(0).isPrint() &&
            !key->text().at(0).isSpace()) {
            m_search->setFocus(Qt::OtherFocusReason);
            m_search->insert(key->text());
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace onewindow::ui
