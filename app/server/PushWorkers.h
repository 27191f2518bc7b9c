#pragma once

#include "core/Clock.h"
#include "core/Error.h"
#include "server/storage/CentralDb.h"
#include "server/storage/Ledger.h"
#include "server/storage/Registry.h"

#include <QObject>
#include <QThread>

#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

namespace onewindow::server {

// What a push is judged and stored with: one connection of the central store and the objects
// over it. The serving thread has its own; each push worker has another.
struct Desk
{
    CentralDb& db;
    Registry& registry;
    Ledger& ledger;
};

// Issue 17, the push budget: pushes judged off the serving thread, each worker with its own
// connection of the central store (QSqlDatabase and QPSQL take one connection per thread), so
// the serving thread keeps reading requests and writing answers while a push waits on the
// database, and on PostgreSQL the pushes of several halls are judged and committed at once
// (one hall's still one after another: its row in `halls` is locked to the commit, and a
// device's row before it). Jobs are taken in the order they came, by whichever worker is free.
//
// Group commit (SQLite, which writes one transaction at a time and pays an fsync for each): a
// worker takes every job waiting (at most kMaxGroup), judges them in one transaction, a
// savepoint each (Ledger::setGrouped), commits once, and only then lets any of them answer.
// PostgreSQL commits its connections' transactions together by itself.
class PushWorkers
{
public:
    static constexpr int kMaxGroup = 64;
    // What a job leaves to do once its transaction is over: `committed` false when the group's
    // commit failed (nothing of the job stands); `committedNs`, HttpFront::monotonicNs() then.
    using Delivery = std::function<void(bool committed, qint64 committedNs)>;
    using Job = std::function<Delivery(Desk&)>;

    // Opens `count` connections (each in its worker's thread) and starts the workers; the
    // store's refusal when one cannot open. `toleranceSeconds`: the ledgers' clock tolerance.
    static core::Result<std::unique_ptr<PushWorkers>>
    start(const DatabaseSpec& spec, int count, const core::Clock& clock, int toleranceSeconds);
    // Finishes every job already given (each one's answer is committed or rolled back whole),
    // then stops the workers and closes their connections.
    ~PushWorkers();

    // Runs `job` on the first free worker, in that worker's thread, with its desk.
    void post(Job job);
    int count() const { return int(m_threads.size()); }

private:
    PushWorkers() = default;
    void work(const DatabaseSpec& spec, const core::Clock& clock, int toleranceSeconds);
    // Runs `jobs` (in one transaction when `grouped`) and then their deliveries.
    static void runGroup(Desk& desk, std::vector<Job>& jobs, bool grouped);

    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<Job> m_jobs;
    bool m_stopping = false;
    int m_opened = 0; // workers whose connection is open (or failed: m_failure)
    std::optional<core::Error> m_failure;
    std::vector<std::unique_ptr<QThread>> m_threads;
};

// `serve --push-workers` unless told: SQLite writes one transaction at a time, so one worker takes
// its pushes off the serving thread; PostgreSQL judges several halls' pushes at once.
int defaultPushWorkers(const DatabaseSpec& spec);

} // namespace onewindow::server
