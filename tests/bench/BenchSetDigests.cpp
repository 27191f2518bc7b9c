#include "BenchSetDigests.h"

#include "core/HallDigest.h"
#include "core/SyncProtocol.h"
#include "server/storage/CentralDb.h"
#include "server/storage/WorkingSets.h"
#include "store/EventRows.h"
#include "store/SyncRepository.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>

#include <cstdio>
#include <functional>

using namespace onewindow;

namespace {

// The resident memory now, in kB.
qint64 statusKb(qint64 pid, const char* field)
{
    QFile f(pid > 0 ? QStringLiteral("/proc/%1/status").arg(pid)
                    : QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray key(field);
    for (const QByteArray& l : f.readAll().split('\n'))
        if (l.startsWith(key))
            return l.mid(key.size()).trimmed().split(' ').first().toLongLong();
    return -1;
}

// Runs `what` with the peak reset to the memory in use (Linux: 5 to clear_refs); prints the
// memory before, the peak during it and the time.
void measured(const char* label, const std::function<QString()>& what)
{
    QFile clear(QStringLiteral("/proc/self/clear_refs"));
    if (clear.open(QIODevice::WriteOnly))
        clear.write("5");
    clear.close();
    const qint64 before = statusKb(0, "VmRSS:");
    QElapsedTimer t;
    t.start();
    const QString digest = what();
    const double s = t.nsecsElapsed() / 1e9;
    const qint64 peak = peakRssKb();
    std::printf("  %-44s %s  %6.1f s  peak %5lld MB (%lld MB before it, +%lld MB)\n", label,
                qPrintable(digest.left(16)), s, peak / 1024, before / 1024, (peak - before) / 1024);
    std::fflush(stdout);
}

QString windowWhole(store::Store& window)
{
    // The window's digest before: every placed event of the store in one list.
    QSqlQuery q(window.database());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT e.event_id, e.case_id, e.device_id, e.device_seq, e.hlc, "
                               "e.actor_id, e.occurred_at_utc, e.type, e.type_version, e.payload, "
                               "p.hall_seq, p.verdict FROM placement p JOIN events e ON "
                               "e.event_id = p.event_id AND e.case_id = p.case_id ORDER BY "
                               "p.hall_seq")))
        return q.lastError().text();
    QList<core::PlacedEvent> placed;
    while (q.next()) {
        auto e = store::eventFromRow(q);
        if (!e)
            return e.error().message;
        placed.append(core::PlacedEvent{q.value(10).toLongLong(),
                                        q.value(11).toString() == QLatin1String("accepted"), *e});
    }
    return core::hallDigest(placed).sha256;
}

QString serverWhole(server::WorkingSets& sets, const QString& hallCode, qint64 at)
{
    // The server's digest of the set before: every page of the set in one list.
    QList<core::PlacedEvent> placed;
    for (qint64 after = 0;;) {
        auto p = sets.page(hallCode, at, after, core::sync::kMaxPullLimit);
        if (!p)
            return p.error().message;
        for (const QJsonObject& item : std::as_const(p->entries)) {
            auto wire = core::sync::eventFromWire(item.value(QStringLiteral("event")).toObject());
            if (!wire || !wire->event)
                continue;
            placed.append(core::PlacedEvent{item.value(QStringLiteral("hall_seq")).toInteger(0),
                                            item.value(QStringLiteral("verdict")).toString() ==
                                                QLatin1String("accepted"),
                                            *wire->event});
        }
        after = p->after;
        if (!p->more)
            break;
    }
    return core::hallDigest(std::move(placed)).sha256;
}

} // namespace

qint64 peakRssKb(qint64 pid)
{
    return statusKb(pid, "VmHWM:");
}

void compareSetDigests(const QString& central, const QString& hallCode, qint64 at,
                       store::CaseStore& window)
{
    std::printf("the working set's digests, this process's peak memory reset before each:\n");
    const store::SyncRepository repository(window);
    measured("window, streamed (now)", [&] {
        auto d = repository.digest();
        return d ? d->sha256 : d.error().message;
    });
    measured("window, one list of the store (before)", [&] { return windowWhole(window.store()); });
    auto db = server::CentralDb::open(server::DatabaseSpec::sqlite(central));
    if (!db) {
        std::printf("  the central store: %s\n", qPrintable(db.error().message));
        return;
    }
    const core::SystemClock clock;
    server::WorkingSets sets(**db, clock);
    auto set = sets.find(hallCode, at);
    if (!set || !*set) {
        std::printf("  no working set at %lld at the server\n", static_cast<long long>(at));
        return;
    }
    server::WorkingSet fresh = **set;
    fresh.digest.clear(); // computed again (the same value is stored again)
    measured("server, streamed (now)", [&] {
        auto d = sets.digest(hallCode, fresh);
        return d ? *d : d.error().message;
    });
    measured("server, one list of the set (before)",
             [&] { return serverWhole(sets, hallCode, at); });
}
