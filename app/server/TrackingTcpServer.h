#pragma once

#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>

namespace onewindow::server {

// The listening socket handed to QHttpServer (QAbstractHttpServer::bind), which also tells which
// connection the request being handled came on: its readyRead is connected before QHttpServer's,
// so current() is that connection while a handler runs. A pull that waits (LongPoll) keeps it, so
// that an answer for a client gone meanwhile is dropped: Qt 6.4's QHttpServer would write it to
// the deleted socket.
class TrackingTcpServer : public QTcpServer
{
public:
    using QTcpServer::QTcpServer;
    QPointer<QTcpSocket> current() const { return m_current; }

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto* socket = new QTcpSocket(this);
        if (!socket->setSocketDescriptor(descriptor)) {
            delete socket;
            return;
        }
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { m_current = socket; });
        addPendingConnection(socket);
    }

private:
    QPointer<QTcpSocket> m_current;
};

} // namespace onewindow::server
