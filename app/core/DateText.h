#pragma once

#include <QDate>
#include <QString>

namespace onewindow::core {

// Dates as people in the hall read them: 2026年10月22日, 星期四.
QString chineseDate(const QDate& date);
QString
weekdayName(const QDate& date); // 星期一 .. 星期日 (周六/周日 for weekends are the same names)
// Strict YYYY-MM-DD; an invalid QDate when the text is not exactly that or names no real day.
QDate parseIsoDate(const QString& text);

} // namespace onewindow::core
