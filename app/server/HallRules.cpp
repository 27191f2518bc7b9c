#include "server/HallRules.h"

#include "core/CatalogJson.h"
#include "core/HolidayNotice.h"

#include <QJsonDocument>
#include <QMutex>

#include <functional>

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

namespace {

// Calendars built from a hall's notices, kept for the process by the notices' versions: every
// event of every push is judged against its hall's calendar, and parsing twenty years of notices
// each time was most of a push's time. Bounded: cleared when it holds many.
std::shared_ptr<core::WorkingCalendar>
sharedCalendar(const QString& key, const std::function<QList<core::HolidayNotice>()>& load)
{
    static QMutex mutex;
    static QHash<QString, std::shared_ptr<core::WorkingCalendar>> kept;
    const QMutexLocker lock(&mutex);
    if (auto found = kept.constFind(key); found != kept.constEnd())
        return *found;
    if (kept.size() >= 256)
        kept.clear();
    return *kept.insert(key, std::make_shared<core::WorkingCalendar>(load()));
}

} // namespace

const core::WorkingCalendar& HallRules::calendarAt(const QString& at)
{
    // Named by the versions in force at `at`; the notices are read and parsed only when no
    // calendar of those versions was built yet.
    const auto versions = m_data.latestVersions(m_hall, record::kCalendarNotice, at);
    auto load = [this, &at] {
        QList<core::HolidayNotice> notices;
        if (const auto records = m_data.latest(m_hall, record::kCalendarNotice, at))
            for (const MasterRecord& r : *records)
                if (auto n = noticeOf(r))
                    notices.append(*n);
        return notices;
    };
    if (!versions) { // not named: built for this call alone, never kept under a wrong name
        m_uncached = std::make_shared<core::WorkingCalendar>(load());
        return *m_uncached;
    }
    auto found = m_calendars.constFind(*versions);
    if (found == m_calendars.constEnd())
        found = m_calendars.insert(*versions,
                                   sharedCalendar(m_hall + QLatin1Char('|') + *versions, load));
    return **found;
}

ActorRecord HallRules::actorAt(const QString& actorId, const QString& at)
{
    if (auto user = m_data.latestOf(m_hall, record::kUser, actorId, at))
        return user->body;
    return std::nullopt;
}

} // namespace onewindow::server
