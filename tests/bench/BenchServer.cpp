// Pushes from many windows at once to a real onewindow-server (issue 17): by default 10 halls x
// 20 windows, each pushing a batch of 20 events once a second, for 30 s, each window over its own
// kept-alive connection. Prints events per second, each batch's latency (p50, p99, worst; budget
// p99 <= 200 ms) and checks that nothing was lost: every hall's events pulled back, counted and
// all accepted.
//
// Usage: bench_server [--store PATH | --database URL] [--seconds N] [--halls H] [--windows W]
//                     [--batch B] [--servers N] [--server PATH] [--load spread|lockstep|even]
//                     [--serve-option OPTION=VALUE]
//   --load: when in its second each window pushes. spread (default): a random phase per window,
//   kept for the run, as real windows are spread over the second; lockstep: every window at the
//   same instant each second, the worst case; even: the phases spaced evenly with Qt's coarse
//   1 s timers, which move a timeout by up to 50 ms toward a 500 ms boundary (the bench's way
//   before issue 17's session 11).
//   --serve-option: passed to `serve` as --OPTION VALUE (e.g. push-workers=0).
//   --server: the onewindow-server program to measure (default: this build's), e.g. a baseline
//   built from an older commit, run the same way beside this build's.
//   --servers: N server processes on the one database (stateless; PostgreSQL), windows spread
//   over them round robin.
//   default: a SQLite store in a temporary folder. PostgreSQL (docs/operations.md, README):
//     bash tests/support/pg-cluster.sh start /tmp/bench-pg 55450
//     build/dev/tests/bench/bench_server --database
//     postgresql://postgres@127.0.0.1:55450/onewindow_test bash tests/support/pg-cluster.sh stop
//     /tmp/bench-pg
#include "BenchServerHttp.h"
#include "BenchServerTiming.h"

#include "core/Clock.h"
#include "core/EventChecksum.h"
#include "core/SyncProtocol.h"
#include "server/MasterAuthor.h"
#include "server/storage/CentralDb.h"
#include "server/storage/MasterData.h"
#include "server/storage/Registry.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTimer>
#include <QUuid>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <vector>

using namespace onewindow;

namespace {

// resources/catalog/example.json's first item (食品经营许可), imported into every bench hall.
constexpr char kItem[] = "11620102013029136Y4000113004000";

QString uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// One window: a device of a hall with its keep-alive connection and its event sequence.
struct Window
{
    QString hall, deviceId;
    QByteArray token;
    qint64 seq = 0;
    QTcpSocket socket;
    QByteArray in;
    QElapsedTimer sent;
    bool busy = false;
    int due = 0; // ticks that came while a batch was still out
    qint64 pushed = 0, accepted = 0, failed = 0;
    std::vector<QByteArray> ready; // made before the run, so the client spends no time making them
    size_t next = 0;

