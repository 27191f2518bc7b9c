#include "sync/SyncWorker.h"

#include "core/WorkingSet.h"

#include "core/DeviceRetirement.h"
#include "store/ClockState.h"
#include "store/HallConfig.h"

namespace onewindow::sync {

SyncWorker::SyncWorker(QString path, const core::Clock& clock, core::HallSettings settings,
                       SyncOptions options)
    : m_path(std::move(path)), m_clock(clock), m_settings(std::move(settings)), m_options(options)
{}

void SyncWorker::begin()
{
    m_timer = new QTimer(this);
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &SyncWorker::runNow);
    m_watch = new QTimer(this);
    connect(m_watch, &QTimer::timeout, this, &SyncWorker::watch);
    if (m_options.watchMs > 0)
        m_watch->start(m_options.watchMs);
    runNow();
}

void SyncWorker::end()
{
    m_stopping = true;
    if (m_timer)
        m_timer->stop();
    if (m_watch)
        m_watch->stop();
    if (m_client)
        m_client->abort();
    // A round on this thread's stack still uses them: they go with the worker.
    if (!m_inRound) {
        m_client.reset();
        m_cases.reset();
        m_store.reset();
    }
}

void SyncWorker::runNow()
{
    if (m_stopping)
        return;
    if (m_inRound) { // asked while a request of the round waits: one more round after it
        m_again = true;
        return;
    }
    if (!m_client && !open())
        return;
    m_client->abortWaitingPull(); // push first, then pull: the round pulls anyway
    m_timer->stop();
    m_inRound = true;
    m_again = false;
    auto report = m_client->syncNow();
    m_inRound = false;
    if (m_stopping)
        return;
    SyncStatus s = current();
    if (!report) {
        failed(s, report.error());
    } else {
        s.calendarChanged = report->calendarChanged;
        s.catalogChanged = report->catalogChanged;
        s.settingsChanged = report->settingsChanged;
        if (report->settingsChanged) {
            takeSettings();
            s.maxClockGapSeconds = m_settings.maxClockGapSeconds;
        }
        s.pulled = report->pulled;
        s.rebased = report->epochChanged;
        if (!m_waitFailing)
            m_backoff.reset();
        m_online = true;
        s.online = true;
        m_offlineSince = {};
        next(s, m_again || report->pending > 0);
    }
    Q_EMIT statusChanged(s);
}

void SyncWorker::next(SyncStatus& s, bool pendingLeft)
{
    if (pendingLeft)
        m_timer->start(0); // an own event came during the round: another round at once
    else if (m_options.waitSeconds > 0)
        openWait(s);
    else
        m_timer->start(m_options.periodMs);
}

void SyncWorker::openWait(SyncStatus& s)
{
    const core::Status opened = m_client->startWaitingPull(
        m_options.waitSeconds, [this](const core::Status& st, const SyncClient::Report& r,
                                      bool more, bool moved) { waited(st, r, more, moved); });
    if (!opened) {
        failed(s, opened.error());
        return;
    }
    m_waitStarted.start();
    s.waiting = true;
}

void SyncWorker::waited(const core::Status& status, const SyncClient::Report& report, bool more,
                        bool moved)
{
    if (m_stopping)
        return;
    SyncStatus s = current();
    if (!status) {
        // As any failure: Backoff's wait, then a round. The window stays shown as it was until
        // that round says whether the server is there (a proxy may cut idle connections).
        m_waitFailing = true;
        s.online = m_online;
        s.offlineSinceUtc = m_offlineSince;
        s.lastError = status.error().message;
        if (s.stoppedMessage.isEmpty() && s.enrolled)
            m_timer->start(m_backoff.nextMs());
        Q_EMIT statusChanged(s);
        return;
    }
    m_waitFailing = false;
    m_backoff.reset();
    m_online = true;
    m_offlineSince = {};
    s.online = true;
    s.pulled = report.pulled;
    s.rebased = report.epochChanged;
    s.calendarChanged = report.calendarChanged;
    s.catalogChanged = report.catalogChanged;
    s.settingsChanged = report.settingsChanged;
    if (report.settingsChanged) {
        takeSettings();
        s.maxClockGapSeconds = m_settings.maxClockGapSeconds;
    }
    if (more) {
        m_timer->start(0); // the rest of the hall's entries in a round
    } else if (moved || m_waitStarted.elapsed() >= m_options.waitSeconds * 500LL) {
        openWait(s);
    } else {
        // Empty long before its wait: this server does not hold pulls. The periodic sync.
        Q_EMIT logLine(QStringLiteral("sync: the server answered a waiting pull empty after %1 "
                                      "ms; syncing every %2 s")
                           .arg(m_waitStarted.elapsed())
                           .arg(m_options.periodMs / 1000));
        m_timer->start(m_options.periodMs);
    }
    Q_EMIT statusChanged(s);
}

