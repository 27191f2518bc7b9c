#include "ui/CatalogPage.h"

#include "core/ItemGuide.h"
#include "store/CatalogRepository.h"
#include "ui/CatalogModel.h"
#include "ui/UiText.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace onewindow::ui {

CatalogPage::CatalogPage(store::Store& store, QWidget* parent)
    : QWidget(parent), m_store(store), m_model(new CatalogModel(this))
{
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("catalogSearch"));
    m_search->setPlaceholderText(tr("Name, code or pinyin initials (e.g. bdc), then Down"));
    m_search->setClearButtonEnabled(true);
    m_search->installEventFilter(this);
    m_count = new QLabel(this);

    m_view = new QTableView(this);
    m_view->setModel(m_model);
    setUpListView(m_view, CatalogModel::NameColumn);
    m_view->installEventFilter(this);

    m_guide = new QTextBrowser(this);
    m_guide->setOpenLinks(false);

    auto* newButton = new QPushButton(tr("&New item"), this);
    m_new = newButton;
    newButton->setToolTip(tr("Create a service item (Ctrl+N)"));
    m_edit = new QPushButton(tr("&Edit item"), this);
    m_edit->setToolTip(tr("Edit the selected item; saving makes a new version (Ctrl+E)"));

    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_search);
    leftLayout->addWidget(m_view, 1);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_count, 1);
    buttons->addWidget(newButton);
    buttons->addWidget(m_edit);
    leftLayout->addLayout(buttons);

    auto* splitter = new QSplitter(this);
    splitter->addWidget(left);
    splitter->addWidget(m_guide);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 4);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(splitter);

    connect(m_search, &QLineEdit::textChanged, this, &CatalogPage::setQuery);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &CatalogPage::showSelected);
    connect(m_view, &QTableView::activated, this, [this] {
        if (m_editable && !selectedCode().isEmpty())
            Q_EMIT editRequested(selectedCode());
    });
    connect(newButton, &QPushButton::clicked, this, [this] {
        if (m_editable)
            Q_EMIT newRequested();
    });
    connect(m_edit, &QPushButton::clicked, this, [this] {
        if (m_editable && !selectedCode().isEmpty())
            Q_EMIT editRequested(selectedCode());
    });
    auto* editShortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_E), this);
    editShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(editShortcut, &QShortcut::activated, m_edit, &QPushButton::click);
    auto* newShortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_N), this);
    newShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(newShortcut, &QShortcut::activated, newButton, &QPushButton::click);

    reload();
}

void CatalogPage::reload()
{
    const QString keep = selectedCode();
    auto entries = store::CatalogRepository(m_store).entries();
    m_model->setEntries(entries ? *entries : QList<core::CatalogEntry>());
    if (!entries)
        m_guide->setHtml(entries.error().message.toHtmlEscaped());
    updateCount();
    if (!keep.isEmpty())
        selectCode(keep);
    else if (m_model->rowCount() > 0)
        m_view->setCurrentIndex(m_model->index(0, 0));
    if (m_model->totalCount() == 0)
        m_guide->setHtml(
            tr("<p>The catalog is empty. Import a catalog file (File menu, Ctrl+Shift+I) or load "
               "the demo catalog.</p>"));
}

void CatalogPage::setQuery(const QString& query)
{
    if (m_search->text() != query)
        m_search->setText(query); // calls back here through textChanged
    if (m_model->query() == query)
        return;
    m_model->setQuery(query);
    updateCount();
    if (m_model->rowCount() > 0)
        m_view->setCurrentIndex(m_model->index(0, 0));
    else
        m_guide->clear();
}

QString CatalogPage::selectedCode() const
{
    return m_model->codeAt(m_view->currentIndex().row());
}

void CatalogPage::selectCode(const QString& code)
{
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (m_model->codeAt(row) == code) {
            m_view->setCurrentIndex(m_model->index(row, 0));
            return;
        }
    }
}

void CatalogPage::setEditable(bool editable)
{
    m_editable = editable;
    m_new->setVisible(editable);
    m_edit->setVisible(editable);
}

QString CatalogPage::guideHtml() const
{
    return m_guide->toHtml();
}

void CatalogPage::showSelected()
{
    const QString code = selectedCode();
    m_edit->setEnabled(!code.isEmpty());
    if (code.isEmpty())
        return;
    auto item = store::CatalogRepository(m_store).currentItem(code);
    m_guide->setHtml(item ? core::itemGuideHtml(item->item) : item.error().message.toHtmlEscaped());
}

void CatalogPage::updateCount()
{
    m_count->setText(tr("%1 of %2 items").arg(m_model->rowCount()).arg(m_model->totalCount()));
}

bool CatalogPage::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() != QEvent::KeyPress)
        return QWidget::eventFilter(watched, event);
    const auto* key = static_cast<QKeyEvent*>(event);
    if (watched == m_search && (key->key() == Qt::Key_Down || key->key() == Qt::Key_Return ||
                                key->key() == Qt::Key_Enter)) {
        m_view->setFocus();
        if (!m_view->currentIndex().isValid() && m_model->rowCount() > 0)
            m_view->setCurrentIndex(m_model->index(0, 0));
        return true;
    }
    if (watched == m_search && key->key() == Qt::Key_Escape && !m_search->text().isEmpty()) {
        m_search->clear();
        return true;
    }
    if (watched == m_view && key->key() == Qt::Key_Escape) {
        m_search->setFocus();
        m_search->selectAll();
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace onewindow::ui
