#include "ui/MatterFiguresTable.h"

#include <QHeaderView>

namespace onewindow::ui {

MatterFiguresTable::MatterFiguresTable(QWidget* parent) : QTableWidget(parent)
{
    setObjectName(QStringLiteral("matterFigures"));
    QStringList headers{tr("Matters (一件事)")};
    for (const auto& column : core::matterFigureColumns())
        headers.append(column.second);
    setColumnCount(static_cast<int>(headers.size()));
    setHorizontalHeaderLabels(headers);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    verticalHeader()->hide();
    horizontalHeader()->setStretchLastSection(true);
}

void MatterFiguresTable::setFigures(const core::MatterFigureTable& table)
{
    m_figures = table;
    QList<core::MatterFigureRow> rows{{QString(), tr("Hall total"), table.total}};
    for (core::MatterFigureRow r : table.byMatter) {
        r.label = tr("Matter: %1").arg(r.label);
        rows.append(r);
    }
    for (core::MatterFigureRow r : table.byDepartment) {
        r.label = tr("Department: %1").arg(r.label);
        rows.append(r);
    }
    const auto columns = core::matterFigureColumns();
    setRowCount(static_cast<int>(rows.size()));
    for (int row = 0; row < rows.size(); ++row) {
        setItem(row, 0, new QTableWidgetItem(rows.at(row).label));
        for (int c = 0; c < columns.size(); ++c) {
            auto* cell = new QTableWidgetItem(
                core::matterFigureText(rows.at(row).figures, columns.at(c).first));
            cell->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            setItem(row, c + 1, cell);
        }
    }
    resizeColumnsToContents();
}

void MatterFiguresTable::showProblem(const QString& message)
{
    m_figures.reset();
    setRowCount(1);
    setItem(0, 0, new QTableWidgetItem(message));
}

} // namespace onewindow::ui
