#include "core/DisclosureFee.h"

#include <algorithm>

namespace onewindow::core {

int countRateYuan(int nth)
{
    // 国办函〔2020〕109号 Art. 4 (一)-(三).
    if (nth <= 10)
        return 0;
    if (nth <= 30)
        return 100;
    return 100 + 100 * ((nth - 21) / 10); // 31-40: 200, 41-50: 300 ...
}

qint64 countFeeYuan(int priorInMonth, int items)
{
    qint64 total = 0;
    for (int n = std::max(0, priorInMonth) + 1; n <= std::max(0, priorInMonth) + items; ++n)
        total += countRateYuan(n);
    return total;
}

qint64 volumeFeeYuan(int pages)
{
    // 国办函〔2020〕109号 Art. 5 (一)-(四): each band's pages at the band's rate.
    struct Band
    {
        int from, to, rate;
    };
    constexpr Band kBands[] = {{31, 100, 10}, {101, 200, 20}, {201, 1 << 30, 40}};
    qint64 total = 0;
    for (const Band& b : kBands)
        if (pages >= b.from)
            total += qint64(std::min(pages, b.to) - b.from + 1) * b.rate;
    return total;
}

qint64 feeYuan(FeeBasis basis, int units, int priorInMonth)
{
    return basis == FeeBasis::ByCount ? countFeeYuan(priorInMonth, units) : volumeFeeYuan(units);
}

Status checkFee(const QString& basisKey, int units, int priorInMonth, qint64 amountYuan)
{
    const std::optional<FeeBasis> basis = fromKey(kFeeBases, basisKey);
    if (!basis)
        return Error{QStringLiteral("fee.basis"),
                     QStringLiteral("请选择按件计收或按量计收（二者只能选其一，国办函〔2020〕109号 "
                                    "第三条）")};
    if (units <= 0 || units > kMaxFeeUnits)
        return Error{QStringLiteral("fee.units"),
                     *basis == FeeBasis::ByCount
                         ? QStringLiteral("请填写本申请计费的件数（1 至 %1）").arg(kMaxFeeUnits)
                         : QStringLiteral("请填写提供信息的页数（1 至 %1）").arg(kMaxFeeUnits)};
    if (priorInMonth < 0)
        return Error{QStringLiteral("fee.prior"), QStringLiteral("本月此前的申请件数不能为负数")};
    const qint64 due = feeYuan(*basis, units, priorInMonth);
    if (due <= 0)
        return Error{QStringLiteral("fee.free"),
                     *basis == FeeBasis::ByCount
                         ? QStringLiteral("该申请人本月累计申请未超过 10 件，不收费（国办函〔2020〕"
                                          "109号 第四条）")
                         : QStringLiteral("提供信息不超过 30 页，不收费（国办函〔2020〕109号 "
                                          "第五条）")};
    if (amountYuan != due)
        return Error{QStringLiteral("fee.amount"),
                     QStringLiteral("收费金额应为 %1 元（%2），不是 %3 元")
                         .arg(due)
                         .arg(feeBasisText(*basis, units, priorInMonth, due))
                         .arg(amountYuan)};
    return {};
}

QString feeBasisText(FeeBasis basis, int units, int priorInMonth, qint64 amountYuan)
{
    if (basis == FeeBasis::ByCount)
        return units == 1 ? QStringLiteral("按件计收：申请人本自然月第 %1 件，%2 元")
                                .arg(priorInMonth + 1)
                                .arg(amountYuan)
                          : QStringLiteral("按件计收：申请人本自然月第 %1 件至第 %2 件，共 %3 元")
                                .arg(priorInMonth + 1)
                                .arg(priorInMonth + units)
                                .arg(amountYuan);
    return QStringLiteral("按量计收：共 %1 页，%2 元").arg(units).arg(amountYuan);
}

} // namespace onewindow::core
