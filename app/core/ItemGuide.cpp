#include "core/ItemGuide.h"

#include <QStringList>

namespace onewindow::core {

QString feesText(const ServiceItem& item)
{
    if (item.fees.isEmpty())
        return QStringLiteral("不收费");
    QStringList parts;
    for (const Fee& f : item.fees)
        parts.append(QStringLiteral("%1 %2 元（依据：%3）").arg(f.item, f.amountYuan, f.basis));
    return parts.join(QStringLiteral("；"));
}

QString feeDueText(const ServiceItem& item)
{
    if (item.fees.isEmpty())
        return QStringLiteral("不收费");
    if (item.fees.size() == 1) {
        const Fee& f = item.fees.first();
        return QStringLiteral("%1 %2 元（依据：%3）").arg(f.item, f.amountYuan, f.basis);
    }
    QStringList lines;
    QStringList bases;
    for (const Fee& f : item.fees) {
        lines.append(QStringLiteral("%1 %2 元").arg(f.item, f.amountYuan));
        if (!f.basis.trimmed().isEmpty() && !bases.contains(f.basis.trimmed()))
            bases.append(f.basis.trimmed());
    }
    return QStringLiteral("按收费标准收取（%1%2），以实际核定为准")
        .arg(lines.join(QStringLiteral("；")),
             bases.isEmpty() ? QString()
                             : QStringLiteral("；依据：") + bases.join(QStringLiteral("、")));
}

QString deliveryText(const ServiceItem& item)
{
    QStringList parts;
    for (DeliveryOption d : item.delivery)
        parts.append(deliveryName(d));
    return parts.join(QStringLiteral("、"));
}

QString materialSummary(const Material& m)
{
    QStringList parts{QStringLiteral("%1 %2 份").arg(materialFormName(m.form)).arg(m.copies),
                      mediumName(m.medium), requirementName(m.requirement)};
    if (m.requirement == Requirement::Conditional)
        parts.last() += QStringLiteral("（%1）").arg(m.condition);
    if (m.deferrable)
        parts.append(QStringLiteral("可容缺受理"));
    if (m.commitment)
        parts.append(QStringLiteral("可告知承诺"));
    return parts.join(QStringLiteral(" · "));
}

namespace {

QString limitsText(const ServiceItem& item)
{
    if (item.profile == ProcedureProfile::SameDay)
        return item.statutoryDays > 0 ? QStringLiteral("即办（当场办结）；法定时限 %1")
                                            .arg(daysText(item.statutoryDays, item.statutoryUnit))
                                      : QStringLiteral("即办（当场办结）");
    return QStringLiteral("承诺时限 %1；法定时限 %2")
        .arg(daysText(item.promisedDays, item.promisedUnit),
             daysText(item.statutoryDays, item.statutoryUnit));
}

} // namespace

QString itemGuideText(const ServiceItem& item)
{
    QStringList lines;
    lines << item.name << QStringLiteral("实施编码：%1").arg(item.code)
          << QStringLiteral("实施主体：%1（%2）").arg(item.office, item.department)
          << QStringLiteral("事项类型：%1；办理程序：%2")
                 .arg(itemKindName(item.kind), profileName(item.profile))
          << QStringLiteral("办理时限：%1").arg(limitsText(item))
          << QStringLiteral("补正期限：%1").arg(daysText(item.correctionDays, item.correctionUnit))
          << QStringLiteral("收费：%1").arg(feesText(item))
          << QStringLiteral("结果送达：%1").arg(deliveryText(item))
          << QStringLiteral("设定依据：%1").arg(item.legalBasis)
          << QStringLiteral("办理地点：%1").arg(item.whereToApply)
          << QStringLiteral("办理时间：%1").arg(item.hours)
          << QStringLiteral("咨询电话：%1").arg(item.phone);
    if (!item.frequentMistakes.isEmpty())
        lines << QStringLiteral("常见错误：%1").arg(item.frequentMistakes);
    lines << QStringLiteral("申请材料（%1 项）：").arg(item.materials.size());
    for (int i = 0; i < item.materials.size(); ++i) {
        const Material& m = item.materials[i];
        lines << QStringLiteral("  %1. %2 —— %3").arg(i + 1).arg(m.name, materialSummary(m));
        if (m.commitment)
            lines << QStringLiteral("     承诺内容：%1").arg(*m.commitment);
        if (!m.sample.isEmpty())
            lines << QStringLiteral("     样表：%1").arg(m.sample);
        if (!m.frequentMistakes.isEmpty())
            lines << QStringLiteral("     常见错误：%1").arg(m.frequentMistakes);
    }
    return lines.join(QLatin1Char('\n'));
}

QString itemGuideHtml(const ServiceItem& item)
{
    const auto row = [](const QString& label, const QString& value) {
        return QStringLiteral(
                   "<tr><th align=\"left\" valign=\"top\" style=\"padding-right:12px\">%1</th>"
                   "<td>%2</td></tr>")
            .arg(label.toHtmlEscaped(), value.toHtmlEscaped());
    };
    QString html =
        QStringLiteral("<h2>%1</h2><table cellspacing=\"2\">").arg(item.name.toHtmlEscaped());
    html += row(QStringLiteral("办理时限"), limitsText(item));
    html += row(QStringLiteral("收费"), feesText(item));
    html += row(QStringLiteral("办理地点"), item.whereToApply);
    html += row(QStringLiteral("办理时间"), item.hours);
    html += row(QStringLiteral("咨询电话"), item.phone);
    html += row(QStringLiteral("结果送达"), deliveryText(item));
    html += row(QStringLiteral("实施主体"),
                QStringLiteral("%1（%2）").arg(item.office, item.department));
    html += row(QStringLiteral("事项类型"),
                QStringLiteral("%1 · %2").arg(itemKindName(item.kind), profileName(item.profile)));
    html += row(QStringLiteral("补正期限"), daysText(item.correctionDays, item.correctionUnit));
    html += row(QStringLiteral("设定依据"), item.legalBasis);
    html += row(QStringLiteral("实施编码"), item.code);
    html += QStringLiteral("</table>");
    if (!item.frequentMistakes.isEmpty())
        html +=
            QStringLiteral("<p><b>常见错误：</b>%1</p>").arg(item.frequentMistakes.toHtmlEscaped());
    html += QStringLiteral("<h3>申请材料（%1 项）</h3><ol>").arg(item.materials.size());
    for (const Material& m : item.materials) {
        html += QStringLiteral("<li><b>%1</b><br/>%2")
                    .arg(m.name.toHtmlEscaped(), materialSummary(m).toHtmlEscaped());
        if (m.commitment)
            html += QStringLiteral("<br/><i>承诺内容：%1</i>").arg(m.commitment->toHtmlEscaped());
        if (!m.frequentMistakes.isEmpty())
            html += QStringLiteral("<br/>常见错误：%1").arg(m.frequentMistakes.toHtmlEscaped());
        html += QStringLiteral("</li>");
    }
    html += QStringLiteral("</ol>");
    return html;
}

} // namespace onewindow::core
