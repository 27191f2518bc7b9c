#include "ServerFixture.h"

#include "server/FailoverCommand.h"
#include "server/MasterAuthor.h"

#include "core/SyncProtocol.h"

#include <catch2/catch.hpp>

#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTextStream>
#include <QUuid>

#include <functional>

namespace onewindow::test {

bool onPostgres()
{
    return qgetenv("ONEWINDOW_TEST_BACKEND") == "postgresql";
}

server::DatabaseSpec freshDatabase(const QTemporaryDir& dir)
{
    if (!onPostgres())
        return server::DatabaseSpec::sqlite(dir.filePath(QStringLiteral("central.sqlite")));
    const QString conninfo = QString::fromUtf8(qgetenv("ONEWINDOW_TEST_PG"));
    REQUIRE_FALSE(conninfo.isEmpty()); // the ctest fixture `postgres` sets it
    auto spec = server::DatabaseSpec::postgres(conninfo);
    REQUIRE(spec.ok());
    {
        // An empty database for each fixture: the schema dropped and made again.
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("reset"));
        db.setHostName(spec->host);
        db.setPort(spec->port);
        db.setUserName(spec->user);
        db.setDatabaseName(spec->database);
        REQUIRE(db.open());
        QSqlQuery q(db);
        REQUIRE(q.exec(QStringLiteral("DROP SCHEMA public CASCADE")));
        REQUIRE(q.exec(QStringLiteral("CREATE SCHEMA public")));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("reset"));
    return *spec;
}

static void withMaintenance(const server::DatabaseSpec& spec,
                            const std::function<void(QSqlQuery&)>& run)
{
    // CREATE/DROP DATABASE run from another database of the cluster.
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("maintenance"));
        db.setHostName(spec.host);
        db.setPort(spec.port);
        db.setUserName(spec.user);
        db.setDatabaseName(QStringLiteral("postgres"));
        REQUIRE(db.open());
        QSqlQuery q(db);
        run(q);
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("maintenance"));
}

QJsonObject HttpReply::json() const
{
    return QJsonDocument::fromJson(body).object();
}

