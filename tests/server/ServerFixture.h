#pragma once

#include "core/Clock.h"
#include "core/Event.h"
#include "core/SyncProtocol.h"
#include "server/HttpApi.h"
#include "server/storage/CentralDb.h"
#include "server/storage/MasterData.h"
#include "server/storage/Registry.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QTemporaryDir>

#include <memory>
#include <optional>

namespace onewindow::test {

// The central store the suite runs against: ONEWINDOW_TEST_BACKEND=postgresql (with
// ONEWINDOW_TEST_PG, the conninfo of the cluster tests/support/pg-cluster.sh started) or sqlite
// (the default; a file in a temporary folder). Each fixture starts from an empty database.
server::DatabaseSpec freshDatabase(const QTemporaryDir& dir);
bool onPostgres();

struct HttpReply
{
    int status = 0;
    QByteArray body;
    QByteArray serverTime; // OneWindow-Time (decision 7)
    QJsonObject json() const;
};

// A blocking HTTP call over loopback (the event loop runs meanwhile, so an in-process server
// answers). headers: name, value pairs.
HttpReply httpCall(QNetworkAccessManager& net, const QByteArray& method, const QString& url,
                   const QByteArray& body = {},
                   const QList<std::pair<QByteArray, QByteArray>>& headers = {});

// One server in this process on 127.0.0.1:<free port>, a fake clock, its log lines kept. Its
// pushes are judged by `pushWorkers` workers (-1: as `serve` does by default, so the whole suite
// runs through them; 0: on the serving thread, one at a time).
class ServerFixture
{
public:
    explicit ServerFixture(int pushWorkers = -1);
    ~ServerFixture();

    QString url(const QString& path) const;
    server::Registry& registry() { return *m_registry; }
    core::FakeClock& clock() { return m_clock; }
    const QStringList& log() const { return m_log; }
    server::CentralDb& db() { return *m_db; }
    server::DatabaseSpec spec() const { return m_spec; }
    // Decision 11: `serve --snapshot-above N --working-set-days D` (kept across a failover).
    void setWorkingSet(qint64 snapshotAbove, int recentDays)
    {
        m_workingSet = {snapshotAbove, recentDays};
        m_api->setWorkingSet(snapshotAbove, recentDays);
    }

    // A hall and an enrolled device of it (through POST /v1/enrol).
    struct Device
    {
        QString id;
        QString token;
        QString hall;
        qint64 nextSeq = 1;
    };
    // The hall with the shipped calendars and two users (clerk-1, a clerk; supervisor-1).
    void createHall(const QString& code);
    // The hall's cursor after createHall: its first event takes base + 1.
    qint64 base(const QString& hall) const;
    Device enrol(const QString& hall, const QString& window);

    HttpReply push(const Device& device, const QJsonArray& events);
    HttpReply pull(const Device& device, qint64 cursor, int limit = 500, const QString& hall = {});
    HttpReply get(const QString& path, const QList<std::pair<QByteArray, QByteArray>>& headers);

    QNetworkAccessManager net;

    // Decision 6, failover. takeStandby: a copy of the database as it is now, what a standby
    // that stopped replaying here holds (SQLite: a copy of the file; PostgreSQL: a database
    // made from it as a template). promoteStandby: the server stops, serves the standby from
    // now on at the same address, and `onewindow-server failover HALL` runs on it first;
    // returns what the command printed.
    void takeStandby();
    QString promoteStandby(const QString& hall);

private:
    void startServing();
    void stopServing();

    QTemporaryDir m_dir;
    server::DatabaseSpec m_spec;
    core::FakeClock m_clock;
    std::unique_ptr<server::CentralDb> m_db;
    std::unique_ptr<server::Registry> m_registry;
    std::unique_ptr<server::HttpApi> m_api;
    quint16 m_port = 0;
    int m_pushWorkers = -1;
    QStringList m_log;
    QHash<QString, qint64> m_base;
    std::optional<server::DatabaseSpec> m_standby;
    int m_standbys = 0;
    std::optional<std::pair<qint64, int>> m_workingSet;
};

// The test hall's master data: the EventMaker's actors as users of `hall` (clerk-1, a clerk;
// supervisor-1, a supervisor) and resources/catalog/example.json as its catalog.
void addTestMasterData(server::CentralDb& db, const core::Clock& clock, const QString& hall);

// Events as a device records them: each with its device sequence, the case head where it needs
// one, and its checksum (core::sync::eventToWire).
class EventMaker
{
public:
    EventMaker(QString deviceId, const core::Clock& clock)
        : m_device(std::move(deviceId)), m_clock(clock)
    {}
    core::Event make(core::EventType type, const QString& caseId, const QString& head = {},
                     QJsonObject payload = {});
    QJsonObject wire(core::EventType type, const QString& caseId, const QString& head = {},
                     QJsonObject payload = {});
    qint64 nextSeq() const { return m_seq + 1; }
    void setSeq(qint64 last) { m_seq = last; }
    void setActor(const QString& actor) { m_actor = actor; }

private:
    QString m_device;
    const core::Clock& m_clock;
    qint64 m_seq = 0;
    QString m_actor = QStringLiteral("clerk-1");
};

// The versions every request of a current workstation names (decision 10).
inline const QByteArray kProtocolNow = QByteArray::number(core::sync::kProtocolVersion);
inline const QByteArray kFoldNow = QByteArray::number(core::sync::kFoldVersion);
void setVersionHeaders(QNetworkRequest& request);

QString newId();
// The example catalog's first item (食品经营许可), version 1 in every test hall.
inline const QString kTestItem = QStringLiteral("11620102013029136Y4000113004000");
QJsonObject receivedPayload(const QString& caseNumber);
// The n-th case number of the test hall's W07 on 2026-12-07 (620102-20261207-W07-0001, ...).
inline QString numberOf(int n)
{
    return QStringLiteral("620102-20261207-W07-%1").arg(n, 4, 10, QLatin1Char('0'));
}
// A push's answer (status 200 required): each event's verdict, in the batch's order.
QStringList verdicts(const HttpReply& r);

} // namespace onewindow::test
