#include "core/StatutoryHolidays.h"

#include "core/Astronomy.h"

#include <QHash>
#include <QMutex>
#include <QMutexLocker>

#include <unicode/calendar.h>
#include <unicode/locid.h>
#include <unicode/timezone.h>

#include <algorithm>
#include <memory>

namespace onewindow::core {

namespace {

// ICU's Chinese calendar counts its extended year from 2637 BCE.
constexpr int kChineseEpochOffset = 2637;

// Not thread-safe by itself: used under the cache's mutex only.
class LunarCalendar
{
public:
    LunarCalendar()
    {
        UErrorCode status = U_ZERO_ERROR;
        m_calendar.reset(icu::Calendar::createInstance(
            icu::TimeZone::getGMT()->clone(), icu::Locale("zh_CN@calendar=chinese"), status));
        if (U_FAILURE(status))
            m_calendar.reset();
    }

    // The Julian day ICU gives the first day of a month, moved to the day of the new moon in
    // Beijing time where ICU's approximate conjunction falls on the wrong side of midnight.
    qint64 monthStart(int year, int month)
    {
        if (!m_calendar)
            return 0;
        UErrorCode status = U_ZERO_ERROR;
        m_calendar->clear();
        m_calendar->set(UCAL_EXTENDED_YEAR, year + kChineseEpochOffset);
        m_calendar->set(UCAL_MONTH, month - 1);
        m_calendar->set(UCAL_IS_LEAP_MONTH, 0);
        m_calendar->set(UCAL_DATE, 1);
        const qint64 icuJd = m_calendar->get(UCAL_JULIAN_DAY, status);
        if (U_FAILURE(status))
            return 0;
        const qint64 newMoon =
            astronomy::beijingDate(astronomy::newMoonJde(astronomy::lunationNear(icuJd)))
                .toJulianDay();
        // ICU names the month (which lunation is 正月, where the leap month sits); the new moon
        // fixes its first day. They never differ by more than a day.
        return std::abs(newMoon - icuJd) <= 1 ? newMoon : icuJd;
    }

private:
    std::unique_ptr<icu::Calendar> m_calendar;
};

struct Cache
{
    QMutex mutex;
    LunarCalendar lunar;
    QHash<int, QList<StatutoryDay>> years;
};

Cache& cache()
{
    static Cache c;
    return c;
}

bool weekend(const QDate& d)
{
    return d.dayOfWeek() >= 6;
}

QList<StatutoryDay> compute(int year, LunarCalendar& lunar)
{
    QList<StatutoryDay> days;
    const auto add = [&](const QDate& first, int count, const QString& name) {
        for (int i = 0; i < count; ++i)
            days.append({first.addDays(i), name, false});
    };
    const auto lunarDay = [&](int month, int day) {
        return QDate::fromJulianDay(lunar.monthStart(year, month) + day - 1);
    };
    const QDate springFestival = lunarDay(1, 1);

    // 全国年节及纪念日放假办法 Art. 2 as in force in the year: the 1999 version until 2007, the
    // 2007 version (清明, 端午 and 中秋 added, 劳动节 cut to one day) from 2008, the 2024 version
    // (除夕 and a second 劳动节 day added) from 2025.
    add(QDate(year, 1, 1), 1, QStringLiteral("元旦"));
    if (year >= 2025)
        add(springFestival.addDays(-1), 4, QStringLiteral("春节")); // 除夕..初三
    else
        add(springFestival, 3, QStringLiteral("春节")); // 初一..初三
    if (year >= 2008)
        add(StatutoryHolidays::qingming(year), 1, QStringLiteral("清明节"));
    add(QDate(year, 5, 1), year >= 2025 ? 2 : (year >= 2008 ? 1 : 3), QStringLiteral("劳动节"));
    if (year >= 2008) {
        add(lunarDay(5, 5), 1, QStringLiteral("端午节"));
        add(lunarDay(8, 15), 1, QStringLiteral("中秋节"));
    }
    add(QDate(year, 10, 1), 3, QStringLiteral("国庆节"));

    // 中秋 may fall on a 国庆 day: one day off, both names.
    std::stable_sort(days.begin(), days.end(),
                     [](const StatutoryDay& a, const StatutoryDay& b) { return a.date < b.date; });
    for (qsizetype i = days.size() - 1; i > 0; --i) {
        if (days[i].date == days[i - 1].date) {
            days[i - 1].name += QStringLiteral("、") + days[i].name;
            days.removeAt(i);
        }
    }

    // Art. 6: a holiday that falls on a Saturday or Sunday is made up on a working day. Which day
    // the State Council picks is its notice's; predict the next Monday-Friday day off nothing yet.
    QList<StatutoryDay> makeUps;
    const auto taken = [&](const QDate& d) {
        const auto on = [&](const StatutoryDay& s) { return s.date == d; };
        return std::any_of(days.begin(), days.end(), on) ||
               std::any_of(makeUps.begin(), makeUps.end(), on);
    };
    for (const StatutoryDay& s : std::as_const(days)) {
        if (!weekend(s.date))
            continue;
        QDate d = s.date.addDays(1);
        while (weekend(d) || taken(d))
            d = d.addDays(1);
        makeUps.append({d, s.name, true});
    }
    days.append(makeUps);
    std::stable_sort(days.begin(), days.end(),
                     [](const StatutoryDay& a, const StatutoryDay& b) { return a.date < b.date; });
    return days;
}

} // namespace

QList<StatutoryDay> StatutoryHolidays::forYear(int year)
{
    if (year < firstSupportedYear() || year > lastSupportedYear())
        return {};
    Cache& c = cache();
    QMutexLocker lock(&c.mutex);
    auto it = c.years.constFind(year);
    if (it == c.years.constEnd())
        it = c.years.insert(year, compute(year, c.lunar));
    return *it;
}

QDate StatutoryHolidays::lunarDate(int year, int month, int day)
{
    if (year < firstSupportedYear() || year > lastSupportedYear() || month < 1 || month > 12 ||
        day < 1 || day > 30)
        return {};
    Cache& c = cache();
    QMutexLocker lock(&c.mutex);
    const qint64 start = c.lunar.monthStart(year, month);
    if (start == 0)
        return {};
    // A lunar month has 29 or 30 days: up to the next new moon.
    const qint64 next =
        astronomy::beijingDate(astronomy::newMoonJde(astronomy::lunationNear(start) + 1))
            .toJulianDay();
    return start + day - 1 < next ? QDate::fromJulianDay(start + day - 1) : QDate();
}

QDate StatutoryHolidays::qingming(int year)
{
    return astronomy::beijingDate(astronomy::solarTermJde(year, 15.0));
}

} // namespace onewindow::core