HttpReply httpCall(QNetworkAccessManager& net, const QByteArray& method, const QString& url,
                   const QByteArray& body, const QList<std::pair<QByteArray, QByteArray>>& headers)
{
    QNetworkRequest request{QUrl(url)};
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    for (const auto& [name, value] : headers)
        request.setRawHeader(name, value);
    QNetworkReply* reply = net.sendCustomRequest(request, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    HttpReply out{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                  reply->readAll(), reply->rawHeader("OneWindow-Time")};
    reply->deleteLater();
    return out;
}

ServerFixture::ServerFixture(int pushWorkers)
    : m_clock(QDateTime(QDate(2026, 12, 7), QTime(2, 0), Qt::UTC)), m_pushWorkers(pushWorkers)
{
    REQUIRE(m_dir.isValid());
    m_spec = freshDatabase(m_dir);
    auto db = server::CentralDb::open(m_spec);
    if (!db)
        FAIL(db.error().message.toStdString());
    m_db = std::move(db).value();
    startServing();
}

ServerFixture::~ServerFixture()
{
    stopServing();
    if (m_standby && m_standby->kind == server::DatabaseSpec::Kind::PostgreSql)
        withMaintenance(*m_standby, [&](QSqlQuery& q) {
            q.exec(QStringLiteral("DROP DATABASE IF EXISTS %1").arg(m_standby->database));
        });
}

void ServerFixture::startServing()
{
    if (!m_db) {
        auto db = server::CentralDb::open(m_spec);
        if (!db)
            FAIL(db.error().message.toStdString());
        m_db = std::move(db).value();
    }
    m_registry = std::make_unique<server::Registry>(*m_db, m_clock);
    m_api = std::make_unique<server::HttpApi>(*m_db, m_clock,
                                              [this](const QString& line) { m_log.append(line); });
    const auto workers = m_api->startPushWorkers(
        m_spec, m_pushWorkers < 0 ? server::defaultPushWorkers(m_spec) : m_pushWorkers);
    if (!workers)
        FAIL(workers.error().message.toStdString());
    if (m_workingSet)
        m_api->setWorkingSet(m_workingSet->first, m_workingSet->second);
    const auto port = m_api->listen(QHostAddress::LocalHost, m_port); // 0 the first time
    REQUIRE(port.ok());
    m_port = *port;
}

void ServerFixture::stopServing()
{
    m_api.reset();
    m_registry.reset();
    m_db.reset();
}

void ServerFixture::takeStandby()
{
    stopServing();
    server::DatabaseSpec standby = m_spec;
    if (m_spec.kind == server::DatabaseSpec::Kind::Sqlite) {
        standby.sqlitePath = m_dir.filePath(QStringLiteral("standby-%1.sqlite").arg(++m_standbys));
        QFile::remove(standby.sqlitePath);
        // The last connection closed: the file holds every commit (no -wal left beside it).
        REQUIRE(QFile::copy(m_spec.sqlitePath, standby.sqlitePath));
    } else {
        standby.database = m_spec.database + QStringLiteral("_standby");
        withMaintenance(m_spec, [&](QSqlQuery& q) {
            q.exec(QStringLiteral("DROP DATABASE IF EXISTS %1").arg(standby.database));
            REQUIRE(q.exec(QStringLiteral("CREATE DATABASE %1 TEMPLATE %2")
                               .arg(standby.database, m_spec.database)));
        });
    }
    m_standby = standby;
    startServing();
}

QString ServerFixture::promoteStandby(const QString& hall)
{
    REQUIRE(m_standby.has_value());
    stopServing();
    m_spec = *m_standby;
    auto db = server::CentralDb::open(m_spec);
    if (!db)
        FAIL(db.error().message.toStdString());
    m_db = std::move(db).value();
    QString printed, errors;
    QTextStream out(&printed), err(&errors);
    const int rc = server::failoverCommand(*m_db, {QStringLiteral("failover"), hall}, out, err);
    out.flush();
    err.flush();
    INFO(errors.toStdString());
    REQUIRE(rc == 0);
    startServing();
    return printed;
}

QString ServerFixture::url(const QString& path) const
{
    return QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(path);
}

void ServerFixture::createHall(const QString& code)
{
    auto hall = m_registry->createHall(code, QStringLiteral("测试大厅 ") + code,
                                       QStringLiteral("Asia/Shanghai"));
    REQUIRE(hall.ok());
    addTestMasterData(*m_db, m_clock, code);
    m_base.insert(code, m_registry->hall(code)->seq);
}

qint64 ServerFixture::base(const QString& hall) const
{
    return m_base.value(hall);
}

void addTestMasterData(server::CentralDb& db, const core::Clock& clock, const QString& hall)
{
    // The actors the EventMaker records, as the hall's users (their verifiers do not matter
    // here: nobody signs in).
    auto user = [](const char* id, const char* login, const char* role) {
        return server::MasterChange{
            server::record::kUser, QString::fromLatin1(id),
            QJsonObject{{QStringLiteral("userId"), QString::fromLatin1(id)},
                        {QStringLiteral("login"), QString::fromLatin1(login)},
                        {QStringLiteral("displayName"), QString::fromLatin1(login)},
                        {QStringLiteral("role"), QString::fromLatin1(role)},
                        {QStringLiteral("window"), QString()},
                        {QStringLiteral("active"), true},
                        {QStringLiteral("verifier"), QString()}}};
    };
    server::MasterData data(db, clock);
    auto written = data.append(
        hall, {user("clerk-1", "clerk1", "clerk"), user("supervisor-1", "super1", "supervisor")});
    REQUIRE(written.ok());
    QFile catalog(QStringLiteral(ONEWINDOW_SOURCE_DIR "/resources/catalog/example.json"));
    REQUIRE(catalog.open(QIODevice::ReadOnly));
    REQUIRE(server::MasterAuthor(data)
                .importCatalog(hall, catalog.readAll(), QStringLiteral("example.json"))
                .ok());
}

ServerFixture::Device ServerFixture::enrol(const QString& hall, const QString& window)
{
    auto code = m_registry->createEnrolCode({hall, window, QStringLiteral("window"), {}, 3600});
    REQUIRE(code.ok());
    const HttpReply r = httpCall(
        net, "POST", url(QStringLiteral("/v1/enrol")),
        QJsonDocument(QJsonObject{{QStringLiteral("code"), code->first},
                                  {QStringLiteral("device_name"), window + QStringLiteral("-pc")}})
            .toJson(QJsonDocument::Compact),
        {{core::sync::kProtocolHeader, kProtocolNow},
         {core::sync::kBuildHeader, "test"},
         {core::sync::kFoldHeader, kFoldNow}});
    REQUIRE(r.status == 200);
    const QJsonObject o = r.json();
    return Device{o.value(QStringLiteral("device_id")).toString(),
                  o.value(QStringLiteral("token")).toString(), hall, 1};
}

HttpReply ServerFixture::push(const Device& device, const QJsonArray& events)
{
    return httpCall(net, "POST", url(QStringLiteral("/v1/push")),
                    QJsonDocument(QJsonObject{{QStringLiteral("device_id"), device.id},
                                              {QStringLiteral("events"), events}})
                        .toJson(QJsonDocument::Compact),
                    {{core::sync::kProtocolHeader, kProtocolNow},
                     {core::sync::kBuildHeader, "test"},
                     {core::sync::kFoldHeader, kFoldNow},
                     {"Authorization", "Bearer " + device.token.toLatin1()}});
}

HttpReply ServerFixture::pull(const Device& device, qint64 cursor, int limit, const QString& hall)
{
    QString path = QStringLiteral("/v1/pull?cursor=%1&limit=%2").arg(cursor).arg(limit);
    if (!hall.isEmpty())
        path += QStringLiteral("&hall=") + hall;
    return get(path, {{core::sync::kProtocolHeader, kProtocolNow},
                      {core::sync::kBuildHeader, "test"},
                      {core::sync::kFoldHeader, kFoldNow},
                      {"Authorization", "Bearer " + device.token.toLatin1()}});
}

HttpReply ServerFixture::get(const QString& path,
                             const QList<std::pair<QByteArray, QByteArray>>& headers)
{
    return httpCall(net, "GET", url(path), {}, headers);
}

void setVersionHeaders(QNetworkRequest& request)
{
    request.setRawHeader(core::sync::kProtocolHeader, kProtocolNow);
    request.setRawHeader(core::sync::kBuildHeader, "test");
    request.setRawHeader(core::sync::kFoldHeader, kFoldNow);
}

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QJsonObject receivedPayload(const QString& caseNumber)
{
    return QJsonObject{
        {QStringLiteral("caseNumber"), caseNumber},
        {QStringLiteral("itemCode"), kTestItem},
        {QStringLiteral("itemVersion"), 1},
        {QStringLiteral("queryCode"), QStringLiteral("123456")},
        {QStringLiteral("applicant"),
         QJsonObject{{QStringLiteral("name"), QStringLiteral("张三")},
                     {QStringLiteral("idNumber"), QStringLiteral("11010519491231002X")}}},
        {QStringLiteral("channel"), QStringLiteral("in_person")},
        {QStringLiteral("receiptDate"), QStringLiteral("2026-12-07")}};
}

core::Event EventMaker::make(core::EventType type, const QString& caseId, const QString& head,
                             QJsonObject payload)
{
    if (!head.isEmpty())
        payload.insert(QLatin1String(core::sync::kCaseHeadKey), head);
    core::Event e;
    e.eventId = newId();
    e.caseId = caseId;
    e.deviceId = m_device;
    e.deviceSeq = ++m_seq;
    e.occurredAtUtc = m_clock.nowUtc().addMSecs(m_seq);
    e.hlc = QStringLiteral("%1-00000-%2")
                .arg(e.occurredAtUtc.toMSecsSinceEpoch(), 13, 10, QLatin1Char('0'))
                .arg(m_device);
    e.actorId = m_actor;
    e.type = type;
    e.typeVersion = core::currentTypeVersion(type);
    e.payload = payload;
    return e;
}

QJsonObject EventMaker::wire(core::EventType type, const QString& caseId, const QString& head,
                             QJsonObject payload)
{
    return core::sync::eventToWire(make(type, caseId, head, std::move(payload)));
}

QStringList verdicts(const HttpReply& r)
{
    REQUIRE(r.status == 200);
    QStringList out;
    for (const QJsonValue& v : r.json().value(QStringLiteral("results")).toArray())
        out.append(v.toObject().value(QStringLiteral("verdict")).toString());
    return out;
}

} // namespace onewindow::test
