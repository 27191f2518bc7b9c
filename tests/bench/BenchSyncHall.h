#pragma once

// bench_sync's hall: onewindow-server's HttpApi in this process on a SQLite store, the hall
// 620102 with its clerk and catalog (resources/catalog/example.json), and its windows, each a
// real store enrolled through SyncClient and synced once.
#include "core/Catalog.h"
#include "core/Clock.h"
#include "server/HttpApi.h"
#include "server/storage/CentralDb.h"
#include "server/storage/Registry.h"
#include "store/CaseStore.h"
#include "store/Store.h"

#include <QStringList>
#include <QTemporaryDir>

#include <memory>

namespace onewindow::bench {

struct BenchWindow
{
    QString path;
    core::FakeClock clock;
    std::unique_ptr<store::Store> store;
    std::unique_ptr<store::CaseStore> cases;
    core::ServiceItem item;
    BenchWindow();
    // A case received at this window by the hall's clerk: its id and its number.
    core::Result<std::pair<QString, QString>> take();
    // Whether this store holds the case of that number (its projection: no fold).
    bool holds(const QString& caseNumber) const;
};

class BenchHall
{
public:
    BenchHall();
    ~BenchHall();
    // The server listening and the windows W07 and W08; false after saying why on stderr.
    bool start();
    // A new window of the hall, enrolled and synced once; nullptr after saying why.
    std::unique_ptr<BenchWindow> window(const QString& code);
    // The server's log lines since the last call (one per request: method, path, status, ms).
    QStringList takeLog();
    // `n` devices of the hall enrolled straight in the registry: their tokens.
    QList<QByteArray> devices(int n);
    quint16 port() const { return m_port; }
    qint64 cursor();

    std::unique_ptr<BenchWindow> w07, w08;

private:
    QTemporaryDir m_dir;
    core::FakeClock m_clock;
    std::unique_ptr<server::CentralDb> m_db;
    std::unique_ptr<server::Registry> m_registry;
    std::unique_ptr<server::HttpApi> m_api;
    QString m_url;
    quint16 m_port = 0;
    QStringList m_log;
    QList<core::ServiceItem> m_items;
    int m_windows = 0;
};

// One busy window: `events` events taken (a case and four notes each), then pushed and
// acknowledged, then pulled by another window; printed.
void busyWindow(BenchHall& hall, int events);
// `windows` windows of a fresh hall at once, each with its background sync, each taking `cases`
// cases at random moments over `spreadS` seconds; printed.
void manyWindows(int windows, int cases, int spreadS);
// The server alone: `listeners` waiting pulls on raw connections (no stores behind them), then a
// push; how long until every one is answered, over `rounds` pushes; printed.
void fanOut(int listeners, int rounds);

} // namespace onewindow::bench
