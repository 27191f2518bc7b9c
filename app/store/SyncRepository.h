#pragma once

#include "core/ClockOffset.h"
#include "core/HallDigest.h"
#include "store/CaseStore.h"
#include "store/Store.h"
#include "store/SyncMasterData.h"

#include <QJsonObject>

#include <functional>

#include <optional>

namespace onewindow::store {

// This store's place in its hall (db/local/0014_sync.sql): enrolment, the cursor, the pending
// queue and the placements (decision 3: verdicts beside the immutable log). The sync client
// (app/sync) talks to the server; everything it stores goes through here.
struct SyncState
{
    QString serverUrl;
    QString hallCode;
    QString deviceId;
    QString token; // kept in the store (0600): docs/sync-workstation.md
    QString windowCode;
    QString role;
    QString department;
    qint64 cursor = 0;
    qint64 ackedSeq = 1; // own events below it have the server's answer
    QString enrolledAtUtc;
    QString lastSyncUtc;
    QString stoppedCode; // device_revoked / device_stopped: no more sync
    QString stoppedMessage;
    QString retiredAtUtc; // decision 9: when the hall retired this device ('' while active)
    QString epoch;        // the hall's epoch the cursor counts in (decision 6)
    // Decision 11 (db/local/0027): "pull", "snapshot" (the working set still to come, from
    // (snapshotAt, snapshotAfter)) or "working_set" (done: the store holds a part of the hall).
    QString initialSync = QStringLiteral("pull");
    qint64 snapshotAt = 0;
    qint64 snapshotAfter = 0;
    QString workingSetSince;
    qint64 workingSetCases = 0;
    qint64 fetchedCases = 0;
    bool partial() const { return initialSync == QLatin1String("working_set"); }
    bool snapshotPending() const { return initialSync == QLatin1String("snapshot"); }
};

// What POST /v1/enrol answered.
struct Enrolment
{
    QString serverUrl;
    QString deviceId;
    QString token;
    QString windowCode;
    QString role;
    QString department;
    qint64 nextSeq = 1;
    QString hallCode;
    QString hallName;
    QString zone;
    QString epoch;         // the hall's epoch at enrolment (decision 6)
    bool snapshot = false; // decision 11: the hall answered "initial": "snapshot"
};

// Decision 11: where a snapshot page leaves the store (GET /v1/snapshot).
struct SnapshotMark
{
    qint64 at = 0;    // N, the hall order the working set is as of
    qint64 after = 0; // the last hall order of the set now stored
    QString since;    // the set's recent cases have an event since then (UTC text)
    qint64 cases = 0; // the set's cases
};

// What a new epoch of the hall undid here (decision 6, SyncRepository::rebase).
struct Rebased
{
    qint64 base = 0;
    int placementsDropped = 0; // placements above the base, from the old epoch
    int ownPending = 0;        // own events pending again: the server no longer holds them
    int usersInDoubt = 0;      // users pulled above the base: they give way to the server's
    qint64 cursorBefore = 0;
};

// One event's answer from the hall (a push result or a pulled event's placement).
struct Placement
{
    QString eventId;
    QString caseId;
    qint64 hallSeq = 0;
    bool accepted = true;
    QString reasonCode;
    QString reason;
    QString winner;
};

// A pulled page: events with their placements, in hall order, and the next cursor.
struct PulledEvent
{
    Placement placement;
    core::Event event;
    // Decision 7: the server flagged the event's own time (kept beside the placement,
    // store/TimeFlagRecords.h).
    std::optional<core::sync::EventTimeFlag> timeFlag;
};

class SyncRepository
{
public:
    explicit SyncRepository(CaseStore& cases) : m_cases(cases), m_store(cases.store()) {}

    // Whether the store at hand is a window of a hall (has a sync state); false on any failure.
    static bool enrolled(Store& store);
    // The department of a store enrolled as a back office (role backoffice); empty otherwise.
    static QString backOfficeDepartment(Store& store);
    // Empty when this store is not enrolled.
    Result<std::optional<SyncState>> state() const;
    // Turns a new store (no case events) into the enrolled window: the device row takes the
    // server's device id, the hall's settings its code, name, zone and window, and the sync
    // state is written, all in one transaction. A store holding events, or already enrolled, is
    // refused and left as it was.
    Status enrol(const Enrolment& enrolment);
    // enrol's refusals (already enrolled, a store holding events), asked before the enrolment
    // code is sent: the server spends the code and makes the device at once, so a store that
    // cannot take the answer must say so before (sync.already_enrolled, sync.store_not_new).
    Status checkEnrollable() const;

