#include "sync/SyncService.h"

#include "sync/Backoff.h"

#include <QTimer>

namespace onewindow::sync {

// Runs on the service's thread: its store, its client, its timer.
class SyncWorker : public QObject
{
    Q_OBJECT
public:
    SyncWorker(QString path, const core::Clock& clock, core::HallSettings settings, int periodMs,
               SyncTimeouts timeouts)
        : m_path(std::move(path)), m_clock(clock), m_settings(std::move(settings)),
          m_periodMs(periodMs), m_timeouts(timeouts)
    {}

public Q_SLOTS:
    void begin()
    {
        m_timer = new QTimer(this);
        m_timer->setSingleShot(true);
        connect(m_timer, &QTimer::timeout, this, &SyncWorker::runNow);
        runNow();
    }
    void end()
    {
        if (m_timer)
            m_timer->stop();
        m_ending = true;
        // A request waits in a nested event loop, which delivers this call too: the client is
        // still on the stack below (a window closed during a sync crashed), so runNow lets go
        // of it when the request returns (QThread::quit ends the nested loop as well).
        if (!m_running)
            release();
    }
    void runNow()
    {
        if (m_ending || m_running || (!m_client && !open()))
            return;
        m_running = true;
        auto report = m_client->syncNow();
        m_running = false;
        if (m_ending) {
            release();
            return;
        }
        SyncStatus s = current();
        if (report) {
            s.calendarChanged = report->calendarChanged;
            s.catalogChanged = report->catalogChanged;
            m_backoff.reset();
            s.online = true;
            m_offlineSince = {};
            m_timer->start(m_periodMs);
        } else {
            s.lastError = report.error().message;
            if (report.error().code == QLatin1String("sync.offline")) {
                if (!m_offlineSince.isValid())
                    m_offlineSince = m_clock.nowUtc();
                m_timer->start(m_backoff.nextMs());
            } else if (s.stoppedMessage.isEmpty() && s.enrolled) {
                m_timer->start(m_backoff.nextMs()); // the server answered oddly: try later
            }
            s.offlineSinceUtc = m_offlineSince;
        }
        Q_EMIT statusChanged(s);
    }

Q_SIGNALS:
    void statusChanged(const onewindow::sync::SyncStatus& status);
    void logLine(const QString& line);

private:
    bool open()
    {
        auto opened = store::Store::open(m_path, m_clock);
        if (!opened) {
            SyncStatus s;
            s.lastError = opened.error().message;
            Q_EMIT statusChanged(s);
            return false;
        }
        m_store = std::move(opened).value();
        m_cases = std::make_unique<store::CaseStore>(*m_store, m_settings);
        m_client = std::make_unique<SyncClient>(*m_cases, m_timeouts);
        connect(m_client.get(), &SyncClient::logLine, this, &SyncWorker::logLine);
        return true;
    }
    SyncStatus current()
    {
        SyncStatus s;
        auto state = m_client->repository().state();
        if (!state || !*state)
            return s;
        s.enrolled = true;
        s.stoppedMessage = (*state)->stoppedMessage;
        s.lastSyncUtc = QDateTime::fromString((*state)->lastSyncUtc, Qt::ISODateWithMs);
        if (auto pending = m_client->repository().pendingCount())
            s.pending = *pending;
        if (auto rejected = m_client->repository().rejectedOwn())
            s.rejected = static_cast<int>(rejected->size());
        return s;
    }

    void release()
    {
        m_client.reset();
        m_cases.reset();
        m_store.reset();
    }

    bool m_ending = false;  // end() was called: nothing more runs
    bool m_running = false; // runNow is on the stack (a request's nested loop)
    QString m_path;
    const core::Clock& m_clock;
    core::HallSettings m_settings;
    int m_periodMs;
    SyncTimeouts m_timeouts;
    Backoff m_backoff;
    QDateTime m_offlineSince;
    QTimer* m_timer = nullptr;
    std::unique_ptr<store::Store> m_store;
    std::unique_ptr<store::CaseStore> m_cases;
    std::unique_ptr<SyncClient> m_client;
};

SyncService::SyncService(QString storePath, const core::Clock& clock, core::HallSettings settings,
                         int periodMs, SyncTimeouts timeouts)
{
    qRegisterMetaType<SyncStatus>();
    m_worker = new SyncWorker(std::move(storePath), clock, std::move(settings), periodMs, timeouts);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &SyncWorker::statusChanged, this, &SyncService::statusChanged);
    connect(m_worker, &SyncWorker::logLine, this, &SyncService::logLine);
}

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
    QMetaObject::invokeMethod(m_worker, &SyncWorker::end, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void SyncService::syncNow()
{
    QMetaObject::invokeMethod(m_worker, &SyncWorker::runNow, Qt::QueuedConnection);
}

} // namespace onewindow::sync

#include "SyncService.moc"
