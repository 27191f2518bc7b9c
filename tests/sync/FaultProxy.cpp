#include "sync/FaultProxy.h"

#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

#include <sys/socket.h>

namespace onewindow::test {

namespace {

using Fault = FaultProxy::Fault;

// One client connection and its connection to the server, with the fault it was given.
class Link : public QObject
{
public:
    Link(QTcpSocket* client, std::optional<Fault> fault, int delayMs, QMap<Fault, int>& counts,
         QObject* parent)
        : QObject(parent), m_client(client), m_upstream(new QTcpSocket(this)), m_fault(fault),
          m_delayMs(delayMs), m_counts(counts)
    {
        client->setParent(this);
        connect(m_client, &QTcpSocket::readyRead, this, &Link::fromClient);
        connect(m_client, &QTcpSocket::disconnected, this, &Link::finish);
        connect(m_upstream, &QTcpSocket::connected, this, &Link::upstreamConnected);
        connect(m_upstream, &QTcpSocket::readyRead, this, &Link::fromUpstream);
        connect(m_upstream, &QTcpSocket::disconnected, this, &Link::upstreamGone);
        connect(m_upstream, &QTcpSocket::errorOccurred, this, [this] {
            if (!m_upConnected)
                finish(); // the server is down: the client sees its connection closed
        });
    }

    void start(quint16 upstreamPort)
    {
        m_port = upstreamPort;
        if (m_fault == Fault::Delay) {
            m_holdDown = true;
            QTimer::singleShot(m_delayMs, this, [this] { connectUp(); });
        } else {
            connectUp();
        }
    }

private:
    void connectUp() { m_upstream->connectToHost(QHostAddress::LocalHost, m_port); }

    void upstreamConnected()
    {
        m_upConnected = true;
        m_upstream->write(m_pendingUp);
        m_pendingUp.clear();
        if (m_closeAfterUp)
            cutNow();
    }

    void sendUp(const QByteArray& bytes)
    {
        if (m_upConnected)
            m_upstream->write(bytes);
        else
            m_pendingUp += bytes;
    }

    void fromClient()
    {
        const QByteArray bytes = m_client->readAll();
        if (m_done || (m_fault != Fault::CutRequest && m_fault != Fault::Duplicate)) {
            sendUp(bytes);
            return;
        }
        m_request += bytes;
        if (m_fault == Fault::Duplicate) {
            sendUp(bytes);
            return;
        }
        // CutRequest: hold the request until it is whole, then send its head and half its body.
        const qsizetype length = FaultProxy::messageLength(m_request);
        if (length < 0 || m_request.size() < length)
            return;
        m_done = true;
        ++m_counts[Fault::CutRequest];
        sendUp(m_request.left(FaultProxy::cutPoint(m_request, length)));
        m_closeAfterUp = true;
        if (m_upConnected)
            cutNow();
    }

    void cutNow()
    {
        m_client->disconnect(this); // the half request still goes up before the close
        m_client->abort();
        m_upstream->disconnectFromHost();
    }

    void fromUpstream()
    {
        const QByteArray bytes = m_upstream->readAll();
        if (m_done || !m_fault || m_fault == Fault::Delay) {
            down(bytes);
            return;
        }
        if (m_fault == Fault::Duplicate) {
            m_done = true;
            const qsizetype length = FaultProxy::messageLength(m_request);
            if (length > 0 && m_request.size() >= length) {
                ++m_counts[Fault::Duplicate];
                replay(m_request.left(length));
            }
            down(bytes);
            return;
        }
        if (m_fault == Fault::Reset) {
            m_done = true;
            ++m_counts[Fault::Reset];
            // SO_LINGER 0: close() sends RST instead of FIN.
            const linger hard{1, 0};
            ::setsockopt(static_cast<int>(m_client->socketDescriptor()), SOL_SOCKET, SO_LINGER,
                         &hard, sizeof hard);
            m_client->abort();
            m_upstream->abort();
            deleteLater();
            return;
        }
        // CutResponse: the whole answer, then its head and half its body.
        m_response += bytes;
        const qsizetype length = FaultProxy::messageLength(m_response);
        if (length < 0 || m_response.size() < length)
            return;
        cutResponse(length);
    }

    void cutResponse(qsizetype length)
    {
        m_done = true;
        ++m_counts[Fault::CutResponse];
        m_client->write(m_response.left(FaultProxy::cutPoint(m_response, length)));
        m_client->disconnectFromHost();
        m_upstream->abort();
    }