    // This device's events not yet acknowledged, in device order, at most `maxEvents` and about
    // `maxBytes` of wire form (always at least one when any waits).
    Result<QList<core::Event>> pending(int maxEvents, qint64 maxBytes) const;
    Result<int> pendingCount() const;
    // SQLite's data_version on this connection: it changes when another connection (the window,
    // a ctl) commits to the store, and not for this connection's own commits. The background
    // sync watches it to push a new own event at once (pokes, issue 18).
    Result<qint64> changeMark() const;
    // A push's answers: their placements, and acked_seq moved to the server's next_seq; the
    // touched cases are folded again. One transaction.
    Status recordPush(const QList<Placement>& answers, qint64 nextSeq);
    // A pulled page: its events inserted idempotently (an event already stored is skipped; a
    // (device, sequence) held by another event is refused and nothing stored), the placements
    // and the cursor written, and every touched case folded again in the canonical order, all in
    // one transaction. Returns how many events were new.
    // The page's master records (store/SyncMasterData.h) are written first, in the same
    // transaction: the hall's users, calendar, catalog and settings; then the cases they touch
    // are folded again too (a calendar notice moves the running deadlines of the cases counting
    // into its year; an item version that has come down lets a case taken under it be folded).
    // `alongside` runs in the same transaction, after the page is written (decision 11 keeps
    // the snapshot's place or the count of fetched cases with it).
    Result<int> applyPull(const QList<PulledEvent>& page, qint64 nextCursor,
                          const PulledMaster& master = {},
                          const std::function<Status()>& alongside = {});

    // Decision 11 (SyncWorkingSet.cpp). A snapshot page: as applyPull, the cursor left alone and
    // the snapshot's place kept with the page.
    Result<int> applySnapshotPage(const QList<PulledEvent>& page, const PulledMaster& master,
                                  const SnapshotMark& mark);
    // The set is whole and its digest checked: every case the store holds is folded (the pages
    // were stored without folding: a case's events come over many pages, and folding it after
    // each was most of a large hall's time), then the cursor goes to N and pulls go on from there.
    Status finishSnapshot(qint64 at);
    // The set is taken again from its start at the next sync (its digest differed, or the
    // server no longer keeps it); what is stored stays (every insert is idempotent).
    Status restartSnapshot();
    // Of `caseIds`, those the store holds no event of (an older case a pull brings an event of).
    Result<QStringList> missingCases(const QStringList& caseIds) const;
    // Older cases fetched (GET /v1/case) counted; run in the transaction of the page they were
    // fetched for (applyPull's `alongside`).
    Status addFetchedCases(int cases);
    // What the last applyPull changed of the master data (the window reloads what it shows).
    const MasterApplied& lastMasterApplied() const { return m_lastMaster; }
    // Sync stops (revoked, stopped) with the server's reason; kept until enrolled again.
    // After a 409 sequence_gap: the server waits for `seq`; pending starts there again.
    Status setAckedSeq(qint64 seq);
    Status markStopped(const QString& code, const QString& message);
    // Decision 6: the hall answered in `epoch` (based at `base`) while this store counts in
    // another. In one transaction: the placements above the base are dropped (their cases
    // folded again), the cursor goes back to the base if it was above it, the own events placed
    // above it are pending again (the server lost them and will take them again), and the new
    // epoch is kept. Unchanged epoch: nothing is done and nullopt returned.
    Result<std::optional<Rebased>> rebase(const QString& epoch, qint64 base);
    Status markSynced(const QDateTime& atUtc);
    // Decision 9: the hall answered that this device was retired at `atUtc` (its text as sent).
    Status markRetired(const QString& atUtc);

    // This store's events the hall has placed, digested as core::hallDigest does (store digest,
    // the working set's check): streamed, a case at a time (SyncDigest.cpp).
    Result<core::HallDigest> digest() const;
    // Own events the hall rejected (the loser of a conflict), newest first.
    Result<QList<Placement>> rejectedOwn() const;

private:
    Status refold(const QStringList& caseIds);

    // The cases a page's master records touch: those counting into a changed notice's years,
    // and, when catalog versions came down, those not folded yet.
    Result<QStringList> touchedByMaster(const MasterApplied& applied) const;

    CaseStore& m_cases;
    Store& m_store;
    MasterApplied m_lastMaster;
    bool m_deferFold = false; // a snapshot page: its cases are folded once the set is whole
};

} // namespace onewindow::store
