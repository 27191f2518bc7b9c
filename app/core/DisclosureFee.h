#pragma once

#include "core/EnumTable.h"
#include "core/Error.h"

#include <QString>

#include <array>

namespace onewindow::core {

// 政府信息公开信息处理费管理办法 (国办函〔2020〕109号). Art. 3: the fee is charged by count or by
// volume, each progressive over the excess (超额累进); one of them per application, never both.
enum class FeeBasis
{
    ByCount,  // Art. 4: 按件计收, per applicant per calendar month
    ByVolume, // Art. 5: 按量计收, pages on paper, by e-mail or copied electronic data
};
inline constexpr std::array<Named<FeeBasis>, 2> kFeeBases{{
    {FeeBasis::ByCount, u"count", u"按件计收"},
    {FeeBasis::ByVolume, u"volume", u"按量计收"},
}};

// 国办函〔2020〕109号 Art. 4: the fee of the applicant's n-th application (件) in one calendar
// month: 10 or fewer free; the 11th-30th 100 元 each; from the 31st each band of ten raises it by
// 100 元 (31st-40th 200 元, 41st-50th 300 元 ...).
int countRateYuan(int nth);
// The fee of `items` applications following `priorInMonth` earlier ones of the same applicant
// in that month (Art. 4: an application with several requests may be split into items, 一事一申请).
qint64 countFeeYuan(int priorInMonth, int items);
// 国办函〔2020〕109号 Art. 5: by pages, each band at its own rate (的部分): 30 or fewer free;
// pages 31-100 10 元 each; 101-200 20 元 each; from the 201st 40 元 each.
qint64 volumeFeeYuan(int pages);
// The fee by `basis` for `units` (items or pages), `priorInMonth` counting only by count.
qint64 feeYuan(FeeBasis basis, int units, int priorInMonth);

// 国办函〔2020〕109号 (the fee notice's provision): the applicant pays within 20 working days of
// receiving the notice; not paying in time counts as withdrawing the application, and the time from
// the notice to payment is not counted in the reply period (政府信息公开条例 Art. 33).
inline constexpr int kFeePaymentDays = 20;
// Limits of what a fee notice may state.
inline constexpr int kMaxFeeUnits = 100000;

// The basis and the amount a fee notice states, checked: the amount must be what the 办法 gives
// for the basis and units (codes fee.*; Chinese messages).
Status checkFee(const QString& basisKey, int units, int priorInMonth, qint64 amountYuan);

// "按件计收：本月第 11 件至第 12 件，共 200 元" as the notice and the timeline say it.
QString feeBasisText(FeeBasis basis, int units, int priorInMonth, qint64 amountYuan);

} // namespace onewindow::core
