#include "sync/SyncService.h"

#include "sync/SyncWorker.h"

namespace onewindow::sync {

SyncService::SyncService(QString storePath, const core::Clock& clock, core::HallSettings settings,
                         SyncOptions options)
{
    qRegisterMetaType<SyncStatus>();
    m_worker = new SyncWorker(std::move(storePath), clock, std::move(settings), options);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &SyncWorker::statusChanged, this, &SyncService::statusChanged);
    connect(m_worker, &SyncWorker::logLine, this, &SyncService::logLine);
}

SyncService::SyncService(QString storePath, const core::Clock& clock, core::HallSettings settings,
                         int periodMs, SyncTimeouts timeouts)
    : SyncService(std::move(storePath), clock, std::move(settings),
                  SyncOptions{periodMs, timeouts, SyncOptions{}.waitSeconds, SyncOptions{}.watchMs})
{}

SyncService::~SyncService()
{
    stop();
}

void SyncService::start()
{
    if (m_thread.isRunning())
        return;
    m_thread.start();
    QMetaObject::invokeMethod(m_worker, &SyncWorker::begin, Qt::QueuedConnection);
}

void SyncService::stop()
{
    if (!m_thread.isRunning())
        return;
    // The worker aborts what is on the wire (a waiting pull may have 25 s to go); a round's
    // request waiting in a local loop ends when the thread quits.
    QMetaObject::invokeMethod(m_worker, &SyncWorker::end, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void SyncService::syncNow()
{
    QMetaObject::invokeMethod(m_worker, &SyncWorker::runNow, Qt::QueuedConnection);
}

} // namespace onewindow::sync
