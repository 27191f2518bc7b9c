#include "ui/HallSearchPanel.h"

#include "ui/HallHitModel.h"
#include "ui/UiText.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace onewindow::ui {

HallSearchPanel::HallSearchPanel(const QString& storePath, const core::Clock& clock,
                                 const core::HallSettings& settings, QWidget* parent)
    : QWidget(parent), m_search(new sync::HallSearch(storePath, clock, {}, this)),
      m_hallName(settings.hallName), m_model(new HallHitModel(settings.zone, this))
{
    setObjectName(QStringLiteral("hallSearchPanel"));
    m_heading = new QLabel(this);
    QFont bold = m_heading->font();
    bold.setBold(true);
    m_heading->setFont(bold);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("hallSearchStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 0); // no measure of a search: it moves while the server thinks
    m_progress->setMaximumWidth(160);
    m_progress->setTextVisible(false);
    m_progress->hide();
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("hallHits"));
    m_view->setModel(m_model);
    setUpListView(m_view, HallHitModel::ItemColumn);
    m_view->installEventFilter(this);
    m_take = new QPushButton(tr("Take into this workstation and open (Enter)"), this);
    m_take->setObjectName(QStringLiteral("hallTake"));
    m_take->setAutoDefault(false);

    auto* top = new QHBoxLayout;
    top->addWidget(m_heading);
    top->addWidget(m_progress);
    top->addStretch(1);
    top->addWidget(m_take);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 6, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_status);
    layout->addWidget(m_view, 1);
    setSettings(settings);

    connect(m_view, &QTableView::activated, this, &HallSearchPanel::takeCurrent);
    connect(m_take, &QPushButton::clicked, this, &HallSearchPanel::takeCurrent);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        const sync::HallHit* h = m_model->hitAt(m_view->currentIndex().row());
        m_take->setText(h && h->held ? tr("Open (Enter)")
                                     : tr("Take into this workstation and open (Enter)"));
    });
    connect(m_search, &sync::HallSearch::found, this, &HallSearchPanel::showFound);
    connect(m_search, &sync::HallSearch::fetched, this, &HallSearchPanel::showFetched);
    connect(m_search, &sync::HallSearch::failed, this, &HallSearchPanel::showFailed);
    clear();
}

void HallSearchPanel::setSettings(const core::HallSettings& settings)
{
    m_hallName = settings.hallName;
    m_model->setZone(settings.zone);
    m_heading->setText(tr("At the hall's server (%1)").arg(m_hallName));
}

QString HallSearchPanel::statusText() const
{
    return m_status->text();
}

void HallSearchPanel::find(const QString& text)
{
    m_cleared = false;
    show();
    m_model->setHits({});
    m_view->hide();
    m_take->hide();
    showStatus(tr("Searching the hall's server (%1) for “%2”…").arg(m_hallName, text));
    setWorking(true);
    if (m_search->busy()) { // the request on the wire answers first, unseen
        m_next = text;
        return;
    }
    m_asked = text;
    m_search->find(text);
}

void HallSearchPanel::takeCurrent()
{
    const sync::HallHit* h = m_model->hitAt(m_view->currentIndex().row());
    if (!h || m_search->busy())
        return;
    if (h->held) {
        Q_EMIT openCase(h->caseId);
        return;
    }
    m_taking = h->caseNumber;
    showStatus(tr("Taking case %1 from the hall's server (%2) into this workstation…")
                   .arg(h->caseNumber, m_hallName));
    setWorking(true);
    m_search->fetch(h->caseId);
}

void HallSearchPanel::clear()
{
    m_cleared = true;
    m_next.clear();
    m_model->setHits({});
    hide();
}

void HallSearchPanel::showFound(const QString& text, const QList<sync::HallHit>& hits)
{
    if (!m_next.isEmpty()) { // asked again meanwhile: that search is the one to show
        const QString next = std::exchange(m_next, QString());
        m_asked = next;
        m_search->find(next);
        return;
    }
    setWorking(false);
    if (m_cleared || text != m_asked)
        return;
    m_model->setHits(hits);
    if (hits.isEmpty()) {
        showStatus(tr("The hall's server has no case for “%1” either: it looks for a whole case "
                      "number, or an applicant's exact ID number, phone or full name.")
                       .arg(text));
        return;
    }
    const int held = static_cast<int>(
        std::count_if(hits.cbegin(), hits.cend(), [](const sync::HallHit& h) { return h.held; }));
    // The heading names the hall.
    showStatus(tr("Found %n case(s) for “%1” at the hall, %2 of them held here. Choose one and "
                  "press Enter: a case held here opens, one at the hall is taken into this "
                  "workstation first.",
                  nullptr, static_cast<int>(hits.size()))
                   .arg(text)
                   .arg(held));
    m_view->show();
    m_take->show();
    m_view->resizeColumnsToContents();
    // The item's name takes the width left (sized to contents above, the stretch was lost).
    m_view->horizontalHeader()->setSectionResizeMode(HallHitModel::ItemColumn,
                                                     QHeaderView::Stretch);
    // The first case not held here is the one the clerk came for.
    int row = 0;
    for (int i = 0; i < hits.size(); ++i)
        if (!hits[i].held) {
            row = i;
            break;
        }
    m_view->setCurrentIndex(m_model->index(row, 0));
    // The keyboard follows only a clerk who waited for the answer, not one typing elsewhere.
    QWidget* focus = QApplication::focusWidget();
    if (!focus || parentWidget()->isAncestorOf(focus))
        m_view->setFocus(Qt::OtherFocusReason);
}

void HallSearchPanel::showFetched(const QString& caseId)
{
    setWorking(false);
    m_model->markHeld(caseId);
    showStatus(tr("Case %1 was taken into this workstation from the hall's server; from now on "
                  "it syncs like any other case.")
                   .arg(m_taking));
    Q_EMIT openCase(caseId);
}

void HallSearchPanel::showFailed(const core::Error& error)
{
    if (!m_next.isEmpty()) {
        showFound(m_asked, {}); // asks the next text
        return;
    }
    setWorking(false);
    if (m_cleared)
        return;
    showStatus(error.message, true);
}

void HallSearchPanel::showStatus(const QString& text, bool failure)
{
    m_status->setText(text);
    m_status->setStyleSheet(failure ? QStringLiteral("color: #b91c1c;") : QString());
}

void HallSearchPanel::setWorking(bool working)
{
    m_progress->setVisible(working);
    m_take->setEnabled(!working);
}

bool HallSearchPanel::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_view && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if (key->key() == Qt::Key_Escape) {
            Q_EMIT backToSearch();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace onewindow::ui
