#pragma once

#include "core/Clock.h"
#include "core/Error.h"
#include "core/Event.h"
#include "server/storage/CentralDb.h"

#include <QJsonObject>
#include <QList>

#include <optional>

namespace onewindow::server {

// Decision 11: a hall's working set as of cursor `at` (docs/sync-protocol.md, GET /v1/snapshot):
// the cases open then and those with an event since `since`, and their events up to `at`.
struct WorkingSet
{
    qint64 at = 0;
    QString since; // canonical UTC text: a case with an event at or after it is recent
    qint64 cases = 0;
    qint64 events = 0;
    QString digest; // core::hallDigest's sha256 of the set's events; '' until computed
};

// One page of a set: entries in the pull's own form ({hall_seq, verdict, …, event}).
struct WorkingSetPage
{
    QList<QJsonObject> entries;
    qint64 after = 0; // the last hall order sent (the next page's `after`)
    bool more = false;
};

class WorkingSets
{
public:
    WorkingSets(CentralDb& db, const core::Clock& clock) : m_db(db), m_clock(clock) {}

    // The hall's set at its cursor now, made and kept the first time it is asked for (every
    // device asking at the same cursor shares it); sets older than core::sync::kSnapshotKeepDays
    // are dropped then. `recentDays`: a case with an event of the last so many days is recent.
    core::Result<WorkingSet> make(const QString& hallCode, int recentDays);
    // The kept set at `at`, if any.
    core::Result<std::optional<WorkingSet>> find(const QString& hallCode, qint64 at);
    // The set's events after hall order `after`, at most `limit`, in hall order.
    core::Result<WorkingSetPage> page(const QString& hallCode, qint64 at, qint64 after, int limit);
    // The digest of the set's cases as the windows compute it (core::hallDigest), computed once
    // and kept with the set.
    core::Result<QString> digest(const QString& hallCode, const WorkingSet& set);
    // One case's events with hall order up to `upto`, in hall order, in the pull's form (an
    // older case fetched on demand). Empty when the hall holds no such case.
    core::Result<QList<QJsonObject>> caseEvents(const QString& hallCode, const QString& caseId,
                                                qint64 upto);
    // The case's accepted events up to `upto`, in hall order, on a statement prepared once (a
    // digest's second pass reads every case of the hall or the set this way).
    core::Result<QList<core::Event>> acceptedEvents(const QString& hallCode, const QString& caseId,
                                                    qint64 upto);

private:
    CentralDb& m_db;
    const core::Clock& m_clock;
};

} // namespace onewindow::server
