#pragma once

#include "core/Error.h"
#include "core/HolidayNotice.h"
#include "core/WorkingCalendar.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace onewindow::core {

struct CalendarFile
{
    QString name; // shown in every message
    QByteArray bytes;
};

// What an import of one or more notice files would do. Import is all-or-nothing: if `errors` is
// not empty nothing may be stored.
struct CalendarImportPlan
{
    QList<HolidayNotice> toStore; // published notices, each replacing its year
    QList<Error> errors;
    QList<Error> warnings;
    QStringList notes; // e.g. a year whose notice is not published yet
    bool ok() const { return errors.isEmpty(); }
};

// Validates the files against each other and against the calendar in force: the same year twice,
// or an unpublished (empty) notice where an official one is stored, are errors.
CalendarImportPlan planCalendarImport(const QList<CalendarFile>& files,
                                      const WorkingCalendar& current);

// One line per imported notice, for the CLI and the UI: 已导入 2026 年日历（2026.json）：放假 …
QString describeImported(const HolidayNotice& notice);

} // namespace onewindow::core
