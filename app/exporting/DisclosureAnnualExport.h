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

private:
    core::AnnualTable m_table;
    QList<core::AnnualRowLabel> m_labels;
};

} // namespace onewindow::exporting
