#pragma once

#include "core/DeadlineClock.h"

#include <QDate>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

namespace onewindow::core {

// One of the clerk's open cases as the watch sees it on a day.
struct WatchedCase
{
    QString caseId;
    QString caseNumber;
    QString itemName;
    WarningLevel level = WarningLevel::Normal; // today
    // The level on the clerk's previous working day: what the case is compared with when the watch
    // has not seen it yet (a new session, a new case), so that what turned overnight or over a
    // weekend is still told on the first look of the morning.
    WarningLevel levelBefore = WarningLevel::Normal;
    int workingDaysLeft = 0; // yellow: working days d with today < d <= deadline
    int overdueDays = 0;     // red: working days past the deadline
};

// A case that has just turned yellow or red.
struct WarningAlert
{
    QString caseId;
    QString caseNumber;
    QString itemName;
    WarningLevel level = WarningLevel::Yellow;
    int workingDaysLeft = 0;
    int overdueDays = 0;

    friend bool operator==(const WarningAlert&, const WarningAlert&) = default;
};

// Tells a clerk when one of their cases turns yellow or red: compares each look with the previous
// one and answers only the cases whose level went up. Each case is told at most once per level per
// day, however often it is looked at and even if its level drops and rises again that day (an
// extension approved and then used up). What was told today can be kept and given back after a
// restart (told()/setTold()); the levels are not kept: a new session compares each case with the
// previous working day.
class WarningWatch
{
public:
    QList<WarningAlert> observe(const QDate& today, const QList<WatchedCase>& cases);
    void reset();
    // Today's told cases as "caseId/rank" keys, and the same given back (ignored unless `day` is
    // the day of the next look).
    QDate toldOn() const { return m_day; }
    QStringList told() const;
    void setTold(const QDate& day, const QStringList& keys);

private:
    QDate m_day;
    QDate m_toldFor;                       // setTold's day, until the first look
    QHash<QString, WarningLevel> m_levels; // as of the last look
    QSet<QString> m_told;                  // caseId + level, today
};

// 0 normal or done, 1 yellow, 2 red.
int warningRank(WarningLevel level);

} // namespace onewindow::core
