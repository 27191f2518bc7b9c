#pragma once

#include "core/Figures.h"

#include <QAbstractTableModel>

namespace onewindow::ui {

// A figure table as the Figures page shows it: the period, the group (when grouped), then every
// figure of core::figureColumns(); a last row holds the totals. Numbers are right-aligned; a rate
// with nothing to divide by is shown as a dash.
class FigureTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    using QAbstractTableModel::QAbstractTableModel;

    void setTable(core::FigureTable table);
    const core::FigureTable& table() const { return m_table; }
    // The figures of a row (the last row: the totals).
    const core::FigureSet* figuresAt(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    const QList<core::FigureRow>& rows() const;
    int leadingColumns() const; // period, and the group when grouped

    core::FigureTable m_table;
};

} // namespace onewindow::ui
