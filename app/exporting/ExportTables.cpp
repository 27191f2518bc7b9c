#include "exporting/ExportTables.h"

#include "core/CaseState.h"
#include "core/Identifiers.h"

namespace onewindow::exporting {

FigureTableSource::FigureTableSource(core::FigureTable table) : m_table(std::move(table))
{
    m_totalRow.period = core::Period{m_table.from, m_table.to};
    m_totalRow.label = QStringLiteral("合计");
    m_totalRow.figures = m_table.total;
}

QString FigureTableSource::title() const
{
    return QStringLiteral("统计");
}

QStringList FigureTableSource::headers() const
{
    QStringList h{QStringLiteral("统计期间")};
    if (m_table.groupBy != core::GroupBy::None)
        h.append(core::groupByName(m_table.groupBy));
    for (const core::FigureColumn& c : core::figureColumns())
        h.append(c.name);
    return h;
}

const QList<core::FigureRow>& FigureTableSource::rows() const
{
    return m_table.groupBy == core::GroupBy::None ? m_table.periodTotals : m_table.rows;
}

qint64 FigureTableSource::rowCount() const
{
    return rows().size() + 1;
}

const core::FigureRow* FigureTableSource::rowAt(qint64 row) const
{
    const QList<core::FigureRow>& all = rows();
    if (row == all.size())
        return &m_totalRow;
    return row >= 0 && row < all.size() ? &all[row] : nullptr;
}

QVariant FigureTableSource::cell(qint64 row, int column) const
{
    const core::FigureRow* r = rowAt(row);
    if (!r)
        return {};
    const bool total = r == &m_totalRow;
    if (column == 0)
        return total ? QStringLiteral("合计") : core::periodLabel(m_table.kind, r->period);
    int figure = column - 1;
    if (m_table.groupBy != core::GroupBy::None) {
        if (column == 1)
            return total ? QString() : r->label;
        --figure;
    }
    const QList<core::FigureColumn>& columns = core::figureColumns();
    if (figure < 0 || figure >= columns.size())
        return {};
    const QString& key = columns[figure].key;
    const std::optional<double> v = core::figureNumber(r->figures, key);
    if (!v)
        return {};
    if (key.endsWith(QStringLiteral("_rate")) || key == QStringLiteral("average_days"))
        return core::figureText(r->figures, key); // 98.5%, 7.3: as people read them
    return static_cast<qint64>(*v);
}

MatterFigureSource::MatterFigureSource(core::MatterFigureTable table)
{
    m_rows.append(Row{QStringLiteral("全厅"),
                      core::MatterFigureRow{QString(), QStringLiteral("合计"), table.total}});
    for (const core::MatterFigureRow& r : table.byMatter)
        m_rows.append(Row{QStringLiteral("一件事"), r});
    for (const core::MatterFigureRow& r : table.byDepartment)
        m_rows.append(Row{QStringLiteral("部门"), r});
}

QStringList MatterFigureSource::headers() const
{
    QStringList h{QStringLiteral("类别"), QStringLiteral("名称")};
    for (const auto& c : core::matterFigureColumns())
        h.append(c.second);
    return h;
}

QVariant MatterFigureSource::cell(qint64 row, int column) const
{
    if (row < 0 || row >= m_rows.size())
        return {};
    const Row& r = m_rows[row];
    if (column == 0)
        return r.group;
    if (column == 1)
        return r.row.label;
    const auto columns = core::matterFigureColumns();
    if (column - 2 >= columns.size())
        return {};
    const QString& key = columns[column - 2].first;
    const core::MatterFigureSet& f = r.row.figures;
    if (key == QStringLiteral("received"))
        return f.received;
    if (key == QStringLiteral("finished"))
        return f.finished;
    if (key == QStringLiteral("finished_on_time"))
        return f.finishedOnTime;
    return core::matterFigureText(f, key);
}

CaseRowSource::CaseRowSource(QList<store::CaseRow> rows, QHash<QString, QString> clerkNames,
                             QString title)
    : m_rows(std::move(rows)), m_names(std::move(clerkNames)), m_title(std::move(title))
{}

QStringList CaseRowSource::headers() const
{
    return {QStringLiteral("办件编号"), QStringLiteral("事项编码"), QStringLiteral("事项名称"),
            QStringLiteral("部门"),     QStringLiteral("申请人"),   QStringLiteral("证件号码"),
            QStringLiteral("联系电话"), QStringLiteral("经办人"),   QStringLiteral("窗口"),
            QStringLiteral("状态"),     QStringLiteral("收件日期"), QStringLiteral("受理日期"),
            QStringLiteral("办结日期"), QStringLiteral("到期日期")};
}

QVariant CaseRowSource::cell(qint64 row, int column) const
{
    if (row < 0 || row >= m_rows.size())
        return {};
    const store::CaseRow& r = m_rows[row];
    const auto date = [](const QDate& d) {
        return d.isValid() ? d.toString(Qt::ISODate) : QString();
    };
    switch (column) {
    case 0:
        return r.caseNumber;
    case 1:
        return r.itemCode;
    case 2:
        return r.itemName;
    case 3:
        return r.department;
    case 4:
        return r.applicantName;
    case 5:
        return core::maskIdNumber(r.applicantId);
    case 6:
        return r.applicantPhone;
    case 7:
        return m_names.value(r.clerkId, r.clerkId);
    case 8:
        return r.windowCode;
    case 9: {
        const auto status = core::caseStatusFromKey(r.status);
        return status ? core::caseStatusName(*status) : r.status;
    }
    case 10:
        return date(r.receivedDate);
    case 11:
        return date(r.acceptedDate);
    case 12:
        return date(r.decidedDate);
    case 13:
        return r.open ? date(r.dueDate) : QString();
    }
    return {};
}

} // namespace onewindow::exporting
