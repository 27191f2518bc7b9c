#include "core/DeadlineQuery.h"

#include "core/DateText.h"

#include <QRegularExpression>
#include <QStringList>

namespace onewindow::core {

Result<DeadlineQuery> parseDeadlineQuery(const QString& fromText, const QString& nText)
{
    DeadlineQuery q;
    q.from = parseIsoDate(fromText);
    if (!q.from.isValid())
        return Error{
            QStringLiteral("deadline.bad_date"),
            QStringLiteral("日期 %1 无效（应为存在的日期，格式 YYYY-MM-DD）").arg(fromText)};
    static const QRegularExpression integer(QStringLiteral("^[+-]?\\d{1,9}$"));
    if (!integer.match(nText).hasMatch())
        return Error{QStringLiteral("deadline.bad_number"),
                     QStringLiteral("天数 %1 不是整数").arg(nText)};
    q.n = nText.toInt();
    if (q.n < 0)
        return Error{QStringLiteral("deadline.negative"),
                     QStringLiteral("天数不能为负数（%1）").arg(nText)};
    return q;
}

BatchLineParse parseBatchLine(const BatchLine& line)
{
    BatchLineParse out;
    if (line.hasNul) {
        out.problem = QStringLiteral("含 NUL 字节");
        return out;
    }
    if (line.tooLong) {
        out.problem = QStringLiteral("超过 %1 字节").arg(BatchLine::kMaxLine);
        return out;
    }
    const QStringList parts =
        QString::fromUtf8(line.bytes).simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (parts.isEmpty()) {
        out.blank = true;
        return out;
    }
    if (parts.size() != 2) {
        out.problem = QStringLiteral("应为“FROM N”两项");
        return out;
    }
    auto query = parseDeadlineQuery(parts[0], parts[1]);
    if (query)
        out.query = *query;
    else
        out.problem = query.error().message;
    return out;
}

} // namespace onewindow::core
