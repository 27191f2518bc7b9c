#include "ui/CatalogModel.h"

namespace onewindow::ui {

void CatalogModel::setEntries(QList<core::CatalogEntry> entries)
{
    beginResetModel();
    m_search.setEntries(std::move(entries));
    m_hits = m_search.search(m_query, static_cast<int>(m_search.entries().size()));
    endResetModel();
}

void CatalogModel::setQuery(const QString& query)
{
    beginResetModel();
    m_query = query;
    m_hits = m_search.search(query, static_cast<int>(m_search.entries().size()));
    endResetModel();
}

QString CatalogModel::codeAt(int row) const
{
    if (row < 0 || row >= m_hits.size())
        return QString();
    return m_search.entries().at(m_hits.at(row)).code;
}

int CatalogModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_hits.size());
}

int CatalogModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CatalogModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const core::CatalogEntry& e = m_search.entries().at(m_hits.at(index.row()));
    if (role == CodeRole)
        return e.code;
    if (role == Qt::ToolTipRole)
        return tr("%1\nImplementation code: %2\nOffice: %3").arg(e.name, e.code, e.office);
    if (role != Qt::DisplayRole)
        return QVariant();
    switch (index.column()) {
    case NameColumn:
        return e.name;
    case DepartmentColumn:
        return e.department;
    case LimitColumn:
        return e.profile == core::ProcedureProfile::SameDay
                   ? tr("Same day")
                   : tr("%n working day(s)", nullptr, e.promisedDays);
    case VersionColumn:
        return tr("v%1").arg(e.version);
    default:
        return QVariant();
    }
}

QVariant CatalogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Item");
    case DepartmentColumn:
        return tr("Department");
    case LimitColumn:
        return tr("Promised limit");
    case VersionColumn:
        return tr("Version");
    default:
        return QVariant();
    }
}

} // namespace onewindow::ui
