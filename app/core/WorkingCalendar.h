#pragma once

#include "core/Error.h"
#include "core/HolidayNotice.h"

#include <QDate>
#include <QHash>
#include <QList>
#include <QString>

#include <cstdint>
#include <vector>

namespace onewindow::core {

enum class DayKind : std::uint8_t
{
    Workday,       // Monday-Friday, not listed as a day off
    Weekend,       // Saturday or Sunday, not listed
    Holiday,       // listed as a day off (isOffDay: true)
    MakeUpWorkday, // listed as a working day (调休上班)
};

struct DayInfo
{
    QDate date;
    DayKind kind = DayKind::Workday;
    QString holidayName;      // for Holiday and MakeUpWorkday
    bool provisional = false; // its year has no imported notice: statutory holidays predicted
    bool predicted = false; // a Holiday foreseen by 全国年节及纪念日放假办法, not by a notice
    bool makeUp = false; // a predicted Holiday that makes up one on a weekend (补假)

    bool isWorking() const { return kind == DayKind::Workday || kind == DayKind::MakeUpWorkday; }
    // in Chinese: 工作日, 周六, 春节（放假）, 调休上班（春节）, 元旦（法定节假日，预测）,
    // 春节补假（预测）
    QString reason() const;
    // The name under the day in a month view: 春节, 春节补假; empty for a day with no holiday.
    QString offDayName() const;
};

struct DeadlineAnswer
{
    QDate date;
    bool provisional = false; // the counting touched a year without an official notice
};

struct ExplainedDay
{
    DayInfo day;
    int ordinal = 0;        // 1..N for a counted working day, 0 for a skipped day
    bool suspended = false; // a working day skipped because the clock was suspended (clocks only)
    bool extension = false; // a counted day the extension added beyond the limit (clocks only)
    // A calendar-day clock's period ended on a day off, so it runs on to this day: the first
    // working day after it ends the period (民法典 Art. 203). Not counted.
    bool endAdjusted = false;
};

// The working-day calendar of mainland China (行政许可法 Art. 82: periods are counted in working
// days, statutory holidays excluded). A date is a working day iff it is listed as a make-up
// working day, or it is Monday-Friday and not listed as a day off. Years without an imported notice
// are provisional: Monday-Friday minus the statutory holidays of 全国年节及纪念日放假办法 and their
// predicted make-up days (StatutoryHolidays); make-up working days are unknown until the notice.
//
// Built once from the notices into prefix counts, so the queries are O(1).
class WorkingCalendar
{
public:
    explicit WorkingCalendar(const QList<HolidayNotice>& notices = {});

    static QDate firstSupported() { return QDate(2000, 1, 1); }
    static QDate lastSupported() { return QDate(2099, 12, 31); }
    static bool supports(const QDate& date)
    {
        return date.isValid() && date >= firstSupported() && date <= lastSupported();
    }

    bool isWorkingDay(const QDate& date) const;
    DayInfo dayInfo(const QDate& date) const;
    bool isProvisionalYear(int year) const;
    // The notice a year's calendar came from, or nullptr while the year is provisional.
    const HolidayNotice* notice(int year) const;
    const QList<HolidayNotice>& notices() const { return m_notices; }
    // Decision 8 (docs/sync-protocol.md): the calendar's version as an event records it, named
    // by its content so a window and the server name the same calendar alike, however each got
    // its notices: "cal-" and 16 hex digits of SHA-256 over every notice's year and dated
    // entries (date, name, day off or make-up working day). Papers and file names do not count.
    const QString& version() const { return m_version; }

    // The N-th working day after `from` (the start date never counts); N = 0 gives `from`.
    Result<DeadlineAnswer> nthWorkingDayAfter(const QDate& from, int n) const;
    // The working day with exactly N working days after it up to and including `date` (N >= 0):
    // N = 0 gives the last working day on or before `date`.
    Result<QDate> workingDayBefore(const QDate& date, int n) const;
    // Working days d with from < d <= to; negative when to < from.
    Result<int> workingDaysBetween(const QDate& from, const QDate& to) const;
    // Every day from the day after `from` to the N-th working day, counted or skipped, with why.
    Result<QList<ExplainedDay>> explain(const QDate& from, int n) const;
    // Does counting over (from, to] touch a provisional year?
    bool touchesProvisional(const QDate& from, const QDate& to) const;

    // Unchecked fast paths on Julian day numbers, for inner loops; callers ensure the range.
    qint64 nthWorkingDayAfterJd(qint64 fromJd, int n) const
    {
        if (n == 0)
            return fromJd;
        const std::int32_t before = m_prefix[static_cast<std::size_t>(fromJd - m_firstJd + 1)];
        return m_firstJd + m_workdays[static_cast<std::size_t>(before + n - 1)];
    }
    int workingDaysBetweenJd(qint64 fromJd, qint64 toJd) const
    {
        return m_prefix[static_cast<std::size_t>(toJd - m_firstJd + 1)] -
               m_prefix[static_cast<std::size_t>(fromJd - m_firstJd + 1)];
    }
    int workingDayCount() const { return static_cast<int>(m_workdays.size()); }

private:
    Status checkDate(const QDate& date) const;

    QList<HolidayNotice> m_notices; // one per year, sorted by year
    QString m_version;
    qint64 m_firstJd = 0;
    std::vector<DayKind> m_kinds;         // per day from firstSupported()
    std::vector<std::int32_t> m_prefix;   // m_prefix[i]: working days among the first i days
    std::vector<std::int32_t> m_workdays; // offsets of the working days, ascending
    std::vector<std::int32_t>
        m_provisionalPrefix;         // per year from 2000: provisional years before it
    QHash<qint64, QString> m_names;  // Julian day -> holiday name for listed and predicted days
    QHash<qint64, bool> m_predicted; // Julian day -> predicted day off (true: a make-up day)
};

} // namespace onewindow::core
