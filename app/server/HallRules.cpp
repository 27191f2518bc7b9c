#include "server/HallRules.h"

#include "core/CatalogJson.h"
#include "core/HolidayNotice.h"

#include <QJsonDocument>

namespace onewindow::server {

std::optional<core::HolidayNotice> noticeOf(const MasterRecord& record)
{
    const core::NoticeParse p = core::parseHolidayNotice(
        QJsonDocument(record.body.value(QStringLiteral("notice")).toObject()).toJson(),
        record.body.value(QStringLiteral("source")).toString());
    if (!p.ok())
        return std::nullopt;
    return p.notice;
}

const core::ServiceItem* HallRules::item(const QString& code, int version)
{
    const QString key = code + QLatin1Char('#') + QString::number(version);
    if (auto found = m_items.constFind(key); found != m_items.constEnd())
        return found->get();
    std::shared_ptr<core::ServiceItem> item;
    if (const auto r = m_data.version(m_hall, record::kCatalogItem, code, version)) {
        QList<core::Error> errors;
        core::ServiceItem parsed = core::itemFromJson(r->body, errors);
        if (errors.isEmpty())
            item = std::make_shared<core::ServiceItem>(std::move(parsed));
    }
    m_items.insert(key, item);
    return item.get();
}

const core::WorkingCalendar& HallRules::calendarAt(const QString& at)
{
    const auto records = m_data.latest(m_hall, record::kCalendarNotice, at);
    QString key;
    QList<core::HolidayNotice> notices;
    if (records)
        for (const MasterRecord& r : *records) {
            key += QString::number(r.hallSeq) + QLatin1Char(',');
            if (auto n = noticeOf(r))
                notices.append(*n);
        }
    auto found = m_calendars.constFind(key);
    if (found == m_calendars.constEnd())
        found = m_calendars.insert(key, std::make_shared<core::WorkingCalendar>(notices));
    return **found;
}

ActorRecord HallRules::actorAt(const QString& actorId, const QString& at)
{
    if (auto user = m_data.latestOf(m_hall, record::kUser, actorId, at))
        return user->body;
    return std::nullopt;
}

} // namespace onewindow::server
