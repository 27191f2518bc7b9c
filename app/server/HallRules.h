#pragma once

#include "core/Catalog.h"
#include "core/WorkingCalendar.h"
#include "server/Judge.h"
#include "server/storage/MasterData.h"

#include <QHash>
#include <QString>

#include <memory>

namespace onewindow::server {

// What a pushed event is judged against, from the hall's master data (decision 8): the item
// version its case was received under, the calendar as the hall's stream held it at the event's
// time, and the actor's user record at that time. Loaded once per push and kept for its events.
class HallRules
{
public:
    HallRules(MasterData& data, QString hallCode) : m_data(data), m_hall(std::move(hallCode)) {}

    // The catalog record of item `code` at `version`; nullptr when the hall has no such version.
    const core::ServiceItem* item(const QString& code, int version);
    // The hall's calendar as recorded at or before `at` (canonical UTC text).
    const core::WorkingCalendar& calendarAt(const QString& at);
    ActorRecord actorAt(const QString& actorId, const QString& at);

private:
    MasterData& m_data;
    QString m_hall;
    QHash<QString, std::shared_ptr<core::ServiceItem>> m_items;
    QHash<QString, std::shared_ptr<core::WorkingCalendar>> m_calendars; // by notice versions
    std::shared_ptr<core::WorkingCalendar> m_uncached;
};

// A calendar record's notice back as core's (its body: {"source", "notice": holiday-cn JSON}).
std::optional<core::HolidayNotice> noticeOf(const MasterRecord& record);

} // namespace onewindow::server
