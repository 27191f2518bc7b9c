#include "sync/WaitServer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>
#include <QTimer>
#include <QUrlQuery>

namespace onewindow::test {

WaitServer::WaitServer(Mode mode, QObject* parent) : QObject(parent), m_mode(mode)
{
    m_server.listen(QHostAddress::LocalHost, 0);
    m_since.start();
    connect(&m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket* socket = m_server.nextPendingConnection()) {
            socket->setParent(this);
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] {
                QByteArray in = socket->property("in").toByteArray() + socket->readAll();
                const qsizetype end = in.indexOf("\r\n\r\n");
                if (end < 0) {
                    socket->setProperty("in", in);
                    return;
                }
                socket->setProperty("in", QByteArray());
                answer(socket, in.left(end));
            });
        }
    });
}

QString WaitServer::url() const
{
    return QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort());
}

void WaitServer::answer(QTcpSocket* socket, const QByteArray& head)
{
    const QByteArray line = head.left(head.indexOf("\r\n"));
    const QList<QByteArray> parts = line.split(' ');
    const QUrl url(QString::fromLatin1(parts.value(1)));
    const QUrlQuery query(url);
    const bool waiting = query.hasQueryItem(QStringLiteral("wait"));
    (waiting ? m_waits : m_others).append(m_since.elapsed());
    if (m_mode == Mode::Silent)
        return;
    if (waiting && m_mode == Mode::Drop) {
        QTimer::singleShot(50, socket, [socket] { socket->abort(); });
        return;
    }
    // An empty hall: the page after the cursor holds nothing; nothing was ever pushed.
    QByteArray body;
    QByteArray status = "200 OK";
    if (url.path() == QLatin1String("/v1/pull")) {
        body =
            QJsonDocument(QJsonObject{{QStringLiteral("hall"), QStringLiteral("620102")},
                                      {QStringLiteral("next_cursor"),
                                       query.queryItemValue(QStringLiteral("cursor")).toLongLong()},
                                      {QStringLiteral("more"), false},
                                      {QStringLiteral("events"), QJsonArray()}})
                .toJson(QJsonDocument::Compact);
    } else {
        status = "500 Internal Server Error";
        body = R"({"error":"test","message":"测试服务器只答拉取"})";
    }
    socket->write("HTTP/1.1 " + status +
                  "\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: " +
                  QByteArray::number(body.size()) + "\r\n\r\n" + body);
    socket->disconnectFromHost();
}

} // namespace onewindow::test
