#include "core/WorkingCalendar.h"

#include "core/DateText.h"
#include "core/StatutoryHolidays.h"

#include <QCryptographicHash>

#include <algorithm>

namespace onewindow::core {

QString DayInfo::reason() const
{
    switch (kind) {
    case DayKind::Workday:
        return QStringLiteral("工作日");
    case DayKind::Weekend:
        return weekdayName(date);
    case DayKind::Holiday:
        if (predicted && makeUp)
            return QStringLiteral("%1补假（预测）").arg(holidayName);
        if (predicted)
            return QStringLiteral("%1（法定节假日，预测）").arg(holidayName);
        return QStringLiteral("%1（放假）").arg(holidayName);
    case DayKind::MakeUpWorkday:
        return QStringLiteral("调休上班（%1）").arg(holidayName);
    }
    return {};
}

QString DayInfo::offDayName() const
{
    if (kind != DayKind::Holiday)
        return {};
    return makeUp ? QStringLiteral("%1补假").arg(holidayName) : holidayName;
}

namespace {

// WorkingCalendar::version(): one line per notice and entry, in year and date order.
QString calendarVersionOf(const QList<HolidayNotice>& notices)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const HolidayNotice& n : notices) {
        hash.addData(QByteArray::number(n.year) + '\n');
        for (const NoticeDay& d : n.days)
            hash.addData(d.date.toString(Qt::ISODate).toLatin1() + ' ' + d.name.toUtf8() + ' ' +
                         (d.isOffDay ? "off" : "work") + '\n');
    }
    return QStringLiteral("cal-") + QString::fromLatin1(hash.result().toHex().left(16));
}

} // namespace

WorkingCalendar::WorkingCalendar(const QList<HolidayNotice>& notices)
{
    for (const HolidayNotice& n : notices) {
        if (!n.published())
            continue; // "not published": the year stays provisional
        auto same = std::find_if(m_notices.begin(), m_notices.end(),
                                 [&](const HolidayNotice& m) { return m.year == n.year; });
        if (same != m_notices.end())
            *same = n;
        else
            m_notices.append(n);
    }
    std::sort(m_notices.begin(), m_notices.end(),
              [](const HolidayNotice& a, const HolidayNotice& b) { return a.year < b.year; });
    m_version = calendarVersionOf(m_notices);

    m_firstJd = firstSupported().toJulianDay();
    const qint64 days = lastSupported().toJulianDay() - m_firstJd + 1;
    m_kinds.resize(static_cast<std::size_t>(days));
    for (qint64 i = 0; i < days; ++i) {
        const int dow = QDate::fromJulianDay(m_firstJd + i).dayOfWeek();
        m_kinds[static_cast<std::size_t>(i)] = dow >= 6 ? DayKind::Weekend : DayKind::Workday;
    }
    // A provisional year's statutory holidays are days off (全国年节及纪念日放假办法 Art. 2), and
    // so is the predicted make-up day of each one on a weekend (Art. 6). Computed once per year and
    // process; a notice's entries below replace them.
    for (int year = firstSupported().year(); year <= lastSupported().year(); ++year) {
        if (notice(year))
            continue;
        for (const StatutoryDay& s : StatutoryHolidays::forYear(year)) {
            if (!supports(s.date))
                continue;
            const qint64 jd = s.date.toJulianDay();
            m_kinds[static_cast<std::size_t>(jd - m_firstJd)] = DayKind::Holiday;
            m_names.insert(jd, s.name);
            m_predicted.insert(jd, s.makeUp);
        }
    }
    // A notice may list dates of a neighbouring year; where two notices list the same date, the
    // notice of the date's own year wins, so apply neighbours' entries first.
    for (int pass = 0; pass < 2; ++pass) {
        for (const HolidayNotice& n : std::as_const(m_notices)) {
            for (const NoticeDay& d : n.days) {
                const bool ownYear = d.date.year() == n.year;
                if (ownYear != (pass == 1) || !supports(d.date))
                    continue;
                const qint64 jd = d.date.toJulianDay();
                m_kinds[static_cast<std::size_t>(jd - m_firstJd)] =
                    d.isOffDay ? DayKind::Holiday : DayKind::MakeUpWorkday;
                m_names.insert(jd, d.name);
                m_predicted.remove(jd);
            }
        }
    }

    m_prefix.resize(static_cast<std::size_t>(days) + 1);
    m_prefix[0] = 0;
    m_workdays.clear();
    m_workdays.reserve(static_cast<std::size_t>(days));
    for (qint64 i = 0; i < days; ++i) {
        const DayKind k = m_kinds[static_cast<std::size_t>(i)];
        const bool working = k == DayKind::Workday || k == DayKind::MakeUpWorkday;
        if (working)
            m_workdays.push_back(static_cast<std::int32_t>(i));
        m_prefix[static_cast<std::size_t>(i) + 1] =
            m_prefix[static_cast<std::size_t>(i)] + (working ? 1 : 0);
    }

    const int years = lastSupported().year() - firstSupported().year() + 1;
    m_provisionalPrefix.assign(static_cast<std::size_t>(years) + 1, 0);
    for (int y = 0; y < years; ++y) {
        m_provisionalPrefix[static_cast<std::size_t>(y) + 1] =
            m_provisionalPrefix[static_cast<std::size_t>(y)] +
            (isProvisionalYear(firstSupported().year() + y) ? 1 : 0);
    }
}

