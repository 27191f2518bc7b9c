#pragma once

#include "core/Error.h"
#include "core/MatterCase.h"
#include "core/WorkingCalendar.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace onewindow::core {

// The figures of matters (一件事一次办, issue 20), defined here once: the store loads the matters,
// the ctl and the figures page show these. Each is counted in the range by the day it happened
// (civil dates in the hall's zone), as the case figures are (core/Figures.h):
// - received: the matter's intake day (its first receipt, or the day a case joined it);
// - finished: the day its last part was finished (the matter is done when its last part is);
// - finished within the matter's promise: finished on or before the matter's own deadline;
// - working days: from the intake to the finish (the intake day does not count, the finish day
//   does, 行政许可法 Art. 82), summed over the finished matters, for the average.
// By department: a matter counts once in every department that handles one of its parts, so the
// departments' rows do not add up to the hall's total.

struct MatterFigureSet
{
    qint64 received = 0;
    qint64 finished = 0;
    qint64 finishedOnTime = 0;
    qint64 workingDays = 0;

    std::optional<double> onTimeRate() const;  // finishedOnTime / finished
    std::optional<double> averageDays() const; // workingDays / finished
    MatterFigureSet& operator+=(const MatterFigureSet& other);
    friend bool operator==(const MatterFigureSet&, const MatterFigureSet&) = default;
};

// What one matter adds to the figures.
struct MatterFacts
{
    QString code;
    QString name;
    QStringList departments; // of its parts' items, each once, in the parts' order
    QDate received;
    std::optional<QDate> finishedOn;
    bool onTime = false;
    int workingDays = 0;
};
Result<MatterFacts> matterFacts(const WorkingCalendar& calendar, const Matter& matter,
                                const MatterProgress& progress, const QList<MatterPartCase>& parts);

struct MatterFigureRow
{
    QString key; // the matter's code, or the department
    QString label;
    MatterFigureSet figures;
};

struct MatterFigureTable
{
    QDate from;
    QDate to;
    QList<MatterFigureRow> byMatter;     // by label; only rows with any figure
    QList<MatterFigureRow> byDepartment; // by label; only rows with any figure
    MatterFigureSet total;
};

MatterFigureTable matterFigures(const QList<MatterFacts>& matters, const QDate& from,
                                const QDate& to);

// The columns as the ctl and the figures page show them: (key, Chinese header), and a set's
// value in one of them (a count; a rate or average with one decimal; "—" with nothing to divide).
QList<std::pair<QString, QString>> matterFigureColumns();
QString matterFigureText(const MatterFigureSet& figures, const QString& columnKey);

} // namespace onewindow::core
