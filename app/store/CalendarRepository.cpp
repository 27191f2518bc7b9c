#include "store/CalendarRepository.h"
#include "store/MasterDataGuard.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace onewindow::store {

using core::HolidayNotice;
using core::NoticeDay;

Result<QList<HolidayNotice>> CalendarRepository::loadNotices() const
{
    QSqlQuery q(m_store.database());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral(
            "SELECT year, papers, source, sha256 FROM calendar_notices ORDER BY year")))
        return sqlError("store.calendar_read", QStringLiteral("读取日历"), q.lastError().text());
    QList<HolidayNotice> notices;
    while (q.next()) {
        HolidayNotice n;
        n.year = q.value(0).toInt();
        for (const QJsonValue& v : QJsonDocument::fromJson(q.value(1).toString().toUtf8()).array())
            n.papers.append(v.toString());
        n.source = q.value(2).toString();
        n.sha256 = q.value(3).toString().toLatin1();
        notices.append(n);
    }
    QSqlQuery d(m_store.database());
    d.setForwardOnly(true);
    if (!d.exec(QStringLiteral("SELECT notice_year, date, name, is_off_day FROM calendar_days "
                               "ORDER BY notice_year, date")))
        return sqlError("store.calendar_read", QStringLiteral("读取日历"), d.lastError().text());
    int index = 0;
    while (d.next()) {
        const int year = d.value(0).toInt();
        while (index < notices.size() && notices[index].year < year)
            ++index;
        if (index >= notices.size() || notices[index].year != year)
            continue;
        notices[index].days.append(NoticeDay{QDate::fromString(d.value(1).toString(), Qt::ISODate),
                                             d.value(2).toString(), d.value(3).toInt() != 0});
    }
    return notices;
}

Status CalendarRepository::importNotices(const QList<HolidayNotice>& notices)
{
    if (Status refused = refuseIfHallAuthored(m_store, core::sync::MasterKind::Calendar); !refused)
        return refused;
    return m_store.transaction([&]() -> Status { return writeNotices(notices); });
}

Status CalendarRepository::writeNotices(const QList<HolidayNotice>& notices)
{
    const QString now = m_store.clock().nowUtc().toString(Qt::ISODateWithMs);
    {
        QSqlDatabase db = m_store.database();
        QSqlQuery previous(db), remove(db), notice(db), day(db), log(db);
        previous.prepare(QStringLiteral("SELECT sha256 FROM calendar_notices WHERE year = ?"));
        remove.prepare(QStringLiteral("DELETE FROM calendar_notices WHERE year = ?"));
        notice.prepare(QStringLiteral("INSERT INTO calendar_notices (year, papers, source, sha256, "
                                      "imported_at_utc) VALUES (?, ?, ?, ?, ?)"));
        day.prepare(QStringLiteral(
            "INSERT INTO calendar_days (notice_year, date, name, is_off_day) VALUES (?, ?, ?, ?)"));
        log.prepare(QStringLiteral("INSERT INTO calendar_imports (year, source, sha256, "
                                   "replaced_sha256, imported_at_utc) VALUES (?, ?, ?, ?, ?)"));
        const QString what = QStringLiteral("保存日历");
        for (const HolidayNotice& n : notices) {
            previous.addBindValue(n.year);
            if (!previous.exec())
                return sqlError("store.calendar_write", what, previous.lastError().text());
            const QVariant replaced = previous.next() ? previous.value(0) : QVariant();
            previous.finish();
            remove.addBindValue(n.year);
            if (!remove.exec())
                return sqlError("store.calendar_write", what, remove.lastError().text());
            const QByteArray papers =
                QJsonDocument(QJsonArray::fromStringList(n.papers)).toJson(QJsonDocument::Compact);
            notice.addBindValue(n.year);
            notice.addBindValue(QString::fromUtf8(papers));
            notice.addBindValue(n.source);
            // A notice built in memory (not read from a file) is identified by its canonical JSON.
            const QByteArray sha = n.sha256.isEmpty()
                                       ? QCryptographicHash::hash(core::holidayNoticeToJson(n),
                                                                  QCryptographicHash::Sha256)
                                             .toHex()
                                       : n.sha256;
            notice.addBindValue(QString::fromLatin1(sha));
            notice.addBindValue(now);
            if (!notice.exec())
                return sqlError("store.calendar_write", what, notice.lastError().text());
            for (const NoticeDay& d : n.days) {
                day.addBindValue(n.year);
                day.addBindValue(d.date.toString(Qt::ISODate));
                day.addBindValue(d.name);
                day.addBindValue(d.isOffDay ? 1 : 0);
                if (!day.exec())
                    return sqlError("store.calendar_write", what, day.lastError().text());
            }
            log.addBindValue(n.year);
            log.addBindValue(n.source);
            log.addBindValue(QString::fromLatin1(sha));
            log.addBindValue(replaced.isNull() ? QVariant(QMetaType(QMetaType::QString))
                                               : replaced);
            log.addBindValue(now);
            if (!log.exec())
                return sqlError("store.calendar_write", what, log.lastError().text());
        }
        return {};
    }
}

Result<QList<HolidayNotice>> CalendarRepository::shippedNotices()
{
    QList<HolidayNotice> out;
    const QDir dir(QStringLiteral(":/resources/calendars"));
    for (const QString& file : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
        QFile f(dir.filePath(file));
        if (!f.open(QIODevice::ReadOnly))
            return Error{
                QStringLiteral("store.shipped_calendar"),
                QStringLiteral("无法读取程序自带的节假日日历 %1（%2），程序安装可能已损坏，"
                               "请重新安装；数据未被改动")
                    .arg(file, f.errorString())};
        core::NoticeParse parsed = core::parseHolidayNotice(f.readAll(), file);
        if (!parsed.ok())
            return Error{QStringLiteral("store.shipped_calendar"),
                         QStringLiteral("程序自带的节假日日历 %1 有误（%2），程序安装可能已损坏，"
                                        "请重新安装；数据未被改动")
                             .arg(file, parsed.errors.first().message)};
        if (parsed.notice.published())
            out.append(parsed.notice);
    }
    return out;
}

Status CalendarRepository::writeShippedCalendars()
{
    auto notices = shippedNotices();
    if (!notices)
        return notices.error();
    return writeNotices(*notices);
}

} // namespace onewindow::store