const HolidayNotice* WorkingCalendar::notice(int year) const
{
    for (const HolidayNotice& n : m_notices) {
        if (n.year == year)
            return &n;
    }
    return nullptr;
}

bool WorkingCalendar::isProvisionalYear(int year) const
{
    return notice(year) == nullptr;
}

Status WorkingCalendar::checkDate(const QDate& date) const
{
    if (!date.isValid())
        return Error{QStringLiteral("calendar.invalid_date"), QStringLiteral("日期无效")};
    if (!supports(date))
        return Error{QStringLiteral("calendar.out_of_range"),
                     QStringLiteral("日期 %1 超出日历支持的范围（%2 至 %3）")
                         .arg(date.toString(Qt::ISODate), firstSupported().toString(Qt::ISODate),
                              lastSupported().toString(Qt::ISODate))};
    return {};
}

bool WorkingCalendar::isWorkingDay(const QDate& date) const
{
    if (!supports(date))
        return date.isValid() && date.dayOfWeek() <= 5;
    const DayKind k = m_kinds[static_cast<std::size_t>(date.toJulianDay() - m_firstJd)];
    return k == DayKind::Workday || k == DayKind::MakeUpWorkday;
}

DayInfo WorkingCalendar::dayInfo(const QDate& date) const
{
    DayInfo info;
    info.date = date;
    info.provisional = isProvisionalYear(date.year());
    if (!supports(date)) {
        info.kind = date.dayOfWeek() <= 5 ? DayKind::Workday : DayKind::Weekend;
        return info;
    }
    const qint64 jd = date.toJulianDay();
    info.kind = m_kinds[static_cast<std::size_t>(jd - m_firstJd)];
    info.holidayName = m_names.value(jd);
    if (const auto p = m_predicted.constFind(jd); p != m_predicted.constEnd()) {
        info.predicted = true;
        info.makeUp = *p;
    }
    return info;
}

bool WorkingCalendar::touchesProvisional(const QDate& from, const QDate& to) const
{
    if (to <= from)
        return false;
    const int first = std::max(from.addDays(1).year(), firstSupported().year());
    const int last = std::min(to.year(), lastSupported().year());
    if (first > last)
        return true; // wholly outside the supported range: nothing official there
    const int base = firstSupported().year();
    return m_provisionalPrefix[static_cast<std::size_t>(last - base + 1)] -
               m_provisionalPrefix[static_cast<std::size_t>(first - base)] >
           0;
}

Result<DeadlineAnswer> WorkingCalendar::nthWorkingDayAfter(const QDate& from, int n) const
{
    if (Status s = checkDate(from); !s)
        return s.error();
    if (n < 0)
        return Error{QStringLiteral("calendar.negative_days"),
                     QStringLiteral("工作日数不能为负数（%1）").arg(n)};
    const qint64 fromJd = from.toJulianDay();
    const std::int32_t before = m_prefix[static_cast<std::size_t>(fromJd - m_firstJd + 1)];
    if (static_cast<qint64>(before) + n > static_cast<qint64>(m_workdays.size()))
        return Error{QStringLiteral("calendar.out_of_range"),
                     QStringLiteral("%1 之后第 %2 个工作日超出日历支持的范围（至 %3）")
                         .arg(from.toString(Qt::ISODate))
                         .arg(n)
                         .arg(lastSupported().toString(Qt::ISODate))};
    const QDate result = QDate::fromJulianDay(nthWorkingDayAfterJd(fromJd, n));
    return DeadlineAnswer{result, touchesProvisional(from, result)};
}

Result<QDate> WorkingCalendar::workingDayBefore(const QDate& date, int n) const
{
    if (Status s = checkDate(date); !s)
        return s.error();
    const std::int32_t upTo =
        m_prefix[static_cast<std::size_t>(date.toJulianDay() - m_firstJd + 1)];
    const qint64 index = static_cast<qint64>(upTo) - 1 - n;
    if (n < 0 || index < 0)
        return Error{QStringLiteral("calendar.out_of_range"),
                     QStringLiteral("日期超出日历支持的范围")};
    return QDate::fromJulianDay(m_firstJd + m_workdays[static_cast<std::size_t>(index)]);
}

Result<int> WorkingCalendar::workingDaysBetween(const QDate& from, const QDate& to) const
{
    if (Status s = checkDate(from); !s)
        return s.error();
    if (Status s = checkDate(to); !s)
        return s.error();
    return workingDaysBetweenJd(from.toJulianDay(), to.toJulianDay());
}

Result<QList<ExplainedDay>> WorkingCalendar::explain(const QDate& from, int n) const
{
    const Result<DeadlineAnswer> answer = nthWorkingDayAfter(from, n);
    if (!answer)
        return answer.error();
    QList<ExplainedDay> days;
    int ordinal = 0;
    for (QDate d = from.addDays(1); d <= answer->date; d = d.addDays(1)) {
        ExplainedDay e{dayInfo(d), 0};
        if (e.day.isWorking())
            e.ordinal = ++ordinal;
        days.append(e);
    }
    return days;
}

} // namespace onewindow::core
