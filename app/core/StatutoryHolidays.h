#pragma once

#include <QDate>
#include <QList>
#include <QString>

namespace onewindow::core {

// One day off that 全国年节及纪念日放假办法 gives everyone in a year.
struct StatutoryDay
{
    QDate date;
    QString name; // 元旦, 春节, 清明节, 劳动节, 端午节, 中秋节, 国庆节 (as the notices name them)
    bool makeUp = false; // a predicted 补假 for a holiday on a Saturday or Sunday (Art. 6)

    friend bool operator==(const StatutoryDay&, const StatutoryDay&) = default;
};

// The statutory holidays of a year, for a year the State Council has not yet published its notice
// for. The lunar dates come from ICU's Chinese calendar, with each lunar month's first day set by
// the new moon in Beijing time (ICU's own new moon can fall on the wrong side of midnight: it puts
// 2027's 正月初一 on 02-07, the conjunction is at 23:56 on 02-06); 清明 is the day the Sun
// reaches 15 degrees. Deterministic: the same year always gives the same days.
class StatutoryHolidays
{
public:
    static int firstSupportedYear() { return 1950; }
    static int lastSupportedYear() { return 2150; }

    // Every statutory day off of `year` and the predicted make-up days, sorted by date; empty
    // outside the supported years. Computed once per year and process.
    static QList<StatutoryDay> forYear(int year);

    // The Gregorian date of day `day` of the (non-leap) month `month` of the Chinese year whose
    // 正月初一 falls in `year`; 正月 is month 1.
    static QDate lunarDate(int year, int month, int day);
    // 除夕: the last day of the twelfth lunar month, the day before 正月初一 of `year`.
    static QDate chuxi(int year) { return lunarDate(year, 1, 1).addDays(-1); }
    // The day (Beijing time) of the 清明 solar term.
    static QDate qingming(int year);
};

} // namespace onewindow::core
