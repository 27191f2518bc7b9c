#pragma once

#include "core/CaseState.h"

#include <QAbstractTableModel>
#include <QList>

namespace onewindow::ui {

// A case's materials as last checked, one row each: name, state, and what is wrong with it or
// when a deferred one is due.
class MaterialCheckModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        NameColumn,
        StateColumn,
        ProblemColumn,
        ColumnCount,
    };
    using QAbstractTableModel::QAbstractTableModel;

    void setMaterials(QList<core::MaterialCheck> materials);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QList<core::MaterialCheck> m_materials;
};

} // namespace onewindow::ui