    core::Event event(core::EventType type, const QString& caseId, const QDateTime& now,
                      QJsonObject payload = {})
    {
        core::Event e;
        e.eventId = uuid();
        e.caseId = caseId;
        e.deviceId = deviceId;
        e.deviceSeq = ++seq;
        e.occurredAtUtc = now.addMSecs(seq);
        e.hlc = QStringLiteral("%1-00000-%2")
                    .arg(e.occurredAtUtc.toMSecsSinceEpoch(), 13, 10, QLatin1Char('0'))
                    .arg(deviceId);
        e.actorId = QStringLiteral("clerk-1"); // the hall's clerk (set up below)
        e.type = type;
        e.typeVersion = core::currentTypeVersion(type);
        e.payload = payload;
        return e;
    }
    // A batch of `size` events, a window's ordinary work: cases received, noted and accepted.
    QByteArray batch(int size, const QDateTime& now)
    {
        QJsonArray events;
        while (events.size() < size) {
            const QString caseId = uuid();
            // What the server judges as a real intake (full judgement, issue 17): an item of the
            // hall's catalog, an applicant, a query code, a receipt day of the window's day.
            const core::Event received = event(
                core::EventType::Received, caseId, now,
                {{QStringLiteral("caseNumber"),
                  QStringLiteral("%1-%2-%3").arg(hall, deviceId.left(8)).arg(seq)},
                 {QStringLiteral("itemCode"), QLatin1String(kItem)},
                 {QStringLiteral("itemVersion"), 1},
                 {QStringLiteral("queryCode"), QStringLiteral("123456")},
                 {QStringLiteral("applicant"),
                  QJsonObject{{QStringLiteral("name"), QStringLiteral("张三")},
                              {QStringLiteral("idNumber"), QStringLiteral("11010519491231002X")}}},
                 {QStringLiteral("channel"), QStringLiteral("in_person")},
                 {QStringLiteral("receiptDate"),
                  now.toTimeZone(QTimeZone("Asia/Shanghai")).date().toString(Qt::ISODate)}});
            events.append(core::sync::eventToWire(received));
            for (int i = 0; i < 4 && events.size() < size; ++i) {
                const bool accept = i == 1;
                QJsonObject payload{{QStringLiteral("text"), QStringLiteral("材料已核验")}};
                if (accept)
                    payload = {{QLatin1String(core::sync::kCaseHeadKey), received.eventId}};
                events.append(core::sync::eventToWire(
                    event(accept ? core::EventType::Accepted : core::EventType::Note, caseId, now,
                          payload)));
            }
        }
        return QJsonDocument(QJsonObject{{QStringLiteral("device_id"), deviceId},
                                         {QStringLiteral("events"), events}})
            .toJson(QJsonDocument::Compact);
    }
};

int usage()
{
    std::fprintf(stderr, "usage: bench_server [--store PATH | --database URL] [--seconds N] "
                         "[--halls H] [--windows W] [--batch B] [--servers N] [--server PATH] "
                         "[--load spread|lockstep|even] [--serve-option OPTION=VALUE]\n");
    return 2;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    QTemporaryDir dir;
    QStringList dbArgs{QStringLiteral("--store"), dir.filePath(QStringLiteral("central.sqlite"))};
    int seconds = 30, halls = 10, windows = 20, batchSize = 20, servers = 1;
    QString program = QStringLiteral(ONEWINDOW_SERVER_PATH);
    QString load = QStringLiteral("spread");
    QStringList serveOptions;
    for (qsizetype i = 0; i + 1 < args.size(); i += 2) {
        const QString& k = args[i];
        const QString& v = args[i + 1];
        if (k == QLatin1String("--store") || k == QLatin1String("--database"))
            dbArgs = {k, v};
        else if (k == QLatin1String("--seconds"))
            seconds = v.toInt();
        else if (k == QLatin1String("--halls"))
            halls = v.toInt();
        else if (k == QLatin1String("--windows"))
            windows = v.toInt();
        else if (k == QLatin1String("--batch"))
            batchSize = v.toInt();
        else if (k == QLatin1String("--servers"))
            servers = v.toInt();
        else if (k == QLatin1String("--server"))
            program = v;
        else if (k == QLatin1String("--load") &&
                 QStringList{QStringLiteral("spread"), QStringLiteral("lockstep"),
                             QStringLiteral("even")}
                     .contains(v))
            load = v;
        else if (k == QLatin1String("--serve-option") && v.contains(QLatin1Char('=')))
            serveOptions << QStringLiteral("--") + v.section(QLatin1Char('='), 0, 0)
                         << v.section(QLatin1Char('='), 1);
        else
            return usage();
    }
    if (args.size() % 2 || seconds < 1 || halls < 1 || halls > 1000 || windows < 1 ||
        batchSize < 1 || batchSize > core::sync::kMaxBatchEvents || servers < 1 || servers > 16)
        return usage();

    // Halls and one enrolment code per window, straight in the store.
    const core::SystemClock clock;
    auto spec = dbArgs[0] == QLatin1String("--store")
                    ? core::Result<server::DatabaseSpec>(server::DatabaseSpec::sqlite(dbArgs[1]))
                    : server::DatabaseSpec::postgres(dbArgs[1]);
    if (!spec)
        return usage();
    std::vector<std::unique_ptr<Window>> all;
    QStringList codes;
    {
        auto db = server::CentralDb::open(*spec);
        if (!db) {
            std::fprintf(stderr, "bench_server: %s\n", qPrintable(db.error().message));
            return 1;
        }
        server::Registry registry(**db, clock);
        QFile catalogFile(QStringLiteral(ONEWINDOW_SOURCE_DIR "/resources/catalog/example.json"));
        if (!catalogFile.open(QIODevice::ReadOnly)) {
            std::fprintf(stderr, "bench_server: the example catalog cannot be read\n");
            return 1;
        }
        const QByteArray catalog = catalogFile.readAll();
        // A store may be reused: fresh six-digit hall codes each run.
        const int base = 100000 + 1000 * QRandomGenerator::global()->bounded(899);
        for (int h = 0; h < halls; ++h) {
            const QString code = QString::number(base + h);
            if (auto made = registry.createHall(code, QStringLiteral("压测大厅 ") + code,
                                                QStringLiteral("Asia/Shanghai"));
                !made) {
                std::fprintf(stderr, "bench_server: %s\n", qPrintable(made.error().message));
                return 1;
            }
            // The hall's master data the events are judged against: its clerk and catalog.
            server::MasterData data(**db, clock);
            const auto user = data.append(
                code, {server::MasterChange{
                          server::record::kUser, QStringLiteral("clerk-1"),
                          QJsonObject{{QStringLiteral("userId"), QStringLiteral("clerk-1")},
                                      {QStringLiteral("login"), QStringLiteral("clerk1")},
                                      {QStringLiteral("displayName"), QStringLiteral("窗口人员")},
                                      {QStringLiteral("role"), QStringLiteral("clerk")},
                                      {QStringLiteral("window"), QString()},
                                      {QStringLiteral("active"), true},
                                      {QStringLiteral("verifier"), QString()}}}});
            const auto items = server::MasterAuthor(data).importCatalog(
                code, catalog, QStringLiteral("example.json"));
            if (!user || !items) {
                std::fprintf(stderr, "bench_server: %s\n",
                             qPrintable(!user ? user.error().message : items.error().message));
                return 1;
            }
            for (int w = 0; w < windows; ++w) {
                auto c = registry.createEnrolCode(
                    {code,
                     QStringLiteral("W%1").arg(w + 1, 2, 10, QLatin1Char('0')),
                     QStringLiteral("window"),
                     {},
                     3600});
                if (!c)
                    return 1;
                codes.append(c->first);
                all.push_back(std::make_unique<Window>());
                all.back()->hall = code;
            }
        }
    }
    std::vector<std::unique_ptr<QProcess>> processes;
    std::vector<quint16> ports;
    for (int n = 0; n < servers; ++n) {
        auto server = std::make_unique<QProcess>();
        server->setStandardErrorFile(dir.filePath(QStringLiteral("server%1.log").arg(n)));
        server->start(program, dbArgs +
                                   QStringList{QStringLiteral("serve"), QStringLiteral("--listen"),
                                               QStringLiteral("127.0.0.1:0"),
                                               QStringLiteral("--max-connections"),
                                               QString::number(halls * windows + 16)} +
                                   serveOptions);
        QString line;
        for (int i = 0; i < 100 && !line.contains(QLatin1Char('\n')); ++i) {
            server->waitForReadyRead(200);
            line += QString::fromUtf8(server->readAllStandardOutput());
        }
        const auto m = QRegularExpression(QStringLiteral(":([0-9]+)")).match(line);
        if (!m.hasMatch()) {
            std::fprintf(stderr, "bench_server: the server did not start\n");
            return 1;
        }
        ports.push_back(quint16(m.captured(1).toUInt()));
        processes.push_back(std::move(server));
    }
    const quint16 port = ports.front();
    for (size_t i = 0; i < all.size(); ++i) {
        const auto [status, body, head] =
            call(port, request("POST", "/v1/enrol", {},
                               QJsonDocument(QJsonObject{{QStringLiteral("code"), codes[int(i)]},
                                                         {QStringLiteral("device_name"),
                                                          QStringLiteral("bench")}})
                                   .toJson(QJsonDocument::Compact)));
        if (status != 200) {
            std::fprintf(stderr, "bench_server: enrolment answered %d\n", status);
            return 1;
        }
        const QJsonObject o = QJsonDocument::fromJson(body).object();
        all[i]->deviceId = o.value(QStringLiteral("device_id")).toString();
        all[i]->token = o.value(QStringLiteral("token")).toString().toLatin1();
    }

    // Every window's batches made beforehand (the client must not be what is measured).
    for (auto& w : all)
        for (int i = 0; i < seconds + 2; ++i)
            w->ready.push_back(
                request("POST", "/v1/push", w->token, w->batch(batchSize, clock.nowUtc())));

    // The run: every window a batch a second, at its phase in the second (--load).
    PushTimings timings;
    QString firstRejection;
    QElapsedTimer wall;
    bool stopping = false;
    int outstanding = 0;
    auto send = [&](Window& w) {
        w.busy = true;
        ++outstanding;
        if (w.next == w.ready.size()) // more ticks than made: made now
            w.ready.push_back(
                request("POST", "/v1/push", w.token, w.batch(batchSize, clock.nowUtc())));
        w.sent.start();
        w.socket.write(w.ready[w.next]);
        w.ready[w.next++].clear();
        w.pushed += batchSize;
    };
    for (auto& wp : all) {
        Window& w = *wp;
        QObject::connect(&w.socket, &QTcpSocket::connected,
                         [&w] { w.socket.setSocketOption(QAbstractSocket::LowDelayOption, 1); });
        w.socket.connectToHost(QHostAddress::LocalHost,
                               ports[size_t(&wp - &all.front()) % ports.size()]);
        QObject::connect(&w.socket, &QTcpSocket::readyRead, [&] {
            w.in += w.socket.readAll();
            const auto [status, body, head] = takeAnswer(w.in);
            if (status == 0)
                return;
            timings.add(double(w.sent.nsecsElapsed()) / 1e6, head);
            w.busy = false;
            --outstanding;
            if (status == 200) {
                for (const QJsonValue& r : QJsonDocument::fromJson(body)
                                               .object()
                                               .value(QStringLiteral("results"))
                                               .toArray())
                    if (r.toObject().value(QStringLiteral("verdict")).toString() ==
                        QLatin1String("accepted"))
                        ++w.accepted;
                    else if (firstRejection.isEmpty()) // the bench's own events must be legal
                        firstRejection = r.toObject().value(QStringLiteral("reason")).toString();
            } else {
                w.failed += batchSize;
            }
            if (w.due > 0 && !stopping) {
                --w.due;
                send(w);
            } else if (stopping && outstanding == 0) {
                app.quit();
            }
        });
    }
    wall.start();
    std::vector<std::unique_ptr<QTimer>> timers;
    for (size_t i = 0; i < all.size(); ++i) {
        Window& w = *all[i];
        auto t = std::make_unique<QTimer>();
        t->setInterval(1000);
        if (load != QLatin1String("even"))
            t->setTimerType(Qt::PreciseTimer); // a coarse one drifts toward 500 ms boundaries
        QObject::connect(t.get(), &QTimer::timeout, [&] {
            if (stopping)
                return;
            if (w.busy)
                ++w.due; // late: goes as soon as the answer is in
            else
                send(w);
        });
        QTimer* raw = t.get();
        const int phase = load == QLatin1String("lockstep") ? 0
                          : load == QLatin1String("even")
                              ? int(i * 1000 / all.size())
                              : int(QRandomGenerator::global()->bounded(1000));
        QTimer::singleShot(phase, Qt::PreciseTimer, [raw, &w, &send] {
            send(w);
            raw->start();
        });
        timers.push_back(std::move(t));
    }
    QTimer::singleShot(seconds * 1000, [&] {
        stopping = true;
        if (outstanding == 0)
            app.quit();
    });
    app.exec();
    const double elapsed = double(wall.elapsed()) / 1000.0;

    // Nothing lost: each hall pulled back whole.
    qint64 pushed = 0, accepted = 0, failed = 0, stored = 0, storedAccepted = 0;
    for (const auto& w : all) {
        pushed += w->pushed;
        accepted += w->accepted;
        failed += w->failed;
    }
    for (int h = 0; h < halls; ++h) {
        const Window& first = *all[size_t(h * windows)];
        qint64 cursor = 0;
        for (bool more = true; more;) {
            const auto [status, body, head] =
                call(port,
                     request("GET", "/v1/pull?cursor=" + QByteArray::number(cursor) + "&limit=1000",
                             first.token, {}));
            if (status != 200) {
                std::fprintf(stderr, "bench_server: pull answered %d\n", status);
                return 1;
            }
            const QJsonObject page = QJsonDocument::fromJson(body).object();
            for (const QJsonValue& e : page.value(QStringLiteral("events")).toArray()) {
                if (e.toObject().contains(QStringLiteral("record")))
                    continue; // the hall's master data (users, catalog) on the same road
                ++stored;
                if (e.toObject().value(QStringLiteral("verdict")).toString() ==
                    QLatin1String("accepted"))
                    ++storedAccepted;
            }
            cursor = page.value(QStringLiteral("next_cursor")).toInteger();
            more = page.value(QStringLiteral("more")).toBool();
        }
    }
    for (auto& server : processes) {
        server->terminate();
        server->waitForFinished(10000);
    }

    // The server's own time per push, from its log lines ("POST /v1/push 200 12ms").
    std::vector<double> serverMs;
    for (int n = 0; n < servers; ++n) {
        QFile log(dir.filePath(QStringLiteral("server%1.log").arg(n)));
        if (!log.open(QIODevice::ReadOnly))
            continue;
        static const QRegularExpression push(QStringLiteral("POST /v1/push 200 ([0-9]+)ms"));
        for (auto it = push.globalMatch(QString::fromUtf8(log.readAll())); it.hasNext();)
            serverMs.push_back(it.next().captured(1).toDouble());
    }
    const double s50 = percentile(serverMs, 0.50), s99 = percentile(serverMs, 0.99);
    const std::vector<double>& latencies = timings.latencies();
    const size_t batches = latencies.size();
    const double p50 = percentile(latencies, 0.50), p99 = percentile(latencies, 0.99);
    const double worst = percentile(latencies, 1.0);
    std::printf("bench_server: %s, %d server process(es), %d halls x %d windows, batches of %d, "
                "one a second each, load %s, %d s\n",
                dbArgs[0] == QLatin1String("--store") ? "SQLite" : "PostgreSQL", servers, halls,
                windows, batchSize, qPrintable(load), seconds);
    std::printf("  batches answered     %zu (%.1f per second)\n", batches,
                double(batches) / elapsed);
    std::printf("  events pushed        %lld (%.0f per second)\n", static_cast<long long>(pushed),
                double(pushed) / elapsed);
    std::printf("  latency per batch    p50 %.1f ms, p99 %.1f ms, worst %.1f ms (budget p99 <= 200 "
                "ms: %s)\n",
                p50, p99, worst, p99 <= 200 ? "met" : "MISSED");
    std::printf("  server time per push p50 %.0f ms, p99 %.0f ms (its log: from the handler's "
                "start, a wait for a worker included)\n",
                s50, s99);
    timings.print();
    std::printf("  answered accepted    %lld, refused batches' events %lld\n",
                static_cast<long long>(accepted), static_cast<long long>(failed));
    std::printf("  pulled back          %lld events, %lld accepted: %s\n",
                static_cast<long long>(stored), static_cast<long long>(storedAccepted),
                stored == pushed && storedAccepted == pushed ? "nothing lost" : "LOST OR REJECTED");
    if (!firstRejection.isEmpty())
        std::printf("  first rejection      %s\n", qPrintable(firstRejection));
    return stored == pushed && storedAccepted == pushed ? 0 : 1;
}
