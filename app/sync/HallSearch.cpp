#include "sync/HallSearch.h"

#include "core/WorkingSet.h"
#include "store/CatalogRepository.h"
#include "store/HallConfig.h"

#include <memory>

namespace onewindow::sync {

// HallSearch's worker: on its thread, with the store connection and the client it opens at its
// first request (one database connection per thread).
class HallSearchWorker : public QObject
{
public:
    HallSearchWorker(QString path, const core::Clock& clock, SyncTimeouts timeouts)
        : m_path(std::move(path)), m_clock(clock), m_timeouts(timeouts)
    {}

    Result<QList<HallHit>> find(const QString& text)
    {
        if (Status s = open(); !s)
            return failure(s.error());
        auto answer = m_client->searchHall(text);
        if (!answer)
            return failure(answer.error());
        QList<HallHit> hits;
        QStringList ids;
        for (const QJsonObject& o : std::as_const(*answer)) {
            HallHit h;
            h.caseId = o.value(QStringLiteral("case_id")).toString();
            if (h.caseId.isEmpty())
                continue;
            h.caseNumber = o.value(QStringLiteral("case_number")).toString();
            h.applicant = o.value(QStringLiteral("applicant")).toString();
            h.itemCode = o.value(QStringLiteral("item_code")).toString();
            h.receivedAtUtc = QDateTime::fromString(
                o.value(QStringLiteral("received_at")).toString(), Qt::ISODateWithMs);
            if (auto item = store::CatalogRepository(*m_store).currentItem(h.itemCode))
                h.itemName = item->item.name;
            hits.append(h);
            ids.append(h.caseId);
        }
        auto missing = m_client->repository().missingCases(ids);
        if (!missing)
            return failure(missing.error());
        for (HallHit& h : hits)
            h.held = !missing->contains(h.caseId);
        return hits;
    }

    Status fetch(const QString& caseId)
    {
        if (Status s = open(); !s)
            return failure(s.error());
        if (Status s = m_client->fetchCase(caseId); !s)
            return failure(s.error());
        return {};
    }

    void abort()
    {
        if (m_client)
            m_client->abort();
    }

private:
    Status open()
    {
        if (!m_store) {
            auto opened = store::Store::open(m_path, m_clock);
            if (!opened)
                return opened.error();
            m_store = std::move(opened).value();
            m_cases = std::make_unique<store::CaseStore>(*m_store);
            m_client = std::make_unique<SyncClient>(*m_cases, m_timeouts);
        }
        // The hall's settings as the store holds them now (a pull may have changed them): a case
        // taken in is folded with its office hours and clock gap, and messages name the hall.
        auto settings = store::HallConfigRepository(*m_store).load();
        if (!settings)
            return settings.error();
        m_hallName = settings->hallName;
        m_cases->setSettings(*settings);
        return {};
    }

    core::Error failure(const core::Error& cause) const
    {
        return core::sync::hallSearchFailed(cause, m_hallName,
                                            m_client ? m_client->lastFailure() : QString());
    }

    QString m_path;
    const core::Clock& m_clock;
    SyncTimeouts m_timeouts;
    QString m_hallName;
    std::unique_ptr<store::Store> m_store;
    std::unique_ptr<store::CaseStore> m_cases;
    std::unique_ptr<SyncClient> m_client;
};

HallSearch::HallSearch(QString storePath, const core::Clock& clock, SyncTimeouts timeouts,
                       QObject* parent)
    : QObject(parent)
{
    m_worker = new HallSearchWorker(std::move(storePath), clock, timeouts);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.setObjectName(QStringLiteral("hall-search"));
}

HallSearch::~HallSearch()
{
    if (!m_thread.isRunning()) { // never asked: nothing was opened on its thread
        delete m_worker;
        return;
    }
    // A request waiting in the worker's local event loop fails at once; quitting ends that loop.
    QMetaObject::invokeMethod(
        m_worker, [w = m_worker] { w->abort(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

bool HallSearch::find(const QString& text)
{
    if (m_busy)
        return false;
    m_busy = true;
    if (!m_thread.isRunning())
        m_thread.start();
    QMetaObject::invokeMethod(m_worker, [this, w = m_worker, text] {
        auto hits = w->find(text);
        // Back on the window's thread; dropped with this object when it is gone meanwhile.
        QMetaObject::invokeMethod(this, [this, text, hits] {
            answered();
            if (hits)
                Q_EMIT found(text, *hits);
            else
                Q_EMIT failed(hits.error());
        });
    });
    return true;
}

bool HallSearch::fetch(const QString& caseId)
{
    if (m_busy)
        return false;
    m_busy = true;
    if (!m_thread.isRunning())
        m_thread.start();
    QMetaObject::invokeMethod(m_worker, [this, w = m_worker, caseId] {
        const Status taken = w->fetch(caseId);
        QMetaObject::invokeMethod(this, [this, caseId, taken] {
            answered();
            if (taken)
                Q_EMIT fetched(caseId);
            else
                Q_EMIT failed(taken.error());
        });
    });
    return true;
}

void HallSearch::answered()
{
    m_busy = false;
}

} // namespace onewindow::sync
