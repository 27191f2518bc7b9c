#pragma once

#include "sync/Backoff.h"
#include "sync/SyncService.h"

#include <QElapsedTimer>
#include <QTimer>

#include <memory>

namespace onewindow::sync {

// SyncService's worker: it lives on the service's thread with its own store connection, client
// and timers (docs/sync-workstation.md).
//
// A round (runNow) pushes the pending queue and pulls until the hall has nothing more. After a
// round that drained everything it opens one waiting pull (pokes): when that answers with the
// hall's next entries they are stored and another waiting pull opens; when it answers empty at
// the end of its wait another opens; when it answers empty long before (a server that does not
// hold pulls) the periodic timer takes over. A new own event in the store (the watch timer reads
// SQLite's data_version) aborts the waiting pull and starts a round: push first, then pull. Any
// failure, a waiting pull's included, waits for Backoff; a success after a failed waiting pull
// does not reset it, so a server that keeps dropping waiting pulls is asked less and less often.
class SyncWorker : public QObject
{
    Q_OBJECT
public:
    SyncWorker(QString path, const core::Clock& clock, core::HallSettings settings,
               SyncOptions options);

public Q_SLOTS:
    void begin();
    // Stops timers and aborts what is on the wire; stop() then ends the thread.
    void end();
    void runNow();

Q_SIGNALS:
    void statusChanged(const onewindow::sync::SyncStatus& status);
    void logLine(const QString& line);

private:
    bool open();
    SyncStatus current();
    // After a round or a waiting pull that succeeded: the next waiting pull, or the timer.
    void next(SyncStatus& s, bool pendingLeft);
    void openWait(SyncStatus& s);
    void waited(const core::Status& status, const SyncClient::Report& report, bool more,
                bool moved);
    // A failed round or waiting pull: offline since when, and when to try again.
    void failed(SyncStatus& s, const core::Error& error);
    void watch();

    QString m_path;
    const core::Clock& m_clock;
    core::HallSettings m_settings;
    SyncOptions m_options;
    Backoff m_backoff;
    QDateTime m_offlineSince;
    QTimer* m_timer = nullptr; // the next round: period, backoff, or at once
    QTimer* m_watch = nullptr; // looks for a new own event
    QElapsedTimer m_waitStarted;
    qint64 m_mark = -1;     // the store's data_version last seen
    bool m_inRound = false; // a round is on this thread's stack (its requests wait in loops)
    bool m_again = false;   // asked for a round during one
    bool m_stopping = false;
    bool m_online = false;      // the last round reached the server
    bool m_waitFailing = false; // the last waiting pull failed: a success does not reset Backoff
    std::unique_ptr<store::Store> m_store;
    // The hall's settings a pull brought, read back from the store.
    void takeSettings();
    std::unique_ptr<store::CaseStore> m_cases;
    std::unique_ptr<SyncClient> m_client;
};

} // namespace onewindow::sync
