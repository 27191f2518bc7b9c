#pragma once

#include "core/Figures.h"
#include "core/MatterFigures.h"
#include "exporting/TableExport.h"
#include "store/CaseQueries.h"

#include <QHash>

namespace onewindow::exporting {

// A figure table as rows: 统计期间, the group (when grouped), then core::figureColumns(); a last
// row 合计 holds the totals. Without grouping every period of the range has its row.
class FigureTableSource : public TableSource
{
public:
    explicit FigureTableSource(core::FigureTable table);

    QString title() const override;
    QStringList headers() const override;
    qint64 rowCount() const override;
    QVariant cell(qint64 row, int column) const override;

    const core::FigureTable& table() const { return m_table; }

private:
    const core::FigureRow* rowAt(qint64 row) const;
    const QList<core::FigureRow>& rows() const;

    core::FigureTable m_table;
    core::FigureRow m_totalRow;
};

// The figures of matters (一件事一次办, core/MatterFigures.h) as rows: 类别 (全厅, 一件事 or 部门),
// 名称, then core::matterFigureColumns(); the hall's total first, then one row per matter and one
// per department, the numbers `stats --matters` prints. Counts are numbers, the rate and the
// average text as people read them (100.0%, 0.5, — with nothing to divide).
class MatterFigureSource : public TableSource
{
public:
    explicit MatterFigureSource(core::MatterFigureTable table);

    QString title() const override { return QStringLiteral("一件事一次办"); }
    QStringList headers() const override;
    qint64 rowCount() const override { return m_rows.size(); }
    QVariant cell(qint64 row, int column) const override;

private:
    struct Row
    {
        QString group;
        core::MatterFigureRow row;
    };
    QList<Row> m_rows;
};

// A list of cases as its rows: number, item, department, applicant (ID numbers masked to the
// first 6 and last 4 characters, as every list shows them), clerk, window, state and dates.
class CaseRowSource : public TableSource
{
public:
    // `clerkNames`: user id -> display name (an id without a name is shown as it is).
    explicit CaseRowSource(QList<store::CaseRow> rows, QHash<QString, QString> clerkNames = {},
                           QString title = QStringLiteral("办件清单"));

    QString title() const override { return m_title; }
    QStringList headers() const override;
    qint64 rowCount() const override { return m_rows.size(); }
    QVariant cell(qint64 row, int column) const override;

private:
    QList<store::CaseRow> m_rows;
    QHash<QString, QString> m_names;
    QString m_title;
};

} // namespace onewindow::exporting
