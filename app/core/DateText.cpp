#include "core/DateText.h"

#include <QRegularExpression>

namespace onewindow::core {

QString chineseDate(const QDate& date)
{
    if (!date.isValid())
        return QString();
    return QStringLiteral("%1年%2月%3日").arg(date.year()).arg(date.month()).arg(date.day());
}

QString weekdayName(const QDate& date)
{
    static const QString names[] = {
        QStringLiteral("星期一"), QStringLiteral("星期二"), QStringLiteral("星期三"),
        QStringLiteral("星期四"), QStringLiteral("星期五"), QStringLiteral("星期六"),
        QStringLiteral("星期日"),
    };
    if (!date.isValid())
        return QString();
    return names[date.dayOfWeek() - 1];
}

QDate parseIsoDate(const QString& text)
{
    // \z, not $: "$" also matches before a final line feed, and "2030-01-01\n" is no date.
    static const QRegularExpression pattern(QStringLiteral("^(\\d{4})-(\\d{2})-(\\d{2})\\z"));
    const QRegularExpressionMatch m = pattern.match(text);
    if (!m.hasMatch())
        return QDate();
    return QDate(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
}

} // namespace onewindow::core
