#include "server/HallRules.h"

#include "core/CatalogJson.h"
#include "core/HolidayNotice.h"

#include <QJsonDocument>
#include <QMutex>

#include <algorithm>
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

// Calendars built from a hall's notices, kept for the process by the connection and the notices'
// versions (versions name content only within one database: two test halls of one process may
// both hold a different "2026 version 2"): every push is judged against its hall's calendar, and
// parsing twenty years of notices each time was most of a push's time. Bounded: cleared when it
// holds many.
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
    return *calendarPtrAt(at);
}

std::shared_ptr<core::WorkingCalendar> HallRules::calendarPtrAt(const QString& at)
{
    // The calendar at `at` is the one at the last time the hall's notices changed at or before
    // it: found in the times read once, and built (or taken from the process's calendars) once
    // per such time.
    if (!m_calendarTimes)
        if (auto times = m_data.recordedTimes(m_hall, record::kCalendarNotice))
            m_calendarTimes = std::move(*times);
    if (!m_calendarTimes)
        return calendarFromDb(at); // the times could not be read: asked of the database
    const auto last = std::find_if(m_calendarTimes->cbegin(), m_calendarTimes->cend(),
                                   [&at](const QString& t) { return at.isEmpty() || t <= at; });
    const QString key = last == m_calendarTimes->cend() ? QString() : *last;
    auto found = m_byTime.constFind(key);
    if (found == m_byTime.constEnd())
        found = m_byTime.insert(key, key.isEmpty() ? std::make_shared<core::WorkingCalendar>()
                                                   : calendarFromDb(key));
    return *found;
}

std::shared_ptr<core::WorkingCalendar> HallRules::calendarFromDb(const QString& at)
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
        return m_uncached;
    }
    auto found = m_calendars.constFind(*versions);
    if (found == m_calendars.constEnd())
        found = m_calendars.insert(*versions, sharedCalendar(m_data.database().connectionName() +
                                                                 QLatin1Char('|') + m_hall +
                                                                 QLatin1Char('|') + *versions,
                                                             load));
    return *found;
}

const core::WorkingCalendar& HallRules::calendarFor(const QString& at, const QString& version,
                                                    bool* unknown)
{
    if (unknown)
        *unknown = false;
    std::shared_ptr<core::WorkingCalendar> atTime = calendarPtrAt(at);
    if (version.isEmpty() || atTime->version() == version)
        return *atTime; // the usual case: the device had the hall's calendar of the moment
    auto found = m_byVersion.constFind(version);
    if (found == m_byVersion.constEnd()) {
        // Each time the hall's notices changed is one calendar it has had; newest first, as a
        // device offline across a notice most likely holds the one before it.
        std::shared_ptr<core::WorkingCalendar> named;
        for (const QString& t : m_calendarTimes.value_or(QStringList()))
            if (auto c = calendarPtrAt(t); c->version() == version) {
                named = std::move(c);
                break;
            }
        found = m_byVersion.insert(version, named);
    }
    if (unknown)
        *unknown = !*found;
    return *found ? **found : *atTime;
}

ActorRecord HallRules::actorAt(const QString& actorId, const QString& at)
{
    auto found = m_users.constFind(actorId);
    if (found == m_users.constEnd()) {
        auto history = m_data.history(m_hall, record::kUser, actorId);
        if (!history) { // asked of the database alone, never kept
            if (auto user = m_data.latestOf(m_hall, record::kUser, actorId, at))
                return user->body;
            return std::nullopt;
        }
        found = m_users.insert(actorId, std::move(*history));
    }
    // The latest version recorded at or before `at`, as MasterData::latestOf picks it.
    const MasterRecord* best = nullptr;
    for (const MasterRecord& r : *found)
        if ((at.isEmpty() || r.recordedAt <= at) && (!best || r.version > best->version))
            best = &r;
    if (best)
        return best->body;
    return std::nullopt;
}

} // namespace onewindow::server
