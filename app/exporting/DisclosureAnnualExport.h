#pragma once

#include "core/DisclosureAnnual.h"
#include "exporting/TableExport.h"

namespace onewindow::exporting {

// The annual report's table 三 (国办公开办函〔2021〕30号) as rows: 项目, 类别, 细项, then the
// applicant columns (自然人, 法人或其他组织 by kind, 总计), one row per template row.
class DisclosureAnnualSource : public TableSource
{
public:
    explicit DisclosureAnnualSource(core::AnnualTable table);

    QString title() const override;
    QStringList headers() const override;
    qint64 rowCount() const override;
    QVariant cell(qint64 row, int column) const override;
    // The row's label as one line, the way onewindowctl and the figures page show it: the part
    // (一、…) alone, or the group and item, the part heading only the first row of its group.
    QString rowLabel(qint64 row) const;

private:
    core::AnnualTable m_table;
    QList<core::AnnualRowLabel> m_labels;
};

// The template's check stated (新收 + 上年结转 = 办理结果总计 + 结转下年度, 相符 or 不符), for the
// total column, as onewindowctl and the figures page print it.
QString annualBalanceText(const core::AnnualTable& table);

} // namespace onewindow::exporting
