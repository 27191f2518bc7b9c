#pragma once

#include "core/Clock.h"
#include "core/Error.h"
#include "sync/SyncClient.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QThread>

namespace onewindow::sync {

// One case the hall's server found (GET /v1/search), as the window lists it.
struct HallHit
{
    QString caseId;
    QString caseNumber;
    QString applicant;
    QString itemCode;
    QString itemName; // from this store's catalog; empty when it does not know the item
    QDateTime receivedAtUtc;
    bool held = false; // this store holds the case already (本机已有)
};

class HallSearchWorker;

// Decision 11 at the window (docs/sync-workstation.md, "Older cases at the hall"): the queue's
// search asks the hall's server for cases older than the store's working set (GET /v1/search)
// and takes one in whole (GET /v1/case). Each request runs on a thread of its own, with its own
// store connection and network access (SyncClient's requests wait in local event loops there),
// so the window never waits for the server: the answer comes as a signal on the thread that made
// this object. One request at a time: find() and fetch() return false while one is on the wire.
// Destroying it aborts what is on the wire.
class HallSearch : public QObject
{
    Q_OBJECT
public:
    HallSearch(QString storePath, const core::Clock& clock, SyncTimeouts timeouts = {},
               QObject* parent = nullptr);
    ~HallSearch() override;

    bool busy() const { return m_busy; }
    // The hall's cases for a case number, or an applicant's ID number, phone or name.
    bool find(const QString& text);
    // One hit taken into the store whole; from then on it syncs like any other case.
    bool fetch(const QString& caseId);

Q_SIGNALS:
    void found(const QString& text, const QList<onewindow::sync::HallHit>& hits);
    void fetched(const QString& caseId);
    // Nothing was stored: the message (core::sync::hallSearchFailed) says what to do.
    void failed(const onewindow::core::Error& error);

private:
    void answered();

    QThread m_thread;
    HallSearchWorker* m_worker = nullptr; // lives on m_thread
    bool m_busy = false;
};

} // namespace onewindow::sync
