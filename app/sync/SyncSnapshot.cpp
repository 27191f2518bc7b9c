// Decision 11, initial sync, at the window (docs/sync-protocol.md): the hall's working set as
// of cursor N taken page by page (GET /v1/snapshot), resumable from the sync state, its digest
// compared with the store's, then pulls from N; an older case a pull brings an event of is
// fetched first (GET /v1/case).
#include "core/SyncMessages.h"
#include "core/SyncProtocol.h"
#include "core/WorkingSet.h"
#include "sync/SyncClient.h"

#include <QJsonArray>
#include <QSet>
#include <QUrlQuery>

namespace onewindow::sync {

namespace proto = core::sync;

namespace {

// How long a snapshot page may take: the first makes the set at the server, the last its digest.
constexpr int kMakeSetWithinMs = 300'000;

} // namespace

Status SyncClient::takeWorkingSet(Report& report)
{
    for (bool more = true; more;) {
        auto state = enrolled();
        if (!state)
            return state.error();
        if (!state->snapshotPending())
            return {};
        // The largest page the server gives: one transaction (and one fsync) per thousand.
        if (Status s = snapshotOnce(*state, report, more, proto::kMaxPullLimit); !s)
            return s;
    }
    return {};
}

Status SyncClient::snapshotOnce(const store::SyncState& state, Report& report, bool& more,
                                int limit)
{
    more = false;
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("hall"), state.hallCode);
    if (state.snapshotAt > 0) { // resumed where the last page stored left off
        query.addQueryItem(QStringLiteral("at"), QString::number(state.snapshotAt));
        query.addQueryItem(QStringLiteral("after"), QString::number(state.snapshotAfter));
    }
    query.addQueryItem(QStringLiteral("limit"), QString::number(limit));
    // The first page makes the set at the server: on a hall of a million cases that takes a
    // while (docs/sync-protocol.md, "Initial sync, measured"), so it may take this long.
    auto reply = call("GET", state.serverUrl + QStringLiteral("/v1/snapshot?") + query.toString(),
                      {}, state.token, kMakeSetWithinMs);
    if (!reply)
        return reply.error();
    const QJsonObject& o = reply->json;
    if (reply->status == 410 &&
        o.value(QStringLiteral("error")).toString() == QLatin1String("snapshot_gone")) {
        // The server no longer keeps that set: a new one, from its start.
        Q_EMIT logLine(
            QStringLiteral("sync: working set at %1 gone, taken again").arg(state.snapshotAt));
        more = true;
        return m_repo.restartSnapshot();
    }
    if (reply->status != 200)
        return refusal(*reply);
    bool rebased = false;
    if (Status s = followEpoch(o, report, rebased); !s)
        return s;
    if (Status s = followRetirement(o); !s)
        return s;
    if (rebased) { // the hall failed over meanwhile: its set is taken again
        more = true;
        return m_repo.restartSnapshot();
    }
    const qint64 at = o.value(QStringLiteral("at")).toInteger(-1);
    const qint64 after = o.value(QStringLiteral("after")).toInteger(-1);
    const qint64 from = state.snapshotAt > 0 ? state.snapshotAfter : 0;
    if (at < 0 || (state.snapshotAt > 0 && at != state.snapshotAt) || after < from || after > at)
        return proto::badAnswer(
            QStringLiteral("工作集的序号不符（at %1，after %2）").arg(at).arg(after));
    const QJsonObject set = o.value(QStringLiteral("working_set")).toObject();
    QList<store::PulledEvent> page;
    store::PulledMaster master;
    if (Status s = readEntries(o.value(QStringLiteral("events")).toArray(), from, at, 0, page,
                               master, report);
        !s)
        return s;
    auto inserted = m_repo.applySnapshotPage(
        page, master,
        store::SnapshotMark{at, after, set.value(QStringLiteral("since")).toString(),
                            set.value(QStringLiteral("cases")).toInteger(0)});
    if (!inserted)
        return inserted.error();
    report.pulled += *inserted;
    const store::MasterApplied& applied = m_repo.lastMasterApplied();
    report.calendarChanged |= applied.calendarChanged;
    report.catalogChanged |= applied.catalogChanged;
    report.settingsChanged |= applied.settingsChanged;
    more = o.value(QStringLiteral("more")).toBool();
    if (more)
        return {};
    // The last page: the store must fold the set's cases as the hall does before it works.
    const QString theirs = o.value(QStringLiteral("digest")).toString();
    auto ours = m_repo.digest();
    if (!ours)
        return ours.error();
    if (theirs.isEmpty() || ours->sha256 != theirs) {
        Q_EMIT logLine(QStringLiteral("sync: working set digest %1, the hall's %2: taken again")
                           .arg(ours->sha256, theirs));
        if (Status s = m_repo.restartSnapshot(); !s)
            return s;
        return proto::snapshotDigestMismatch(ours->sha256, theirs);
    }
    if (Status s = m_repo.finishSnapshot(at); !s)
        return s;
    report.workingSetTaken = true;
    report.cursor = at;
    Q_EMIT logLine(QStringLiteral("sync: working set at %1 taken, %2 cases, digest %3")
                       .arg(at)
                       .arg(set.value(QStringLiteral("cases")).toInteger(0))
                       .arg(theirs));
    return {};
}

