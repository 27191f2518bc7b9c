#pragma once

#include "core/Error.h"

#include <QByteArray>
#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

namespace onewindow::core {

// One dated entry of a State Council holiday notice (holiday-cn format).
struct NoticeDay
{
    QDate date;
    QString name;  // the holiday the entry belongs to, e.g. 春节
    bool isOffDay; // true: a day off; false: a make-up working day (调休上班)

    friend bool operator==(const NoticeDay&, const NoticeDay&) = default;
};

// A year's official working-day calendar: the State Council notice for that year. A notice may list
// dates of the neighbouring years. A notice with no papers and no days means "not published yet".
struct HolidayNotice
{
    int year = 0;
    QStringList papers;    // the notice's URLs
    QList<NoticeDay> days; // sorted by date, each date once
    QString source;        // file name it was imported from
    QByteArray sha256;     // hex digest of the imported bytes

    bool published() const { return !papers.isEmpty() || !days.isEmpty(); }
    friend bool operator==(const HolidayNotice&, const HolidayNotice&) = default;
};

struct NoticeParse
{
    HolidayNotice notice;
    QList<Error> errors;   // any error: the file must not be imported
    QList<Error> warnings; // importable, but a person should look
    bool ok() const { return errors.isEmpty(); }
};

// Parses and validates one holiday-cn JSON file. `source` names the file in every message.
// Validation is complete: every problem of the file is reported, not just the first.
NoticeParse parseHolidayNotice(const QByteArray& json, const QString& source);

// The same notice as holiday-cn JSON (for export and round-trip tests).
QByteArray holidayNoticeToJson(const HolidayNotice& notice);

} // namespace onewindow::core
