#pragma once

#include "core/Error.h"
#include "store/CaseStore.h"
#include "store/SyncRepository.h"

#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QObject>
#include <QPointer>

#include <functional>
#include <optional>

namespace onewindow::sync {

using core::Error;
using core::Result;
using core::Status;

struct SyncTimeouts
{
    int connectMs = 10000;    // no answer at all (connection, headers) within this
    int inactivityMs = 30000; // no byte moved within this
    // A waiting pull (pokes) hears nothing until the hall moves on or its wait ends: its
    // inactivity timeout is the wait and this much more.
    int waitSlackMs = 5000;
};

// The workstation's side of protocol v1 (docs/sync-protocol.md): enrolment, the pending queue
// pushed in device order, pulls until the hall has nothing more. It runs on the thread that made
// it, on that thread's store connection (the window gives it a worker thread of its own; the ctl
// runs it on its main thread): every request waits in a local event loop, so the thread that
// owns it never blocks a key press of another.
class SyncClient : public QObject
{
    Q_OBJECT
public:
    using Timeouts = SyncTimeouts;
    explicit SyncClient(store::CaseStore& cases, Timeouts timeouts = {});

    // POST /v1/enrol, then the store becomes that window of the hall (store::SyncRepository).
    Status enrol(const QString& serverUrl, const QString& code, const QString& deviceName);

    struct Report
    {
        int pushed = 0;   // own events answered by the server in this round
        int rejected = 0; // of them, rejected (the loser of a conflict)
        int pulled = 0;   // events new to this store
        int ignored = 0;  // records of a kind this program does not know (logged)
        int records = 0;  // master-data records recognised and applied
        // What the applied master records changed (the window reloads its calendar, catalog
        // and settings when set).
        bool calendarChanged = false;
        bool catalogChanged = false;
        bool settingsChanged = false;
        qint64 cursor = 0;
        int pending = 0;           // still waiting to go up
        bool epochChanged = false; // the hall's server failed over (decision 6): pulled again
        // Decision 11: the working set taken in this round (its pages' events are in `pulled`)
        // and older cases fetched for pulled pages.
        bool workingSetTaken = false;
        int fetchedCases = 0;
    };
    // Pushes every pending event and pulls until the hall has nothing more. An error leaves
    // everything stored so far stored (each batch and page is its own transaction).
    Result<Report> syncNow();
    // One push batch; false in `more` when nothing waits after it.
    Status pushOnce(Report& report, bool& more);
    // Decision 11 (SyncSnapshot.cpp): cases of the hall found at the server by case number, or
    // the applicant's ID number, phone or name (GET /v1/search), for a store holding a working
    // set; and one of them fetched whole into the store (GET /v1/case, up to the store's cursor).
    Result<QList<QJsonObject>> searchHall(const QString& text);
    Status fetchCase(const QString& caseId);
    // Decision 5: the office 文号 blocks this window asked for, from the server (SyncNumbers.cpp).
    Status fetchNumberBlocks();
    // Decision 11 (SyncSnapshot.cpp): while the working set is still to come, its pages (GET
    // /v1/snapshot) from where the store left off, then its digest compared with the store's;
    // equal, the cursor goes to N. Nothing to do for a store that pulls from 0 or has its set.
    Status takeWorkingSet(Report& report);
    // One snapshot page; false in `more` after the last (whose digest is then checked).
    Status snapshotOnce(const store::SyncState& state, Report& report, bool& more, int limit = 500);
    // One pull page; false in `more` when the hall has nothing more.
    Status pullOnce(Report& report, bool& more, int limit = 500);

    // Pokes (docs/sync-workstation.md): one waiting pull, GET
    // /v1/pull?cursor=C&limit=L&wait=S, sent without waiting for it. `done` runs on this
    // thread when it answers (its page applied as pullOnce applies one, `moved` when the hall
    // had moved past the cursor) or fails (any failure, as a request of syncNow's would). Not
    // run after abortWaitingPull(). Refused when a waiting pull is open already.
    using WaitDone =
        std::function<void(const Status& status, const Report& report, bool more, bool moved)>;
    Status startWaitingPull(int waitSeconds, WaitDone done);
    bool waitingPullOpen() const { return m_waiting != nullptr; }
    void abortWaitingPull();
    // Aborts whatever is on the wire (the request syncNow waits for fails at once as offline,
    // the waiting pull without running its `done`): a stopping window does not wait for them.
    void abort();

    store::SyncRepository& repository() { return m_repo; }
    // Why the last request got no answer (connection refused, a timeout), in the network's words.
    QString lastFailure() const { return m_lastFailure; }
    // The clock offset this client last measured (server minus this machine, ms), if any.
    std::optional<qint64> lastOffsetMs() const { return m_lastOffsetMs; }

Q_SIGNALS:
    void logLine(const QString& line);

private:
    struct Reply
    {
        int status = 0;
        QJsonObject json;
    };
    // `answerWithinMs`: a request the server may think about for long (decision 11's first
    // snapshot page makes the hall's working set) waits this long for its answer instead of the
    // connect and inactivity timeouts; 0 for those.
    Result<Reply> call(const QByteArray& method, const QString& url, const QJsonObject& body,
                       const QString& token, int answerWithinMs = 0);
    QNetworkRequest request(const QString& url, const QString& token, int inactivityMs) const;
    // The answer of a finished request, or why there was none.
    // `sentMs`: when it was sent, on the machine's own clock (decision 7's offset; none for a
    // waiting pull, whose round trip is the wait).
    Result<Reply> answerOf(QNetworkReply* reply, const QByteArray& method, const QString& url,
                           bool connectTimedOut, std::optional<qint64> sentMs);
    // A page's entries: events with hall order in (eventsAfter, upTo], master records in
    // (recordsAfter, upTo]; a record of an unknown kind is counted and passed over.
    Status readEntries(const QJsonArray& items, qint64 eventsAfter, qint64 upTo,
                       qint64 recordsAfter, QList<store::PulledEvent>& page,
                       store::PulledMaster& master, Report& report);
    // Decision 11: the cases of `page` this store holds nothing of and whose first event there
    // is no receipt, fetched up to the store's cursor (GET /v1/case) and put before the page's
    // events. How many cases were fetched.
    Result<int> fetchOlderCases(const store::SyncState& state, QList<store::PulledEvent>& page);
    // A pull's page stored: events, placements, master records and the cursor.
    Status applyPage(const Reply& reply, const store::SyncState& state, Report& report, bool& more);
    // Decision 6: an answer in another epoch of the hall than this store's rebases the store
    // (SyncRepository::rebase) before anything of it is written; true in `rebased` then.
    Status followEpoch(const QJsonObject& answer, Report& report, bool& rebased);
    // Decision 9: an answer naming this device's retirement is kept (the window says so).
    Status followRetirement(const QJsonObject& answer);
    Result<store::SyncState> enrolled();
    // Decision 7: the clock offset from an answer's OneWindow-Time (store/ClockState.h).
    void measureClock(QNetworkReply& reply, qint64 sentMs);
    // A refusal of the server's: device_revoked and device_stopped stop sync (kept in the store).
    Error refusal(const Reply& reply);

    store::CaseStore& m_cases;
    store::SyncRepository m_repo;
    Timeouts m_timeouts;
    QNetworkAccessManager m_net;
    QString m_lastFailure; // why the last request got no answer (connection refused, timeout)
    QPointer<QNetworkReply> m_current;    // the request call() waits for
    QNetworkReply* m_waiting = nullptr;   // the waiting pull, while open
    std::optional<qint64> m_lastOffsetMs; // the last clock offset measured (decision 7)
};

} // namespace onewindow::sync
