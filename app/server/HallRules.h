#pragma once

#include "core/Catalog.h"
#include "core/WorkingCalendar.h"
#include "server/Judge.h"
#include "server/storage/MasterData.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace onewindow::server {

// What a pushed event is judged against, from the hall's master data (decision 8): the item
// version its case was received under, the calendar as the hall's stream held it at the event's
// time (or the one the event records), and the actor's user record at that time. Loaded once per
// push and kept for its events: the times the hall's calendar changed and each actor's history
// are read once, so a batch of twenty events costs two reads of master data, not forty. Made for
// one transaction: records appended after its first read are not seen.
class HallRules
{
public:
    HallRules(MasterData& data, QString hallCode) : m_data(data), m_hall(std::move(hallCode)) {}

    // The catalog record of item `code` at `version`; nullptr when the hall has no such version.
    const core::ServiceItem* item(const QString& code, int version);
    // The hall's calendar as recorded at or before `at` (canonical UTC text).
    const core::WorkingCalendar& calendarAt(const QString& at);
    // Decision 8: the calendar a pushed event is judged on. The one it records
    // (core::sync::calendarVersionOf) when the hall's calendar has ever been that one: its
    // device judged it so, and a notice it had not pulled yet never re-judges it. Otherwise (none
    // recorded, or a version the hall never had) the hall's as recorded at the event's time.
    // `unknown`, when given, tells whether a version was recorded that the hall never had.
    const core::WorkingCalendar& calendarFor(const QString& at, const QString& version,
                                             bool* unknown = nullptr);
    ActorRecord actorAt(const QString& actorId, const QString& at);

private:
    std::shared_ptr<core::WorkingCalendar> calendarPtrAt(const QString& at);
    std::shared_ptr<core::WorkingCalendar> calendarFromDb(const QString& at);

    MasterData& m_data;
    QString m_hall;
    QHash<QString, std::shared_ptr<core::ServiceItem>> m_items;
    QHash<QString, std::shared_ptr<core::WorkingCalendar>> m_calendars; // by notice versions
    std::shared_ptr<core::WorkingCalendar> m_uncached;
    std::optional<QStringList> m_calendarTimes; // newest first; read once
    QHash<QString, std::shared_ptr<core::WorkingCalendar>> m_byTime;
    QHash<QString, QList<MasterRecord>> m_users; // each actor's versions, read once
    // By the version an event recorded; nullptr: the hall never had that calendar.
    QHash<QString, std::shared_ptr<core::WorkingCalendar>> m_byVersion;
};

// A calendar record's notice back as core's (its body: {"source", "notice": holiday-cn JSON}).
std::optional<core::HolidayNotice> noticeOf(const MasterRecord& record);

} // namespace onewindow::server
