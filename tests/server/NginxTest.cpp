// onewindow-server behind a real nginx (packaging/nginx/onewindow-proxy.conf, the directives the
// shipped site uses), run as a non-daemon child with a generated configuration in a temporary
// folder on a loopback port; as root its workers run as nobody. Pushes and pulls go through it
// and the server logs the real client address, believed from the proxy only.
#include "ChildServer.h"
#include "ServerFixture.h"

#include "core/SyncProtocol.h"

#include <algorithm>

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

#include <unistd.h>

using namespace onewindow;
using namespace onewindow::test;
using core::EventType;

namespace {

const QString kNginx = QStringLiteral("/usr/sbin/nginx");

quint16 freePort()
{
    QTcpServer probe;
    REQUIRE(probe.listen(QHostAddress::LocalHost, 0));
    return probe.serverPort();
}

bool waitUntil(const std::function<bool()>& done, int ms)
{
    QElapsedTimer t;
    t.start();
    while (!done()) {
        if (t.elapsed() > ms)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        QThread::msleep(5);
    }
    return true;
}

struct Nginx
{
    QProcess process;
    quint16 port = 0;

    void start(const QTemporaryDir& dir, quint16 upstream)
    {
        INFO("nginx-light is installed by packaging/install-deps.sh");
        REQUIRE(QFile::exists(kNginx));
        port = freePort();
        const bool root = ::geteuid() == 0;
        QDir(dir.path()).mkpath(QStringLiteral("temp"));
        // Workers run as nobody when nginx starts as root: they must reach the temp folders.
        QFile::setPermissions(dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                              QFileDevice::ExeOwner | QFileDevice::ExeGroup |
                                              QFileDevice::ExeOther);
        QFile::setPermissions(dir.filePath(QStringLiteral("temp")),
                              QFileDevice::Permissions(0x7777));
        const QString t = dir.filePath(QStringLiteral("temp"));
        const QString conf =
            QStringLiteral(
                "%1daemon off;\nmaster_process on;\nworker_processes 1;\npid %2/nginx.pid;\n"
                "error_log stderr notice;\nevents { worker_connections 64; }\nhttp {\n"
                "  access_log off;\n  client_body_temp_path %3/body;\n  proxy_temp_path %3/proxy;\n"
                "  fastcgi_temp_path %3/fastcgi;\n  uwsgi_temp_path %3/uwsgi;\n"
                "  scgi_temp_path %3/scgi;\n"
                "  upstream onewindow_server { server 127.0.0.1:%4; keepalive 8; }\n"
                "  server {\n    listen 127.0.0.1:%5;\n    client_max_body_size 1m;\n"
                "    location / { include %6; }\n  }\n}\n")
                .arg(root ? QStringLiteral("user nobody nogroup;\n") : QString(), dir.path(), t)
                .arg(upstream)
                .arg(port)
                .arg(QStringLiteral(ONEWINDOW_NGINX_PROXY_CONF));
        QFile f(dir.filePath(QStringLiteral("nginx.conf")));
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write(conf.toUtf8());
        f.close();
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.start(kNginx, {QStringLiteral("-p"), dir.path(), QStringLiteral("-c"), f.fileName(),
                               QStringLiteral("-e"), QStringLiteral("stderr")});
        REQUIRE(process.waitForStarted());
        const bool up = waitUntil(
            [this] {
                QTcpSocket s;
                s.connectToHost(QHostAddress::LocalHost, port);
                return s.waitForConnected(100);
            },
            10000);
        INFO(process.readAll().toStdString());
        REQUIRE(up);
    }
    ~Nginx()
    {
        process.terminate(); // SIGTERM: a fast shutdown of master and workers
        if (!process.waitForFinished(5000))
            process.kill();
        process.waitForFinished(5000);
    }
};

// A request sent from another loopback address (127.0.0.2), so the real client is not the proxy.
QByteArray requestFrom(const QString& source, quint16 port, const QByteArray& request)
{
    QTcpSocket s;
    REQUIRE(s.bind(QHostAddress(source)));
    s.connectToHost(QHostAddress::LocalHost, port);
    REQUIRE(s.waitForConnected(5000));
    s.write(request);
    s.flush();
    QByteArray answer;
    // nginx answers with Content-Length; enough once the body is in.
    for (int i = 0; i < 100 && !answer.contains("\"next_cursor\""); ++i) {
        s.waitForReadyRead(100);
        answer += s.readAll();
    }
    return answer;
}

} // namespace

