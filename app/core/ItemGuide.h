#pragma once

#include "core/Catalog.h"

#include <QString>

namespace onewindow::core {

// The office guide (办事指南) as a clerk reads it to an applicant: limits, fees, where and when,
// then every material with its form, copies and conditions. Plain text for the CLI, HTML for the
// screens and printed guides.
QString itemGuideText(const ServiceItem& item);
QString itemGuideHtml(const ServiceItem& item);

QString feesText(const ServiceItem& item); // 不收费 | 不动产登记费 80.00 元（依据…）
// The fee an applicant owes as a letter states it (issue 15): 不收费, the one fee line, or, when
// the catalog lists several lines and cannot say which applies, the standard with each basis
// named once and 以实际核定为准 — never every line as if all were due.
QString feeDueText(const ServiceItem& item);
QString deliveryText(const ServiceItem& item); // 窗口领取、邮寄
QString materialSummary(const Material& m); // 原件 1 份 · 纸质 · 必要 · 可容缺 · 可告知承诺

} // namespace onewindow::core
