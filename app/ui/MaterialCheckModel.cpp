#include "ui/MaterialCheckModel.h"

#include "core/DateText.h"

#include <QBrush>
#include <QColor>

namespace onewindow::ui {

void MaterialCheckModel::setMaterials(QList<core::MaterialCheck> materials)
{
    beginResetModel();
    m_materials = std::move(materials);
    endResetModel();
}

int MaterialCheckModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_materials.size());
}

int MaterialCheckModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MaterialCheckModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const core::MaterialCheck& m = m_materials.at(index.row());
    // What the applicant still owes stands out: missing red, defective amber.
    if (role == Qt::BackgroundRole) {
        if (m.state == core::MaterialState::Missing)
            return QBrush(QColor(0xf8, 0xd7, 0xda));
        if (m.state == core::MaterialState::Defective)
            return QBrush(QColor(0xff, 0xe8, 0xa3));
        return QVariant();
    }
    if (role != Qt::DisplayRole)
        return QVariant();
    switch (index.column()) {
    case NameColumn:
        return m.name;
    case StateColumn:
        return core::materialStateName(m.state);
    case ProblemColumn:
        return m.dueDate ? core::chineseDate(*m.dueDate) : m.problem;
    default:
        return QVariant();
    }
}

QVariant MaterialCheckModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Material");
    case StateColumn:
        return tr("State");
    case ProblemColumn:
        return tr("Problem / due");
    default:
        return QVariant();
    }
}

} // namespace onewindow::ui