    void down(const QByteArray& bytes)
    {
        if (!m_holdDown) {
            m_client->write(bytes);
            return;
        }
        const bool first = m_heldDown.isEmpty();
        m_heldDown += bytes;
        if (first)
            QTimer::singleShot(m_delayMs, this, [this] {
                m_holdDown = false;
                m_client->write(m_heldDown);
                m_heldDown.clear();
                if (m_upstreamGone)
                    m_client->disconnectFromHost();
            });
    }

    void upstreamGone()
    {
        m_upstreamGone = true;
        if (m_client->state() == QAbstractSocket::UnconnectedState) {
            deleteLater();
            return;
        }
        if (m_fault == Fault::CutResponse && !m_done && !m_response.isEmpty()) {
            cutResponse(m_response.size());
            return;
        }
        if (!m_holdDown || m_heldDown.isEmpty())
            m_client->disconnectFromHost();
    }

    // The same request again on a new connection, its answer thrown away.
    void replay(const QByteArray& request)
    {
        auto* again = new QTcpSocket(parent());
        connect(again, &QTcpSocket::connected, again, [again, request] { again->write(request); });
        connect(again, &QTcpSocket::readyRead, again, [again] { again->readAll(); });
        connect(again, &QTcpSocket::disconnected, again, &QObject::deleteLater);
        connect(again, &QTcpSocket::errorOccurred, again, &QObject::deleteLater);
        QTimer::singleShot(10000, again, [again] { again->abort(); });
        again->connectToHost(QHostAddress::LocalHost, m_port);
    }

    void finish()
    {
        m_upstream->abort();
        m_client->abort();
        deleteLater();
    }

    QTcpSocket* m_client;
    QTcpSocket* m_upstream;
    std::optional<Fault> m_fault;
    int m_delayMs;
    QMap<Fault, int>& m_counts;
    quint16 m_port = 0;
    bool m_upConnected = false;
    bool m_upstreamGone = false;
    bool m_done = false; // the fault is spent: bytes pass through
    bool m_closeAfterUp = false;
    bool m_holdDown = false;
    QByteArray m_pendingUp, m_request, m_response, m_heldDown;
};

} // namespace

const char* FaultProxy::name(Fault fault)
{
    switch (fault) {
    case Fault::Drop:
        return "drop";
    case Fault::Delay:
        return "delay";
    case Fault::Duplicate:
        return "duplicate";
    case Fault::CutRequest:
        return "cut-request";
    case Fault::CutResponse:
        return "cut-response";
    case Fault::Reset:
        return "reset";
    }
    return "?";
}

FaultProxy::FaultProxy(quint64 seed, QObject* parent) : QObject(parent), m_random(seed)
{
    connect(&m_server, &QTcpServer::newConnection, this, &FaultProxy::accept);
    m_server.listen(QHostAddress::LocalHost, 0);
}

void FaultProxy::accept()
{
    while (QTcpSocket* client = m_server.nextPendingConnection()) {
        ++m_connections;
        std::optional<Fault> fault;
        if (m_rate > 0 && static_cast<double>(below(1000)) < m_rate * 1000)
            fault = static_cast<Fault>(below(kFaultKinds));
        const int delayMs = 100 + below(1400);
        if (fault == Fault::Drop) {
            ++m_faults[Fault::Drop];
            client->abort();
            client->deleteLater();
            continue;
        }
        if (fault == Fault::Delay)
            ++m_faults[Fault::Delay];
        auto* link = new Link(client, fault, delayMs, m_faults, this);
        link->start(m_upstream);
    }
}

QString FaultProxy::summary() const
{
    QStringList parts;
    for (int i = 0; i < kFaultKinds; ++i) {
        const auto fault = static_cast<Fault>(i);
        parts.append(
            QStringLiteral("%1 %2").arg(QLatin1String(name(fault))).arg(m_faults.value(fault)));
    }
    return QStringLiteral("%1 connections; faults: %2")
        .arg(m_connections)
        .arg(parts.join(QStringLiteral(", ")));
}

qsizetype FaultProxy::messageLength(const QByteArray& bytes)
{
    const qsizetype head = bytes.indexOf("\r\n\r\n");
    if (head < 0)
        return -1;
    qsizetype body = 0;
    for (const QByteArray& line : bytes.left(head).split('\n')) {
        const QByteArray field = line.trimmed().toLower();
        if (field.startsWith("content-length:"))
            body = field.mid(15).trimmed().toLongLong();
    }
    return head + 4 + body;
}

qsizetype FaultProxy::cutPoint(const QByteArray& bytes, qsizetype length)
{
    const qsizetype head = bytes.indexOf("\r\n\r\n") + 4;
    if (head < 4 || length <= head)
        return qMax<qsizetype>(1, length / 2); // no body: cut the head itself
    return head + (length - head) / 2;
}

} // namespace onewindow::test
