#include "support/TestSupport.h"

#include "core/StatutoryHolidays.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QSet>

namespace onewindow::test {

QDate d(const char* iso)
{
    const QDate date = QDate::fromString(QString::fromLatin1(iso), Qt::ISODate);
    if (!date.isValid())
        FAIL("bad date literal in test: " << iso);
    return date;
}

QString sourcePath(const QString& relative)
{
    return QStringLiteral(ONEWINDOW_SOURCE_DIR "/") + relative;
}

QByteArray readSourceFile(const QString& relative)
{
    QFile f(sourcePath(relative));
    if (!f.open(QIODevice::ReadOnly))
        FAIL("cannot read " << relative.toStdString());
    return f.readAll();
}

QString screenshotPath(const char* name)
{
    const QString dir = QCoreApplication::applicationDirPath() + QStringLiteral("/screenshots");
    QDir().mkpath(dir);
    return dir + QStringLiteral("/%1.png").arg(QLatin1String(name));
}

core::HolidayNotice shippedNotice(int year)
{
    const QString name = QStringLiteral("%1.json").arg(year);
    core::NoticeParse p = core::parseHolidayNotice(
        readSourceFile(QStringLiteral("resources/calendars/") + name), name);
    REQUIRE(p.ok());
    return p.notice;
}

core::WorkingCalendar officialCalendar()
{
    return core::WorkingCalendar({shippedNotice(2024), shippedNotice(2025), shippedNotice(2026)});
}

QDate naiveNthWorkingDay(const QList<core::HolidayNotice>& notices, QDate from, int n)
{
    QHash<QDate, bool> listed; // date -> isOffDay
    QSet<int> official;
    for (const core::HolidayNotice& notice : notices) {
        if (notice.published())
            official.insert(notice.year);
        for (const core::NoticeDay& day : notice.days)
            listed.insert(day.date, day.isOffDay);
    }
    // A year with no notice: its statutory holidays and predicted make-up days are off.
    QSet<QDate> predicted;
    QSet<int> predictedYears;
    QDate cur = from;
    while (n > 0) {
        cur = cur.addDays(1);
        if (!official.contains(cur.year()) && !predictedYears.contains(cur.year())) {
            predictedYears.insert(cur.year());
            for (const core::StatutoryDay& s : core::StatutoryHolidays::forYear(cur.year()))
                predicted.insert(s.date);
        }
        if (predicted.contains(cur) && !listed.contains(cur))
            continue;
        const bool working = listed.contains(cur) ? !listed.value(cur) : cur.dayOfWeek() <= 5;
        if (working)
            --n;
    }
    return cur;
}

} // namespace onewindow::test
