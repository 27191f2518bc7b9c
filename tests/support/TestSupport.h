#pragma once

#include "core/HolidayNotice.h"
#include "core/WorkingCalendar.h"

#include <catch2/catch.hpp>

#include <QDate>
#include <QString>
#include <QTemporaryDir>

#include <ostream>

// Readable Catch2 output for Qt types.
QT_BEGIN_NAMESPACE
inline std::ostream& operator<<(std::ostream& os, const QDate& d)
{
    return os << (d.isValid() ? d.toString(Qt::ISODate).toStdString()
                              : std::string("<invalid date>"));
}
inline std::ostream& operator<<(std::ostream& os, const QString& s)
{
    return os << '"' << s.toStdString() << '"';
}
QT_END_NAMESPACE

namespace onewindow::test {

QDate d(const char* iso);                    // "2026-09-18"
QString sourcePath(const QString& relative); // a file of this repository
QByteArray readSourceFile(const QString& relative);
// Where widget tests save screenshots for review: <build>/tests/screenshots/NAME.png.
QString screenshotPath(const char* name);
core::HolidayNotice shippedNotice(int year); // resources/calendars/YEAR.json, parsed
core::WorkingCalendar officialCalendar();    // 2024, 2025, 2026 as shipped; 2027 provisional

// Independent reference for tests: the N-th working day after `from` found by walking day by day
// over the notices' raw entries (no index); a year without a published notice has its
// StatutoryHolidays::forYear days off.
QDate naiveNthWorkingDay(const QList<core::HolidayNotice>& notices, QDate from, int n);

} // namespace onewindow::test
