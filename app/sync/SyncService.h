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
    // The last sync brought a new holiday notice or item versions of the hall (master data):
    // the window reloads what it counts and shows with.
    bool calendarChanged = false;
    bool catalogChanged = false;
    QString lastError;
};

class SyncWorker;

// Background sync for the window (issue 18): a thread of its own with its own store connection
// and network access; it syncs at start, every `periodMs` while online, at once on syncNow(), and
// after a failure after Backoff's wait (1 s growing to 60 s, with jitter). Nothing here ever
// blocks the thread that owns the service: status() arrives as a signal.
class SyncService : public QObject
{
    Q_OBJECT
public:
    SyncService(QString storePath, const core::Clock& clock, core::HallSettings settings,
                int periodMs = 30000, SyncTimeouts timeouts = {});
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
