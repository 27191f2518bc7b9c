#include "server/HttpFront.h"

#include "core/EventChecksum.h"
#include "server/FrontConnection.h"

#include <QFile>
#include <QRandomGenerator>
#include <QSslSocket>

#include <chrono>

namespace onewindow::server {

QString addressText(const QHostAddress& address)
{
    bool v4 = false;
    const quint32 ip4 = address.toIPv4Address(&v4);
    return v4 ? QHostAddress(ip4).toString() : address.toString();
}

HttpFront::HttpFront(FrontOptions options, const core::Clock& clock, LogSink log)
    : m_options(std::move(options)), m_clock(clock), m_log(std::move(log))
{
    QByteArray secret(16, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32*>(secret.data()), 4);
    m_secret = secret.toHex();
}

HttpFront::~HttpFront()
{
    // The connections go first, while the counts they give back still exist.
    close();
    const QObjectList kids = children();
    for (QObject* child : kids)
        delete dynamic_cast<FrontConnection*>(child);
}

core::Status HttpFront::start(const QHostAddress& address, quint16 port, quint16 backendPort)
{
    m_backendPort = backendPort;
    if (!m_options.tlsCertificate.isEmpty() || !m_options.tlsKey.isEmpty()) {
        if (!QSslSocket::supportsSsl())
            return core::Error{QStringLiteral("tls.unavailable"),
                               QStringLiteral("本机的 Qt 没有可用的 TLS 后端（OpenSSL）")};
        const auto chain = QSslCertificate::fromPath(m_options.tlsCertificate, QSsl::Pem);
        QFile keyFile(m_options.tlsKey);
        QByteArray keyPem;
        if (keyFile.open(QIODevice::ReadOnly))
            keyPem = keyFile.read(1024 * 1024);
        for (QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec, QSsl::Opaque}) {
            m_key = QSslKey(keyPem, algorithm, QSsl::Pem);
            if (!m_key.isNull())
                break;
        }
        if (chain.isEmpty() || m_key.isNull())
            return core::Error{
                QStringLiteral("tls.bad_files"),
                QStringLiteral("无法读取 TLS 证书或私钥（须为 PEM 文件，私钥不得加密）：%1，%2")
                    .arg(m_options.tlsCertificate, m_options.tlsKey)};
        m_certificate = chain.first();
    }
    if (!listen(address, port))
        return core::Error{QStringLiteral("serve.listen_failed"),
                           QStringLiteral("无法监听 %1:%2（地址被占用或无权限）：%3")
                               .arg(address.toString())
                               .arg(port)
                               .arg(errorString())};
    return {};
}

void HttpFront::incomingConnection(qintptr descriptor)
{
    QTcpSocket* socket = tls() ? new QSslSocket : new QTcpSocket;
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    const QString peer = addressText(socket->peerAddress());
    // A trusted proxy's connections count per request, against the X-Real-IP they carry.
    const bool proxied = trusts(socket->peerAddress());
    const bool counted = !proxied && attribute({}, peer);
    auto* connection = new FrontConnection(*this, socket, peer, counted);
    if (auto* ssl = qobject_cast<QSslSocket*>(socket)) {
        ssl->setLocalCertificate(m_certificate);
        ssl->setPrivateKey(m_key);
        ssl->setPeerVerifyMode(QSslSocket::VerifyNone);
        ssl->startServerEncryption(); // the request time limit covers the handshake too
    }
    if (!proxied && !counted)
        connection->refuseAtOnce(
            429, core::sync::tooManyConnections(m_options.limits.maxConnectionsPerAddress));
}

bool HttpFront::trusts(const QHostAddress& peer) const
{
    for (const QHostAddress& a : m_options.trustedProxies)
        if (addressText(a) == addressText(peer))
            return true;
    return false;
}

bool HttpFront::attribute(const QString& previous, const QString& address)
{
    if (address == previous)
        return true;
    if (m_perAddress.value(address) >= m_options.limits.maxConnectionsPerAddress)
        return false;
    ++m_perAddress[address];
    if (!previous.isEmpty())
        release(previous);
    return true;
}

void HttpFront::release(const QString& address)
{
    auto it = m_perAddress.find(address);
    if (it == m_perAddress.end())
        return;
    if (--it.value() <= 0)
        m_perAddress.erase(it);
}

qint64 HttpFront::monotonicNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

QByteArray HttpFront::forwardValue(const QString& client) const
{
    return m_secret + ' ' + client.toLatin1();
}

QString HttpFront::clientOf(const QByteArray& forwardHeader) const
{
    const qsizetype space = forwardHeader.indexOf(' ');
    if (space <= 0 || forwardHeader.left(space) != m_secret)
        return {};
    return QString::fromLatin1(forwardHeader.mid(space + 1));
}

void HttpFront::log(const QString& client, const QByteArray& method, const QByteArray& path,
                    int status, qint64 ms)
{
    m_log(QStringLiteral("%1 device=- hall=- client=%2 %3 %4 %5 %6ms")
              .arg(QString::fromUtf8(core::canonicalTimeText(m_clock.nowUtc())), client,
                   logSafe(method), logSafe(path), QString::number(status), QString::number(ms)));
}

QString logSafe(const QByteArray& text)
{
    QString out;
    out.reserve(text.size());
    for (const char byte : text) {
        const auto c = uchar(byte);
        if (c > 0x20 && c < 0x7f)
            out += QLatin1Char(char(c));
        else
            out += QStringLiteral("%%1").arg(uint(c), 2, 16, QLatin1Char('0')).toUpper();
    }
    return out;
}

} // namespace onewindow::server
