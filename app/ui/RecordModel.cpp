#include "ui/RecordModel.h"

#include "ui/BoardModel.h"
#include "ui/UiText.h"

namespace onewindow::ui {

void RecordModel::setRecords(QList<Record> records)
{
    beginResetModel();
    m_records = std::move(records);
    endResetModel();
}

const RecordModel::Record* RecordModel::recordAt(int row) const
{
    return row >= 0 && row < m_records.size() ? &m_records[row] : nullptr;
}

int RecordModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_records.size());
}

int RecordModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_headers.size());
}

QVariant RecordModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const Record& r = m_records.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return r.cells.value(index.column());
    case CaseIdRole:
        return r.caseId;
    case Qt::BackgroundRole:
        return levelBackground(r.level);
    default:
        return QVariant();
    }
}

QVariant RecordModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::DisplayRole)
        return m_headers.value(section);
    return QAbstractTableModel::headerData(section, orientation, role);
}

} // namespace onewindow::ui
