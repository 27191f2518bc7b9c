#include "ui/FigureTableModel.h"

#include <QFont>

namespace onewindow::ui {

void FigureTableModel::setTable(core::FigureTable table)
{
    beginResetModel();
    m_table = std::move(table);
    endResetModel();
}

const QList<core::FigureRow>& FigureTableModel::rows() const
{
    return m_table.groupBy == core::GroupBy::None ? m_table.periodTotals : m_table.rows;
}

int FigureTableModel::leadingColumns() const
{
    return m_table.groupBy == core::GroupBy::None ? 1 : 2;
}

const core::FigureSet* FigureTableModel::figuresAt(int row) const
{
    if (row == rows().size() && m_table.from.isValid())
        return &m_table.total;
    return row >= 0 && row < rows().size() ? &rows()[row].figures : nullptr;
}

int FigureTableModel::rowCount(const QModelIndex& parent) const
{
    if (parent.isValid() || !m_table.from.isValid())
        return 0;
    return static_cast<int>(rows().size()) + 1;
}

int FigureTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : leadingColumns() + static_cast<int>(core::figureColumns().size());
}

QVariant FigureTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= columnCount())
        return {};
    const bool total = index.row() == rows().size();
    const int column = index.column();
    if (role == Qt::TextAlignmentRole)
        return column < leadingColumns() ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                                         : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::FontRole && total) {
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    if (role != Qt::DisplayRole)
        return {};
    if (column == 0)
        return total ? tr("Total") : core::periodLabel(m_table.kind, rows()[index.row()].period);
    if (column < leadingColumns())
        return total ? QString() : rows()[index.row()].label;
    const QString& key = core::figureColumns()[column - leadingColumns()].key;
    const QString text = core::figureText(*figuresAt(index.row()), key);
    return text.isEmpty() ? QStringLiteral("—") : text;
}

QVariant FigureTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole || orientation != Qt::Horizontal || section < 0 ||
        section >= columnCount())
        return {};
    if (section == 0)
        return tr("Period");
    if (section < leadingColumns()) {
        switch (m_table.groupBy) {
        case core::GroupBy::Window:
            return tr("Window");
        case core::GroupBy::Clerk:
            return tr("Clerk");
        case core::GroupBy::Department:
            return tr("Department");
        case core::GroupBy::Item:
            return tr("Service item");
        case core::GroupBy::None:
            break;
        }
        return {};
    }
    static const char* const names[] = {
        QT_TR_NOOP("Received"),
        QT_TR_NOOP("Accepted"),
        QT_TR_NOOP("Refused"),
        QT_TR_NOOP("One-time notices"),
        QT_TR_NOOP("of which repeats"),
        QT_TR_NOOP("Decided"),
        QT_TR_NOOP("Within promised limit"),
        QT_TR_NOOP("Within statutory limit"),
        QT_TR_NOOP("On-time rate"),
        QT_TR_NOOP("Avg. working days"),
        QT_TR_NOOP("Overdue now"),
        QT_TR_NOOP("Very satisfied"),
        QT_TR_NOOP("Satisfied"),
        QT_TR_NOOP("Basically satisfied"),
        QT_TR_NOOP("Dissatisfied"),
        QT_TR_NOOP("Very dissatisfied"),
        QT_TR_NOOP("Satisfaction rate"),
    };
    static_assert(std::size(names) == 17);
    const int figure = section - leadingColumns();
    return figure < 17 ? tr(names[figure]) : QVariant();
}

} // namespace onewindow::ui
