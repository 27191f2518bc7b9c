#pragma once

#include "core/Error.h"
#include "core/Event.h"

#include <QString>
#include <QStringList>
#include <QTimeZone>

namespace onewindow::core::sync {

// Decision 11 (docs/sync-protocol.md): a new window of a large hall starts from a working set,
// the hall's master data and the events of its open and recent cases as of cursor N
// (GET /v1/snapshot), pulls on from N, and fetches an older case when a pull brings an event of
// it (GET /v1/case).

// A case is recent while it has an event of the last this many days (`serve --working-set-days`).
constexpr int kDefaultWorkingSetDays = 90;
// A hall of fewer places in its order (events and master records) than this is pulled from 0 as
// before; above it a new window takes the working set (`serve --snapshot-above`).
constexpr qint64 kDefaultSnapshotAbove = 200'000;
// A set is kept this long for the devices paging through it; an older one is dropped.
constexpr int kSnapshotKeepDays = 7;

// The enrolment answer's "initial": how a new window comes to hold its hall.
inline const QString kInitialPull = QStringLiteral("pull");
inline const QString kInitialSnapshot = QStringLiteral("snapshot");

// A case whose head (its last accepted event that is not mergeable) is of one of these types is
// finished: refused, withdrawn (by the applicant or for a fee not paid), abandoned, delivered
// (CaseState::isOpen). Every other case is open and in the working set whatever its age.
bool finishesCase(EventType type);
QStringList finishingTypeKeys();

// snapshot_gone (410): the set named by `at` is no longer kept; the window starts over.
Error snapshotGone(qint64 at);
// sync.snapshot_digest: the window's store does not fold the set's cases as the hall does; its
// snapshot starts over at the next sync.
Error snapshotDigestMismatch(const QString& ours, const QString& theirs);
// sync.case_fetch: an older case could not be fetched (the page is not applied).
Error caseFetchFailed(const QString& caseId, const QString& why);
// sync.case_take: a case found at the hall (GET /v1/search) could not be taken into the store on
// demand (GET /v1/case): nothing was stored. `why`: the network's words or the server's refusal.
Error caseTakeFailed(const QString& caseId, const QString& why);
// The window's search at the hall (docs/sync-workstation.md, "Older cases at the hall"): why it
// shows no hits or could not take one in, for the clerk, saying what to do; the cause's code is
// kept. `networkWhy`: the network's words when the server gave no answer (sync.offline).
Error hallSearchFailed(const Error& cause, const QString& hallName, const QString& networkWhy);

// What the window and `sync status` say of a store that holds a working set: since when, how
// many cases (the day in the hall's zone), and how many older cases were fetched since.
QString workingSetText(const QString& sinceUtc, const QTimeZone& zone, qint64 cases,
                       qint64 fetched);
// A working set still coming: how far it came (N and the last hall order stored; 0: not begun).
QString snapshotProgressText(qint64 at, qint64 after);
// `store digest` of such a store: the digest covers the cases it holds, not the whole hall.
QString partialDigestNote(qint64 casesHeld);

} // namespace onewindow::core::sync
