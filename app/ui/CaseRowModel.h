#pragma once

#include "store/CaseQueries.h"

#include <QAbstractTableModel>
#include <QDate>

namespace onewindow::ui {

// Cases as queues and search results show them: number, item, applicant (ID masked), state, due
// date and warning colour on `today`.
class CaseRowModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        NumberColumn,
        ItemColumn,
        ApplicantColumn,
        StatusColumn,
        DueColumn,
        LevelColumn,
        ColumnCount,
    };
    enum Role
    {
        CaseIdRole = Qt::UserRole + 1,
        LevelRole,
    };
    using QAbstractTableModel::QAbstractTableModel;

    void setRows(QList<store::CaseRow> rows, const QDate& today);
    const store::CaseRow* rowAt(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QList<store::CaseRow> m_rows;
    QDate m_today;
};

} // namespace onewindow::ui