TEST_CASE("behind a real nginx: pushes and pulls go through, and the server logs the real client",
          "[server][nginx]")
{
    QTemporaryDir dir;
    const server::DatabaseSpec spec = freshDatabase(dir);
    core::FakeClock clock(QDateTime(QDate(2026, 12, 7), QTime(2, 0), Qt::UTC));
    QString code;
    {
        auto db = server::CentralDb::open(spec);
        REQUIRE(db.ok());
        server::Registry registry(**db, clock);
        REQUIRE(registry
                    .createHall(QStringLiteral("620102"), QStringLiteral("大厅"),
                                QStringLiteral("Asia/Shanghai"))
                    .ok());
        addTestMasterData(**db, clock, QStringLiteral("620102")); // users and catalog judged by
        code = childEnrolCode(**db, QStringLiteral("620102"), QStringLiteral("W07"));
    }
    ChildServer server;
    server.start(databaseArgsOf(spec) +
                 QStringList{QStringLiteral("serve"), QStringLiteral("--listen"),
                             QStringLiteral("127.0.0.1:0"), QStringLiteral("--trusted-proxy"),
                             QStringLiteral("127.0.0.1")});
    QTemporaryDir nginxDir;
    Nginx nginx;
    nginx.start(nginxDir, server.port);
    const QString base = QStringLiteral("http://127.0.0.1:%1").arg(nginx.port);

    QNetworkAccessManager net;
    const HttpReply enrolled =
        httpCall(net, "POST", base + QStringLiteral("/v1/enrol"),
                 QJsonDocument(QJsonObject{{QStringLiteral("code"), code},
                                           {QStringLiteral("device_name"), QStringLiteral("pc")}})
                     .toJson(),
                 {{core::sync::kProtocolHeader, kProtocolNow},
                  {core::sync::kBuildHeader, "test"},
                  {core::sync::kFoldHeader, kFoldNow}});
    REQUIRE(enrolled.status == 200);
    const QString device = enrolled.json().value(QStringLiteral("device_id")).toString();
    const QByteArray token = enrolled.json().value(QStringLiteral("token")).toString().toLatin1();
    const QList<std::pair<QByteArray, QByteArray>> auth{{core::sync::kProtocolHeader, kProtocolNow},
                                                        {core::sync::kBuildHeader, "test"},
                                                        {core::sync::kFoldHeader, kFoldNow},
                                                        {"Authorization", "Bearer " + token}};

    EventMaker make(device, clock);
    const QString caseId = newId();
    QJsonArray events{
        make.wire(EventType::Received, caseId, {}, receivedPayload(QStringLiteral("N-1")))};
    for (int i = 1; i < 50; ++i)
        events.append(
            make.wire(EventType::Note, caseId, {}, {{QStringLiteral("text"), QString::number(i)}}));
    const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("device_id"), device},
                                                      {QStringLiteral("events"), events}})
                                .toJson(QJsonDocument::Compact);
    const HttpReply pushed = httpCall(net, "POST", base + QStringLiteral("/v1/push"), body, auth);
    REQUIRE(pushed.status == 200);
    CHECK(pushed.json().value(QStringLiteral("next_seq")).toInteger() == 51);
    // The resend through the proxy gets the same answer.
    CHECK(httpCall(net, "POST", base + QStringLiteral("/v1/push"), body, auth).body == pushed.body);

    // A pull from another client address: the server logs that address, not the proxy's.
    const QByteArray answer = requestFrom(
        QStringLiteral("127.0.0.2"), nginx.port,
        "GET /v1/pull?cursor=0&limit=1000 HTTP/1.1\r\nHost: hall\r\nOneWindow-Protocol: "
        "2\r\nOneWindow-Fold: 4\r\nOneWindow-Build: test\r\nAuthorization: Bearer " +
            token + "\r\nConnection: close\r\n\r\n");
    REQUIRE(answer.startsWith("HTTP/1.1 200"));
    const QJsonObject page =
        QJsonDocument::fromJson(answer.mid(answer.indexOf("\r\n\r\n") + 4)).object();
    // The hall's master data (calendars, catalog, users) rides the same cursor before them.
    const QJsonArray pulled = page.value(QStringLiteral("events")).toArray();
    const auto isEvent = [](const QJsonValue& v) {
        return v.toObject().value(QStringLiteral("event")).isObject();
    };
    CHECK(std::count_if(pulled.begin(), pulled.end(), isEvent) == 50);
    CHECK(page.value(QStringLiteral("next_cursor")).toInteger() == pulled.size());

    // A client's own X-Real-IP is replaced by nginx with the address it really came from.
    const QByteArray forged =
        requestFrom(QStringLiteral("127.0.0.3"), nginx.port,
                    "GET /v1/pull?cursor=49 HTTP/1.1\r\nHost: hall\r\nX-Real-IP: 10.1.1.1\r\n"
                    "OneWindow-Protocol: 2\r\nOneWindow-Fold: 4\r\nOneWindow-Build: "
                    "test\r\nAuthorization: Bearer " +
                        token + "\r\nConnection: close\r\n\r\n");
    REQUIRE(forged.startsWith("HTTP/1.1 200"));

    // A body over 1 MiB stops at nginx (413); the server never sees it.
    const HttpReply big = httpCall(net, "POST", base + QStringLiteral("/v1/push"),
                                   QByteArray(1024 * 1024 + 10, ' '), auth);
    CHECK(big.status == 413);

    waitUntil([] { return false; }, 200);
    const QString log = server.log();
    INFO(log.toStdString());
    CHECK(log.contains(QStringLiteral("client=127.0.0.1 POST /v1/enrol 200")));
    CHECK(log.contains(QStringLiteral("client=127.0.0.2 GET /v1/pull 200")));
    CHECK(log.contains(QStringLiteral("client=127.0.0.3 GET /v1/pull 200")));
    CHECK_FALSE(log.contains(QStringLiteral("10.1.1.1")));
    CHECK(log.count(QStringLiteral("POST /v1/push 200")) == 2);
}
