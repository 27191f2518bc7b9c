#pragma once

#include "core/Error.h"
#include "server/storage/CentralDb.h"

#include <QList>
#include <QString>

#include <optional>

namespace onewindow::server {

// Decision 8: the progress of one `calendar import`'s "deadline moved" entries
// (db/central/0026_calendar_recomputes.sql). Every call runs in the caller's transaction, after
// the hall's row is locked.
struct CalendarRecompute
{
    QString hallCode;
    qint64 noticeSeq = 0; // the hall order of the notices written (the first of them)
    QString recordedAt;   // their recorded time (canonical UTC text)
    QString notices;      // core::noticeNames of them, as the entries name them
    QString afterCase;    // the last case id done ('' before the first chunk)
    qint64 cases = 0;     // open cases looked at so far
    qint64 made = 0;      // entries made so far
    QString finishedAt;   // '' while chunks are left
};

class CalendarRecomputes
{
public:
    explicit CalendarRecomputes(CentralDb& db) : m_db(db) {}

    core::Status start(const CalendarRecompute& r);
    // The hall's imports whose chunks are not all done, by hall order.
    core::Result<QList<CalendarRecompute>> unfinished(const QString& hallCode);
    core::Result<std::optional<CalendarRecompute>> find(const QString& hallCode, qint64 noticeSeq);
    // A chunk done: `r` as it stands after it.
    core::Status save(const CalendarRecompute& r);

private:
    CentralDb& m_db;
};

} // namespace onewindow::server
