#pragma once

#include "core/DisclosureAnnual.h"
#include "core/Error.h"

#include <QString>

class QPagedPaintDevice;

namespace onewindow::documents {

// The annual report's table 三 printed (政府信息公开条例 Art. 50; 国办公开办函〔2021〕30号): the
// template's rows and columns with the office's name and the year, the balance check below. Not a
// case document: no number, no seal.
QString disclosureAnnualHtml(const core::AnnualTable& table, const QString& office);
// Lays the table out on A4 portrait and paints it on `device` (a PDF writer or a printer): the
// one path of onewindowctl's PDF and the figures page's Print.
core::Status printDisclosureAnnual(const core::AnnualTable& table, const QString& office,
                                   QPagedPaintDevice& device);
core::Status writeDisclosureAnnualPdf(const core::AnnualTable& table, const QString& office,
                                      const QString& path);

} // namespace onewindow::documents