void SyncWorker::failed(SyncStatus& s, const core::Error& error)
{
    s.lastError = error.message;
    m_online = false;
    if (error.code == QLatin1String("sync.offline")) {
        if (!m_offlineSince.isValid())
            m_offlineSince = m_clock.nowUtc();
        m_timer->start(m_backoff.nextMs());
    } else if (s.stoppedMessage.isEmpty() && s.enrolled) {
        m_timer->start(m_backoff.nextMs()); // the server answered oddly: try later
    }
    s.offlineSinceUtc = m_offlineSince;
}

void SyncWorker::watch()
{
    // Offline, Backoff says when to try again; during a round its own end looks.
    if (m_inRound || m_stopping || !m_client || !m_online)
        return;
    auto mark = m_client->repository().changeMark();
    if (!mark || *mark == m_mark)
        return;
    m_mark = *mark;
    auto pending = m_client->repository().pendingCount();
    if (pending && *pending > 0)
        runNow();
}

bool SyncWorker::open()
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
    m_client = std::make_unique<SyncClient>(*m_cases, m_options.timeouts);
    connect(m_client.get(), &SyncClient::logLine, this, &SyncWorker::logLine);
    if (auto mark = m_client->repository().changeMark())
        m_mark = *mark;
    return true;
}

void SyncWorker::takeSettings()
{
    // The pull wrote them to the store; this worker's own folds count with them from now on.
    auto config = store::HallConfigRepository(*m_store).load();
    if (!config) {
        Q_EMIT logLine(QStringLiteral("sync: the hall's new settings could not be read: %1")
                           .arg(config.error().message));
        return;
    }
    m_settings = *config;
    m_cases->setSettings(m_settings);
}

SyncStatus SyncWorker::current()
{
    SyncStatus s;
    auto state = m_client->repository().state();
    if (!state || !*state)
        return s;
    s.enrolled = true;
    s.stoppedMessage = (*state)->stoppedMessage;
    if (!(*state)->retiredAtUtc.isEmpty())
        s.retiredMessage = core::sync::retiredDeviceNotice();
    if ((*state)->partial())
        s.workingSetMessage =
            core::sync::workingSetText((*state)->workingSetSince, m_settings.zone,
                                       (*state)->workingSetCases, (*state)->fetchedCases);
    else if ((*state)->snapshotPending())
        s.workingSetMessage =
            core::sync::snapshotProgressText((*state)->snapshotAt, (*state)->snapshotAfter);
    s.lastSyncUtc = QDateTime::fromString((*state)->lastSyncUtc, Qt::ISODateWithMs);
    if (auto pending = m_client->repository().pendingCount())
        s.pending = *pending;
    if (auto rejected = m_client->repository().rejectedOwn())
        s.rejected = static_cast<int>(rejected->size());
    // Decision 7: read after every round and every waiting pull's answer, each of which
    // measured the clock (or found the server gone), so the status bar follows each sync.
    s.maxClockGapSeconds = m_settings.maxClockGapSeconds;
    s.nowUtc = m_clock.nowUtc();
    if (auto clock = store::loadClockState(*m_store); clock && *clock) {
        s.clockMeasured = (*clock)->measuredAtUtc.isValid();
        s.clockOffsetMs = (*clock)->offsetMs;
        s.clockMeasuredAtUtc = (*clock)->measuredAtUtc;
        s.clockOnline = (*clock)->online;
    }
    return s;
}

} // namespace onewindow::sync
