#include "core/CaseNumber.h"

#include "core/Identifiers.h"

#include <QRegularExpression>

namespace onewindow::core {

namespace {

const QString kDateFormat = QStringLiteral("yyyyMMdd");

Error badNumber(const QString& text)
{
    return Error{QStringLiteral("case_number.invalid"),
                 QStringLiteral("办件编号“%1”格式不对，应为 大厅编码-日期-窗口号-序号，如 "
                                "620102-20261122-W07-0042")
                     .arg(text)};
}

} // namespace

Result<CaseNumber> CaseNumber::make(const QString& hallCode, const QDate& date,
                                    const QString& windowCode, int sequence)
{
    if (Status hall = checkHallCode(hallCode); !hall)
        return hall.error();
    if (!date.isValid() || date.year() < 1000 || date.year() > 9999)
        return Error{QStringLiteral("case_number.date"), QStringLiteral("办件编号的日期无效")};
    if (Status window = checkWindowCode(windowCode); !window)
        return window.error();
    if (sequence < kFirstSequence || sequence > kLastSequence)
        return Error{QStringLiteral("case_number.sequence"),
                     QStringLiteral("办件编号的序号应为 %1–%2，实际为 %3")
                         .arg(kFirstSequence)
                         .arg(kLastSequence)
                         .arg(sequence)};
    return CaseNumber{hallCode, date, windowCode, sequence};
}

Result<CaseNumber> CaseNumber::parse(const QString& text)
{
    static const QRegularExpression pattern(
        QStringLiteral("^([^-]*)-([0-9]{8})-([^-]*)-([0-9]{4})$"));
    const QRegularExpressionMatch m = pattern.match(text);
    if (!m.hasMatch())
        return badNumber(text);
    const QDate date = QDate::fromString(m.captured(2), kDateFormat);
    if (!date.isValid())
        return Error{QStringLiteral("case_number.date"),
                     QStringLiteral("办件编号“%1”中的日期 %2 不存在").arg(text, m.captured(2))};
    Result<CaseNumber> number = make(m.captured(1), date, m.captured(3), m.captured(4).toInt());
    if (!number)
        return Error{number.error().code,
                     QStringLiteral("办件编号“%1”有误：%2").arg(text, number.error().message)};
    return number;
}

QString CaseNumber::text() const
{
    return caseNumberPrefix(hallCode, date, windowCode) +
           QStringLiteral("%1").arg(sequence, 4, 10, QLatin1Char('0'));
}

QString caseNumberPrefix(const QString& hallCode, const QDate& date, const QString& windowCode)
{
    return QStringLiteral("%1-%2-%3-").arg(hallCode, date.toString(kDateFormat), windowCode);
}

std::optional<CaseNumber> findCaseNumber(const QString& text)
{
    static const QRegularExpression number(
        QStringLiteral("(?<![0-9])[0-9]{6}-[0-9]{8}-[A-Za-z][A-Za-z0-9]{1,5}-[0-9]{4}(?![0-9])"));
    for (auto it = number.globalMatch(text); it.hasNext();)
        if (Result<CaseNumber> parsed = CaseNumber::parse(it.next().captured(0).toUpper()))
            return *parsed;
    return std::nullopt;
}

} // namespace onewindow::core
