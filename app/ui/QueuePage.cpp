#include "ui/QueuePage.h"

#include "core/CaseNumber.h"

#include "store/CaseQueries.h"
#include "ui/CaseRowModel.h"
#include "ui/SupervisionNotice.h"
#include "ui/UiText.h"

#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
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
    m_summary = new QLabel(this);
    m_view = new QTableView(this);
    m_view->setModel(m_model);
    setUpListView(m_view, CaseRowModel::ItemColumn);
    // Typing on the list goes to the search box, and the page's focus (Alt+1) is the search box.
    m_view->installEventFilter(this);
    setFocusProxy(m_search);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_search);
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
            search(m_search->text());
            return true;
        }
        if (key->key() == Qt::Key_Escape) {
            m_search->clear();
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
