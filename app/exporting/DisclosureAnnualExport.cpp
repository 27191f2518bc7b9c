#include "exporting/DisclosureAnnualExport.h"

namespace onewindow::exporting {

DisclosureAnnualSource::DisclosureAnnualSource(core::AnnualTable table)
    : m_table(std::move(table)), m_labels(core::annualRowLabels())
{}

QString DisclosureAnnualSource::title() const
{
    return QStringLiteral("%1年依申请公开情况").arg(m_table.year);
}

QStringList DisclosureAnnualSource::headers() const
{
    QStringList out{QStringLiteral("项目"), QStringLiteral("类别"), QStringLiteral("细项")};
    for (int c = 0; c < core::kAnnualColumns; ++c) {
        const QString group = core::annualColumnGroup(c);
        out.append(group.isEmpty() ? core::annualColumnName(c)
                                   : QStringLiteral("%1·%2").arg(group, core::annualColumnName(c)));
    }
    return out;
}

qint64 DisclosureAnnualSource::rowCount() const
{
    return core::AnnualTable::kRows;
}

QVariant DisclosureAnnualSource::cell(qint64 row, int column) const
{
    if (row < 0 || row >= rowCount())
        return {};
    const core::AnnualRowLabel& label = m_labels.at(row);
    switch (column) {
    case 0:
        return label.part;
    case 1:
        return label.group;
    case 2:
        return label.item;
    default:
        break;
    }
    const int c = column - 3;
    if (c < 0 || c >= core::kAnnualColumns)
        return {};
    return m_table.cells[std::size_t(row)][std::size_t(c)];
}

QString DisclosureAnnualSource::rowLabel(qint64 row) const
{
    if (row < 0 || row >= rowCount())
        return {};
    QStringList label;
    for (int c = 0; c < 3; ++c)
        if (const QString s = cell(row, c).toString(); !s.isEmpty() && (c > 0 || label.isEmpty()))
            label.append(s);
    // A result row names its group and item; the part (三、…) heads the first of them.
    if (row > 2 && cell(row, 0) == cell(row - 1, 0) && label.size() > 1)
        label.removeFirst();
    return label.join(QStringLiteral(" "));
}

QString annualBalanceText(const core::AnnualTable& t)
{
    const int total = core::kAnnualColumns - 1;
    return QStringLiteral("核对：新收 %1 + 上年结转 %2 = 办理结果总计 %3 + 结转下年度 %4，%5")
        .arg(t.newApplications(total))
        .arg(t.carriedOver(total))
        .arg(t.processed(total))
        .arg(t.carriedForward(total))
        .arg(t.balances() ? QStringLiteral("相符") : QStringLiteral("不符"));
}

} // namespace onewindow::exporting
