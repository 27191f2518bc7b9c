#include "server/PushWorkers.h"

#include "server/HttpFront.h"

namespace onewindow::server {

int defaultPushWorkers(const DatabaseSpec& spec)
{
    return spec.kind == DatabaseSpec::Kind::PostgreSql ? 4 : 1;
}

core::Result<std::unique_ptr<PushWorkers>> PushWorkers::start(const DatabaseSpec& spec, int count,
                                                              const core::Clock& clock,
                                                              int toleranceSeconds)
{
    std::unique_ptr<PushWorkers> workers(new PushWorkers);
    DatabaseSpec existing = spec;
    existing.mayCreate = false; // the serving connection made and checked the store
    for (int i = 0; i < count; ++i) {
        PushWorkers* self = workers.get();
        workers->m_threads.emplace_back(QThread::create([self, existing, &clock, toleranceSeconds] {
            self->work(existing, clock, toleranceSeconds);
        }));
        workers->m_threads.back()->setObjectName(QStringLiteral("push-%1").arg(i + 1));
        workers->m_threads.back()->start();
    }
    std::unique_lock lock(workers->m_mutex);
    workers->m_wake.wait(lock, [&] { return workers->m_opened == count; });
    if (workers->m_failure) {
        const core::Error failure = *workers->m_failure;
        lock.unlock();
        return failure; // the destructor stops the workers that did open
    }
    return workers;
}

PushWorkers::~PushWorkers()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    for (auto& thread : m_threads)
        thread->wait();
}

void PushWorkers::post(Job job)
{
    {
        const std::lock_guard lock(m_mutex);
        m_jobs.push_back(std::move(job));
    }
    m_wake.notify_one();
}

void PushWorkers::work(const DatabaseSpec& spec, const core::Clock& clock, int toleranceSeconds)
{
    auto db = CentralDb::open(spec); // in this thread: a connection belongs to its thread
    {
        const std::lock_guard lock(m_mutex);
        if (!db && !m_failure)
            m_failure = db.error();
        ++m_opened;
    }
    m_wake.notify_all();
    if (!db)
        return;
    Registry registry(**db, clock);
    Ledger ledger(**db, clock);
    ledger.setClockToleranceSeconds(toleranceSeconds);
    Desk desk{**db, registry, ledger};
    const bool grouped = !(*db)->isPostgres();
    for (;;) {
        std::vector<Job> jobs;
        {
            std::unique_lock lock(m_mutex);
            // Stopping, a worker still takes what was given: every push offered is finished.
            m_wake.wait(lock, [this] { return m_stopping || !m_jobs.empty(); });
            if (m_jobs.empty())
                return;
            while (!m_jobs.empty() && int(jobs.size()) < (grouped ? kMaxGroup : 1)) {
                jobs.push_back(std::move(m_jobs.front()));
                m_jobs.pop_front();
            }
        }
        runGroup(desk, jobs, grouped);
    }
}

void PushWorkers::runGroup(Desk& desk, std::vector<Job>& jobs, bool grouped)
{
    // A group of one is a push in a transaction of its own, as without workers.
    const bool group = grouped && jobs.size() > 1 && desk.db.begin();
    desk.ledger.setGrouped(group);
    std::vector<Delivery> deliveries;
    for (Job& job : jobs)
        deliveries.push_back(job(desk));
    bool committed = true;
    if (group) {
        if (desk.ledger.groupBroken())
            desk.db.rollback();
        committed = !desk.ledger.groupBroken() && desk.db.commit(); // rolled back if it fails
        desk.ledger.setGrouped(false);
    }
    const qint64 now = HttpFront::monotonicNs();
    for (Delivery& deliver : deliveries)
        deliver(committed, now);
}

} // namespace onewindow::server
