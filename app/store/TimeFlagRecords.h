#pragma once

#include "core/ClockOffset.h"
#include "core/Event.h"
#include "store/Store.h"

#include <QDateTime>
#include <QHash>

namespace onewindow::store {

struct Placement;

// Decision 7 at the window (db/local/0029_time_flags.sql): the events the hall's server flagged
// for their own time (docs/sync-protocol.md, "Clocks"), kept beside their placements as the pull
// brought them. Every store holds the same flags after a pull, so every workstation's supervisor
// sees the same list (时间存疑的记录) and every case view marks the same events.
struct FlaggedRecord
{
    core::Event event;  // as the log keeps it: its type, its own time (occurred_at), its actor
    QString caseNumber; // empty when the case has no projection here
    qint64 hallSeq = 0;
    core::sync::EventTimeFlag flag;
    QDateTime receivedAtUtc; // when the server received it (invalid when the server sent none)
};

// What a pulled page writes a flag with (prepared once per page), and one flag beside its
// placement; a flag already held stays as it is (the server never changes one).
extern const QString kInsertTimeFlag;
Status writeTimeFlag(QSqlQuery& prepared, const Placement& placement,
                     const core::sync::EventTimeFlag& flag);

class TimeFlagRecords
{
public:
    explicit TimeFlagRecords(Store& store) : m_store(store) {}

    // Every flagged event this store holds, newest (hall order) first, at most `limit`.
    Result<QList<FlaggedRecord>> all(int limit) const;
    // The case's flagged events by event id (the timeline marks them).
    Result<QHash<QString, FlaggedRecord>> ofCase(const QString& caseId) const;

private:
    Result<QList<FlaggedRecord>> select(const QString& tail, const QVariantList& binds) const;

    Store& m_store;
};

} // namespace onewindow::store
