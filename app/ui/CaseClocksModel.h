#pragma once

#include "core/CaseClocks.h"

#include <QAbstractTableModel>
#include <QList>

namespace onewindow::ui {

// The clocks of one case, one row each: deadline, working days left, warning level and what the
// clerk should know about the count (provisional calendar, suspension, days not counted). Red and
// yellow rows are tinted as on the queue.
class CaseClocksModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        ClockColumn,
        DeadlineColumn,
        DaysLeftColumn,
        WarningColumn,
        NoteColumn,
        ColumnCount,
    };
    using QAbstractTableModel::QAbstractTableModel;

    void setClocks(QList<core::CaseClock> clocks);
    const QList<core::CaseClock>& clocks() const { return m_clocks; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QString note(const core::ClockResult& r) const;

    QList<core::CaseClock> m_clocks;
};

} // namespace onewindow::ui
