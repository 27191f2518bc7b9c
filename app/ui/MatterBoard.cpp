#include "ui/MatterBoard.h"

#include "core/ClockText.h"
#include "ui/MatterView.h"

#include <QColor>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace onewindow::ui {

MatterBoard::MatterBoard(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    m_summary = new QLabel(this);
    layout->addWidget(m_summary);
    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setObjectName(QStringLiteral("matterBoard"));
    m_table->setHorizontalHeaderLabels({tr("Matter number"), tr("Matter"), tr("Applicant"),
                                        tr("Parts finished"), tr("Matter due"),
                                        tr("Matter's clock")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->installEventFilter(this);
    connect(m_table, &QTableWidget::cellDoubleClicked, this, &MatterBoard::openCurrent);
    layout->addWidget(m_table, 1);
}

void MatterBoard::setCases(store::CaseStore& cases, const store::User& user,
                           const DocumentPrinting& printing)
{
    m_cases = &cases;
    m_user = user;
    m_printing = printing;
}

void MatterBoard::clear()
{
    m_cases = nullptr;
    m_printing.reset();
    m_matters.clear();
    m_table->setRowCount(0);
    m_summary->clear();
}

void MatterBoard::refresh(const QDate& today)
{
    m_today = today;
    m_table->setRowCount(0);
    if (!m_cases)
        return;
    auto open = store::loadOpenMatters(*m_cases, today);
    if (!open) {
        m_summary->setText(open.error().message);
        return;
    }
    m_matters = std::move(*open);
    // Due first: the matter's own deadline, then its number.
    std::stable_sort(m_matters.begin(), m_matters.end(),
                     [](const store::LoadedMatter& a, const store::LoadedMatter& b) {
                         return a.progress.clock.deadline < b.progress.clock.deadline;
                     });
    int red = 0, yellow = 0;
    m_table->setRowCount(static_cast<int>(m_matters.size()));
    for (int row = 0; row < m_matters.size(); ++row) {
        const store::LoadedMatter& m = m_matters.at(row);
        const core::ClockResult& clock = m.progress.clock;
        const QStringList cells{m.number,
                                m.matter.name,
                                m.parts.first().state.applicant.name,
                                tr("%1 of %2").arg(m.progress.finished).arg(m.progress.parts),
                                core::deadlineText(clock.deadline, clock.provisional),
                                core::clockStandingText(clock.status, clock.unit)};
        QColor colour;
        if (clock.status.level == core::WarningLevel::Red) {
            ++red;
            colour = QColor(0xff, 0xd6, 0xd6);
        } else if (clock.status.level == core::WarningLevel::Yellow) {
            ++yellow;
            colour = QColor(0xff, 0xf3, 0xc4);
        }
        for (int c = 0; c < ColumnCount; ++c) {
            auto* cell = new QTableWidgetItem(cells.at(c));
            if (colour.isValid())
                cell->setBackground(colour);
            m_table->setItem(row, c, cell);
        }
    }
    m_table->resizeColumnsToContents();
    if (m_table->rowCount() > 0)
        m_table->selectRow(0);
    m_summary->setText(tr("Open matters: %1 · overdue (red): %2 · due soon (yellow): %3")
                           .arg(m_matters.size())
                           .arg(red)
                           .arg(yellow));
}

bool MatterBoard::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_table && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent*>(event)->key();
        if (key == Qt::Key_Return || key == Qt::Key_Enter) {
            openCurrent();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void MatterBoard::openCurrent()
{
    const int row = m_table->currentRow();
    if (!m_cases || row < 0 || row >= m_matters.size())
        return;
    MatterView view(*m_cases, m_user, m_matters.at(row).number, m_today, this);
    if (m_printing)
        view.setPrinting(*m_printing);
    view.exec();
    refresh(m_today);
}

} // namespace onewindow::ui