Result<int> SyncClient::fetchOlderCases(const store::SyncState& state,
                                        QList<store::PulledEvent>& page)
{
    // A case whose first event on this page is its receipt starts here; any other case the
    // store holds nothing of is older than the working set.
    QStringList candidates;
    QSet<QString> seen;
    for (const store::PulledEvent& p : std::as_const(page)) {
        if (seen.contains(p.event.caseId))
            continue;
        seen.insert(p.event.caseId);
        if (p.event.type != core::EventType::Received)
            candidates.append(p.event.caseId);
    }
    if (candidates.isEmpty())
        return 0;
    auto missing = m_repo.missingCases(candidates);
    if (!missing)
        return missing.error();
    QList<store::PulledEvent> older;
    for (const QString& caseId : std::as_const(*missing)) {
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("hall"), state.hallCode);
        query.addQueryItem(QStringLiteral("case"), caseId);
        query.addQueryItem(QStringLiteral("upto"), QString::number(state.cursor));
        auto reply = call("GET", state.serverUrl + QStringLiteral("/v1/case?") + query.toString(),
                          {}, state.token);
        if (!reply)
            return proto::caseFetchFailed(caseId, reply.error().message);
        if (reply->status != 200)
            return proto::caseFetchFailed(caseId, refusal(*reply).message);
        store::PulledMaster none;
        Report ignored;
        if (Status s = readEntries(reply->json.value(QStringLiteral("events")).toArray(), 0,
                                   state.cursor, state.cursor, older, none, ignored);
            !s)
            return proto::caseFetchFailed(caseId, s.error().message);
        Q_EMIT logLine(
            QStringLiteral("sync: older case %1 fetched up to %2").arg(caseId).arg(state.cursor));
    }
    page = older + page;
    return static_cast<int>(missing->size());
}

Result<QList<QJsonObject>> SyncClient::searchHall(const QString& text)
{
    auto state = enrolled();
    if (!state)
        return state.error();
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("hall"), state->hallCode);
    query.addQueryItem(QStringLiteral("q"), text);
    auto reply =
        call("GET",
             state->serverUrl + QStringLiteral("/v1/search?") + query.toString(QUrl::FullyEncoded),
             {}, state->token);
    if (!reply)
        return reply.error();
    if (reply->status != 200)
        return refusal(*reply);
    QList<QJsonObject> hits;
    for (const QJsonValue& v : reply->json.value(QStringLiteral("cases")).toArray())
        hits.append(v.toObject());
    return hits;
}

Status SyncClient::fetchCase(const QString& caseId)
{
    auto state = enrolled();
    if (!state)
        return state.error();
    auto missing = m_repo.missingCases({caseId});
    if (!missing)
        return missing.error();
    if (missing->isEmpty())
        return {}; // held already: its events come with the pulls
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("hall"), state->hallCode);
    query.addQueryItem(QStringLiteral("case"), caseId);
    query.addQueryItem(QStringLiteral("upto"), QString::number(state->cursor));
    auto reply = call("GET", state->serverUrl + QStringLiteral("/v1/case?") + query.toString(), {},
                      state->token);
    // Taken on demand (the window's search, `sync find --fetch`), not for a page: nothing waits
    // for a next sync, the clerk retries.
    if (!reply)
        return proto::caseTakeFailed(caseId, reply.error().code == QLatin1String("sync.offline")
                                                 ? m_lastFailure
                                                 : reply.error().message);
    if (reply->status != 200)
        return proto::caseTakeFailed(caseId, refusal(*reply).message);
    QList<store::PulledEvent> events;
    store::PulledMaster none;
    Report ignored;
    if (Status s = readEntries(reply->json.value(QStringLiteral("events")).toArray(), 0,
                               state->cursor, state->cursor, events, none, ignored);
        !s)
        return proto::caseTakeFailed(caseId, s.error().message);
    if (events.isEmpty())
        return proto::caseTakeFailed(caseId, QStringLiteral("大厅没有此办件"));
    auto stored = m_repo.applyPull(events, state->cursor);
    if (!stored)
        return stored.error();
    if (Status s = m_repo.addFetchedCases(1); !s)
        return s;
    Q_EMIT logLine(QStringLiteral("sync: case %1 fetched up to %2").arg(caseId).arg(state->cursor));
    return {};
}

} // namespace onewindow::sync
