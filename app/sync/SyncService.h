#pragma once

#include "core/Clock.h"
#include "core/HallSettings.h"
#include "sync/SyncClient.h"

#include <QDateTime>
#include <QObject>
#include <QThread>

#include <memory>

namespace onewindow::sync {

// Where the window stands with its hall (the status bar: 在线 / 离线（自 10:42 起）/ N 条待上传 /
// last sync, and 立即同步).
struct SyncStatus
{
    bool enrolled = false;
    bool online = false;
    QDateTime offlineSinceUtc; // the first failed try of the current outage
    int pending = 0;
    int rejected = 0; // own events the hall did not take
    QDateTime lastSyncUtc;
    QString stoppedMessage; // revoked or stopped: sync will not try again
    QString retiredMessage; // decision 9: retired at the hall (its sync goes on)
    // Decision 11: the store holds the hall's working set, or is still taking it (composed in
    // core, in Chinese; empty for a store holding the whole hall).
    QString workingSetMessage;
    // The last sync brought a new holiday notice or item versions of the hall (master data):
    // the window reloads what it counts and shows with.
    bool calendarChanged = false;
    bool catalogChanged = false;
    // ... or the hall's settings (name, zone, office hours, offline sign-in, clock gap): a
    // running window takes them at once.
    bool settingsChanged = false;
    QString lastError;
    int pulled = 0;       // events new to this store in the sync or poke this status reports
    bool rebased = false; // the hall failed over (decision 6): placements and verdicts moved
    bool waiting = false; // a waiting pull is open: the hall's next event comes at once (pokes)
    // Decision 7: this PC's clock as the last sync measured it against the hall server's
    // (sync_clock) and the hall's allowance, so the status bar names a gap before an act is
    // refused for it; `nowUtc` is when the status was made, on the store's clock.
    bool clockMeasured = false;
    qint64 clockOffsetMs = 0; // server minus this machine
    QDateTime clockMeasuredAtUtc;
    bool clockOnline = false; // the latest try measured it (the gap rule applies)
    int maxClockGapSeconds = 300;
    QDateTime nowUtc;
};

// How the window syncs (docs/sync-workstation.md).
struct SyncOptions
{
    // The periodic sync: the fallback when the server does not hold a waiting pull (it answers
    // the wait empty at once) and pokes are off.
    int periodMs = 30000;
    SyncTimeouts timeouts;
    // Pokes: once everything is pushed and pulled, one pull waits this long at the server for
    // the hall's next event (core's limit is 25 s); 0: no pokes, the periodic sync only.
    int waitSeconds = 25;
    // How often the store is looked at for a new own event to push at once (it cuts a waiting
    // pull short: push first, then pull); 0: never, the event waits for the next sync.
    int watchMs = 250;
};

class SyncWorker;

// Background sync for the window (issue 18): a thread of its own with its own store connection
// and network access. It syncs at start, at once on syncNow() and when the store holds a new own
// event, and after a failure after Backoff's wait (1 s growing to 60 s, with jitter). Between
// syncs it keeps one waiting pull open at the server (pokes), so another window's event comes
// down within moments; a server that answers the wait empty at once gets the periodic sync
// instead. Nothing here ever blocks the thread that owns the service: status arrives as a
// signal, and stop() aborts whatever is on the wire.
class SyncService : public QObject
{
    Q_OBJECT
public:
    SyncService(QString storePath, const core::Clock& clock, core::HallSettings settings,
                SyncOptions options = {});
    SyncService(QString storePath, const core::Clock& clock, core::HallSettings settings,
                int periodMs, SyncTimeouts timeouts = {});
    ~SyncService() override;

    void start();
    void stop();

public Q_SLOTS:
    void syncNow();

Q_SIGNALS:
    void statusChanged(const onewindow::sync::SyncStatus& status);
    void logLine(const QString& line);

private:
    QThread m_thread;
    SyncWorker* m_worker = nullptr; // lives on m_thread
};

} // namespace onewindow::sync

Q_DECLARE_METATYPE(onewindow::sync::SyncStatus)
