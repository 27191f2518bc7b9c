#pragma once

#include "core/CatalogSearch.h"

#include <QAbstractTableModel>

namespace onewindow::ui {

// The catalog as a clerk searches it: the current version of each item, filtered and ranked by
// CatalogSearch as the query is typed.
class CatalogModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        NameColumn,
        DepartmentColumn,
        LimitColumn,
        VersionColumn,
        ColumnCount,
    };
    enum Role
    {
        CodeRole = Qt::UserRole + 1,
    };
    using QAbstractTableModel::QAbstractTableModel;

    void setEntries(QList<core::CatalogEntry> entries);
    void setQuery(const QString& query);
    const QString& query() const { return m_query; }
    int totalCount() const { return static_cast<int>(m_search.entries().size()); }
    QString codeAt(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    core::CatalogSearch m_search;
    QList<int> m_hits;
    QString m_query;
};

} // namespace onewindow::ui
